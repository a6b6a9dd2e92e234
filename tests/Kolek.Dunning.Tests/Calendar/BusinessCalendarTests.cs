using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Calendar;
using NodaTime;

namespace Kolek.Dunning.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.BrazilBanking;

    private static Arbitrary<LocalDate> Dates { get; } =
        Gen.Choose(0, 365 * 16).Select(d => new LocalDate(2020, 1, 1).PlusDays(d)).ToArbitrary();

    [Theory]
    [InlineData("2026-02-13", true)]   // Friday before Carnival
    [InlineData("2026-02-16", false)]  // Carnival Monday
    [InlineData("2026-02-17", false)]  // Carnival Tuesday
    [InlineData("2026-02-18", true)]   // Ash Wednesday is a business day (banks open at noon)
    [InlineData("2026-11-14", false)]  // Saturday
    [InlineData("2026-11-20", false)]  // Consciência Negra
    [InlineData("2026-12-07", true)]   // Monday
    public void IsBusinessDay_KnownDates_AsPublished(string date, bool expected) =>
        Assert.Equal(expected, s_calendar.IsBusinessDay(Parse(date)));

    [Theory]
    [InlineData("2026-11-14", "2026-11-16")] // Saturday, then Sunday holiday 15 Nov, Monday
    [InlineData("2026-02-14", "2026-02-18")] // Carnival weekend
    [InlineData("2026-12-07", "2026-12-07")] // already a business day
    [InlineData("2026-12-25", "2026-12-28")] // Christmas on Friday
    public void NextBusinessDay_NonBusinessDay_RollsForward(string date, string expected) =>
        Assert.Equal(Parse(expected), s_calendar.NextBusinessDay(Parse(date)));

    [Theory]
    [InlineData("2026-02-19", -3, "2026-02-12")] // back over Carnival
    [InlineData("2026-02-12", 3, "2026-02-19")]
    [InlineData("2026-11-13", 1, "2026-11-16")]
    [InlineData("2026-11-14", 1, "2026-11-16")]  // from a Saturday
    [InlineData("2026-11-14", -1, "2026-11-13")]
    [InlineData("2026-12-07", 0, "2026-12-07")]
    public void AddBusinessDays_KnownDates_Expected(string date, int days, string expected) =>
        Assert.Equal(Parse(expected), s_calendar.AddBusinessDays(Parse(date), days));

    [Fact]
    public void WithHolidays_StateHoliday_AddsItAndLeavesTheOriginalUnchanged()
    {
        var revolution = new LocalDate(2026, 7, 9); // São Paulo state: Revolução Constitucionalista (a Thursday in 2026)
        var sp = s_calendar.WithHolidays(y => [new Holiday(new LocalDate(y, 7, 9), "Revolução Constitucionalista")]);
        Assert.False(sp.IsBusinessDay(revolution));
        Assert.True(s_calendar.IsBusinessDay(revolution));
        Assert.Equal(new LocalDate(2026, 7, 10), revolution.With(sp.Following));
        Assert.Equal(new LocalDate(2026, 7, 8), revolution.With(sp.Preceding));
    }

    [Fact]
    public void WithHolidays_FixedDates_OnlyThatYear()
    {
        var cal = BusinessCalendar.WeekendsOnly.WithHolidays([new Holiday(new LocalDate(2026, 1, 25), "Aniversário de São Paulo")]);
        Assert.True(cal.IsHoliday(new LocalDate(2026, 1, 25)));
        Assert.False(cal.IsHoliday(new LocalDate(2027, 1, 25)));
    }

    [Fact]
    public void BusinessDaysBetween_AcrossCarnival_CountsOnlyBusinessDays()
    {
        Assert.Equal(3, s_calendar.BusinessDaysBetween(new LocalDate(2026, 2, 12), new LocalDate(2026, 2, 19)));
        Assert.Equal(-3, s_calendar.BusinessDaysBetween(new LocalDate(2026, 2, 19), new LocalDate(2026, 2, 12)));
    }

    [Property]
    public Property AddBusinessDays_ThereAndBack_RoundTripsFromABusinessDay() =>
        Prop.ForAll(Dates, Gen.Choose(-400, 400).ToArbitrary(), (date, n) =>
        {
            var start = s_calendar.NextBusinessDay(date);
            return s_calendar.AddBusinessDays(s_calendar.AddBusinessDays(start, n), -n) == start;
        });

    [Property]
    public Property AddBusinessDays_NonZero_LandsOnABusinessDayThatCountsN() =>
        Prop.ForAll(Dates, Gen.Choose(-60, 60).Where(n => n != 0).ToArbitrary(), (date, n) =>
        {
            var result = s_calendar.AddBusinessDays(date, n);
            var counted = n > 0
                ? s_calendar.BusinessDaysBetween(date, result)                           // business days in (date, result]
                : -s_calendar.BusinessDaysBetween(result.PlusDays(-1), date.PlusDays(-1)); // business days in [result, date)
            return s_calendar.IsBusinessDay(result) && counted == n;
        });

    [Property]
    public Property NextBusinessDay_Always_IdempotentAndNeverBackwards() =>
        Prop.ForAll(Dates, date =>
        {
            var next = s_calendar.NextBusinessDay(date);
            return next >= date && s_calendar.NextBusinessDay(next) == next && s_calendar.IsBusinessDay(next)
                && (s_calendar.IsBusinessDay(date) == (next == date));
        });

    [Property]
    public Property PreviousBusinessDay_Always_IdempotentAndNeverForwards() =>
        Prop.ForAll(Dates, date =>
        {
            var previous = s_calendar.PreviousBusinessDay(date);
            return previous <= date && s_calendar.PreviousBusinessDay(previous) == previous && s_calendar.IsBusinessDay(previous);
        });

    private static LocalDate Parse(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}

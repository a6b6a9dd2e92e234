using Kolek.Dunning.Calendar;
using NodaTime;

namespace Kolek.Dunning.Tests.Calendar;

public sealed class BrazilianHolidaysTests
{
    // Easter Sunday 2020–2035 (Western churches), from the published tables.
    [Theory]
    [InlineData(2020, 4, 12)]
    [InlineData(2021, 4, 4)]
    [InlineData(2022, 4, 17)]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    [InlineData(2031, 4, 13)]
    [InlineData(2032, 3, 28)]
    [InlineData(2033, 4, 17)]
    [InlineData(2034, 4, 9)]
    [InlineData(2035, 3, 25)]
    public void Easter_KnownYears_MatchesPublishedTable(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), BrazilianHolidays.Easter(year));

    // ANBIMA, "Feriados nacionais" (www.anbima.com.br/feriados), as published for each year.
    [Theory]
    [InlineData(2024, "2024-01-01 2024-02-12 2024-02-13 2024-03-29 2024-04-21 2024-05-01 2024-05-30 2024-09-07 2024-10-12 2024-11-02 2024-11-15 2024-11-20 2024-12-25")]
    [InlineData(2025, "2025-01-01 2025-03-03 2025-03-04 2025-04-18 2025-04-21 2025-05-01 2025-06-19 2025-09-07 2025-10-12 2025-11-02 2025-11-15 2025-11-20 2025-12-25")]
    [InlineData(2026, "2026-01-01 2026-02-16 2026-02-17 2026-04-03 2026-04-21 2026-05-01 2026-06-04 2026-09-07 2026-10-12 2026-11-02 2026-11-15 2026-11-20 2026-12-25")]
    [InlineData(2027, "2027-01-01 2027-02-08 2027-02-09 2027-03-26 2027-04-21 2027-05-01 2027-05-27 2027-09-07 2027-10-12 2027-11-02 2027-11-15 2027-11-20 2027-12-25")]
    public void National_AnbimaYears_MatchesPublishedList(int year, string expected)
    {
        var dates = BusinessCalendar.Brazil.HolidaysIn(year).Select(h => h.Date.ToString("uuuu-MM-dd", null));
        Assert.Equal(expected.Split(' '), dates);
    }

    [Fact]
    public void National_Before2024_HasNoConscienciaNegra()
    {
        var dates = BrazilianHolidays.National(2023).Select(h => h.Date).ToList();
        Assert.Equal(12, dates.Count);
        Assert.DoesNotContain(new LocalDate(2023, 11, 20), dates);
    }

    [Fact]
    public void BrazilBanking_December31_IsNotABusinessDayButAnbimaCalendarKeepsIt()
    {
        var eve = new LocalDate(2025, 12, 31);
        Assert.True(BusinessCalendar.Brazil.IsBusinessDay(eve));
        Assert.False(BusinessCalendar.BrazilBanking.IsBusinessDay(eve));
        Assert.Equal(new LocalDate(2026, 1, 2), BusinessCalendar.BrazilBanking.NextBusinessDay(eve));
    }

    [Fact]
    public void Easter_YearBeforeGregorianTables_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BrazilianHolidays.Easter(1500));
}

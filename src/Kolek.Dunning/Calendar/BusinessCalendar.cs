using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using NodaTime;

namespace Kolek.Dunning.Calendar;

/// <summary>An immutable business-day calendar: a weekend rule composed with holiday sets.</summary>
/// <remarks>
/// Calendars compose: start from <see cref="Brazil"/> (or <see cref="BrazilBanking"/>) and add state or municipal
/// holidays with <see cref="WithHolidays(IEnumerable{Holiday})"/> or a per-year rule with
/// <see cref="WithHolidays(Func{int, IEnumerable{Holiday}})"/>; each call returns a new calendar.
/// Rolling adjusters (<see cref="Following"/>, <see cref="Preceding"/>) can be applied with <see cref="LocalDate.With(Func{LocalDate, LocalDate})"/>.
/// This type is immutable and thread-safe (holidays are computed once per year and memoised).
/// </remarks>
public sealed class BusinessCalendar
{
    private const int MaxRoll = 366;

    private readonly FrozenSet<IsoDayOfWeek> _weekend;
    private readonly ImmutableArray<Func<int, IEnumerable<Holiday>>> _rules;
    private readonly ConcurrentDictionary<int, FrozenDictionary<LocalDate, Holiday>> _years = new();

    private BusinessCalendar(FrozenSet<IsoDayOfWeek> weekend, ImmutableArray<Func<int, IEnumerable<Holiday>>> rules)
    {
        _weekend = weekend;
        _rules = rules;
    }

    /// <summary>Saturdays and Sundays are non-business days; no holidays.</summary>
    public static BusinessCalendar WeekendsOnly { get; } =
        new([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], ImmutableArray<Func<int, IEnumerable<Holiday>>>.Empty);

    /// <summary>Brazilian national holidays as ANBIMA publishes them (<see cref="BrazilianHolidays.National"/>), plus weekends.</summary>
    public static BusinessCalendar Brazil { get; } = WeekendsOnly.WithHolidays(BrazilianHolidays.National);

    /// <summary><see cref="Brazil"/> plus 31 December, a day without bank service (<see cref="BrazilianHolidays.BankOnly"/>).</summary>
    /// <remarks>Use it for the due-date shift of boletos (Lei 7.089/83); it is the default calendar of <c>AddKolekDunning</c>.</remarks>
    public static BusinessCalendar BrazilBanking { get; } = Brazil.WithHolidays(BrazilianHolidays.BankOnly);

    /// <summary>The days of the week that are never business days.</summary>
    public IReadOnlySet<IsoDayOfWeek> Weekend => _weekend;

    /// <summary>Rolls a date forward to a business day (the date itself when it already is one): <see cref="NextBusinessDay"/> as an adjuster.</summary>
    public Func<LocalDate, LocalDate> Following => NextBusinessDay;

    /// <summary>Rolls a date back to a business day (the date itself when it already is one): <see cref="PreviousBusinessDay"/> as an adjuster.</summary>
    public Func<LocalDate, LocalDate> Preceding => PreviousBusinessDay;

    /// <summary>Returns a calendar that also treats the given dates as holidays.</summary>
    /// <param name="holidays">Fixed-date holidays (e.g. a municipal anniversary in a given year).</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    [Pure]
    public BusinessCalendar WithHolidays(IEnumerable<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var byYear = holidays.GroupBy(h => h.Date.Year).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        return WithHolidays(year => byYear.TryGetValue(year, out var list) ? list : []);
    }

    /// <summary>Returns a calendar that also applies a per-year holiday rule (e.g. a state holiday every 9 July).</summary>
    /// <param name="perYear">Gives the holidays of a year; must be pure (it is called once per year and memoised).</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    [Pure]
    public BusinessCalendar WithHolidays(Func<int, IEnumerable<Holiday>> perYear)
    {
        ArgumentNullException.ThrowIfNull(perYear);
        return new BusinessCalendar(_weekend, _rules.Add(perYear));
    }

    /// <summary>Returns a calendar with a different weekend rule and the same holidays.</summary>
    /// <param name="weekend">The non-business days of the week (at most six).</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">All seven days are weekend days.</exception>
    [Pure]
    public BusinessCalendar WithWeekend(params IsoDayOfWeek[] weekend)
    {
        ArgumentNullException.ThrowIfNull(weekend);
        var set = weekend.ToFrozenSet();
        if (set.Count >= 7)
        {
            throw new ArgumentException("A calendar needs at least one business day per week.", nameof(weekend));
        }

        return new BusinessCalendar(set, _rules);
    }

    /// <summary>The holidays of <paramref name="year"/>, in date order (weekend ones included).</summary>
    /// <param name="year">The year.</param>
    /// <returns>One entry per date; when two rules name the same date, the first rule's name is kept.</returns>
    public IReadOnlyList<Holiday> HolidaysIn(int year) => [.. HolidayMap(year).Values.OrderBy(h => h.Date)];

    /// <summary>Whether <paramref name="date"/> falls on a weekend day of this calendar.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a weekend day.</returns>
    public bool IsWeekend(LocalDate date) => _weekend.Contains(date.DayOfWeek);

    /// <summary>Whether <paramref name="date"/> is a holiday of this calendar (whatever its day of the week).</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a holiday.</returns>
    public bool IsHoliday(LocalDate date) => HolidayMap(date.Year).ContainsKey(date);

    /// <summary>Whether <paramref name="date"/> is a business day: neither a weekend day nor a holiday.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a business day.</returns>
    public bool IsBusinessDay(LocalDate date) => !IsWeekend(date) && !IsHoliday(date);

    /// <summary>The date itself when it is a business day, otherwise the first business day after it.</summary>
    /// <param name="date">The date.</param>
    /// <returns>A business day on or after <paramref name="date"/>; idempotent.</returns>
    public LocalDate NextBusinessDay(LocalDate date) => Roll(date, 1);

    /// <summary>The date itself when it is a business day, otherwise the last business day before it.</summary>
    /// <param name="date">The date.</param>
    /// <returns>A business day on or before <paramref name="date"/>; idempotent.</returns>
    public LocalDate PreviousBusinessDay(LocalDate date) => Roll(date, -1);

    /// <summary>Moves <paramref name="days"/> business days from <paramref name="date"/> (backwards when negative).</summary>
    /// <param name="date">The start date; it need not be a business day.</param>
    /// <param name="days">The number of business days; zero returns <paramref name="date"/> unchanged.</param>
    /// <returns>
    /// For <c>n &gt; 0</c>, the n-th business day strictly after <paramref name="date"/>; for <c>n &lt; 0</c>, the |n|-th business day strictly
    /// before it. From a business day, adding <c>n</c> then <c>−n</c> returns to it.
    /// </returns>
    public LocalDate AddBusinessDays(LocalDate date, int days)
    {
        var step = Math.Sign(days);
        var result = date;
        for (var i = 0; i != days; i += step)
        {
            result = Roll(result.PlusDays(step), step);
        }

        return result;
    }

    /// <summary>The number of business days in the half-open range (<paramref name="start"/>, <paramref name="end"/>].</summary>
    /// <param name="start">The first date (excluded).</param>
    /// <param name="end">The last date (included); when before <paramref name="start"/>, the count is negative.</param>
    /// <returns>The signed count of business days.</returns>
    public int BusinessDaysBetween(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            return -BusinessDaysBetween(end, start);
        }

        var count = 0;
        for (var d = start.PlusDays(1); d <= end; d = d.PlusDays(1))
        {
            if (IsBusinessDay(d))
            {
                count++;
            }
        }

        return count;
    }

    private LocalDate Roll(LocalDate date, int direction)
    {
        var result = date;
        for (var i = 0; i < MaxRoll; i++)
        {
            if (IsBusinessDay(result))
            {
                return result;
            }

            result = result.PlusDays(direction);
        }

        throw new InvalidOperationException($"No business day within {MaxRoll} days of {date:uuuu-MM-dd}; check the calendar's holiday rules.");
    }

    private FrozenDictionary<LocalDate, Holiday> HolidayMap(int year) => _years.GetOrAdd(year, Compute, _rules);

    private static FrozenDictionary<LocalDate, Holiday> Compute(int year, ImmutableArray<Func<int, IEnumerable<Holiday>>> rules)
    {
        var map = new Dictionary<LocalDate, Holiday>();
        foreach (var rule in rules)
        {
            foreach (var holiday in rule(year))
            {
                if (holiday.Date.Year == year)
                {
                    map.TryAdd(holiday.Date, holiday);
                }
            }
        }

        return map.ToFrozenDictionary();
    }
}

using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>The settings of portfolio insight: the period of DSO and CEI, the effectiveness window, the due-soon horizon and the trend length.</summary>
/// <remarks>
/// <para>Each property validates on <c>init</c> and throws <see cref="ArgumentOutOfRangeException"/> outside its range.
/// The formulas these settings feed are documented on <see cref="CollectionMetrics"/> and in <c>docs/insight.md</c>.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed record InsightOptions
{
    private readonly int _periodDays = 90;
    private readonly int _paidWithinDays = 7;
    private readonly int _dueSoonDays = 3;
    private readonly int _trendMonths = 6;
    private readonly DateTimeZone _timeZone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    /// <summary>The defaults: a trailing 90-day period, paid within 7 days, due soon within 3 days, 6 months of trend.</summary>
    public static InsightOptions Default { get; } = new();

    /// <summary>The length in days of the trailing period <c>(asOf − PeriodDays, asOf]</c> over which DSO and CEI are measured (1–3660).</summary>
    /// <value>The default value is 90.</value>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1–3660.</exception>
    public int PeriodDays
    {
        get => _periodDays;
        init => _periodDays = InRange(value, 1, 3660, nameof(PeriodDays));
    }

    /// <summary>How many days after a message a payment still counts for the step's effectiveness (0–365).</summary>
    /// <value>The default value is 7.</value>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0–365.</exception>
    public int PaidWithinDays
    {
        get => _paidWithinDays;
        init => _paidWithinDays = InRange(value, 0, 365, nameof(PaidWithinDays));
    }

    /// <summary>An open item not yet late is <em>due soon</em> when its adjusted due date is at most this many days after the as-of date (0–365).</summary>
    /// <value>The default value is 3.</value>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0–365.</exception>
    public int DueSoonDays
    {
        get => _dueSoonDays;
        init => _dueSoonDays = InRange(value, 0, 365, nameof(DueSoonDays));
    }

    /// <summary>The number of points of the delinquency trend: the as-of date and the last day of each of the previous months (1–60).</summary>
    /// <value>The default value is 6.</value>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1–60.</exception>
    public int TrendMonths
    {
        get => _trendMonths;
        init => _trendMonths = InRange(value, 1, 60, nameof(TrendMonths));
    }

    /// <summary>The zone that turns a journal instant into the local date of a send, and a status query's instant into a date when the customer and the ruler state none.</summary>
    /// <value>The default value is <c>America/Sao_Paulo</c>.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public DateTimeZone TimeZone
    {
        get => _timeZone;
        init => _timeZone = value ?? throw new ArgumentNullException(nameof(TimeZone));
    }

    private static int InRange(int value, int min, int max, string name) =>
        value < min || value > max ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.") : value;
}

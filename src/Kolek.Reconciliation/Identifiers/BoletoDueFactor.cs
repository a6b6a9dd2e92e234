using NodaTime;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>The 4-digit due-date factor of a bank boleto ("fator de vencimento"): days since a base date, restarted at
/// 1000 on 2025-02-22.</summary>
/// <remarks>
/// <para>
/// FEBRABAN counted the factor in days from 1997-10-07, so 1000 was 2000-07-03 and 9999 was 2025-02-21. Four digits
/// then ran out, and from 2025-02-22 the count restarted at 1000 (2025-02-22 = 1000, 2025-02-23 = 1001, …; the next
/// restart, if the rule is kept, is 2049-10-14, after 9999 = 2049-10-13). A factor therefore names one date in every 9000-day cycle, and a reader
/// must choose the cycle.
/// </para>
/// <para>
/// <b>Kolek's rule:</b> a factor is read as the date of its cycle that falls in the window from 3000 days before to 5999
/// days after a reference date (about 8 years back and 16 years ahead; the window is 9000 days long, so exactly one date
/// fits). <see cref="ToDate(LocalDate)"/> takes the reference explicitly (normally the processing date, such as the
/// statement date or today from an <c>IClock</c>). <see cref="ToDate()"/> uses the fixed reference
/// <see cref="RolloverDate"/>, which reads every factor correctly for due dates from 2016-12-06 to 2041-07-27, and keeps
/// the value deterministic without a clock.
/// </para>
/// <para>
/// A factor below 1000 (first digit zero) means the boleto carries no due date (FEBRABAN: "quando a primeira posição
/// … for zero, não consta o fator de vencimento"); 0000 is the usual form.
/// </para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct BoletoDueFactor
{
    /// <summary>The number of days in one factor cycle (factors 1000–9999).</summary>
    public const int CycleDays = 9000;

    private const int WindowDaysBefore = 3000;

    private BoletoDueFactor(int value)
    {
        Value = value;
    }

    /// <summary>Gets the day factor 1000 stood for in the first cycle: 2000-07-03 (base date 1997-10-07 plus 1000 days).</summary>
    public static LocalDate FirstCycleStart { get; } = new(2000, 7, 3);

    /// <summary>Gets the day the factor restarted at 1000: 2025-02-22.</summary>
    public static LocalDate RolloverDate { get; } = new(2025, 2, 22);

    /// <summary>Gets the factor of a boleto with no due date (0000).</summary>
    public static BoletoDueFactor None { get; }

    /// <summary>Gets the factor, 0–9999.</summary>
    public int Value { get; }

    /// <summary>Gets a value indicating whether the factor names a due date (it is 1000 or more).</summary>
    public bool HasDueDate => Value >= 1000;

    /// <summary>Creates a factor from its four digits.</summary>
    /// <param name="value">The factor, 0–9999.</param>
    /// <returns>The factor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–9999.</exception>
    public static BoletoDueFactor FromValue(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 9999);
        return new BoletoDueFactor(value);
    }

    /// <summary>Creates the factor of a due date (in the cycle that contains the date).</summary>
    /// <param name="dueDate">The due date, on or after 2000-07-03.</param>
    /// <returns>The factor, 1000–9999: for example 9999 for 2025-02-21 and 1000 for 2025-02-22.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueDate"/> is before 2000-07-03.</exception>
    public static BoletoDueFactor FromDate(LocalDate dueDate)
    {
        var days = Period.DaysBetween(FirstCycleStart, dueDate);
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dueDate), dueDate, "A due-date factor exists only for dates from 2000-07-03.");
        }

        return new BoletoDueFactor(1000 + (days % CycleDays));
    }

    /// <summary>The due date this factor names in the window around a reference date (see the remarks).</summary>
    /// <param name="reference">The processing date the boleto is read on.</param>
    /// <returns>The due date, or <see langword="null"/> when the factor names none.</returns>
    public LocalDate? ToDate(LocalDate reference)
    {
        if (!HasDueDate)
        {
            return null;
        }

        var first = FirstCycleStart.PlusDays(Value - 1000);
        var windowStart = reference.PlusDays(-WindowDaysBefore);
        var daysShort = Period.DaysBetween(first, windowStart);
        var cycles = daysShort <= 0 ? 0 : (daysShort + CycleDays - 1) / CycleDays;
        return first.PlusDays(cycles * CycleDays);
    }

    /// <summary>The due date this factor names in the window around <see cref="RolloverDate"/> (see the remarks).</summary>
    /// <returns>The due date, or <see langword="null"/> when the factor names none.</returns>
    public LocalDate? ToDate() => ToDate(RolloverDate);

    /// <summary>Returns the four digits.</summary>
    /// <returns>For example <c>1000</c> or <c>0000</c>.</returns>
    public override string ToString() => Value.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}

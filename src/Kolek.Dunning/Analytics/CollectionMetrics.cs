using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>Days sales outstanding (DSO) and the collection effectiveness index (CEI) over a trailing period, with their inputs.</summary>
/// <param name="PeriodStart">The day before the period's first day: receivables are measured at the end of this day for <paramref name="BeginReceivables"/>.</param>
/// <param name="PeriodEnd">The as-of date, the period's last day.</param>
/// <param name="PeriodDays">The period's length in days (<c>PeriodEnd − PeriodStart</c>).</param>
/// <param name="BeginReceivables">The receivables at the end of <paramref name="PeriodStart"/>, in BRL.</param>
/// <param name="CreditSales">The amounts of the charges issued within the period (<c>PeriodStart &lt; IssueDate ≤ PeriodEnd</c>), in BRL.</param>
/// <param name="EndReceivables">The receivables at the end of <paramref name="PeriodEnd"/>, in BRL.</param>
/// <param name="EndCurrentReceivables">The part of <paramref name="EndReceivables"/> not yet past its adjusted due date, in BRL.</param>
/// <remarks>
/// <para>The receivables at the end of a day <c>d</c> are <c>Σ balance(c, d)</c> over the charges, where <c>balance(c, d)</c> is 0 for a
/// charge issued after <c>d</c> or whose status is cancelled or agreement, <c>Amount</c> when its payment (<c>PaidDate</c>) came after
/// <c>d</c>, and otherwise <c>max(0, Amount − PaidAmount)</c> (a payment without <c>PaidDate</c> counts from the issue date). See
/// <c>docs/insight.md</c>.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed record CollectionMetrics(
    LocalDate PeriodStart,
    LocalDate PeriodEnd,
    int PeriodDays,
    decimal BeginReceivables,
    decimal CreditSales,
    decimal EndReceivables,
    decimal EndCurrentReceivables)
{
    /// <summary>Days sales outstanding: <c>EndReceivables ÷ CreditSales × PeriodDays</c>, rounded half-even to 1 decimal; <see langword="null"/> without credit sales.</summary>
    public decimal? Dso => CreditSales == 0m ? null : Math.Round(EndReceivables / CreditSales * PeriodDays, 1, MidpointRounding.ToEven);

    /// <summary>
    /// The collection effectiveness index: <c>(BeginReceivables + CreditSales − EndReceivables) ÷ (BeginReceivables + CreditSales − EndCurrentReceivables)</c>,
    /// rounded half-even to 4 decimals; <see langword="null"/> when the denominator is not positive (nothing was collectible in the period).
    /// </summary>
    public decimal? Cei => (BeginReceivables + CreditSales - EndCurrentReceivables) is var collectible && collectible <= 0m
        ? null
        : Math.Round((BeginReceivables + CreditSales - EndReceivables) / collectible, 4, MidpointRounding.ToEven);
}

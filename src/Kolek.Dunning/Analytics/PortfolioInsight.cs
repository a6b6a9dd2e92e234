using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>Everything portfolio insight computes in one pass over the charges (see <see cref="PortfolioAccumulator"/>).</summary>
/// <param name="AsOf">The date of the report.</param>
/// <param name="Aging">The aging of the open items, with the totals and the delinquency rate.</param>
/// <param name="States">How many charges stand in each <see cref="ChargeState"/>, in enum order, every state present.</param>
/// <param name="DueSoon">The open items not yet late whose adjusted due date is within <see cref="InsightOptions.DueSoonDays"/> days of <paramref name="AsOf"/>.</param>
/// <param name="DueSoonAmount">What those items still owe, in BRL.</param>
/// <param name="Delinquents">The delinquent customers, largest overdue amount first (see <see cref="PortfolioAnalytics.Delinquents"/>).</param>
/// <param name="Collection">DSO and CEI over the trailing period, with their inputs.</param>
/// <param name="Trend">The receivables and overdue amount at the end of each of the last months and on <paramref name="AsOf"/>, oldest first.</param>
/// <param name="Steps">The effectiveness of each (step, channel) pair found in the journal, in the order of their first send.</param>
/// <remarks>
/// <para>The lists are the accumulator's own read-only lists; the record compares them by reference (use <see cref="AgingReport"/>
/// for a by-value comparison of the aging).</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed record PortfolioInsight(
    LocalDate AsOf,
    AgingReport Aging,
    IReadOnlyList<StateCount> States,
    int DueSoon,
    decimal DueSoonAmount,
    IReadOnlyList<DelinquentCustomer> Delinquents,
    CollectionMetrics Collection,
    IReadOnlyList<OverduePoint> Trend,
    IReadOnlyList<StepEffectiveness> Steps)
{
    /// <summary>A summary: the totals, the charges per state, the counts of delinquents, trend points and (step, channel) pairs, and DSO and CEI.</summary>
    /// <returns>For example <c>PortfolioInsight { AsOf = 2026-11-10, OpenCharges = 2, Outstanding = 1250.50, Overdue = 1250.50, States = 3 (late 2, paid 1), DueSoon = 0, DueSoonAmount = 0, Delinquents = 2, Dso = 84.6, Cei = 0.0601, Trend = 4, Steps = 3 }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(PortfolioInsight),
        (nameof(AsOf), Internal.ResultText.Date(AsOf)), (nameof(Aging.OpenCharges), Internal.ResultText.Number(Aging.OpenCharges)),
        (nameof(Aging.Outstanding), Internal.ResultText.Money(Aging.Outstanding)), (nameof(Aging.Overdue), Internal.ResultText.Money(Aging.Overdue)),
        (nameof(States), Internal.ResultText.Counts(States.Select(s => new KeyValuePair<string, long>(s.StateName, s.Count)))),
        (nameof(DueSoon), Internal.ResultText.Number(DueSoon)), (nameof(DueSoonAmount), Internal.ResultText.Money(DueSoonAmount)),
        (nameof(Delinquents), Internal.ResultText.Number(Delinquents.Count)),
        (nameof(Collection.Dso), Collection.Dso is { } dso ? Internal.ResultText.Money(dso) : "null"),
        (nameof(Collection.Cei), Collection.Cei is { } cei ? Internal.ResultText.Money(cei) : "null"),
        (nameof(Trend), Internal.ResultText.Number(Trend.Count)), (nameof(Steps), Internal.ResultText.Number(Steps.Count)));
}

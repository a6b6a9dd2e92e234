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
    IReadOnlyList<StepEffectiveness> Steps);

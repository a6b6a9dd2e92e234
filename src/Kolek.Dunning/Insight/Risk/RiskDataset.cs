using NodaTime;

namespace Kolek.Dunning.Insight.Risk;

/// <summary>A labelled example: a customer's features on a snapshot date and whether the next charge was paid late.</summary>
internal sealed record RiskExample(CustomerRiskFeatures Features, bool Late);

/// <summary>Builds labelled examples from a history without looking past the date they are known on.</summary>
internal static class RiskDataset
{
    /// <summary>A week's margin between a label's due date and the date it must be known on: the adjusted due date is at most a few days later (Carnival).</summary>
    public const int LabelMarginDays = 7;

    /// <summary>
    /// The examples of the given snapshot dates, in that order; labels as known on <paramref name="knownOn"/>. No snapshot
    /// is started once <paramref name="maxExamples"/> examples are collected (a snapshot is always taken whole).
    /// </summary>
    public static List<RiskExample> Build(
        IReadOnlyList<CustomerHistory> customers, IEnumerable<LocalDate> snapshots, LocalDate knownOn, int horizonDays, int recentDays, int maxExamples = int.MaxValue)
    {
        var examples = new List<RiskExample>();
        foreach (var date in snapshots)
        {
            if (examples.Count >= maxExamples)
            {
                break;
            }

            var rate = PaymentHistory.PortfolioLateRate(customers, date);
            foreach (var customer in customers)
            {
                if (PaymentHistory.NextChargeLate(customer, date, horizonDays, knownOn) is not { } late)
                {
                    continue;
                }

                if (PaymentHistory.Features(customer, date, rate, recentDays) is { } features)
                {
                    examples.Add(new RiskExample(features, late));
                }
            }
        }

        return examples;
    }

    /// <summary>The training snapshots, most recent first: <c>asOf − horizon − margin − k·interval</c>, k = 0 … max − 1, not before the first issue date.</summary>
    public static IEnumerable<LocalDate> TrainingSnapshots(IReadOnlyList<CustomerHistory> customers, LocalDate asOf, int horizonDays, int intervalDays, int maxSnapshots)
    {
        var first = FirstIssue(customers);
        for (var k = 0; k < maxSnapshots; k++)
        {
            var date = asOf.PlusDays(-horizonDays - LabelMarginDays - (k * intervalDays));
            if (date < first)
            {
                yield break;
            }

            yield return date;
        }
    }

    /// <summary>The test snapshots: <c>from + k·interval</c> while the label window plus margin ends by <paramref name="knownOn"/>.</summary>
    public static IEnumerable<LocalDate> ForwardSnapshots(LocalDate from, LocalDate knownOn, int horizonDays, int intervalDays)
    {
        for (var date = from; date.PlusDays(horizonDays + LabelMarginDays) <= knownOn; date = date.PlusDays(intervalDays))
        {
            yield return date;
        }
    }

    private static LocalDate FirstIssue(IReadOnlyList<CustomerHistory> customers)
    {
        var first = LocalDate.MaxIsoValue;
        foreach (var customer in customers)
        {
            foreach (var charge in customer.Charges)
            {
                first = LocalDate.Min(first, charge.IssueDate);
            }
        }

        return first;
    }
}

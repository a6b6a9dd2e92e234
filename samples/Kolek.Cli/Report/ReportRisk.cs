using Kolek.Dunning.Charges;
using Kolek.Dunning.Insight.Risk;
using NodaTime;

namespace Kolek.Cli.Report;

/// <summary>Where <c>kolek report</c> gets its risk rows: the one seam between the report and the risk model.</summary>
public static class ReportRisk
{
    /// <summary>
    /// The risk rows of the portfolio, one per customer with a charge issued by <paramref name="asOf"/>, highest
    /// probability first: a <see cref="RiskModel"/> learnt from the charges themselves (those with a <c>paid_date</c> give
    /// the outcomes), segmented by <see cref="RiskSegmentation.Default"/>, with the pt-BR reasons. A history too small to
    /// train gives the model's documented fallback (the smoothed late share), never an error.
    /// </summary>
    public static IReadOnlyList<RiskRow> Rows(IReadOnlyList<CustomerCharge> charges, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(charges);
        var history = charges.Select(c => c.Charge).ToList();
        var model = RiskModel.Train(history, asOf);
        return model.ScoreAll(history, asOf)
            .Select(s => new RiskRow(s.CustomerId, s.Probability, s.Segment, s.Reasons.Select(r => r.TextPtBr).ToList()))
            .ToList();
    }
}

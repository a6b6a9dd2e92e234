using Kolek.Dunning.Charges;
using NodaTime;

namespace Kolek.Cli.Report;

/// <summary>Where <c>kolek report</c> gets its risk rows: the one seam between the report and the risk model.</summary>
public static class ReportRisk
{
    /// <summary>
    /// The risk rows of the portfolio, one per customer. For now none: the risk model (<c>Kolek.Dunning.Insight.Risk</c>) is
    /// built separately and is wired in HERE, learning from the charges with a <c>paid_date</c>. Every consumer (JSON, tables,
    /// HTML histogram) already takes the rows from this method; with none, the HTML says there is not enough history.
    /// </summary>
    public static IReadOnlyList<RiskRow> Rows(IReadOnlyList<CustomerCharge> charges, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(charges);
        _ = asOf;
        return [];
    }
}

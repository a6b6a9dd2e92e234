using Kolek.Dunning.Analytics;

namespace Kolek.Cli.Report;

/// <summary>What the report outputs (JSON, tables, HTML) are built from: the portfolio insight and the risk rows.</summary>
/// <param name="Insight">The one-pass portfolio insight of <see cref="PortfolioAnalytics.Insight"/>.</param>
/// <param name="Risk">One row per customer from <see cref="ReportRisk.Rows"/>.</param>
/// <param name="HasJournal">Whether a journal (<c>--db</c>) was given, so an empty step list means "nothing sent" rather than "not asked".</param>
public sealed record InsightReport(PortfolioInsight Insight, IReadOnlyList<RiskRow> Risk, bool HasJournal)
{
    /// <summary>The risk rows, highest score first, then by customer id.</summary>
    public IEnumerable<RiskRow> RiskByScore =>
        Risk.OrderByDescending(r => r.Score).ThenBy(r => r.CustomerId, StringComparer.Ordinal);

    /// <summary>The trend as the tables and the HTML show it: from the first month end with something receivable (found by
    /// a user trial: a young portfolio showed months of zeros before its first charge); the as-of point at least. The JSON
    /// keeps every point.</summary>
    public IReadOnlyList<OverduePoint> TrendShown =>
        Insight.Trend.SkipWhile(p => p.Receivables == 0m && p.Overdue == 0m).DefaultIfEmpty(Insight.Trend[^1]).ToList();
}

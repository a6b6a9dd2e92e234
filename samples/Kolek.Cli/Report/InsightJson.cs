using System.Text.Json;
using Kolek.Cli.Output;
using Kolek.Dunning.Analytics;

namespace Kolek.Cli.Report;

/// <summary>The JSON of <c>kolek report</c> (CLI.md), and the parts <c>kolek demo</c> shares with it (totals, aging, delinquents).</summary>
public static class InsightJson
{
    /// <summary>The whole report document; <paramref name="more"/> writes further fields at its end.</summary>
    public static string Write(InsightReport report, Action<Utf8JsonWriter>? more = null) => JsonOut.Write(w =>
    {
        var insight = report.Insight;
        w.WriteStartObject();
        w.Date("asOf", insight.AsOf);
        WritePortfolio(w, insight.Aging, insight.Delinquents);
        w.Money("dso", insight.Collection.Dso);
        w.Money("cei", insight.Collection.Cei);
        w.Objects("risk", report.RiskByScore, (w, r) =>
        {
            w.WriteString("customerId", r.CustomerId);
            w.WriteNumber("score", Math.Round(r.Score, 4));
            w.WriteString("segment", r.Segment);
            w.Strings("reasons", r.Reasons);
        });
        w.Objects("steps", insight.Steps, WriteStep);
        var c = insight.Collection;
        w.WriteStartObject("collection");
        w.Date("periodStart", c.PeriodStart);
        w.Date("periodEnd", c.PeriodEnd);
        w.WriteNumber("periodDays", c.PeriodDays);
        w.Money("beginReceivables", c.BeginReceivables);
        w.Money("creditSales", c.CreditSales);
        w.Money("endReceivables", c.EndReceivables);
        w.Money("endCurrentReceivables", c.EndCurrentReceivables);
        w.WriteEndObject();
        w.Objects("states", insight.States, (w, s) =>
        {
            w.WriteString("state", s.StateName);
            w.WriteNumber("count", s.Count);
            w.Money("outstanding", s.Outstanding);
        });
        w.WriteStartObject("dueSoon");
        w.WriteNumber("count", insight.DueSoon);
        w.Money("amount", insight.DueSoonAmount);
        w.WriteEndObject();
        w.Objects("trend", insight.Trend, (w, p) =>
        {
            w.Date("date", p.Date);
            w.Money("receivables", p.Receivables);
            w.Money("overdue", p.Overdue);
            w.WriteNumber("rate", p.Rate);
        });
        more?.Invoke(w);
        w.WriteEndObject();
    });

    /// <summary>The fields of one step's effectiveness (<c>steps</c> of the report, <c>messages</c> of the demo).</summary>
    public static void WriteStep(Utf8JsonWriter w, StepEffectiveness s)
    {
        w.WriteString("stepId", s.StepId);
        w.WriteString("channel", s.Channel);
        w.WriteNumber("sent", s.Sent);
        w.WriteNumber("charges", s.Charges);
        w.WriteNumber("paidWithin7Days", s.PaidWithin);
        w.WriteNumber("rate", s.Rate);
        w.WriteNumber("paidWithinDays", s.Days);
    }

    /// <summary>Writes <c>totals</c>, <c>aging</c> and <c>delinquents</c> as CLI.md shapes them.</summary>
    public static void WritePortfolio(Utf8JsonWriter w, AgingReport aging, IEnumerable<DelinquentCustomer> delinquents)
    {
        w.WriteStartObject("totals");
        w.WriteNumber("openCharges", aging.OpenCharges);
        w.Money("outstanding", aging.Outstanding);
        w.Money("overdue", aging.Overdue);
        w.WriteNumber("delinquencyRate", aging.DelinquencyRate);
        w.WriteEndObject();
        w.Objects("aging", aging.Buckets, (w, b) =>
        {
            w.WriteString("bucket", b.Bucket);
            w.WriteNumber("count", b.Count);
            w.Money("amount", b.Amount);
        });
        w.Objects("delinquents", delinquents, (w, d) =>
        {
            w.WriteString("customerId", d.CustomerId);
            w.WriteString("name", d.Name);
            w.Money("overdue", d.Overdue);
            w.WriteNumber("oldestDaysLate", d.OldestDaysLate);
            w.WriteNumber("charges", d.Charges);
        });
    }
}

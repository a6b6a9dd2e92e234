using System.Globalization;
using System.Text;
using Kolek.Cli.Output;
using NodaTime;
using static Kolek.Cli.Report.SvgChart;

namespace Kolek.Cli.Report;

/// <summary>
/// <c>kolek report --html</c>: one self-contained HTML file (inline CSS and SVG; no script, font or image), pt-BR labels,
/// money as <c>R$ 1.234,56</c> and dates as <c>dd/MM/yyyy</c>. Every text from the data is HTML-escaped.
/// </summary>
public static class HtmlReport
{
    /// <summary>At most this many rows in the delinquents and risk tables (the JSON has them all).</summary>
    public const int MaxTableRows = 50;

    /// <summary>The note of the risk chart when there is no risk row.</summary>
    public const string NoRiskNote = "Sem histórico de pagamentos suficiente para calcular o risco dos clientes.";

    private static readonly CultureInfo s_ptBr = CultureInfo.GetCultureInfo("pt-BR");

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f5f7fa;color:#102a43}
        header{background:#102a43;color:#fff;padding:20px 32px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0;color:#bcccdc}
        main{padding:16px 32px;max-width:1200px}section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 3px rgba(16,42,67,.12)}
        h2{font-size:18px;margin:0 0 12px}.kpis{display:flex;flex-wrap:wrap;gap:12px}.kpi{flex:1 1 150px;background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 3px rgba(16,42,67,.12)}
        .kpi b{display:block;font-size:22px;margin-top:4px;white-space:nowrap}.kpi span{color:#486581;font-size:13px}
        table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb}
        td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}.note{color:#627d98;font-size:13px}svg.chart{width:100%;max-width:1000px;height:auto;display:block}
        """;

    /// <summary>The whole document.</summary>
    public static string Write(InsightReport report)
    {
        var insight = report.Insight;
        var aging = insight.Aging;
        var c = insight.Collection;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>Relatório da carteira em ").Append(Date(insight.AsOf))
            .Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<header><h1>Relatório da carteira</h1><p>Posição em ").Append(Date(insight.AsOf)).Append(" · DSO e CEI dos últimos ")
            .Append(c.PeriodDays.ToString(s_ptBr)).Append(" dias (").Append(Date(c.PeriodStart.PlusDays(1))).Append(" a ").Append(Date(c.PeriodEnd)).Append(")</p></header><main>");

        html.Append("<div class=\"kpis\">");
        Kpi(html, "Em aberto", Tables.Brl(aging.Outstanding), Count(aging.OpenCharges, "cobrança", "cobranças"));
        Kpi(html, "Vencido", Tables.Brl(aging.Overdue), Count(insight.Delinquents.Count, "cliente inadimplente", "clientes inadimplentes"));
        Kpi(html, "Inadimplência", Percent(aging.DelinquencyRate), "vencido ÷ em aberto");
        Kpi(html, "DSO", c.Dso is { } dso ? $"{dso.ToString("N1", s_ptBr)} dias" : "—", "prazo médio de recebimento");
        Kpi(html, "CEI", c.Cei is { } cei ? Percent(cei) : "—", "eficácia da cobrança");
        Kpi(html, "Vence em breve", Tables.Brl(insight.DueSoonAmount), Count(insight.DueSoon, "cobrança", "cobranças"));
        html.Append("</div>");

        Section(html, "Aging dos títulos em aberto", Columns("chart-aging", "Aging: valor em aberto por faixa de atraso",
            aging.Buckets.Select(b => $"{BucketLabel(b.Bucket)} ({b.Count.ToString(s_ptBr)})").ToList(),
            [new ChartSeries("Em aberto", "#486581", aging.Buckets.Select(b => b.Amount).ToList())], Tables.Brl, "Nenhum título em aberto."));

        Section(html, "Inadimplência ao longo do tempo", Columns("chart-trend", "Vencido e a receber no fim de cada mês",
            report.TrendShown.Select(p => p.Date == insight.AsOf ? Date(p.Date) : p.Date.ToString("MM/yyyy", CultureInfo.InvariantCulture)).ToList(),
            [
                new ChartSeries("A receber", "#9fb3c8", report.TrendShown.Select(p => p.Receivables).ToList()),
                new ChartSeries("Vencido", "#c53030", report.TrendShown.Select(p => p.Overdue).ToList()),
            ], Compact, "Nenhum valor a receber no período."));

        var steps = insight.Steps.Select(s => (
            $"{s.StepId} · {s.Channel}",
            s.Rate,
            $"{Percent(s.Rate)} ({s.PaidWithin.ToString(s_ptBr)} de {s.Charges.ToString(s_ptBr)})",
            $"{s.Sent.ToString(s_ptBr)} mensagens; {s.PaidWithin.ToString(s_ptBr)} de {s.Charges.ToString(s_ptBr)} cobranças pagas em até {s.Days.ToString(s_ptBr)} dias")).ToList();
        Section(html, $"Eficácia das etapas da régua: cobranças pagas em até {InsightDays(insight)} dias após o envio", Rates("chart-steps", "Cobranças pagas após cada etapa e canal", steps,
            report.HasJournal ? "Nenhuma mensagem enviada até esta data." : "Sem o diário de envios (--db): eficácia não calculada."));

        var histogram = Histogram(report.Risk);
        Section(html, "Distribuição do risco de atraso", Columns("chart-risk", "Clientes por faixa de risco de atraso",
            histogram.Labels, [new ChartSeries("Clientes", "#b7791f", histogram.Counts)],
            v => v.ToString("N0", s_ptBr), NoRiskNote));

        DelinquentsTable(html, insight.Delinquents);
        RiskTable(html, report);
        html.Append("<p class=\"note\">Gerado pelo Kolek (<code>kolek report</code>). Fórmulas em docs/insight.md.</p></main></body></html>\n");
        return html.ToString();
    }

    private static (List<string> Labels, List<decimal> Counts) Histogram(IReadOnlyList<RiskRow> risk)
    {
        const int bins = 10;
        var counts = new decimal[bins];
        foreach (var r in risk)
        {
            counts[Math.Clamp((int)(r.Score * bins), 0, bins - 1)]++;
        }

        var labels = Enumerable.Range(0, bins).Select(i => $"{i * 10}–{(i + 1) * 10}%").ToList();
        return (labels, [.. counts]);
    }

    private static void DelinquentsTable(StringBuilder html, IReadOnlyList<Kolek.Dunning.Analytics.DelinquentCustomer> delinquents)
    {
        html.Append("<section><h2>Clientes inadimplentes</h2>");
        if (delinquents.Count == 0)
        {
            html.Append("<p class=\"note\">Nenhum cliente com cobrança vencida.</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th>Cliente</th><th>Nome</th><th class=\"n\">Vencido</th><th class=\"n\">Maior atraso (dias)</th><th class=\"n\">Cobranças</th></tr></thead><tbody>");
        foreach (var d in delinquents.Take(MaxTableRows))
        {
            html.Append("<tr><td>").Append(Esc(d.CustomerId)).Append("</td><td>").Append(Esc(d.Name)).Append("</td><td class=\"n\">").Append(Tables.Brl(d.Overdue))
                .Append("</td><td class=\"n\">").Append(d.OldestDaysLate.ToString(s_ptBr)).Append("</td><td class=\"n\">").Append(d.Charges.ToString(s_ptBr)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        More(html, delinquents.Count);
        html.Append("</section>");
    }

    private static void RiskTable(StringBuilder html, InsightReport report)
    {
        if (report.Risk.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Clientes com maior risco de atraso</h2><table><thead><tr><th>Cliente</th><th class=\"n\">Risco</th><th>Segmento</th><th>Motivos</th></tr></thead><tbody>");
        foreach (var r in report.RiskByScore.Take(MaxTableRows))
        {
            html.Append("<tr><td>").Append(Esc(r.CustomerId)).Append("</td><td class=\"n\">").Append(Esc(r.Score.ToString("P0", s_ptBr)))
                .Append("</td><td>").Append(Esc(r.Segment)).Append("</td><td>").Append(Esc(string.Join("; ", r.Reasons))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        More(html, report.Risk.Count);
        html.Append("</section>");
    }

    private static void More(StringBuilder html, int count)
    {
        if (count > MaxTableRows)
        {
            html.Append("<p class=\"note\">E mais ").Append((count - MaxTableRows).ToString("N0", s_ptBr)).Append(" (todos no JSON: <code>--json</code>).</p>");
        }
    }

    private static void Section(StringBuilder html, string title, string svg) =>
        html.Append("<section><h2>").Append(Esc(title)).Append("</h2>").Append(svg).Append("</section>");

    private static void Kpi(StringBuilder html, string label, string value, string detail) =>
        html.Append("<div class=\"kpi\"><span>").Append(Esc(label)).Append("</span><b>").Append(Esc(value)).Append("</b><span>").Append(Esc(detail)).Append("</span></div>");

    private static string InsightDays(Kolek.Dunning.Analytics.PortfolioInsight insight) =>
        (insight.Steps.Count > 0 ? insight.Steps[0].Days : Kolek.Dunning.Analytics.InsightOptions.Default.PaidWithinDays).ToString(s_ptBr);

    private static string BucketLabel(string bucket) => bucket switch
    {
        "current" => "A vencer",
        "90+" => "90+ dias",
        _ => bucket + " dias",
    };

    /// <summary>Money without cents for the crowded trend chart: <c>R$ 12.345</c>.</summary>
    private static string Compact(decimal amount) => "R$ " + Math.Round(amount, 0, MidpointRounding.ToEven).ToString("#,##0", s_ptBr);

    private static string Percent(decimal rate) => rate.ToString("P1", s_ptBr);

    private static string Date(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1 cobrança", "2 cobranças": a count with its noun in the right number.</summary>
    private static string Count(long count, string one, string many) => $"{count.ToString(s_ptBr)} {(count == 1 ? one : many)}";
}

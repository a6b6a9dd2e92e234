using System.Globalization;
using Kolek.Cli.CommandLine;
using Kolek.Cli.Demo;
using Kolek.Cli.Erp;
using Kolek.Cli.Outbox;
using Kolek.Cli.Output;
using Kolek.Cli.Report;
using Kolek.Cli.Storage;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Spectre.Console;

namespace Kolek.Cli.Commands;

/// <summary>
/// <c>kolek report --charges CHARGES.csv [--customers CUSTOMERS.csv] [--db FILE] --as-of yyyy-MM-dd [--html FILE] [--json]</c>:
/// portfolio insight as of a date (aging, delinquents, DSO, CEI, delinquency trend, step effectiveness from the journal in
/// <c>--db</c>, risk), as tables, JSON, and optionally one self-contained HTML file.
/// </summary>
public static class ReportCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout)
    {
        args.RejectUnknown("charges", "customers", "db", "as-of", "html", "json");
        var json = args.Has("json");
        var asOf = args.GetDate("as-of") ?? throw new UsageException("Option --as-of is required.");
        if (asOf.Year is < 1900 or > 2999)
        {
            throw new UsageException($"--as-of {NodaTime.Text.LocalDatePattern.Iso.Format(asOf)} is outside the supported years 1900-2999.");
        }

        var problems = new InputProblems();
        var charges = ErpReceivables.Load(args.Require("charges"), args.Get("customers"), problems).Charges;
        var dbPath = args.Get("db");
        List<JournalEntry> journal = [];
        if (dbPath is not null)
        {
            (charges, journal) = await ReadStateAsync(dbPath, charges);
        }

        var insight = PortfolioAnalytics.Insight(charges, asOf, OutboxRunner.Planner().Calendar, InsightOptions.Default, journal);
        var report = new InsightReport(insight, ReportRisk.Rows(charges, asOf), dbPath is not null);

        if (args.Get("html") is { } htmlPath)
        {
            try
            {
                File.WriteAllText(htmlPath, HtmlReport.Write(report));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"Cannot write the HTML report '{htmlPath}': {e.Message}");
            }
        }

        problems.Print();
        if (json)
        {
            stdout.WriteLine(InsightJson.Write(report, problems.Write));
        }
        else
        {
            PrintTables(report);
            if (args.Get("html") is { } written)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Relatório HTML gravado em [grey]{Path.GetFullPath(written)}[/]");
            }
        }

        return problems.ExitCode();
    }

    /// <summary>
    /// The state of <c>kolek run</c>/<c>demo</c>: the journal of sends, and the charges with the payments the reconciliation
    /// recorded applied (as the demo sees them). A missing file is a usage error (it would otherwise be created empty).
    /// </summary>
    private static async Task<(IReadOnlyList<CustomerCharge> Charges, List<JournalEntry> Journal)> ReadStateAsync(string path, IReadOnlyList<CustomerCharge> exported)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"Cannot open the state database '{path}': no such file.");
        }

        using var db = new SqliteDatabase(Path.GetFullPath(path));
        var journal = new List<JournalEntry>();
        await foreach (var e in new SqliteDunningJournal(db).ListAsync())
        {
            journal.Add(e);
        }

        var customers = exported.Select(c => c.Customer).DistinctBy(c => c.Id).ToList();
        var current = new DemoPortfolio([.. exported.Select(c => c.Charge)], customers, new SqliteReconciliationLedger(db)).CurrentWithCustomers();
        return (current, journal);
    }

    private static void PrintTables(InsightReport report)
    {
        var insight = report.Insight;
        var c = insight.Collection;
        var ptBr = CultureInfo.GetCultureInfo("pt-BR");
        AnsiConsole.Write(new Rule($"[bold]Relatório da carteira[/] em {insight.AsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}").LeftJustified());
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
            $"Em aberto: [bold]{Tables.Brl(insight.Aging.Outstanding)}[/] ({insight.Aging.OpenCharges} cobranças) · vencido: [bold]{Tables.Brl(insight.Aging.Overdue)}[/] · "
            + $"inadimplência: [bold]{insight.Aging.DelinquencyRate.ToString("P1", ptBr)}[/]");
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
            $"DSO ({c.PeriodDays} dias): [bold]{(c.Dso is { } dso ? dso.ToString("N1", ptBr) + " dias" : "—")}[/] · CEI: [bold]{(c.Cei is { } cei ? cei.ToString("P1", ptBr) : "—")}[/] · "
            + $"vencem em breve: {insight.DueSoon} ({Tables.Brl(insight.DueSoonAmount)})");
        Tables.Portfolio(insight.Aging, insight.Delinquents, insight.AsOf);

        var trend = new Table().Title("Inadimplência ao longo do tempo").AddColumns("Data", "A receber", "Vencido", "Taxa");
        foreach (var p in report.TrendShown)
        {
            trend.AddRow(p.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Tables.Brl(p.Receivables), Tables.Brl(p.Overdue), p.Rate.ToString("P1", ptBr));
        }

        AnsiConsole.Write(trend);
        var steps = new Table().Title("Eficácia por etapa e canal").AddColumns("Etapa", "Canal", "Mensagens", "Cobranças", "Pagas em 7 dias", "Taxa");
        foreach (var s in insight.Steps)
        {
            steps.AddRow(Markup.Escape(s.StepId), Markup.Escape(s.Channel), Num(s.Sent), Num(s.Charges), Num(s.PaidWithin), s.Rate.ToString("P1", ptBr));
        }

        AnsiConsole.Write(steps);
        var risk = new Table().Title("Risco de atraso").AddColumns("Cliente", "Risco", "Segmento", "Motivos");
        foreach (var r in report.RiskByScore)
        {
            risk.AddRow(Markup.Escape(r.CustomerId), r.Score.ToString("P0", ptBr), Markup.Escape(r.Segment), Markup.Escape(string.Join("; ", r.Reasons)));
        }

        if (report.Risk.Count == 0)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(HtmlReport.NoRiskNote)}[/]");
        }
        else
        {
            AnsiConsole.Write(risk);
        }
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}

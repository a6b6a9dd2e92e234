using System.Globalization;
using Kolek.Cli.CommandLine;
using Kolek.Cli.Erp;
using Kolek.Cli.Output;
using Kolek.Cli.Storage;
using Kolek.Dunning.Calendar;
using Kolek.Reconciliation.Matching;
using NodaTime;

namespace Kolek.Cli.Commands;

/// <summary>
/// <c>kolek reconcile --open-items ITEMS.csv [--ledger FILE] [--lang pt-BR|en] [--format F] STATEMENT... [--json]</c>: matches the credits of
/// bank files against open items. <c>--format</c> takes the values of <c>kolek parse</c> (default <c>auto</c>; a CSV export
/// needs <c>csv</c>, as its columns are not recognised from content). With <c>--ledger</c> (a SQLite file) the matches are remembered, so a transaction reconciled by
/// an earlier import is listed under <c>ignored</c> as <c>already-reconciled</c> and never pays twice.
/// </summary>
/// <remarks>
/// ITEMS.csv is the host's view of what is still owed: the ledger remembers transactions, it does not change the items'
/// amounts (export the items again after marking charges paid in the ERP).
/// </remarks>
public static class ReconcileCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout)
    {
        args.RejectUnknown("open-items", "ledger", "lang", "format", "json");
        var language = Language(args.Get("lang"));
        if (args.Positional.Count == 0)
        {
            throw new UsageException("kolek reconcile needs at least one STATEMENT file.");
        }

        var problems = new InputProblems();
        var items = problems.Take(ErpExport.LoadOpenItems(args.Require("open-items")));
        var format = ParseCommand.ParseFormat(args.Get("format") ?? "auto");
        var statements = args.Positional.Select(path => StatementFiles.Read(path, format)).ToList();
        var transactions = statements.SelectMany(s => s.Transactions).ToList();
        var matcher = new ReconciliationMatcher(new MatchingOptions
        {
            AdjustDueDate = BusinessCalendar.BrazilBanking.NextBusinessDay,
            ExplanationLanguage = language,
        });

        ReconciliationResult result;
        if (args.Get("ledger") is { } ledgerPath)
        {
            using var db = new SqliteDatabase(Path.GetFullPath(ledgerPath));
            var ledger = new SqliteReconciliationLedger(db);
            result = matcher.Reconcile(transactions, items, await ledger.FindRecordedAsync(transactions.Select(t => t.Id)));
            var now = SystemClock.Instance.GetCurrentInstant();
            foreach (var match in result.Matches)
            {
                await ledger.TryRecordAsync(ReconciliationLedgerEntry.From(match, now));
            }
        }
        else
        {
            result = matcher.Reconcile(transactions, items);
        }

        problems.Print();
        if (args.Has("json"))
        {
            stdout.WriteLine(JsonOut.Write(w => ReconciliationJson.Write(w, result, more =>
            {
                StatementJson.WriteDiagnostics(more, statements);
                problems.Write(more);
            })));
        }
        else
        {
            var byId = statements.SelectMany(s => s.Transactions.Select(t => (t, s.Path)))
                .GroupBy(x => x.t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            ReconciliationJson.PrintTables(result, id => byId.TryGetValue(id, out var x)
                ? string.Create(CultureInfo.InvariantCulture, $"{x.t.BookingDate:dd/MM/yyyy} {Path.GetFileName(x.Path)}:{x.t.Source.Line}")
                : id);
            foreach (var s in statements)
            {
                Tables.Diagnostics(s.Diagnostics);
            }
        }

        return problems.ExitCode(statements.Any(s => s.HasErrors) ? ExitCodes.Diagnostics : ExitCodes.Ok);
    }

    /// <summary>The explanations' language of <c>--lang</c>: <c>pt-BR</c> (the default) or <c>en</c>.</summary>
    private static ExplanationLanguage Language(string? value) => value?.ToUpperInvariant() switch
    {
        null or "PT-BR" or "PT" => ExplanationLanguage.PortugueseBrazil,
        "EN" => ExplanationLanguage.English,
        _ => throw new UsageException($"--lang must be pt-BR or en, not '{value}'."),
    };
}

using Kolek.Cli.CommandLine;
using Kolek.Cli.Demo;
using Kolek.Cli.Output;
using Kolek.Cli.Outbox;
using Kolek.Cli.Storage;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Cli.Commands;

/// <summary>
/// <c>kolek demo</c>: the main job on the bundled data. Replays the days from the data's start to <c>--today</c>; each
/// day it first reconciles the bank lines known by then (so a payment stops the ruler at once), then runs the ruler at
/// 13:00 São Paulo time. State lives in SQLite, so a second run sends nothing new and pays nothing twice.
/// </summary>
public static class DemoCommand
{
    private static readonly DateTimeZone s_saoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private static readonly LocalTime s_runTime = new(13, 0);

    /// <summary>How far past its start the demo data may be replayed.</summary>
    private const int MaxDays = 731;

    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout)
    {
        args.RejectUnknown("today", "db", "outbox", "json");
        var data = DemoData.Load();
        var today = args.GetDate("today") ?? data.DefaultToday;
        if (today < data.Start || today > data.Start.PlusDays(MaxDays))
        {
            throw new UsageException($"--today must be between {LocalDatePattern.Iso.Format(data.Start)} and "
                + $"{LocalDatePattern.Iso.Format(data.Start.PlusDays(MaxDays))} (the demo data starts on the first date).");
        }

        var dbPath = Path.GetFullPath(args.Get("db") ?? "kolek-demo.db");
        var outbox = Path.GetFullPath(args.Get("outbox") ?? "outbox");
        using var db = new SqliteDatabase(dbPath);
        var lastRun = RunInstant(today);
        if (db.LatestActivity() is { } latest && InstantPattern.ExtendedIso.Parse(latest).Value > lastRun)
        {
            // Replaying an earlier day over a later state would report the future's payments as the past's.
            throw new UsageException($"The state in '{dbPath}' already runs past --today {LocalDatePattern.Iso.Format(today)} (last activity {latest}); "
                + "use a later --today or a new --db.");
        }

        var journal = new SqliteDunningJournal(db);
        var ledger = new SqliteReconciliationLedger(db);
        var portfolio = new DemoPortfolio(data.Charges, data.Customers, ledger);
        var calendar = BusinessCalendar.BrazilBanking;
        var clock = new SimulatedClock(Instant.MinValue);
        var matcher = new ReconciliationMatcher(new MatchingOptions { AdjustDueDate = calendar.NextBusinessDay });
        var runner = OutboxRunner.Create(journal, portfolio, outbox, TemplateSet.BuiltIn, data.Creditor, data.CreditorEmail,
            () => clock.ToDateTimeOffset(s_saoPaulo));

        // A bank line is known to the company from its credit date (CNAB) or booking date; lines after --today are not yet.
        var transactions = data.Statements.SelectMany(s => s.Transactions).Where(x => (x.ValueDate ?? x.BookingDate) <= today).ToList();
        var sentThisRun = new List<RunSent>();
        var failedThisRun = new List<RunFailed>();
        var newPayments = new List<TransactionMatch>();
        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        for (var day = data.Start; day <= today; day = day.PlusDays(1))
        {
            clock.Now = RunInstant(day);
            newPayments.AddRange(await ReconcileKnownAsync(day, transactions, portfolio, data, matcher, ledger, clock.Now));
            var run = await runner.RunAsync(data.Ruler, clock.Now);
            sentThisRun.AddRange(run.Sent);
            failedThisRun.AddRange(run.Failed);
            foreach (var w in run.Warnings)
            {
                warnings.Add(w.ToString());
            }
        }

        // The state as of today, for the summary.
        var final = matcher.Reconcile(transactions, portfolio.OpenItems(data.Ruler.LateCharges),
            await ledger.FindRecordedAsync(transactions.Select(x => x.Id)));
        var journalEntries = new List<JournalEntry>();
        await foreach (var e in journal.ListAsync())
        {
            journalEntries.Add(e);
        }

        var summary = new DemoSummary(today, data, portfolio.CurrentWithCustomers(), calendar, journalEntries, sentThisRun,
            failedThisRun, transactions.Count, newPayments, ledger.Entries(), final, dbPath, outbox, [.. warnings]);
        if (args.Has("json"))
        {
            stdout.WriteLine(summary.ToJson());
        }
        else
        {
            summary.PrintTables();
        }

        return data.Statements.Any(s => s.HasErrors) ? ExitCodes.Diagnostics : ExitCodes.Ok;
    }

    /// <summary>The moment of each day's run: 13:00 in São Paulo, inside every customer's weekday and Saturday window.</summary>
    private static Instant RunInstant(LocalDate day) => day.At(s_runTime).InZoneLeniently(s_saoPaulo).ToInstant();

    /// <summary>Reconciles the credits known by <paramref name="day"/> (credit date reached) that are not in the ledger yet.</summary>
    private static async Task<List<TransactionMatch>> ReconcileKnownAsync(LocalDate day, IReadOnlyList<BankTransaction> transactions,
        DemoPortfolio portfolio, DemoData data, ReconciliationMatcher matcher, SqliteReconciliationLedger ledger, Instant now)
    {
        var known = transactions.Where(x => x.Kind == TransactionKind.Credit && (x.ValueDate ?? x.BookingDate) <= day).ToList();
        var recorded = await ledger.FindRecordedAsync(known.Select(x => x.Id));
        var pending = known.Where(x => !recorded.Contains(x.Id)).ToList();
        var recordedNow = new List<TransactionMatch>();
        if (pending.Count == 0)
        {
            return recordedNow;
        }

        var result = matcher.Reconcile(pending, portfolio.OpenItems(data.Ruler.LateCharges));
        foreach (var match in result.Matches)
        {
            if (await ledger.TryRecordAsync(ReconciliationLedgerEntry.From(match, now)))
            {
                recordedNow.Add(match);
            }
        }

        return recordedNow;
    }
}

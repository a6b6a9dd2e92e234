using System.Globalization;
using System.Text.Json;
using Kolek.Cli.Output;
using Kolek.Cli.Report;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Running;
using Kolek.Reconciliation.Matching;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace Kolek.Cli.Demo;

/// <summary>What <c>kolek demo</c> reports: messages, payments, charge status, reconciliation, delinquents and aging.</summary>
public sealed class DemoSummary(
    LocalDate today,
    DemoData data,
    IReadOnlyList<CustomerCharge> charges,
    BusinessCalendar calendar,
    IReadOnlyList<JournalEntry> journal,
    IReadOnlyList<RunSent> sentThisRun,
    IReadOnlyList<RunFailed> failedThisRun,
    int transactionsImported,
    IReadOnlyList<TransactionMatch> newPayments,
    IReadOnlyList<ReconciliationLedgerEntry> ledger,
    ReconciliationResult pending,
    string dbPath,
    string outbox,
    IReadOnlyList<string> warnings)
{
    private readonly IReadOnlyList<ChargeStanding> _standings = charges.Select(c => PortfolioAnalytics.Standing(c.Charge, today, calendar)).ToList();
    private readonly PortfolioInsight _insight = PortfolioAnalytics.Insight(charges, today, calendar, InsightOptions.Default, journal);
    private readonly HashSet<string> _exportedOpen =
        data.Charges.Where(c => c.Status == ChargeStatus.Open).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Distinct messages (and escalations) accepted, ever: one consolidated message counts once.</summary>
    private int MessagesSent => journal.Where(e => e.State == JournalEntryState.Sent).Select(e => e.MessageId).Distinct().Count();

    /// <summary>Journal entries claimed without an outcome (a crash or a channel that threw between claim and record):
    /// never resent automatically; an operator checks the provider with the message id and records the outcome.</summary>
    private List<JournalEntry> InDoubt => journal.Where(e => e.State == JournalEntryState.InDoubt).ToList();

    private HashSet<string> NewPaymentIds => newPayments.Select(m => m.TransactionId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every charge the ERP exported as open, with its balance now: what the reconciliation worked on.</summary>
    private List<ItemBalance> Items =>
        charges.Where(c => _exportedOpen.Contains(c.Charge.Id))
            .Select(c => new ItemBalance(c.Charge.Id,
                c.Charge.Outstanding == 0m ? ItemStatus.Paid : c.Charge.PaidAmount > 0m ? ItemStatus.PartiallyPaid : ItemStatus.Open,
                c.Charge.Outstanding))
            .ToList();

    /// <summary>Sent messages per step and channel, from the journal (the insight's step effectiveness), in ruler order.</summary>
    private IEnumerable<StepEffectiveness> PerStep =>
        _insight.Steps.OrderBy(s => StepOrder(s.StepId)).ThenBy(s => s.Channel, StringComparer.Ordinal);

    /// <summary>The JSON of CLI.md.</summary>
    public string ToJson() => JsonOut.Write(w =>
    {
        w.WriteStartObject();
        w.Date("today", today);
        w.Date("from", data.Start);
        w.WriteString("db", dbPath);
        w.WriteString("outbox", outbox);
        w.WriteNumber("messagesSent", MessagesSent);
        w.WriteNumber("newMessages", sentThisRun.Select(s => s.MessageId).Distinct().Count());
        w.WriteNumber("transactionsImported", transactionsImported);
        w.WriteNumber("newPayments", newPayments.Count);
        w.WriteNumber("paymentsRecorded", ledger.Count);
        w.WriteNumber("inDoubt", InDoubt.Count);
        w.WriteStartArray("charges");
        foreach (var s in _standings)
        {
            w.WriteStartObject();
            w.WriteString("id", s.ChargeId);
            w.WriteString("customerId", s.CustomerId);
            w.WriteString("status", s.StateName);
            w.Money("outstanding", s.Outstanding);
            w.WriteNumber("daysLate", s.DaysLate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Objects("messages", PerStep, InsightJson.WriteStep);
        w.Objects("newlySent", sentThisRun, RunJson.WriteSent);
        w.WriteStartArray("failed");
        foreach (var f in failedThisRun)
        {
            w.WriteStartObject();
            w.Strings("chargeIds", f.ChargeIds);
            w.WriteString("stepId", f.StepId);
            w.WriteString("channel", f.Channel);
            w.WriteBoolean("transient", f.Transient);
            w.WriteString("reason", f.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("inDoubtEntries");
        foreach (var e in InDoubt)
        {
            w.WriteStartObject();
            w.WriteString("chargeId", e.Key.ChargeId);
            w.WriteString("stepId", e.Key.StepId);
            w.WriteString("channel", e.Key.Channel);
            w.WriteString("messageId", e.MessageId);
            w.Instant("claimedAt", e.ClaimedAt);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("reconciliation");
        ReconciliationJson.Write(w, ledger, NewPaymentIds, pending, Items);
        InsightJson.WritePortfolio(w, _insight.Aging, _insight.Delinquents);
        w.Strings("warnings", warnings);
        StatementJson.WriteDiagnostics(w, data.Statements);
        w.WriteEndObject();
    });

    /// <summary>The same content as readable tables.</summary>
    public void PrintTables()
    {
        AnsiConsole.Write(new Rule($"[bold]Kolek demo[/] — {Markup.Escape(data.Creditor.Name)}, {Day(data.Start)} a {Day(today)}").LeftJustified());
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
            $"Mensagens enviadas: [bold]{MessagesSent}[/] ({sentThisRun.Select(s => s.MessageId).Distinct().Count()} novas nesta execução) · "
            + $"lançamentos bancários lidos: [bold]{transactionsImported}[/] · pagamentos conciliados: [bold]{ledger.Count}[/] ({newPayments.Count} novos)");
        if (failedThisRun.Count > 0 || InDoubt.Count > 0)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
                $"[red]Falhas de envio nesta execução: {failedThisRun.Count}[/] (as transitórias são repetidas na próxima execução; "
                + $"primeira: {Markup.Escape(failedThisRun.Count > 0 ? failedThisRun[0].Reason : "-")}) · [red]em dúvida: {InDoubt.Count}[/] "
                + "(reivindicadas sem resultado registrado: confira no provedor pelo messageId; nunca são reenviadas sozinhas)");
        }

        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"Estado em [grey]{Markup.Escape(dbPath)}[/], mensagens em [grey]{Markup.Escape(outbox)}[/]");

        var steps = new Table().Title("Mensagens por etapa e canal").AddColumns("Etapa", "Canal", "Mensagens", "Cobranças");
        foreach (var s in PerStep)
        {
            steps.AddRow(Markup.Escape(s.StepId), Markup.Escape(s.Channel), Num(s.Sent), Num(s.Charges));
        }

        AnsiConsole.Write(steps);
        var byId = data.Statements.SelectMany(st => st.Transactions.Select(t => (t, st.Path))).ToDictionary(x => x.t.Id, StringComparer.Ordinal);
        ReconciliationJson.PrintTables(ledger, NewPaymentIds, pending,
            id => byId.TryGetValue(id, out var x) ? $"{Day(x.t.BookingDate)} {Path.GetFileName(x.Path)}:{x.t.Source.Line}" : id);

        var status = new Table().Title("Situação das cobranças").AddColumns("Situação", "Quantidade", "Em aberto");
        foreach (var g in _insight.States.Where(s => s.Count > 0).OrderBy(s => s.StateName, StringComparer.Ordinal))
        {
            status.AddRow(g.StateName, Num(g.Count), Tables.Brl(g.Outstanding));
        }

        AnsiConsole.Write(status);
        Tables.Portfolio(_insight.Aging, _insight.Delinquents, today);
        foreach (var w in warnings)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]aviso[/] {w}");
        }

        foreach (var s in data.Statements)
        {
            Tables.Diagnostics(s.Diagnostics);
        }
    }

    private int StepOrder(string stepId)
    {
        var index = data.Ruler.Steps.ToList().FindIndex(s => s.Id == stepId);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Day(LocalDate d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}

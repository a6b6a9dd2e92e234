using System.Text.Json;
using Kolek.Reconciliation.Matching;
using Spectre.Console;

namespace Kolek.Cli.Output;

/// <summary>The reconciliation part of the CLI's JSON (the shape of <c>kolek reconcile</c> in CLI.md) and its tables.</summary>
public static class ReconciliationJson
{
    /// <summary>
    /// Writes <c>{ matches, suggestions, unmatched, ignored, items }</c> for a host that keeps a ledger: matches are every
    /// ledger entry (<c>new</c> is true for those recorded by this run); suggestions, unmatched and ignored come from the
    /// last pass over what is still pending; <paramref name="items"/> are written as given.
    /// </summary>
    public static void Write(Utf8JsonWriter w, IReadOnlyList<ReconciliationLedgerEntry> ledger, IReadOnlySet<string> newTransactionIds,
        ReconciliationResult pending, IReadOnlyList<ItemBalance> items)
    {
        w.WriteStartObject();
        w.WriteStartArray("matches");
        foreach (var e in ledger)
        {
            w.WriteStartObject();
            w.WriteString("transactionId", e.TransactionId);
            WriteAllocations(w, e.Allocations);
            w.Money("remainder", e.Remainder);
            w.WriteString("rule", e.Rule);
            w.WriteNumber("confidence", e.Confidence);
            w.Text("explanation", e.Explanation);
            w.WriteBoolean("new", newTransactionIds.Contains(e.TransactionId));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteRest(w, pending, includeAlreadyReconciled: false);
        WriteItems(w, items);
        w.WriteEndObject();
    }

    /// <summary>Writes a whole result in the shape of CLI.md (<c>kolek reconcile</c>); <paramref name="more"/> adds properties at the end.</summary>
    public static void Write(Utf8JsonWriter w, ReconciliationResult result, Action<Utf8JsonWriter>? more = null)
    {
        w.WriteStartObject();
        w.WriteStartArray("matches");
        foreach (var m in result.Matches)
        {
            w.WriteStartObject();
            w.WriteString("transactionId", m.TransactionId);
            WriteAllocations(w, m.Allocations);
            w.Money("remainder", m.Remainder);
            w.WriteString("rule", m.Rule);
            w.WriteNumber("confidence", m.Confidence);
            w.WriteString("explanation", m.Explanation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteRest(w, result, includeAlreadyReconciled: true);
        WriteItems(w, result.Items);
        more?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>Prints the reconciliation as tables.</summary>
    /// <param name="ledger">Every reconciled transaction.</param>
    /// <param name="fresh">The ids of the transactions reconciled by this run.</param>
    /// <param name="pending">The last pass over what is still pending.</param>
    /// <param name="describe">A short description of a transaction (date, origin) by id, for people rather than ids.</param>
    public static void PrintTables(IReadOnlyList<ReconciliationLedgerEntry> ledger, IReadOnlySet<string> fresh, ReconciliationResult pending,
        Func<string, string> describe)
    {
        var matches = new Table().Title("Pagamentos conciliados").AddColumns("Lançamento bancário", "Regra", "Cobranças", "Valor", "Novo");
        foreach (var e in ledger)
        {
            matches.AddRow(Markup.Escape(describe(e.TransactionId)), e.Rule, string.Join(", ", e.Allocations.Select(a => a.ItemId)),
                Tables.Brl(e.Allocations.Sum(a => a.Amount)), fresh.Contains(e.TransactionId) ? "sim" : "");
        }

        AnsiConsole.Write(matches);
        PrintReview(pending, describe);
    }

    /// <summary>Prints a whole result (<c>kolek reconcile</c>) as tables: matches, what needs review, ignored lines and items.</summary>
    /// <param name="result">The result.</param>
    /// <param name="describe">A short description of a transaction by id.</param>
    public static void PrintTables(ReconciliationResult result, Func<string, string> describe)
    {
        var matches = new Table().Title("Pagamentos conciliados").AddColumns("Lançamento bancário", "Regra", "Cobranças", "Valor", "Sobra");
        foreach (var m in result.Matches)
        {
            matches.AddRow(Markup.Escape(describe(m.TransactionId)), m.Rule, Markup.Escape(string.Join(", ", m.Allocations.Select(a => a.ItemId))),
                Tables.Brl(m.Allocations.Sum(a => a.Amount)), Tables.Brl(m.Remainder));
        }

        AnsiConsole.Write(matches);
        PrintReview(result, describe);
        var ignored = new Table().Title("Lançamentos ignorados").AddColumns("Lançamento", "Motivo");
        foreach (var i in result.Ignored)
        {
            ignored.AddRow(Markup.Escape(describe(i.TransactionId)), IgnoreReasonLabel(i.Reason));
        }

        AnsiConsole.Write(ignored);
        var items = new Table().Title("Títulos em aberto").AddColumns("Título", "Situação", "Saldo");
        foreach (var item in result.Items)
        {
            items.AddRow(Markup.Escape(item.ItemId), ItemStatusLabel(item.Status), Tables.Brl(item.Outstanding));
        }

        AnsiConsole.Write(items);
    }

    private static void PrintReview(ReconciliationResult pending, Func<string, string> describe)
    {
        var review = new Table().Title("Para revisão").AddColumns("Lançamento", "Situação", "Detalhe");
        foreach (var s in pending.Suggestions)
        {
            review.AddRow(Markup.Escape(describe(s.TransactionId)), "sugestão", Markup.Escape(string.Join(" | ", s.Candidates.Select(c => c.Explanation))));
        }

        foreach (var u in pending.Unmatched)
        {
            review.AddRow(Markup.Escape(describe(u.TransactionId)), "sem correspondência", Markup.Escape(u.Explanation));
        }

        AnsiConsole.Write(review);
    }

    private static string IgnoreReasonName(IgnoreReason reason) => reason switch
    {
        IgnoreReason.Debit => "debit",
        IgnoreReason.Event => "event",
        IgnoreReason.DuplicateInImport => "duplicate-in-import",
        IgnoreReason.ForeignCurrency => "foreign-currency",
        IgnoreReason.AlreadyReconciled => "already-reconciled",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown ignore reason."),
    };

    /// <summary>The table's pt-BR label of an ignore reason (the JSON keeps the codes of <see cref="IgnoreReasonName"/>).</summary>
    private static string IgnoreReasonLabel(IgnoreReason reason) => reason switch
    {
        IgnoreReason.Debit => "débito",
        IgnoreReason.Event => "evento (sem crédito)",
        IgnoreReason.DuplicateInImport => "repetido nesta importação",
        IgnoreReason.ForeignCurrency => "moeda estrangeira",
        IgnoreReason.AlreadyReconciled => "já conciliado",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown ignore reason."),
    };

    /// <summary>The table's pt-BR label of an item status (the JSON keeps the codes of <see cref="ItemStatusName"/>).</summary>
    private static string ItemStatusLabel(ItemStatus status) => status switch
    {
        ItemStatus.Paid => "pago",
        ItemStatus.PartiallyPaid => "pago em parte",
        _ => "em aberto",
    };

    private static string ItemStatusName(ItemStatus status) => status switch
    {
        ItemStatus.Paid => "paid",
        ItemStatus.PartiallyPaid => "partially-paid",
        _ => "open",
    };

    private static void WriteAllocations(Utf8JsonWriter w, IEnumerable<Allocation> allocations)
    {
        w.WriteStartArray("allocations");
        foreach (var a in allocations)
        {
            w.WriteStartObject();
            w.WriteString("itemId", a.ItemId);
            w.Money("amount", a.Amount);
            w.Money("lateCharges", a.LateCharges);
            w.Money("writtenOff", a.WrittenOff);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRest(Utf8JsonWriter w, ReconciliationResult r, bool includeAlreadyReconciled)
    {
        w.WriteStartArray("suggestions");
        foreach (var s in r.Suggestions)
        {
            w.WriteStartObject();
            w.WriteString("transactionId", s.TransactionId);
            w.WriteStartArray("candidates");
            foreach (var c in s.Candidates)
            {
                w.WriteStartObject();
                w.Strings("itemIds", c.ItemIds);
                w.WriteNumber("score", Math.Round(c.Score, 4));
                w.WriteString("rule", c.Rule);
                w.WriteString("explanation", c.Explanation);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unmatched");
        foreach (var u in r.Unmatched)
        {
            w.WriteStartObject();
            w.WriteString("transactionId", u.TransactionId);
            w.WriteString("reason", u.Reason);
            w.WriteString("explanation", u.Explanation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("ignored");
        foreach (var i in r.Ignored.Where(i => includeAlreadyReconciled || i.Reason != IgnoreReason.AlreadyReconciled))
        {
            w.WriteStartObject();
            w.WriteString("transactionId", i.TransactionId);
            w.WriteString("reason", IgnoreReasonName(i.Reason));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteItems(Utf8JsonWriter w, IReadOnlyList<ItemBalance> items)
    {
        w.WriteStartArray("items");
        foreach (var item in items)
        {
            w.WriteStartObject();
            w.WriteString("itemId", item.ItemId);
            w.WriteString("status", ItemStatusName(item.Status));
            w.Money("outstanding", item.Outstanding);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}

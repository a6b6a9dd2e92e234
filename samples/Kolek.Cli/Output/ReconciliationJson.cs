using System.Text.Json;
using Kolek.Reconciliation.Matching;
using Spectre.Console;

namespace Kolek.Cli.Output;

/// <summary>The reconciliation part of the CLI's JSON (the shape of <c>kolek reconcile</c> in CLI.md) and its tables.</summary>
public static class ReconciliationJson
{
    /// <summary>
    /// Writes <c>{ matches, suggestions, unmatched, ignored, items }</c>: matches are every ledger entry (with
    /// <c>new</c> true for those recorded by this run, which also carry the matcher's explanation); the other lists
    /// come from the last pass over what is still pending.
    /// </summary>
    public static void Write(Utf8JsonWriter w, IReadOnlyList<ReconciliationLedgerEntry> ledger, IReadOnlyList<TransactionMatch> newMatches,
        ReconciliationResult pending)
    {
        var fresh = newMatches.ToDictionary(m => m.TransactionId, StringComparer.Ordinal);
        w.WriteStartObject();
        w.WriteStartArray("matches");
        foreach (var e in ledger)
        {
            var m = fresh.GetValueOrDefault(e.TransactionId);
            w.WriteStartObject();
            w.WriteString("transactionId", e.TransactionId);
            WriteAllocations(w, e.Allocations);
            w.WriteString("rule", e.Rule);
            w.WriteBoolean("new", m is not null);
            if (m is not null)
            {
                w.Money("remainder", m.Remainder);
                w.WriteNumber("confidence", m.Confidence);
                w.WriteString("explanation", m.Explanation);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteRest(w, pending, includeAlreadyReconciled: false);
        w.WriteEndObject();
    }

    /// <summary>Writes a whole result in the shape of CLI.md (<c>kolek reconcile</c>).</summary>
    public static void Write(Utf8JsonWriter w, ReconciliationResult result)
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
        w.WriteEndObject();
    }

    /// <summary>Prints the reconciliation as tables.</summary>
    /// <param name="ledger">Every reconciled transaction.</param>
    /// <param name="newMatches">Those reconciled by this run.</param>
    /// <param name="pending">The last pass over what is still pending.</param>
    /// <param name="describe">A short description of a transaction (date, origin) by id, for people rather than ids.</param>
    public static void PrintTables(IReadOnlyList<ReconciliationLedgerEntry> ledger, IReadOnlyList<TransactionMatch> newMatches, ReconciliationResult pending,
        Func<string, string> describe)
    {
        var fresh = newMatches.Select(m => m.TransactionId).ToHashSet(StringComparer.Ordinal);
        var matches = new Table().Title("Pagamentos conciliados").AddColumns("Lançamento bancário", "Regra", "Cobranças", "Valor", "Novo");
        foreach (var e in ledger)
        {
            matches.AddRow(Markup.Escape(describe(e.TransactionId)), e.Rule, string.Join(", ", e.Allocations.Select(a => a.ItemId)),
                Tables.Brl(e.Allocations.Sum(a => a.Amount)), fresh.Contains(e.TransactionId) ? "sim" : "");
        }

        AnsiConsole.Write(matches);
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
            w.WriteString("reason", i.Reason switch
            {
                IgnoreReason.Debit => "debit",
                IgnoreReason.Event => "event",
                _ => "already-reconciled",
            });
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("items");
        foreach (var item in r.Items)
        {
            w.WriteStartObject();
            w.WriteString("itemId", item.ItemId);
            w.WriteString("status", item.Status switch
            {
                ItemStatus.Paid => "paid",
                ItemStatus.PartiallyPaid => "partially-paid",
                _ => "open",
            });
            w.Money("outstanding", item.Outstanding);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

}

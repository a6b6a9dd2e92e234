using System.Text.Json;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;

namespace Kolek.Cli.Output;

/// <summary>The JSON of <c>kolek parse</c> for one file (see CLI.md).</summary>
public static class StatementJson
{
    /// <summary>Writes one <c>files[]</c> entry.</summary>
    public static void WriteFile(Utf8JsonWriter w, BankStatement s)
    {
        w.WriteStartObject();
        w.WriteString("path", s.Path);
        w.WriteString("format", FormatName(s.Format));
        w.WriteString("sha256", s.Sha256);
        WriteAccount(w, s.Account);

        w.WriteStartArray("transactions");
        foreach (var t in s.Transactions)
        {
            WriteTransaction(w, t);
        }

        w.WriteEndArray();
        WriteDiagnosticsAndSummary(w, s.Diagnostics, s.Transactions.Count,
            s.Transactions.Where(t => t.Kind == TransactionKind.Credit).Sum(t => t.Amount),
            s.Transactions.Where(t => t.Kind == TransactionKind.Debit).Sum(t => t.Amount),
            s.Transactions.Count(t => t.Kind == TransactionKind.Event));
        w.WriteEndObject();
    }

    /// <summary>Writes one file read as a stream: the same fields as <see cref="WriteFile"/>, but the transactions come first
    /// (they are written as they are read, calling <paramref name="flush"/> every thousand), then <c>sha256</c>,
    /// <c>account</c>, the diagnostics and the summary, which are only known at the end.</summary>
    public static void WriteStreamed(Utf8JsonWriter w, StreamedStatement s, Action flush)
    {
        w.WriteStartObject();
        w.WriteString("path", s.Path);
        w.WriteString("format", FormatName(s.Format));
        w.WriteStartArray("transactions");
        var (count, credits, debits, events) = (0, 0m, 0m, 0);
        foreach (var t in s.Transactions)
        {
            WriteTransaction(w, t);
            count++;
            (credits, debits, events) = t.Kind switch
            {
                TransactionKind.Credit => (credits + t.Amount, debits, events),
                TransactionKind.Debit => (credits, debits + t.Amount, events),
                _ => (credits, debits, events + 1),
            };
            if (count % 1000 == 0)
            {
                flush();
            }
        }

        w.WriteEndArray();
        w.WriteString("sha256", s.Sha256);
        WriteAccount(w, s.Account);

        WriteDiagnosticsAndSummary(w, s.Diagnostics, count, credits, debits, events);
        w.WriteEndObject();
    }

    /// <summary>The contract's name of a format (<c>ofx</c>, <c>cnab240</c>…).</summary>
    public static string FormatName(StatementFormat format) => format switch
    {
        StatementFormat.Unknown => "unknown",
        _ => format.ToString().ToLowerInvariant(),
    };

    /// <summary>The contract's name of a transaction kind.</summary>
    public static string KindName(TransactionKind kind) => kind.ToString().ToLowerInvariant();

    private static void WriteAccount(Utf8JsonWriter w, BankAccount? account)
    {
        if (account is null)
        {
            w.WriteNull("account");
            return;
        }

        w.WriteStartObject("account");
        w.Text("bank", account.Bank);
        w.Text("branch", account.Branch);
        w.Text("number", account.Number);
        w.WriteEndObject();
    }

    private static void WriteDiagnosticsAndSummary(Utf8JsonWriter w, IReadOnlyList<StatementDiagnostic> diagnostics, int transactions,
        decimal credits, decimal debits, int events)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            WriteDiagnostic(w, d);
        }

        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("transactions", transactions);
        w.WriteNumber("credits", credits);
        w.WriteNumber("debits", debits);
        w.WriteNumber("events", events);
        w.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        w.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        w.WriteEndObject();
    }

    private static void WriteTransaction(Utf8JsonWriter w, BankTransaction t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("kind", KindName(t.Kind));
        w.Date("bookingDate", t.BookingDate);
        w.Date("valueDate", t.ValueDate);
        w.Money("amount", t.Amount);
        w.Text("currency", t.Currency);
        w.Money("netAmount", t.NetAmount);
        w.Money("fee", t.Fee);
        w.Money("interest", t.Interest);
        w.Money("fine", t.Fine);
        w.Money("discount", t.Discount);
        w.Money("rebate", t.Rebate);
        if (t.Occurrence is { } o)
        {
            w.WriteStartObject("occurrence");
            w.WriteString("code", o.Code);
            w.WriteString("description", o.Description);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("occurrence");
        }

        w.Text("description", t.Description);
        w.WriteStartObject("references");
        w.Text("fitid", t.References.Fitid);
        w.Text("nossoNumero", t.References.NossoNumero);
        w.Text("documentNumber", t.References.DocumentNumber);
        w.Text("txid", t.References.Txid);
        w.Text("endToEndId", t.References.EndToEndId);
        w.WriteEndObject();
        if (t.Payer is { } p)
        {
            w.WriteStartObject("payer");
            w.Text("name", p.Name);
            w.Text("document", p.Document);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("payer");
        }

        w.WriteStartObject("source");
        w.WriteNumber("line", t.Source.Line);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes one diagnostic object.</summary>
    public static void WriteDiagnostic(Utf8JsonWriter w, StatementDiagnostic d, string? path = null)
    {
        w.WriteStartObject();
        if (path is not null)
        {
            w.WriteString("path", path);
        }

        if (d.Line is { } line)
        {
            w.WriteNumber("line", line);
        }
        else
        {
            w.WriteNull("line");
        }

        w.Text("field", d.Field);
        w.WriteString("severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
        w.WriteString("code", d.Code);
        w.WriteString("message", d.Message);
        w.WriteEndObject();
    }

    /// <summary>Writes <c>"diagnostics": [ … ]</c>: every diagnostic of the statements, each with its file's path.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter w, IEnumerable<BankStatement> statements)
    {
        w.WriteStartArray("diagnostics");
        foreach (var s in statements)
        {
            foreach (var d in s.Diagnostics)
            {
                WriteDiagnostic(w, d, s.Path);
            }
        }

        w.WriteEndArray();
    }
}

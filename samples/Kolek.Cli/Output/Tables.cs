using System.Globalization;
using Kolek.Dunning.Analytics;
using Kolek.Reconciliation.Statements;
using NodaTime;
using Spectre.Console;

namespace Kolek.Cli.Output;

/// <summary>Human-readable tables (the output without <c>--json</c>).</summary>
public static class Tables
{
    private static readonly CultureInfo s_ptBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>Formats money the Brazilian way: <c>R$ 1.234,56</c> (with a plain space).</summary>
    public static string Brl(decimal amount) =>
        (amount < 0 ? "-R$ " : "R$ ") + Math.Abs(amount).ToString("#,##0.00", s_ptBr);

    /// <summary>Prints the delinquent customers and the aging (shared by <c>kolek demo</c> and <c>kolek report</c>).</summary>
    public static void Portfolio(AgingReport aging, IEnumerable<DelinquentCustomer> delinquents, LocalDate asOf)
    {
        var table = new Table().Title("Clientes inadimplentes").AddColumns("Cliente", "Nome", "Em atraso", "Maior atraso (dias)", "Cobranças");
        foreach (var d in delinquents)
        {
            table.AddRow(Markup.Escape(d.CustomerId), Markup.Escape(d.Name), Brl(d.Overdue), Num(d.OldestDaysLate), Num(d.Charges));
        }

        AnsiConsole.Write(table);
        var buckets = new Table()
            .Title($"Aging em {asOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} (inadimplência {aging.DelinquencyRate.ToString("P1", s_ptBr)})")
            .AddColumns("Faixa", "Cobranças", "Valor");
        foreach (var b in aging.Buckets)
        {
            buckets.AddRow(b.Bucket, Num(b.Count), Brl(b.Amount));
        }

        AnsiConsole.Write(buckets);
    }

    /// <summary>Prints one parsed statement.</summary>
    public static void Statement(BankStatement s)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{s.Path}[/] — {FormatLabel(s.Format)}, {s.Transactions.Count} lançamento(s), sha256 {s.Sha256[..12]}…");
        if (s.Account is { } a)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Conta: banco {a.Bank ?? "?"}, agência {a.Branch ?? "?"}, número {a.Number ?? "?"}");
        }

        var table = new Table().AddColumns("Linha", "Data", "Tipo", "Valor", "Descrição", "Referência");
        foreach (var t in s.Transactions)
        {
            var r = t.References;
            table.AddRow(
                t.Source.Line.ToString(CultureInfo.InvariantCulture),
                t.BookingDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                KindLabel(t.Kind),
                Brl(t.Amount),
                Markup.Escape(t.Description ?? t.Occurrence?.Description ?? ""),
                Markup.Escape(r.NossoNumero ?? r.Txid ?? r.EndToEndId ?? r.Fitid ?? ""));
        }

        AnsiConsole.Write(table);
        Diagnostics(s.Diagnostics);
    }

    /// <summary>Prints diagnostics, if any.</summary>
    public static void Diagnostics(IEnumerable<StatementDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var color = d.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            var where = (d.Line is { } line ? " linha " + line.ToString(CultureInfo.InvariantCulture) : "") + (d.Field is { Length: > 0 } field ? " " + field : "");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{color}]{SeverityLabel(d.Severity)} {d.Code}[/]{where}: {d.Message}");
        }
    }

    /// <summary>The table label of a format: its contract name (<c>ofx</c>, <c>cnab400</c>…), or "formato desconhecido".</summary>
    public static string FormatLabel(StatementFormat format) =>
        format == StatementFormat.Unknown ? "formato desconhecido" : StatementJson.FormatName(format);

    /// <summary>The pt-BR label of a transaction kind (the JSON keeps <c>credit</c>, <c>debit</c>, <c>event</c>).</summary>
    public static string KindLabel(TransactionKind kind) => kind switch
    {
        TransactionKind.Credit => "Crédito",
        TransactionKind.Debit => "Débito",
        _ => "Evento",
    };

    /// <summary>The pt-BR label of a diagnostic severity.</summary>
    public static string SeverityLabel(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Error ? "Erro" : "Aviso";

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}

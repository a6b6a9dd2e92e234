using System.Globalization;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>A value read from one element, with the line of its tag; <see cref="Value"/> is empty for an empty element.</summary>
internal readonly record struct RawField(string Value, int Line);

/// <summary>The fields of one <c>STMTTRN</c>, before interpretation.</summary>
internal sealed class RawTransaction(int line)
{
    public int Line { get; } = line;

    /// <summary>Fields by tag name; the first occurrence wins (a <c>NAME</c> nested in <c>PAYEE</c> counts when no direct one came first).</summary>
    public Dictionary<string, RawField> Fields { get; } = new(StringComparer.Ordinal);

    public string? Text(string name) => Fields.TryGetValue(name, out var f) && f.Value.Length > 0 ? f.Value : null;
}

/// <summary>One <c>STMTRS</c> or <c>CCSTMTRS</c>, before interpretation.</summary>
internal sealed class RawStatement(int line)
{
    public int Line { get; } = line;

    public string? BankId { get; set; }

    public string? BranchId { get; set; }

    public string? AccountId { get; set; }

    public RawField? Start { get; set; }

    public RawField? End { get; set; }

    public List<RawTransaction> Transactions { get; } = [];
}

/// <summary>Walks the tokenizer's nodes and groups them into statements and transactions, tolerating missing end tags.</summary>
internal static class OfxStructure
{
    /// <summary>Elements that hold a value; when one appears with no text it is an empty field, not an aggregate.</summary>
    private static readonly HashSet<string> s_leaves = new(StringComparer.Ordinal)
    {
        "TRNTYPE", "DTPOSTED", "DTUSER", "DTAVAIL", "TRNAMT", "FITID", "CORRECTFITID", "SRVRTID", "CHECKNUM", "REFNUM",
        "SIC", "PAYEEID", "NAME", "MEMO", "BANKID", "BRANCHID", "ACCTID", "ACCTTYPE", "DTSTART", "DTEND", "BALAMT",
        "DTASOF", "CURDEF", "CODE", "SEVERITY", "DTSERVER", "LANGUAGE", "TRNUID",
    };

    public static List<RawStatement> Parse(List<OfxNode> nodes, DiagnosticBag diagnostics)
    {
        var statements = new List<RawStatement>();
        RawStatement? statement = null;
        RawTransaction? transaction = null;
        var inAccount = false;
        var inBalance = false;
        var sawOfx = false;
        OfxNode? previous = null;

        void Finish()
        {
            transaction = null;
        }

        foreach (var node in nodes)
        {
            if (node.Kind == OfxNodeKind.End)
            {
                if (previous is { Kind: OfxNodeKind.Start } open && open.Name != node.Name && s_leaves.Contains(open.Name)
                    && open.Value is not null && s_leaves.Contains(node.Name))
                {
                    diagnostics.Warning(node.Line, open.Name, "ofx.tag.mismatched", string.Create(CultureInfo.InvariantCulture,
                        $"<{open.Name}> fechado por </{node.Name}>; o valor de {open.Name} foi mantido."));
                }

                switch (node.Name)
                {
                    case "STMTTRN":
                    case "BANKTRANLIST":
                        Finish();
                        break;
                    case "STMTRS":
                    case "CCSTMTRS":
                        Finish();
                        statement = null;
                        break;
                    case "BANKACCTFROM":
                    case "CCACCTFROM":
                        inAccount = false;
                        break;
                    case "LEDGERBAL":
                    case "AVAILBAL":
                        inBalance = false;
                        break;
                    default:
                        break;
                }

                previous = node;
                continue;
            }

            previous = node;
            switch (node.Name)
            {
                case "OFX":
                    sawOfx = true;
                    continue;
                case "STMTRS":
                case "CCSTMTRS":
                    Finish();
                    statement = new RawStatement(node.Line);
                    statements.Add(statement);
                    continue;
                case "BANKACCTFROM":
                case "CCACCTFROM":
                    inAccount = true;
                    continue;
                case "LEDGERBAL":
                case "AVAILBAL":
                    inBalance = true;
                    continue;
                case "STMTTRN":
                    Finish();
                    inAccount = false;
                    if (statement is null)
                    {
                        diagnostics.Warning(node.Line, "STMTTRN", "ofx.statement.implicit",
                            "<STMTTRN> fora de <STMTRS>/<CCSTMTRS>; lido como parte de um extrato sem conta.");
                        statement = new RawStatement(node.Line);
                        statements.Add(statement);
                    }

                    transaction = new RawTransaction(node.Line);
                    statement.Transactions.Add(transaction);
                    continue;
                default:
                    break;
            }

            if (node.Value is null && !s_leaves.Contains(node.Name))
            {
                continue;
            }

            var field = new RawField(node.Value ?? string.Empty, node.Line);
            if (transaction is not null)
            {
                transaction.Fields.TryAdd(node.Name, field);
            }
            else if (statement is not null && inAccount)
            {
                var value = field.Value.Length > 0 ? field.Value : null;
                switch (node.Name)
                {
                    case "BANKID":
                        statement.BankId ??= value;
                        break;
                    case "BRANCHID":
                        statement.BranchId ??= value;
                        break;
                    case "ACCTID":
                        statement.AccountId ??= value;
                        break;
                    default:
                        break;
                }
            }
            else if (statement is not null && node.Name is "DTSTART")
            {
                statement.Start ??= field;
            }
            else if (statement is not null && node.Name is "DTEND")
            {
                statement.End ??= field;
            }
            else if (node.Name is "DTSERVER" or "DTASOF" && OfxDate.Parse(field.Value, out _) == OfxDateStatus.Zero)
            {
                diagnostics.Warning(node.Line, node.Name, "ofx.date.zero", string.Create(CultureInfo.InvariantCulture,
                    $"{node.Name} zerado ('{field.Value}'): tratado como ausente."));
            }
            else if (inBalance && node.Name == "BALAMT" && field.Value.Length == 0)
            {
                diagnostics.Warning(node.Line, "BALAMT", "ofx.balance.empty", "<BALAMT> sem valor: saldo desconhecido.");
            }
        }

        if (!sawOfx)
        {
            diagnostics.Error(null, null, "ofx.document.missing", "Nenhum elemento <OFX> encontrado: o conteúdo não parece um arquivo OFX.");
        }
        else if (statements.Count == 0)
        {
            diagnostics.Error(null, null, "ofx.statement.missing", "O arquivo OFX não contém <STMTRS> nem <CCSTMTRS>: o arquivo não foi lido, nenhum lançamento.");
        }

        return statements;
    }
}

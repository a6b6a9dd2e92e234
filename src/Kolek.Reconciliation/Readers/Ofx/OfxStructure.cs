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

/// <summary>One <c>STMTRS</c> or <c>CCSTMTRS</c>, before interpretation; its transactions are handed on as they end.</summary>
internal sealed class RawStatement(int line)
{
    public int Line { get; } = line;

    /// <summary>Whether the builder has read DTSTART and DTEND (once per statement, when its first transaction or its end comes).</summary>
    public bool DatesRead { get; set; }

    public NodaTime.LocalDate? StartDate { get; set; }

    public NodaTime.LocalDate? EndDate { get; set; }

    public string? BankId { get; set; }

    public string? BranchId { get; set; }

    public string? AccountId { get; set; }

    public RawField? Start { get; set; }

    public RawField? End { get; set; }
}

/// <summary>Walks the tokenizer's nodes one at a time and groups them into statements and transactions, tolerating
/// missing end tags. A transaction is complete when the next one, its end tag, the end of its list or statement, or the
/// end of the file comes; completed transactions (and ended statements) are queued in <see cref="Completed"/>.</summary>
internal sealed class OfxStructure(DiagnosticBag diagnostics)
{
    /// <summary>Elements that hold a value; when one appears with no text it is an empty field, not an aggregate.</summary>
    private static readonly HashSet<string> s_leaves = new(StringComparer.Ordinal)
    {
        "TRNTYPE", "DTPOSTED", "DTUSER", "DTAVAIL", "TRNAMT", "FITID", "CORRECTFITID", "SRVRTID", "CHECKNUM", "REFNUM",
        "SIC", "PAYEEID", "NAME", "MEMO", "BANKID", "BRANCHID", "ACCTID", "ACCTTYPE", "DTSTART", "DTEND", "BALAMT",
        "DTASOF", "CURDEF", "CODE", "SEVERITY", "DTSERVER", "LANGUAGE", "TRNUID",
    };

    private RawStatement? _statement;
    private RawTransaction? _transaction;
    private bool _inAccount;
    private bool _inBalance;
    private bool _sawOfx;
    private int _statements;
    private OfxNode? _previous;

    /// <summary>Completed transactions with their statement, and ended statements (with a null transaction), in file order.</summary>
    public Queue<(RawStatement Statement, RawTransaction? Transaction)> Completed { get; } = new();

    /// <summary>The first statement that names its bank, branch or account.</summary>
    public RawStatement? FirstAccount { get; private set; }

    public void Accept(OfxNode node)
    {
        if (node.Kind == OfxNodeKind.End)
        {
            if (_previous is { Kind: OfxNodeKind.Start } open && open.Name != node.Name && s_leaves.Contains(open.Name)
                && open.Value is not null && s_leaves.Contains(node.Name))
            {
                diagnostics.Warning(node.Line, open.Name, "ofx.tag.mismatched", string.Create(CultureInfo.InvariantCulture,
                    $"<{open.Name}> fechado por </{node.Name}>; o valor de {open.Name} foi mantido."));
            }

            switch (node.Name)
            {
                case "STMTTRN":
                case "BANKTRANLIST":
                    EndTransaction();
                    break;
                case "STMTRS":
                case "CCSTMTRS":
                    EndStatement();
                    break;
                case "BANKACCTFROM":
                case "CCACCTFROM":
                    _inAccount = false;
                    break;
                case "LEDGERBAL":
                case "AVAILBAL":
                    _inBalance = false;
                    break;
                default:
                    break;
            }

            _previous = node;
            return;
        }

        _previous = node;
        switch (node.Name)
        {
            case "OFX":
                _sawOfx = true;
                return;
            case "STMTRS":
            case "CCSTMTRS":
                EndStatement();
                StartStatement(node.Line);
                return;
            case "BANKACCTFROM":
            case "CCACCTFROM":
                _inAccount = true;
                return;
            case "LEDGERBAL":
            case "AVAILBAL":
                _inBalance = true;
                return;
            case "STMTTRN":
                EndTransaction();
                _inAccount = false;
                if (_statement is null)
                {
                    diagnostics.Warning(node.Line, "STMTTRN", "ofx.statement.implicit",
                        "<STMTTRN> fora de <STMTRS>/<CCSTMTRS>; lido como parte de um extrato sem conta.");
                    StartStatement(node.Line);
                }

                _transaction = new RawTransaction(node.Line);
                return;
            default:
                break;
        }

        if (node.Value is null && !s_leaves.Contains(node.Name))
        {
            return;
        }

        var field = new RawField(node.Value ?? string.Empty, node.Line);
        var statement = _statement;
        if (_transaction is not null)
        {
            _transaction.Fields.TryAdd(node.Name, field);
        }
        else if (statement is not null && _inAccount)
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

            if (FirstAccount is null && value is not null && node.Name is "BANKID" or "BRANCHID" or "ACCTID")
            {
                FirstAccount = statement;
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
        else if (_inBalance && node.Name == "BALAMT" && field.Value.Length == 0)
        {
            diagnostics.Warning(node.Line, "BALAMT", "ofx.balance.empty", "<BALAMT> sem valor: saldo desconhecido.");
        }
    }

    /// <summary>Ends the file: the open transaction and statement are complete; a file without OFX or statements is reported.</summary>
    public void Finish()
    {
        EndStatement();
        if (!_sawOfx)
        {
            diagnostics.Error(null, null, "ofx.document.missing", "Nenhum elemento <OFX> encontrado: o conteúdo não parece um arquivo OFX.");
        }
        else if (_statements == 0)
        {
            diagnostics.Error(null, null, "ofx.statement.missing", "O arquivo OFX não contém <STMTRS> nem <CCSTMTRS>: o arquivo não foi lido, nenhum lançamento.");
        }
    }

    private void StartStatement(int line)
    {
        _statement = new RawStatement(line);
        _statements++;
    }

    private void EndTransaction()
    {
        if (_transaction is not null && _statement is not null)
        {
            Completed.Enqueue((_statement, _transaction));
        }

        _transaction = null;
    }

    private void EndStatement()
    {
        EndTransaction();
        if (_statement is not null)
        {
            Completed.Enqueue((_statement, null));
        }

        _statement = null;
    }
}

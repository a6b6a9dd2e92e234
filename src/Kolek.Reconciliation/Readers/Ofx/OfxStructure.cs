using System.Globalization;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>A value read from one element, with the line of its tag; <see cref="Value"/> is empty for an empty element.</summary>
internal readonly record struct RawField(string Value, int Line);

/// <summary>The fields of one <c>STMTTRN</c>, before interpretation: the cleaned values of the fields the builder reads,
/// kept in one reused character buffer (no string or dictionary per field); the first occurrence of a field wins (a
/// <c>NAME</c> nested in <c>PAYEE</c> counts when no direct one came first).</summary>
internal sealed class RawTransaction
{
    /// <summary>The fields the builder reads: <see cref="OfxTag.TrnType"/> to <see cref="OfxTag.Memo"/>.</summary>
    private const int FieldCount = OfxTag.Memo - OfxTag.TrnType + 1;
    private readonly int[] _start = new int[FieldCount];
    private readonly int[] _length = new int[FieldCount];
    private readonly int[] _line = new int[FieldCount];
    private char[] _chars = new char[512];
    private int _used;

    public int Line { get; private set; }

    /// <summary>Empties the transaction for reuse, starting at <paramref name="line"/>.</summary>
    public void Reset(int line)
    {
        Line = line;
        _used = 0;
        Array.Clear(_line);
    }

    /// <summary>Whether the tag is one of the fields kept.</summary>
    public static bool IsField(OfxTag tag) => tag is >= OfxTag.TrnType and <= OfxTag.Memo;

    private static int Slot(OfxTag field) => field - OfxTag.TrnType;

    /// <summary>Whether the field was present (possibly empty).</summary>
    public bool Has(OfxTag field) => _line[Slot(field)] > 0;

    /// <summary>The line of the field's tag (only when <see cref="Has"/>).</summary>
    public int LineOf(OfxTag field) => _line[Slot(field)];

    /// <summary>The field's value, empty when missing or empty.</summary>
    public ReadOnlySpan<char> Span(OfxTag field) => _chars.AsSpan(_start[Slot(field)], _length[Slot(field)]);

    /// <summary>The field's value, or null when it is missing or empty.</summary>
    public string? Text(OfxTag field) => Has(field) && _length[Slot(field)] > 0 ? Span(field).ToString() : null;

    /// <summary>The field as a <see cref="RawField"/> (for diagnostics), or null when missing.</summary>
    public RawField? Field(OfxTag field) => Has(field) ? new RawField(Span(field).ToString(), LineOf(field)) : null;

    /// <summary>Records a field unless it was already present.</summary>
    public void TryAdd(OfxTag field, ReadOnlySpan<char> value, int line)
    {
        var k = Slot(field);
        if (_line[k] > 0)
        {
            return;
        }

        if (_used + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + value.Length));
        }

        value.CopyTo(_chars.AsSpan(_used));
        _start[k] = _used;
        _length[k] = value.Length;
        _line[k] = line;
        _used += value.Length;
    }
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

    /// <summary>CURDEF when it names a currency other than BRL (upper case), else <see langword="null"/>.</summary>
    public string? ForeignCurrency { get; set; }

    /// <summary>BANKID and ACCTID as the stable id writes them, computed once (after the account was read).</summary>
    public string? AccountKey { get; set; }
}

/// <summary>Takes the tokenizer's nodes one at a time and groups them into statements and transactions, tolerating
/// missing end tags. A transaction is complete when the next one, its end tag, the end of its list or statement, or the
/// end of the file comes; it is then interpreted at once by the builder (<see cref="OfxTransactionBuilder.Build(RawStatement, RawTransaction)"/>).</summary>
/// <remarks>Only the values that are kept are cleaned and copied: the transaction's fields into its reused buffer, the
/// account and statement dates as strings; other elements only say whether they had a value.</remarks>
internal sealed class OfxStructure(DiagnosticBag diagnostics, OfxTransactionBuilder builder) : IOfxNodeSink
{
    private readonly RawTransaction _raw = new();
    private char[] _scratch = new char[256];
    private RawStatement? _statement;
    private bool _inTransaction;
    private bool _inAccount;
    private bool _inBalance;
    private bool _sawOfx;
    private int _statements;
    private OfxNodeKind _previousKind;
    private OfxName? _previousName;
    private bool _previousHasValue;

    /// <summary>The first statement that names its bank, branch or account.</summary>
    public RawStatement? FirstAccount { get; private set; }

    public void End(OfxName name, int line)
    {
        if (_previousKind == OfxNodeKind.Start && _previousName is { } open && _previousHasValue && open.IsLeaf && name.IsLeaf
            && !OfxName.Same(open, name))
        {
            diagnostics.Warning(line, open.Text, "ofx.tag.mismatched", string.Create(CultureInfo.InvariantCulture,
                $"<{open.Text}> fechado por </{name.Text}>; o valor de {open.Text} foi mantido."));
        }

        switch (name.Tag)
        {
            case OfxTag.StmtTrn:
            case OfxTag.BankTranList:
                EndTransaction();
                break;
            case OfxTag.StmtRs:
            case OfxTag.CcStmtRs:
                EndStatement();
                break;
            case OfxTag.BankAcctFrom:
            case OfxTag.CcAcctFrom:
                _inAccount = false;
                break;
            case OfxTag.LedgerBal:
            case OfxTag.AvailBal:
                _inBalance = false;
                break;
            default:
                break;
        }

        _previousKind = OfxNodeKind.End;
        _previousName = name;
        _previousHasValue = false;
    }

    public void Start(OfxName name, int line, ReadOnlySpan<char> raw)
    {
        _previousKind = OfxNodeKind.Start;
        _previousName = name;
        switch (name.Tag)
        {
            case OfxTag.Ofx:
                _previousHasValue = HasValue(raw);
                _sawOfx = true;
                return;
            case OfxTag.StmtRs:
            case OfxTag.CcStmtRs:
                _previousHasValue = HasValue(raw);
                EndStatement();
                StartStatement(line);
                return;
            case OfxTag.BankAcctFrom:
            case OfxTag.CcAcctFrom:
                _previousHasValue = HasValue(raw);
                _inAccount = true;
                return;
            case OfxTag.LedgerBal:
            case OfxTag.AvailBal:
                _previousHasValue = HasValue(raw);
                _inBalance = true;
                return;
            case OfxTag.StmtTrn:
                _previousHasValue = HasValue(raw);
                EndTransaction();
                _inAccount = false;
                if (_statement is null)
                {
                    diagnostics.Warning(line, "STMTTRN", "ofx.statement.implicit",
                        "<STMTTRN> fora de <STMTRS>/<CCSTMTRS>; lido como parte de um extrato sem conta.");
                    StartStatement(line);
                }

                _raw.Reset(line);
                _inTransaction = true;
                return;
            default:
                break;
        }

        var value = OfxTokenizer.Clean(raw, ref _scratch, out var present);
        _previousHasValue = present;
        if (!present && !name.IsLeaf)
        {
            return;
        }

        var statement = _statement;
        if (_inTransaction)
        {
            if (RawTransaction.IsField(name.Tag))
            {
                _raw.TryAdd(name.Tag, value, line);
            }
        }
        else if (statement is not null && _inAccount)
        {
            var text = value.Length > 0 ? value.ToString() : null;
            switch (name.Tag)
            {
                case OfxTag.BankId:
                    if (statement.BankId is null)
                    {
                        statement.BankId = text;
                        statement.AccountKey = null;
                    }

                    break;
                case OfxTag.BranchId:
                    statement.BranchId ??= text;
                    break;
                case OfxTag.AcctId:
                    if (statement.AccountId is null)
                    {
                        statement.AccountId = text;
                        statement.AccountKey = null;
                    }

                    break;
                default:
                    break;
            }

            if (FirstAccount is null && text is not null && name.Tag is OfxTag.BankId or OfxTag.BranchId or OfxTag.AcctId)
            {
                FirstAccount = statement;
            }
        }
        else if (statement is not null && name.Tag == OfxTag.CurDef)
        {
            statement.ForeignCurrency = CurrencyTally.Foreign(value.ToString());
            if (statement.ForeignCurrency is { } currency)
            {
                diagnostics.Warning(line, "CURDEF", "ofx.currency.foreign", string.Create(CultureInfo.InvariantCulture,
                    $"Extrato em {currency}, não em BRL: valores mantidos como escritos, na moeda {currency}; a conciliação os deixa de lado (moeda estrangeira)."));
            }
        }
        else if (statement is not null && name.Tag == OfxTag.DtStart)
        {
            statement.Start ??= new RawField(value.ToString(), line);
        }
        else if (statement is not null && name.Tag == OfxTag.DtEnd)
        {
            statement.End ??= new RawField(value.ToString(), line);
        }
        else if (name.Tag is OfxTag.DtServer or OfxTag.DtAsOf && OfxDate.Parse(value, out _) == OfxDateStatus.Zero)
        {
            diagnostics.Warning(line, name.Text, "ofx.date.zero", string.Create(CultureInfo.InvariantCulture,
                $"{name.Text} zerado ('{value}'): tratado como ausente."));
        }
        else if (_inBalance && name.Tag == OfxTag.BalAmt && value.Length == 0)
        {
            diagnostics.Warning(line, "BALAMT", "ofx.balance.empty", "<BALAMT> sem valor: saldo desconhecido.");
        }
    }

    /// <summary>Ends the file: the open transaction and statement are complete; a file without OFX or statements is reported.</summary>
    public void Finish()
    {
        if (_inTransaction)
        {
            // The file ends inside a <STMTTRN>: a download cut short. Its last value may itself be cut (-226 for -226.27).
            diagnostics.Error(_raw.Line, "STMTTRN", "ofx.truncated",
                "O arquivo termina dentro de um <STMTTRN> (sem </STMTTRN>, </BANKTRANLIST> nem </OFX>): o download parece incompleto; este lançamento não foi lido, pois seus valores podem estar cortados.");
            _inTransaction = false;
        }

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

    private static bool HasValue(ReadOnlySpan<char> raw) => !raw.Trim().IsEmpty;

    private void StartStatement(int line)
    {
        _statement = new RawStatement(line);
        _statements++;
    }

    private void EndTransaction()
    {
        if (_inTransaction && _statement is not null)
        {
            builder.Build(_statement, _raw);
        }

        _inTransaction = false;
    }

    private void EndStatement()
    {
        EndTransaction();
        if (_statement is not null)
        {
            builder.ReadDates(_statement);
        }

        _statement = null;
    }
}

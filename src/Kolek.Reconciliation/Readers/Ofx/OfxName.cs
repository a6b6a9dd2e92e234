namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>The tag names the statement walker acts on (every other name is <see cref="Other"/>).</summary>
internal enum OfxTag : byte
{
    Other = 0,
    Ofx,
    StmtRs,
    CcStmtRs,
    BankAcctFrom,
    CcAcctFrom,
    LedgerBal,
    AvailBal,
    StmtTrn,
    BankTranList,

    // The STMTTRN fields the builder reads, TrnType to Memo in one run (RawTransaction keeps a slot for each).
    TrnType,
    DtPosted,
    DtUser,
    DtAvail,
    TrnAmt,
    Fitid,
    CheckNum,
    RefNum,
    Name,
    Payee,
    Memo,
    BankId,
    BranchId,
    AcctId,
    DtStart,
    DtEnd,
    DtServer,
    DtAsOf,
    BalAmt,
    CurDef,
}

/// <summary>An upper-cased tag name as the tokenizer hands it on: one shared instance per known OFX name, with what the
/// walker needs to know of it (its <see cref="OfxTag"/>, whether it holds a value), so that no string is compared or
/// hashed per node.</summary>
internal sealed class OfxName
{
    /// <summary>Elements that hold a value; when one appears with no text it is an empty field, not an aggregate.</summary>
    private static readonly HashSet<string> s_leaves = new(StringComparer.Ordinal)
    {
        "TRNTYPE", "DTPOSTED", "DTUSER", "DTAVAIL", "TRNAMT", "FITID", "CORRECTFITID", "SRVRTID", "CHECKNUM", "REFNUM",
        "SIC", "PAYEEID", "NAME", "MEMO", "BANKID", "BRANCHID", "ACCTID", "ACCTTYPE", "DTSTART", "DTEND", "BALAMT",
        "DTASOF", "CURDEF", "CODE", "SEVERITY", "DTSERVER", "LANGUAGE", "TRNUID",
    };

    private static readonly Dictionary<string, OfxName> s_known = Build(
    [
        "OFX", "SIGNONMSGSRSV1", "SONRS", "STATUS", "CODE", "SEVERITY", "MESSAGE", "DTSERVER", "LANGUAGE", "FI", "ORG", "FID",
        "BANKMSGSRSV1", "CREDITCARDMSGSRSV1", "STMTTRNRS", "CCSTMTTRNRS", "TRNUID", "STMTRS", "CCSTMTRS", "CURDEF",
        "BANKACCTFROM", "CCACCTFROM", "BANKID", "BRANCHID", "ACCTID", "ACCTTYPE", "BANKTRANLIST", "DTSTART", "DTEND",
        "STMTTRN", "TRNTYPE", "DTPOSTED", "DTUSER", "DTAVAIL", "TRNAMT", "FITID", "CORRECTFITID", "SRVRTID", "CHECKNUM",
        "REFNUM", "SIC", "PAYEEID", "NAME", "PAYEE", "MEMO", "LEDGERBAL", "AVAILBAL", "BALAMT", "DTASOF", "MKTGINFO",
        "CURRENCY", "ORIGCURRENCY", "CURRATE", "CURSYM", "BANKACCTTO", "CCACCTTO", "INTU.BID", "INTU.USERID",
    ]);

    private OfxName(string text, OfxTag tag, bool isLeaf)
    {
        Text = text;
        Tag = tag;
        IsLeaf = isLeaf;
    }

    /// <summary>The name, upper-cased.</summary>
    public string Text { get; }

    /// <summary>What the walker knows the element as.</summary>
    public OfxTag Tag { get; }

    /// <summary>Whether the element holds a value (an empty one is an empty field, not an aggregate).</summary>
    public bool IsLeaf { get; }

    /// <summary>The known OFX names, upper case.</summary>
    public static IEnumerable<OfxName> Known => s_known.Values;

    public static OfxName Memo { get; } = s_known["MEMO"];

    public static OfxName NameTag { get; } = s_known["NAME"];

    public static OfxName Fitid { get; } = s_known["FITID"];

    public static OfxName TrnAmt { get; } = s_known["TRNAMT"];

    public static OfxName RefNum { get; } = s_known["REFNUM"];

    public static OfxName DtUser { get; } = s_known["DTUSER"];

    public static OfxName StmtTrn { get; } = s_known["STMTTRN"];

    public static OfxName TrnType { get; } = s_known["TRNTYPE"];

    public static OfxName DtAvail { get; } = s_known["DTAVAIL"];

    public static OfxName DtPosted { get; } = s_known["DTPOSTED"];

    public static OfxName CheckNum { get; } = s_known["CHECKNUM"];

    /// <summary>A name that is not a known OFX name (already upper-cased).</summary>
    public static OfxName Unknown(string upper) => new(upper, OfxTag.Other, isLeaf: false);

    /// <summary>Whether two names are the same name.</summary>
    public static bool Same(OfxName a, OfxName b) => ReferenceEquals(a, b) || string.Equals(a.Text, b.Text, StringComparison.Ordinal);

    public override string ToString() => Text;

    private static Dictionary<string, OfxName> Build(string[] names)
    {
        var known = new Dictionary<string, OfxName>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            known[name] = new OfxName(name, TagOf(name), s_leaves.Contains(name));
        }

        return known;
    }

    private static OfxTag TagOf(string name) => name switch
    {
        "OFX" => OfxTag.Ofx,
        "STMTRS" => OfxTag.StmtRs,
        "CCSTMTRS" => OfxTag.CcStmtRs,
        "BANKACCTFROM" => OfxTag.BankAcctFrom,
        "CCACCTFROM" => OfxTag.CcAcctFrom,
        "LEDGERBAL" => OfxTag.LedgerBal,
        "AVAILBAL" => OfxTag.AvailBal,
        "STMTTRN" => OfxTag.StmtTrn,
        "BANKTRANLIST" => OfxTag.BankTranList,
        "TRNTYPE" => OfxTag.TrnType,
        "DTPOSTED" => OfxTag.DtPosted,
        "DTUSER" => OfxTag.DtUser,
        "DTAVAIL" => OfxTag.DtAvail,
        "TRNAMT" => OfxTag.TrnAmt,
        "FITID" => OfxTag.Fitid,
        "CHECKNUM" => OfxTag.CheckNum,
        "REFNUM" => OfxTag.RefNum,
        "NAME" => OfxTag.Name,
        "PAYEE" => OfxTag.Payee,
        "MEMO" => OfxTag.Memo,
        "BANKID" => OfxTag.BankId,
        "BRANCHID" => OfxTag.BranchId,
        "ACCTID" => OfxTag.AcctId,
        "DTSTART" => OfxTag.DtStart,
        "DTEND" => OfxTag.DtEnd,
        "DTSERVER" => OfxTag.DtServer,
        "DTASOF" => OfxTag.DtAsOf,
        "BALAMT" => OfxTag.BalAmt,
        "CURDEF" => OfxTag.CurDef,
        _ => OfxTag.Other,
    };
}

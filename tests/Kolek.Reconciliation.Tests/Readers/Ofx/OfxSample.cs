using System.Globalization;
using System.Text;
using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Tests.Readers.Ofx;

/// <summary>One transaction to write into a generated OFX file.</summary>
public sealed record SampleTransaction(LocalDate Date, decimal Amount, string Fitid, string Memo, string Type = "OTHER");

/// <summary>How a generated OFX file is written.</summary>
public sealed record SampleLayout(bool Xml, bool CommaDecimals, bool Thousands, string Charset, string NewLine)
{
    public static SampleLayout Sgml { get; } = new(false, false, false, "1252", "\n");
}

/// <summary>Writes small OFX files (SGML or XML) for the reader's tests.</summary>
public static class OfxSample
{
    public static string Text(IEnumerable<SampleTransaction> transactions, SampleLayout? layout = null, LocalDate? start = null, LocalDate? end = null)
    {
        layout ??= SampleLayout.Sgml;
        var list = transactions.ToList();
        var first = start ?? (list.Count == 0 ? new LocalDate(2024, 1, 1) : list.Min(t => t.Date));
        var last = end ?? (list.Count == 0 ? new LocalDate(2024, 1, 31) : list.Max(t => t.Date));
        var body = new StringBuilder();
        body.Append("<STMTRS><CURDEF>BRL").Append(Close(layout, "CURDEF")).Append('\n')
            .Append("<BANKACCTFROM>\n")
            .Append(Field(layout, "BANKID", "341"))
            .Append(Field(layout, "BRANCHID", "1234"))
            .Append(Field(layout, "ACCTID", "56789-0"))
            .Append("</BANKACCTFROM>\n<BANKTRANLIST>\n")
            .Append(Field(layout, "DTSTART", Date(first) + "000000[-3:BRT]"))
            .Append(Field(layout, "DTEND", Date(last) + "235959[-3:BRT]"));
        foreach (var t in list)
        {
            body.Append("<STMTTRN>\n")
                .Append(Field(layout, "TRNTYPE", t.Type))
                .Append(Field(layout, "DTPOSTED", Date(t.Date) + "120000[-3:BRT]"))
                .Append(Field(layout, "TRNAMT", Amount(t.Amount, layout)))
                .Append(Field(layout, "FITID", t.Fitid))
                .Append(Field(layout, "MEMO", Escape(t.Memo)))
                .Append("</STMTTRN>\n");
        }

        body.Append("</BANKTRANLIST>\n<LEDGERBAL>\n")
            .Append(Field(layout, "BALAMT", Amount(list.Sum(t => t.Amount), layout)))
            .Append(Field(layout, "DTASOF", Date(last)))
            .Append("</LEDGERBAL>\n</STMTRS>\n");
        var document = "<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n" + Field(layout, "TRNUID", "1") + body + "</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n";
        var header = layout.Xml
            ? $"<?xml version=\"1.0\" encoding=\"{layout.Charset}\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"220\" SECURITY=\"NONE\" OLDFILEUID=\"NONE\" NEWFILEUID=\"NONE\"?>\n"
            : $"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:{layout.Charset}\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n";
        return (header + document).Replace("\n", layout.NewLine, StringComparison.Ordinal);
    }

    /// <summary>An SGML file around the given raw <c>STMTTRN</c> text, for tests of odd content.</summary>
    public static string Sgml(string transactions, string start = "20240101", string end = "20241231") =>
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
        + "<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STMTRS>\n<CURDEF>BRL\n<BANKACCTFROM>\n<BANKID>341\n<ACCTID>56789-0\n</BANKACCTFROM>\n"
        + $"<BANKTRANLIST>\n<DTSTART>{start}\n<DTEND>{end}\n"
        + transactions
        + "</BANKTRANLIST>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n";

    /// <summary>One SGML <c>STMTTRN</c> with unclosed elements.</summary>
    public static string Trn(string amount, string memo = "PIX RECEBIDO", string fitid = "1", string date = "20240105", string type = "CREDIT") =>
        $"<STMTTRN>\n<TRNTYPE>{type}\n<DTPOSTED>{date}\n<TRNAMT>{amount}\n<FITID>{fitid}\n<MEMO>{memo}\n</STMTTRN>\n";

    public static BankStatement Read(string text, Encoding? encoding = null, OfxReaderOptions? options = null) =>
        OfxReader.Read("sample.ofx", (encoding ?? Encoding.UTF8).GetBytes(text), options);

    public static Encoding EncodingOf(string charset) => charset switch
    {
        "UTF-8" => new UTF8Encoding(false),
        "ISO-8859-1" => Encoding.Latin1,
        _ => CodePagesEncodingProvider.Instance.GetEncoding(1252)!,
    };

    private static string Field(SampleLayout layout, string name, string value) => $"<{name}>{value}{Close(layout, name)}\n";

    private static string Close(SampleLayout layout, string name) => layout.Xml ? $"</{name}>" : string.Empty;

    private static string Date(LocalDate date) => LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd").Format(date);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Amount(decimal amount, SampleLayout layout)
    {
        var text = amount.ToString(layout.Thousands ? "#,##0.00" : "0.00", CultureInfo.InvariantCulture);
        return layout.CommaDecimals
            ? text.Replace(',', '_').Replace('.', ',').Replace('_', '.')
            : text;
    }
}

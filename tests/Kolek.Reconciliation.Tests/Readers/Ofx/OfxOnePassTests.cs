using System.Text;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Readers.Streaming;

namespace Kolek.Reconciliation.Tests.Readers.Ofx;

/// <summary>
/// A seekable OFX stream whose look-ahead is plain ASCII is read in one pass: the file's encoding is judged over the whole
/// file only when the first byte above 0x7F arrives, its decimal convention only at the first ambiguous amount, and a
/// line's id a few lines after it was built. These cases check that the result is still the one a judgement of the whole
/// file before the read gives (<see cref="OfxReader.Read"/>, whose look-ahead is the whole file), diagnostics' order
/// included, on one-line files where every diagnostic has the same line and only that order tells them apart.
/// </summary>
public class OfxOnePassTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?OFX OFXHEADER=\"200\" VERSION=\"220\"?>";

    [Fact]
    public void ReadStream_Latin1ByteAfterAsciiLookAhead_JudgesTheWholeFileAndWarnsFirst()
    {
        var early = Trn("10.00", "1", dtavail: "2024XX01");
        var filler = string.Concat(Enumerable.Range(2, 30).Select(i => Trn("1.00", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var bytes = Encoding.Latin1.GetBytes(OneLine(early + filler + Trn("5.00", "99", memo: "AÇÃO")));

        var whole = OfxReader.Read("x.ofx", bytes);
        var streamed = ReadSeekable(bytes);

        StreamingReadTests.AssertSame(whole, streamed);
        Assert.Equal("AÇÃO", streamed.Transactions[^1].Description);
        Assert.Equal(["ofx.encoding.mismatch", "ofx.date.invalid"], streamed.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void ReadStream_AmbiguousAmountBeforeTheConventionShows_UsesTheWholeFilesConvention()
    {
        var filler = string.Concat(Enumerable.Range(2, 30).Select(i => Trn("1,50", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var bytes = Encoding.ASCII.GetBytes(OneLine(Trn("1.234", "1") + filler));

        var whole = OfxReader.Read("x.ofx", bytes);
        var streamed = ReadSeekable(bytes);

        StreamingReadTests.AssertSame(whole, streamed);
        Assert.Equal(1234m, streamed.Transactions[0].Amount);
        Assert.DoesNotContain(streamed.Diagnostics, d => d.Code == "ofx.amount.ambiguous");
    }

    [Fact]
    public void ReadStream_ConventionContradictedLate_KeepsTheOfxReadingWithAWarning()
    {
        var filler = string.Concat(Enumerable.Range(2, 30).Select(i => Trn("1,50", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var bytes = Encoding.ASCII.GetBytes(OneLine(Trn("1.234", "1") + filler + Trn("7.50", "99")));

        var whole = OfxReader.Read("x.ofx", bytes);
        var streamed = ReadSeekable(bytes);

        StreamingReadTests.AssertSame(whole, streamed);
        Assert.Equal(1.234m, streamed.Transactions[0].Amount);
        Assert.Equal("ofx.amount.ambiguous", Assert.Single(streamed.Diagnostics).Code);
    }

    [Fact]
    public void ReadStream_AmbiguousAmountThenLatin1Bytes_DecodesThemAsTheWholeFileSays()
    {
        // The convention's judgement (at the ambiguous amount) also judges the encoding: the later bytes must use it.
        var filler = string.Concat(Enumerable.Range(2, 30).Select(i => Trn("1,50", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var bytes = Encoding.Latin1.GetBytes(OneLine(filler + Trn("1.234", "1") + filler.Replace("<FITID>", "<FITID>b", StringComparison.Ordinal) + Trn("5,00", "99", memo: "AÇÃO")));

        var whole = OfxReader.Read("x.ofx", bytes);
        var streamed = ReadSeekable(bytes);

        StreamingReadTests.AssertSame(whole, streamed);
        Assert.Equal(1234m, streamed.Transactions[30].Amount);
        Assert.Equal("AÇÃO", streamed.Transactions[^1].Description);
        Assert.Equal("ofx.encoding.mismatch", Assert.Single(streamed.Diagnostics).Code);
    }

    [Fact]
    public void Read_RepeatedLinesNearAndFarApart_WarnInFileOrderAmongTheSameLinesDiagnostics()
    {
        // Lines 1 and 2 repeat line 0 (ids looked up while line 0's is still waiting); line 40 repeats line 3, long after.
        var trns = Enumerable.Range(0, 41).Select(i => i switch
        {
            1 or 2 => Trn("10.00", "0", dtavail: "2024XX01"),
            40 => Trn("13.00", "3", dtavail: "2024XX01"),
            _ => Trn((10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".00", i.ToString(System.Globalization.CultureInfo.InvariantCulture), dtavail: "2024XX01"),
        });
        var bytes = Encoding.ASCII.GetBytes(OneLine(string.Concat(trns)));

        var statement = OfxReader.Read("x.ofx", bytes);

        string[] expected = [.. Enumerable.Range(0, 41).SelectMany(i => i is 1 or 2 or 40
            ? new[] { "ofx.fitid.repeated", "ofx.date.invalid" }
            : ["ofx.date.invalid"])];
        Assert.Equal(expected, statement.Diagnostics.Select(d => d.Code));
        Assert.Equal(41, statement.Transactions.Select(t => t.Id).Distinct().Count());
        StreamingReadTests.AssertSame(statement, ReadSeekable(bytes));
    }

    private static BankStatement ReadSeekable(byte[] bytes) =>
        StatementReader.ReadStream("x.ofx", new MemoryStream(bytes), StatementFormat.Ofx, sniffLength: 256, chunkSize: 97).ToStatement();

    private static string OneLine(string transactions) =>
        Declaration + "<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STMTRS><CURDEF>BRL</CURDEF>"
        + "<BANKACCTFROM><BANKID>341</BANKID><ACCTID>56789-0</ACCTID></BANKACCTFROM>"
        + "<BANKTRANLIST><DTSTART>20240101</DTSTART><DTEND>20241231</DTEND>"
        + transactions
        + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";

    private static string Trn(string amount, string fitid, string memo = "PIX RECEBIDO", string? dtavail = null) =>
        $"<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20240105</DTPOSTED>"
        + (dtavail is null ? string.Empty : $"<DTAVAIL>{dtavail}</DTAVAIL>")
        + $"<TRNAMT>{amount}</TRNAMT><FITID>{fitid}</FITID><MEMO>{memo}</MEMO></STMTTRN>";
}

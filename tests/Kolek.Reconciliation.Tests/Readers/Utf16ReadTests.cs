using System.Security.Cryptography;
using System.Text;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using Kolek.Reconciliation.Tests.Readers.Fuzz;

namespace Kolek.Reconciliation.Tests.Readers;

/// <summary>A file re-saved as UTF-16 ("Unicode" in Windows tools) reads as the same text in UTF-8 (found by a user trial,
/// session 4: an OFX in UTF-16 LE with its BOM was "unknown format").</summary>
public class Utf16ReadTests
{
    private const string Ofx = "OFXHEADER:100\r\nDATA:OFXSGML\r\n\r\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\r\n"
        + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261001<TRNAMT>10.00<FITID>A1<MEMO>Transferência\r\n</STMTTRN>\r\n"
        + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Read_Utf16WithBom_IsDetectedAsOfx_TextIntact_Warned(string encoding)
    {
        var utf16 = Encoding.GetEncoding(encoding);
        var bytes = With(utf16, Ofx);

        var s = StatementReader.Read("utf16.ofx", bytes);

        Assert.Equal(StatementFormat.Ofx, s.Format);
        Assert.Equal("Transferência", Assert.Single(s.Transactions).Description);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), s.Sha256);
        var warning = Assert.Single(s.Diagnostics, d => d.Code == "statement.encoding.utf16");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [CorpusFact]
    public void Read_CorpusCnabInUtf16_SameTransactionsAndIdsAsTheOriginal_StreamAgrees()
    {
        var name = "bb-laravelboleto-retorno.ret";
        var original = CorpusMutations.Original("cnab240", name);
        var bytes = With(Encoding.Unicode, Encoding.Latin1.GetString(original));

        var expected = StatementReader.Read(name, original);
        var read = StatementReader.Read(name, bytes);
        var streamed = StatementReader.ReadStream(name, new MemoryStream(bytes)).ToStatement();

        Assert.Equal(StatementFormat.Cnab240, read.Format);
        Assert.NotEmpty(expected.Transactions);
        Assert.Equal(expected.Transactions.Select(t => (t.Id, t.Amount)), read.Transactions.Select(t => (t.Id, t.Amount)));
        Assert.Equal(read.Transactions.Select(t => t.Id), streamed.Transactions.Select(t => t.Id));
        Assert.Equal(read.Sha256, streamed.Sha256);
        Assert.Equal(read.Diagnostics, streamed.Diagnostics);
        Assert.Equal(read.Format, streamed.Format);
    }

    [Fact]
    public void Read_Utf16WithAnOddLastByte_NeverThrows_ReadsTheText()
    {
        var bytes = With(Encoding.Unicode, Ofx)[..^1];

        var s = StatementReader.Read("cut.ofx", bytes);

        Assert.Equal(10.00m, Assert.Single(s.Transactions).Amount);
        Assert.Contains(s.Diagnostics, d => d.Code == "statement.encoding.utf16");
    }

    private static byte[] With(Encoding utf16, string text) => [.. utf16.GetPreamble(), .. utf16.GetBytes(text)];
}

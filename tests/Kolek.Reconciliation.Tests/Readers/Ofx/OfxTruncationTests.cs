using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using Kolek.Reconciliation.Tests.Readers.Fuzz;

namespace Kolek.Reconciliation.Tests.Readers.Ofx;

/// <summary>Found by a user trial (tryout, session 4): a download cut short is read as if complete.</summary>
public class OfxTruncationTests
{
    [CorpusFact]
    public void Read_FileCutInsideTheLastTrnamt_DoesNotBookTheCutAmount()
    {
        // The corpus Itaú file cut right after "<TRNAMT>-226" (the real value is -226.27, and no </OFX> follows).
        var bytes = CorpusMutations.Original("ofx", "itau-rmusmanno-crlf-fixed-width-memo.ofx");
        var cut = System.Text.Encoding.Latin1.GetString(bytes);
        cut = cut[..(cut.IndexOf("<TRNAMT>-226.27", StringComparison.Ordinal) + "<TRNAMT>-226".Length)];

        var s = OfxReader.Read("cut.ofx", System.Text.Encoding.Latin1.GetBytes(cut));

        Assert.DoesNotContain(s.Transactions, t => t.Amount == -226m);
        Assert.Contains(s.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == "ofx.truncated");
    }

    [Fact]
    public void Read_FileWithoutClosingOfxTag_SaysItMayBeTruncated()
    {
        var text = "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\n"
            + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261001<TRNAMT>10.00<FITID>A1\n</STMTTRN>\n"
            + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261002<TRNAMT>10";

        var s = OfxReader.Read("cut.ofx", System.Text.Encoding.ASCII.GetBytes(text));

        Assert.Single(s.Transactions);
        Assert.Contains(s.Diagnostics, d => d.Code == "ofx.truncated" && d.Line == 7);
    }
}

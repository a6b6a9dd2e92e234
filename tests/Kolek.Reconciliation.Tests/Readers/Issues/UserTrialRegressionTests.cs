using System.Text;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Readers.Pix;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using Kolek.Reconciliation.Tests.Readers.Cnab;
using static Kolek.Reconciliation.Tests.Readers.Cnab.CnabCorpus;

namespace Kolek.Reconciliation.Tests.Readers.Issues;

/// <summary>Regression tests for what the user trial of the statement readers found, each with its failing input.</summary>
public class UserTrialRegressionTests
{
    // 1. OFX amounts with one separator followed by exactly three digits.

    private static byte[] Ofx(params string[] amounts)
    {
        var body = new StringBuilder("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n<BANKACCTFROM>\n<BANKID>341\n<ACCTID>123\n</BANKACCTFROM>\n<BANKTRANLIST>\n");
        for (var i = 0; i < amounts.Length; i++)
        {
            body.Append("<STMTTRN>\n<TRNTYPE>OTHER\n<DTPOSTED>20240110\n<TRNAMT>").Append(amounts[i])
                .Append("\n<FITID>").Append(i + 1).Append("\n<MEMO>X").Append(i).Append("\n</STMTTRN>\n");
        }

        body.Append("</BANKTRANLIST>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n");
        return Encoding.Latin1.GetBytes(body.ToString());
    }

    [Theory]
    [InlineData("1,234", "-530,86", 1.234)]
    [InlineData("1.234", "-530,86", 1234)]
    [InlineData("1.234", "1.234,56", 1234)]
    [InlineData("1,234", "99.90", 1234)]
    [InlineData("-1.234", "99.90", -1.234)]
    [InlineData("12.500", "2.345.678", 12500)]
    public void Ofx_AmbiguousAmount_FollowsTheFilesConvention(string ambiguous, string other, double expected)
    {
        var s = OfxReader.Read("a.ofx", Ofx(other, ambiguous));

        Assert.Equal((decimal)expected, s.Transactions[1].Amount);
        Assert.DoesNotContain(s.Diagnostics, d => d.Code == "ofx.amount.ambiguous");
    }

    [Theory]
    [InlineData("1,234")]
    [InlineData("1.234")]
    public void Ofx_AmbiguousAmountWithoutConvention_ReadAsDecimalWithWarning(string raw)
    {
        var s = OfxReader.Read("a.ofx", Ofx(raw, "150"));

        Assert.Equal(1.234m, s.Transactions[0].Amount);
        var warning = Assert.Single(s.Diagnostics, d => d.Code == "ofx.amount.ambiguous");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("TRNAMT", warning.Field);
        Assert.Equal(16, warning.Line);
    }

    [Fact]
    public void Ofx_AmbiguousAmountWithContradictoryFile_ReadAsDecimalWithWarning()
    {
        var s = OfxReader.Read("a.ofx", Ofx("10,50", "10.50", "1,234"));

        Assert.Equal(1.234m, s.Transactions[2].Amount);
        Assert.Single(s.Diagnostics, d => d.Code == "ofx.amount.ambiguous");
    }

    [Theory]
    [InlineData("1234.567", 1234.567)]
    [InlineData("0,125", 0.125)]
    [InlineData("-530,86", -530.86)]
    [InlineData("12.5", 12.5)]
    [InlineData("1500", 1500)]
    public void Ofx_UnambiguousAmount_ReadWithoutWarning(string raw, double expected)
    {
        var s = OfxReader.Read("a.ofx", Ofx(raw));

        Assert.Equal((decimal)expected, s.Transactions[0].Amount);
        Assert.DoesNotContain(s.Diagnostics, d => d.Code == "ofx.amount.ambiguous");
    }

    // 2. CNAB 400 detail that lost (or gained) one character in the middle.

    private static List<string> BradescoRecords()
    {
        var records = Encoding.Latin1.GetString(BradescoFile.Build(
        [
            BradescoFile.Detail("00000000001", '1', "06", "150515", paid: "0000000099512", face: "0000000099512"),
            BradescoFile.Detail("00000000002", '2', "06", "150515", paid: "0000000010000"),
        ])).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            records[i] = records[i][..394] + (i + 1).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        }

        return records;
    }

    private static BankStatement Read400(List<string> records) =>
        Cnab400Reader.Read("r.ret", Encoding.Latin1.GetBytes(string.Join("\r\n", records) + "\r\n"));

    [Fact]
    public void Cnab400_WellFormedFile_ReadsBothPaymentsWithoutShiftOrSequenceDiagnostics()
    {
        var s = Read400(BradescoRecords());

        Assert.Equal([995.12m, 100.00m], s.Transactions.Select(t => t.Amount));
        Assert.DoesNotContain(s.Diagnostics, d => d.Code is "cnab.record.shifted" or "cnab.sequence.mismatch");
    }

    [Fact]
    public void Cnab400_DetailMissingColumn200_IsShiftedErrorAndNotRead()
    {
        var records = BradescoRecords();
        records[1] = records[1].Remove(199, 1);

        var s = Read400(records);

        var error = Assert.Single(s.Diagnostics, d => d.Code == "cnab.record.shifted");
        Assert.Equal((2, DiagnosticSeverity.Error), (error.Line!.Value, error.Severity));
        Assert.Contains("399", error.Message, StringComparison.Ordinal);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Transactions, t => t.Source.Line == 2);
        Assert.DoesNotContain(s.Transactions, t => t.Amount == 9951.20m);
        Assert.Equal([100.00m], s.Transactions.Select(t => t.Amount));
        Assert.True(s.HasErrors);
    }

    [Fact]
    public void Cnab400_DetailWithOneExtraCharacter_IsShiftedErrorAndNotRead()
    {
        var records = BradescoRecords();
        records[1] = records[1].Insert(199, "0");

        var s = Read400(records);

        Assert.Single(s.Diagnostics, d => d is { Code: "cnab.record.shifted", Line: 2, Severity: DiagnosticSeverity.Error });
        Assert.DoesNotContain(s.Transactions, t => t.Source.Line == 2);
    }

    [Fact]
    public void Cnab400_DetailWithTrailingBlanksTrimmed_IsStillRead()
    {
        var records = BradescoRecords();
        var blanked = records[1][..300] + new string(' ', 100);
        records[1] = blanked.TrimEnd();

        var s = Read400(records);

        Assert.DoesNotContain(s.Diagnostics, d => d.Code == "cnab.record.shifted");
        Assert.Contains(s.Diagnostics, d => d.Code == "cnab.line.too_short");
        Assert.Equal(995.12m, s.Transactions.Single(t => t.Source.Line == 2).Amount);
    }

    [Fact]
    public void Cnab400_MissingRecord_OneSequenceMismatchWarning()
    {
        var records = BradescoRecords();
        records.RemoveAt(1);

        var s = Read400(records);

        var warning = Assert.Single(s.Diagnostics, d => d.Code == "cnab.sequence.mismatch");
        Assert.Equal((2, DiagnosticSeverity.Warning, "numero_sequencial"), (warning.Line!.Value, warning.Severity, warning.Field!));
    }

    [CorpusFact]
    public void Cnab240_SegmentWithAFieldWrittenTwice_IsShiftedErrorAndNotRead()
    {
        var bytes = Bytes("cnab240", "caixa-laravelboleto-retorno.ret");
        var lines = Encoding.Latin1.GetString(bytes).Split('\n').ToList();
        var before = Cnab240Reader.Read("c.ret", bytes);
        var u = lines.FindIndex(l => l.Length > 14 && l[7] == '3' && l[13] == 'U');
        lines[u] = lines[u].Insert(77, lines[u].Substring(77, 15));

        var s = Cnab240Reader.Read("c.ret", Encoding.Latin1.GetBytes(string.Join('\n', lines)));

        Assert.Single(s.Diagnostics, d => d is { Code: "cnab.record.shifted", Severity: DiagnosticSeverity.Error } && d.Line == u + 1);
        Assert.Equal(before.Transactions.Count - 1, s.Transactions.Count);
    }

    // 3. OFX header followed by binary garbage.

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ofx_HeaderFollowedByBinaryGarbage_IsAnError(bool withOfxTag)
    {
        var garbage = new byte[512];
        new Random(42).NextBytes(garbage);
        var header = Encoding.ASCII.GetBytes("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n" + (withOfxTag ? "<OFX>\n" : string.Empty));

        var s = StatementReader.Read("lixo.ofx", [.. header, .. garbage]);

        Assert.Equal(StatementFormat.Ofx, s.Format);
        Assert.Empty(s.Transactions);
        Assert.True(s.HasErrors);
        Assert.Contains(s.Diagnostics, d => d.Code is "ofx.statement.missing" or "ofx.document.missing" && d.Severity == DiagnosticSeverity.Error);
    }

    // 4. Implausible CNAB values.

    [CorpusFact]
    public void Cnab400_ItauInterestFarAboveThePayment_IsImplausibleWarningWithAmountsKept()
    {
        var s = Cnab400Reader.Read("i.ret", Bytes("cnab400", "itau-laravelboleto-retorno.ret"));

        var warning = Assert.Single(s.Diagnostics, d => d.Code == "cnab.amount.implausible");
        Assert.Equal((DiagnosticSeverity.Warning, "valor_juros"), (warning.Severity, warning.Field!));
        var t = s.Transactions.Single(t => t.Source.Line == warning.Line);
        Assert.Equal(123123.12m, t.Interest);
        Assert.Equal(213.30m, t.Amount);
    }

    [Fact]
    public void Cnab400_FeeWithinTenTimesTheFaceValue_IsNotImplausible()
    {
        var records = BradescoRecords();
        records[2] = BradescoFile.Detail("00000000002", '2', "06", "150515", paid: "0000000000100", face: "0000000000100", fee: "0000000000900")[..394] + "000003";

        var s = Read400(records);

        Assert.DoesNotContain(s.Diagnostics, d => d.Code == "cnab.amount.implausible");
    }

    // 5. Diagnostic messages in Portuguese.

    private static readonly string[] s_englishWords = [" the ", " was ", " is not ", " has no ", " with ", " read as ", " record "];

    public static IEnumerable<object[]> CorpusReads =>
        from folder in new[] { "cnab400", "cnab240", "pix", "ofx", "camt", "mt940" }
        from file in Corpus.Corpus.Files(folder)
        select new object[] { folder, (string)file[0] };

    [CorpusTheory]
    [MemberData(nameof(CorpusReads))]
    public void Read_CorpusFile_DiagnosticMessagesArePortuguese(string folder, string file)
    {
        var s = StatementReader.Read(file, Bytes(folder, file));

        foreach (var d in s.Diagnostics)
        {
            Assert.DoesNotContain(s_englishWords, w => d.Message.Contains(w, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Read_BrokenCnabAndPix_DiagnosticMessagesArePortuguese()
    {
        var cnab = Read400([.. BradescoRecords().Take(2)]);
        var pix = PixReader.Read("p.json", Encoding.UTF8.GetBytes("{\"pix\": [ {\"valor\": \"abc\"} ]"));
        var unknown = StatementReader.Read("x.bin", [1, 2, 3]);

        var messages = cnab.Diagnostics.Concat(pix.Diagnostics).Concat(unknown.Diagnostics).Select(d => d.Message).ToList();

        Assert.Contains(messages, m => m.Contains("trailer (tipo 9)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("O arquivo não é um JSON válido", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("O conteúdo não é um formato", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain(s_englishWords, w => m.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }
}

using System.Text;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Csv;
using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Tests.Readers.Issues;

/// <summary>Regression tests for what the sixth user trial (branch tryout6) found in the readers, each with its input.</summary>
public class Tryout6RegressionTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // 1. CSV: a thousands separator was removed wherever it stood, so "12.50" under the comma-decimal preset read as 1250.

    [Theory]
    [InlineData("12.50")]
    [InlineData("1.2345,00")]
    [InlineData("1.23,00")]
    [InlineData(".123,00")]
    [InlineData("1..234,00")]
    [InlineData("1.234.")]
    [InlineData("1,234.56")]
    public void Csv_MisplacedThousandsSeparator_IsAnErrorNotAnotherAmount(string raw)
    {
        var s = CsvStatementReader.Read("extrato.csv", Utf8($"data;descricao;valor\n01/12/2026;X;{raw}\n02/12/2026;Y;5,00\n"));

        var t = Assert.Single(s.Transactions);
        Assert.Equal(5.00m, t.Amount);
        var error = Assert.Single(s.Diagnostics);
        Assert.Equal((2, "valor", "csv.amount.invalid", DiagnosticSeverity.Error), (error.Line!.Value, error.Field!, error.Code, error.Severity));
    }

    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("-1.234.567,89", -1234567.89)]
    [InlineData("123,00", 123.00)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("R$ 1.000", 1000)]
    [InlineData("999.999,99-", -999999.99)]
    public void Csv_WellGroupedOrUngroupedAmount_IsRead(string raw, double expected)
    {
        var s = CsvStatementReader.Read("extrato.csv", Utf8($"data;descricao;valor\n01/12/2026;X;{raw}\n"));

        Assert.Empty(s.Diagnostics);
        Assert.Equal((decimal)expected, Assert.Single(s.Transactions).Amount);
    }

    [Fact]
    public void Csv_DotDecimalLayout_CommaGroupsChecked()
    {
        var layout = CsvStatementLayout.BrazilianBank with { DecimalSeparator = '.' };

        var s = CsvStatementReader.Read("export.csv", Utf8("data;descricao;valor\n01/12/2026;X;1,234.56\n02/12/2026;Y;12,50\n"), layout);

        Assert.Equal(1234.56m, Assert.Single(s.Transactions).Amount);
        Assert.Equal((3, "csv.amount.invalid"), (Assert.Single(s.Diagnostics).Line!.Value, s.Diagnostics[0].Code));
    }

    // 2. PIX: a root array of pix is read by the PIX reader but was not recognised by the format detection.

    private const string PixRootArray =
        "[\n  { \"endToEndId\": \"E1234567820261201120000000000009\", \"valor\": \"1.00\", \"horario\": \"2026-12-01T12:00:00Z\" }\n]\n";

    [Fact]
    public void Detect_PixRootArray_IsPix()
    {
        Assert.Equal(StatementFormat.Pix, StatementReader.Detect(Utf8(PixRootArray)));
        Assert.Equal(StatementFormat.Pix, StatementReader.Detect(Utf8("\uFEFF \r\n" + PixRootArray)));

        var s = StatementReader.Read("pix.json", Utf8(PixRootArray));

        Assert.Equal(StatementFormat.Pix, s.Format);
        Assert.Equal(1.00m, Assert.Single(s.Transactions).Amount);
        Assert.Empty(s.Diagnostics);
    }

    [Fact]
    public void Detect_JsonArrayWithoutPixFields_IsUnknown()
    {
        Assert.Equal(StatementFormat.Unknown, StatementReader.Detect(Utf8("[ { \"id\": 1, \"valor\": \"1.00\" } ]")));
    }

    // 3. OFX: an XML OFX with an XML declaration but without the <?OFX ...?> processing instruction was not recognised,
    //    although the same file without the declaration is, and --format ofx reads it.

    private const string OfxXmlBody =
        "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>BRL</CURDEF><BANKACCTFROM><BANKID>1</BANKID><ACCTID>2</ACCTID></BANKACCTFROM>"
        + "<BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20261201</DTPOSTED><TRNAMT>1.00</TRNAMT><FITID>X</FITID></STMTTRN>"
        + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")]
    [InlineData("<?xml version=\"1.0\"?>\r\n<!-- exported by the bank -->\r\n")]
    [InlineData("\uFEFF<?xml version=\"1.0\" standalone=\"no\"?>")]
    public void Detect_XmlDeclarationThenOfxRoot_IsOfx(string prolog)
    {
        var bytes = Utf8(prolog + OfxXmlBody);

        Assert.Equal(StatementFormat.Ofx, StatementReader.Detect(bytes));
        var s = StatementReader.Read("extrato.ofx", bytes);
        Assert.Equal(1.00m, Assert.Single(s.Transactions).Amount);
    }

    [Fact]
    public void Detect_XmlDeclarationThenOtherRoot_IsNotOfx()
    {
        Assert.NotEqual(StatementFormat.Ofx, StatementReader.Detect(Utf8("<?xml version=\"1.0\"?>\n<Document><OFX/></Document>")));
    }

    // 4. OFX: a TRNAMT whose sign contradicts its TRNTYPE (a fee of +50.00 with TRNTYPE DEBIT) was read as a credit
    //    without a word, so the reconciliation could pay an open item with it.

    private static byte[] OfxLines(params (string Type, string Amount)[] lines)
    {
        var body = new StringBuilder("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n<BANKACCTFROM>\n<BANKID>341\n<ACCTID>123\n</BANKACCTFROM>\n<BANKTRANLIST>\n");
        for (var i = 0; i < lines.Length; i++)
        {
            body.Append("<STMTTRN>\n<TRNTYPE>").Append(lines[i].Type).Append("\n<DTPOSTED>20261201\n<TRNAMT>").Append(lines[i].Amount)
                .Append("\n<FITID>").Append(i + 1).Append("\n<MEMO>X").Append(i).Append("\n</STMTTRN>\n");
        }

        body.Append("</BANKTRANLIST>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n");
        return Encoding.Latin1.GetBytes(body.ToString());
    }

    [Theory]
    [InlineData("DEBIT", "50.00", TransactionKind.Credit)]
    [InlineData("FEE", "12.90", TransactionKind.Credit)]
    [InlineData("SRVCHG", "1.00", TransactionKind.Credit)]
    [InlineData("CASH", "100.00", TransactionKind.Credit)]
    [InlineData("CHECK", "836.30", TransactionKind.Credit)]
    [InlineData("DIRECTDEBIT", "86.00", TransactionKind.Credit)]
    [InlineData("CREDIT", "-50.00", TransactionKind.Debit)]
    [InlineData("DEP", "-10.00", TransactionKind.Debit)]
    [InlineData("DIRECTDEP", "-10.00", TransactionKind.Debit)]
    public void Ofx_SignContradictingTrnType_KeptAsWrittenWithWarning(string type, string amount, TransactionKind kind)
    {
        var s = OfxReader.Read("a.ofx", OfxLines((type, amount), ("CREDIT", "1.00")));

        Assert.Equal(kind, s.Transactions[0].Kind);
        var warning = Assert.Single(s.Diagnostics);
        Assert.Equal(("ofx.amount.sign-mismatch", DiagnosticSeverity.Warning, "TRNAMT", 16), (warning.Code, warning.Severity, warning.Field!, warning.Line!.Value));
    }

    [Theory]
    [InlineData("DEBIT", "-50.00")]
    [InlineData("CREDIT", "50.00")]
    [InlineData("XFER", "50.00")]
    [InlineData("XFER", "-50.00")]
    [InlineData("OTHER", "-50.00")]
    [InlineData("INT", "-1.00")]
    [InlineData("ATM", "20.00")]
    [InlineData("POS", "20.00")]
    [InlineData("PAYMENT", "600.00")]
    [InlineData("debit", "-50.00")]
    public void Ofx_SignAgreeingWithOrNotImpliedByTrnType_NoWarning(string type, string amount)
    {
        var s = OfxReader.Read("a.ofx", OfxLines((type, amount)));

        Assert.Single(s.Transactions);
        Assert.Empty(s.Diagnostics);
    }

    // 5. PIX: devoluções that add up to more than the pix they return (BACEN forbids it) were read without a word, so a
    //    150.00 credit was followed by 350.00 of debits.

    private static byte[] PixWithRefunds(string pixAmount, params (string Amount, string Status)[] refunds)
    {
        var list = string.Join(",\n", refunds.Select((r, i) =>
            $"  {{\"id\":\"D{i}\",\"rtrId\":\"D12345678202612011000abcde12345{i}\",\"valor\":\"{r.Amount}\",\"horario\":{{\"solicitacao\":\"2026-12-02T10:00:00Z\"}},\"status\":\"{r.Status}\"}}"));
        return Utf8("{\"pix\":[\n {\"endToEndId\":\"E1234567820261201120000000000001\",\"valor\":\"" + pixAmount
            + "\",\"horario\":\"2026-12-01T12:00:00Z\",\"devolucoes\":[\n" + list + "]}\n]}\n");
    }

    [Fact]
    public void Pix_RefundsAboveThePix_AreReadWithAWarningOnThePix()
    {
        var s = StatementReader.Read("webhook.json", PixWithRefunds("150.00", ("150.00", "DEVOLVIDO"), ("200.00", "EM_PROCESSAMENTO"), ("5.00", "NAO_REALIZADO")));

        Assert.Equal([150.00m, -150.00m, -200.00m, 5.00m], s.Transactions.Select(t => t.Amount));
        var warning = Assert.Single(s.Diagnostics);
        Assert.Equal(("pix.devolucao.exceeds", DiagnosticSeverity.Warning, "devolucoes", 2), (warning.Code, warning.Severity, warning.Field!, warning.Line!.Value));
        Assert.Contains("350.00", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150.00", "100.00", "50.00")]
    [InlineData("150.00", "150.00", "0.01")]
    public void Pix_RefundsUpToThePix_NoWarning(string pix, string first, string second)
    {
        var s = StatementReader.Read("webhook.json", PixWithRefunds(pix, (first, "DEVOLVIDO"), (second, first == "150.00" ? "NAO_REALIZADO" : "EM_PROCESSAMENTO")));

        Assert.Equal(3, s.Transactions.Count);
        Assert.Empty(s.Diagnostics);
    }

    // 6. CSV: StatementFormat.Csv (kolek parse --format csv) always used the BrazilianBank preset, so an export in the
    //    library's other preset (data;historico;documento;credito;debito) gave csv.header.missing and nothing else.

    [Theory]
    [InlineData("data;historico;documento;credito;debito\r\n")]
    [InlineData("\uFEFFData ; Historico;Documento;\"Credito\";Debito\n")]
    public void Csv_CreditDebitHeader_ReadWithTheCreditDebitPreset(string header)
    {
        var text = header + "02/03/2026;DEPOSITO;123;150,00;\n03/03/2026;SAQUE;124;;R$ 40,10\n";

        // The preset is chosen by CsvStatementReader itself, so both entry points agree.
        foreach (var s in new[] { StatementReader.Read("extrato.csv", Utf8(text), StatementFormat.Csv), Kolek.Reconciliation.Readers.Csv.CsvStatementReader.Read("extrato.csv", Utf8(text)) })
        {
            Assert.Empty(s.Diagnostics);
            Assert.Equal([150.00m, -40.10m], s.Transactions.Select(t => t.Amount));
            Assert.Equal("123", s.Transactions[0].References.DocumentNumber);
        }
    }

    [Fact]
    public void Csv_OtherHeader_StillTheBrazilianBankPresetAndItsError()
    {
        var s = StatementReader.Read("extrato.csv", Utf8("data;historico;credito\n02/03/2026;X;1,00\n"), StatementFormat.Csv);

        Assert.Empty(s.Transactions);
        Assert.Equal("csv.header.missing", Assert.Single(s.Diagnostics).Code);
    }
}

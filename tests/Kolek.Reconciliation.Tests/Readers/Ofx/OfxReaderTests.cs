using System.Text;
using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Ofx;

public class OfxReaderTests
{
    [Theory]
    [InlineData("OFXHEADER:100\nDATA:OFXSGML\n<OFX>")]
    [InlineData("\n\r\n  OFXHEADER:100\n<OFX>")]
    [InlineData("\uFEFFOFXHEADER:100\n<OFX>")]
    [InlineData("<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?>\n<OFX>")]
    [InlineData("<?OFX OFXHEADER=\"200\"?><OFX>")]
    [InlineData("<OFX>\n<SIGNONMSGSRSV1>")]
    public void CanRead_OfxContent_IsTrue(string content) =>
        Assert.True(OfxReader.CanRead(Encoding.UTF8.GetBytes(content)));

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">")]
    [InlineData("02RETORNO01COBRANCA")]
    [InlineData(":20:STATEMENT\n:25:123")]
    public void CanRead_OtherContent_IsFalse(string content) =>
        Assert.False(OfxReader.CanRead(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Read_NullPath_Throws() =>
        Assert.Throws<ArgumentNullException>(() => OfxReader.Read(null!, [1, 2, 3]));

    [Theory]
    [InlineData("")]
    [InlineData("garbage <<< >>> &&&")]
    [InlineData("<OFX><STMTTRN><TRNAMT>1")]
    [InlineData("<OFX><STMTRS><BANKTRANLIST><STMTTRN><TRNAMT><DTPOSTED>2024")]
    [InlineData("<OFX><STMTTRN><TRNAMT>10<DTPOSTED>20240230<FITID>x</STMTTRN>")]
    [InlineData("<<<<OFX></</STMTTRN>>>")]
    public void Read_MalformedContent_ReturnsDiagnosticsInsteadOfThrowing(string content)
    {
        var statement = OfxReader.Read("bad.ofx", Encoding.UTF8.GetBytes(content));

        Assert.Empty(statement.Transactions);
        Assert.NotEmpty(statement.Diagnostics);
    }

    [Fact]
    public void Read_InvalidCalendarDate_IsAnErrorOnItsLine()
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("10.00", date: "20240230")));

        Assert.Empty(statement.Transactions);
        Assert.Contains(statement.Diagnostics, d => d is { Code: "ofx.date.invalid", Field: "DTPOSTED", Line: 26, Severity: DiagnosticSeverity.Error });
    }

    [Fact]
    public void Read_ZeroDtposted_FallsBackToDtuserWithWarnings()
    {
        var trn = "<STMTTRN>\n<TRNTYPE>CREDIT\n<DTPOSTED>00000000\n<DTUSER>20240107\n<TRNAMT>5,00\n<FITID>9\n</STMTTRN>\n";

        var statement = OfxSample.Read(OfxSample.Sgml(trn));

        Assert.Equal(new LocalDate(2024, 1, 7), Assert.Single(statement.Transactions).BookingDate);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.date.zero");
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.date.fallback");
    }

    [Fact]
    public void Read_TransferenciaDeSaldo_StaysACredit()
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("2544.17", "Transferência de saldo NuInvest")), Encoding.Latin1);

        Assert.Equal(TransactionKind.Credit, Assert.Single(statement.Transactions).Kind);
        Assert.Empty(statement.Diagnostics);
    }

    [Theory]
    [InlineData("SALDO DO DIA")]
    [InlineData("saldo anterior 01/06")]
    [InlineData("SALDO  DIA")]
    [InlineData("SALDO FINAL")]
    [InlineData("SALDO BLOQUEADO")]
    [InlineData("S A L D O")]
    public void Read_BalancePseudoLine_BecomesAnEventWithWarning(string memo)
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("1500.00", memo)));

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(TransactionKind.Event, t.Kind);
        Assert.Equal(1500.00m, t.Amount);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.transaction.balance-line" && d.Line == t.Source.Line);
    }

    [Fact]
    public void Read_CustomBalancePatterns_ReplaceTheDefaults()
    {
        var options = OfxReaderOptions.Default with { BalanceLinePatterns = [@"^SDO\b"] };
        var text = OfxSample.Sgml(OfxSample.Trn("1.00", "SDO CTA/APL", "1") + OfxSample.Trn("2.00", "SALDO DO DIA", "2"));

        var statement = OfxSample.Read(text, options: options);

        Assert.Equal([TransactionKind.Event, TransactionKind.Credit], statement.Transactions.Select(t => t.Kind));
    }

    [Fact]
    public void Read_InvalidBalancePattern_IsReportedAndSkipped()
    {
        var options = new OfxReaderOptions { BalanceLinePatterns = ["(unclosed", "^SALDO"] };

        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("3.00", "SALDO X")), options: options);

        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.options.pattern-invalid");
        Assert.Equal(TransactionKind.Event, Assert.Single(statement.Transactions).Kind);
    }

    [Fact]
    public void Read_BalancePatternThatTimesOut_IsReadAsATransactionWithAWarning()
    {
        // Catastrophic backtracking: the 1-second match timeout fires; the line must not be silently classified.
        var options = new OfxReaderOptions { BalanceLinePatterns = [@"^(\w+\s?)*$"] };
        var memo = new string('a', 40) + " !";

        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("3.00", memo)), options: options);

        var warning = Assert.Single(statement.Diagnostics, d => d.Code == "ofx.options.pattern-timeout");
        Assert.Equal("MEMO", warning.Field);
        Assert.Equal(TransactionKind.Credit, Assert.Single(statement.Transactions).Kind);
    }

    [Fact]
    public void Read_EntryAfterDtend_IsAScheduledEvent()
    {
        var text = OfxSample.Sgml(OfxSample.Trn("-80.00", "AGENDAMENTO BOLETO", date: "20240210"), start: "20240101", end: "20240131");

        var statement = OfxSample.Read(text);

        Assert.Equal(TransactionKind.Event, Assert.Single(statement.Transactions).Kind);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.transaction.scheduled");
    }

    [Fact]
    public void Read_ZeroAmount_IsAnEvent()
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("0.00")));

        Assert.Equal(TransactionKind.Event, Assert.Single(statement.Transactions).Kind);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.amount.zero");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("12a.00")]
    [InlineData("1.2.3,4,5")]
    public void Read_UnreadableAmount_IsAnErrorAndNoTransaction(string amount)
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn(amount)));

        Assert.Empty(statement.Transactions);
        Assert.Contains(statement.Diagnostics, d => d is { Field: "TRNAMT", Severity: DiagnosticSeverity.Error, Line: 27 });
    }

    [Fact]
    public void Read_EmptyTrnamtElement_DoesNotTakeTheNextTagAsValue()
    {
        var statement = OfxSample.Read(OfxSample.Sgml("<STMTTRN>\n<TRNTYPE>CREDIT\n<DTPOSTED>20240105\n<TRNAMT>\n<FITID>77\n</STMTTRN>\n"));

        Assert.Empty(statement.Transactions);
        Assert.Contains(statement.Diagnostics, d => d is { Code: "ofx.amount.invalid", Line: 27 });
    }

    [Fact]
    public void Read_EntitiesAndRawCharacters_AreDecodedOrKept()
    {
        var trn = OfxSample.Trn("1.00", "A &amp; B &lt;C&gt; &#201; & D \"E\" &unknown;");

        var statement = OfxSample.Read(OfxSample.Sgml(trn));

        Assert.Equal("A & B <C> É & D \"E\" &unknown;", Assert.Single(statement.Transactions).Description);
    }

    [Fact]
    public void Read_NameAndMemo_AreCombinedWhenDifferent()
    {
        var trn = "<STMTTRN>\n<TRNTYPE>XFER\n<DTPOSTED>20240105\n<TRNAMT>+1.234,50\n<FITID> 42 \n<REFNUM>R-9\n<NAME>JOSE DA SILVA\n<MEMO>PIX RECEBIDO\n</STMTTRN>\n"
            + "<STMTTRN>\n<TRNTYPE>XFER\n<DTPOSTED>20240105\n<TRNAMT>1\n<FITID>43\n<NAME>MESMO\n<MEMO>mesmo\n</STMTTRN>\n";

        var statement = OfxSample.Read(OfxSample.Sgml(trn));

        var t = statement.Transactions[0];
        Assert.Equal(("JOSE DA SILVA - PIX RECEBIDO", 1234.50m, "42", "R-9"), (t.Description, t.Amount, t.References.Fitid, t.References.DocumentNumber));
        Assert.Equal(new BankOccurrence("XFER", "Transferência"), t.Occurrence);
        Assert.Equal("mesmo", statement.Transactions[1].Description);
    }

    [Theory]
    [InlineData("PIX DE 12.345.678/0001-95 LTDA", "12345678000195")]
    [InlineData("DOC 123.456.789-09", "12345678909")]
    [InlineData("TED 11222333000181 EMPRESA", "11222333000181")]
    [InlineData("PIX 12345678909", "12345678909")]
    [InlineData("PIX •••.456.789-•• FULANO", null)]
    [InlineData("PIX 123.456.789-00 dígito errado", null)]
    [InlineData("CONTA 00012345678", null)]
    public void Read_CpfOrCnpjInMemoOfACredit_BecomesThePayerDocument(string memo, string? document)
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("10.00", memo)));

        Assert.Equal(document, Assert.Single(statement.Transactions).Payer?.Document);
    }

    [Fact]
    public void Read_CpfInMemoOfADebit_IsNotThePayer()
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("-10.00", "PIX ENVIADO 123.456.789-09", type: "DEBIT")));

        Assert.Null(Assert.Single(statement.Transactions).Payer);
    }

    [Fact]
    public void Read_SeveralStatementsAndDocuments_ReadsAllWithTheirOwnAccounts()
    {
        var one = OfxSample.Sgml(OfxSample.Trn("1.00", fitid: "A"));
        var two = OfxSample.Sgml(OfxSample.Trn("2.00", fitid: "A")).Replace("<ACCTID>56789-0", "<ACCTID>11111-1", StringComparison.Ordinal);

        var statement = OfxSample.Read(one + two);

        Assert.Equal([1.00m, 2.00m], statement.Transactions.Select(t => t.Amount));
        Assert.NotEqual(statement.Transactions[0].Id, statement.Transactions[1].Id);
        Assert.Equal("56789-0", statement.Account!.Number);
        Assert.Equal(59, statement.Transactions[1].Source.Line);
    }

    [Fact]
    public void Read_CloseAndOpenOnOneLine_SplitsTransactionsWithTheirLines()
    {
        var trns = "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1.00<FITID>1</STMTTRN><STMTTRN><TRNTYPE>CREDIT\n<DTPOSTED>20240103<TRNAMT>2.00<FITID>2\n</STMTTRN>\n";

        var statement = OfxSample.Read(OfxSample.Sgml(trns));

        Assert.Equal([(-1.00m, 24), (2.00m, 24)], statement.Transactions.Select(t => (t.Amount, t.Source.Line)));
    }

    [Fact]
    public void Read_RepeatedFitidLines_GetDistinctIdsAndTheFirstKeepsItsIdAlone()
    {
        var twice = OfxSample.Sgml(OfxSample.Trn("10.00", fitid: "X") + OfxSample.Trn("10.00", fitid: "X"));
        var once = OfxSample.Sgml(OfxSample.Trn("10.00", fitid: "X"));

        var both = OfxSample.Read(twice);
        var single = OfxSample.Read(once);

        Assert.Equal(2, both.Transactions.Select(t => t.Id).Distinct().Count());
        Assert.Equal(both.Transactions[0].Id, Assert.Single(single.Transactions).Id);
        Assert.Contains(both.Diagnostics, d => d.Code == "ofx.fitid.repeated");
    }

    [Fact]
    public void Read_OverlappingExports_GiveTheSameIdsToTheSameLines()
    {
        var a = new SampleTransaction(new LocalDate(2024, 3, 1), 10m, "F1", "UM");
        var b = new SampleTransaction(new LocalDate(2024, 3, 2), -20.5m, "F2", "DOIS");
        var c = new SampleTransaction(new LocalDate(2024, 3, 3), 30m, "F3", "TRES");
        var d = new SampleTransaction(new LocalDate(2024, 3, 4), 40m, "F4", "QUATRO");

        var march1To3 = OfxSample.Read(OfxSample.Text([a, b, c]));
        var march2To4 = OfxSample.Read(OfxSample.Text([b with { Memo = "DOIS      " }, c, d], SampleLayout.Sgml with { CommaDecimals = true, NewLine = "\r\n" }),
            Encoding.Latin1);

        Assert.Equal(march1To3.Transactions.Skip(1).Select(t => t.Id), march2To4.Transactions.Take(2).Select(t => t.Id));
        Assert.NotEqual(march1To3.Transactions[0].Id, march2To4.Transactions[2].Id);
    }

    [Fact]
    public void Read_DeclaredUtf8ButLatin1Bytes_DecodesAsSingleByteWithWarning()
    {
        var text = OfxSample.Sgml(OfxSample.Trn("1.00", "CRÉDITO AÇÃO")).Replace("CHARSET:1252", "CHARSET:NONE\nENCODING:UTF-8", StringComparison.Ordinal);

        var statement = OfxSample.Read(text, Encoding.Latin1);

        Assert.Equal("CRÉDITO AÇÃO", Assert.Single(statement.Transactions).Description);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.encoding.mismatch");
    }

    [Fact]
    public void Read_Windows1252Bytes_DecodeTheEuroSign()
    {
        var statement = OfxSample.Read(OfxSample.Sgml(OfxSample.Trn("1.00", "COMPRA € 10 – LOJA")), OfxSample.EncodingOf("1252"));

        Assert.Equal("COMPRA € 10 – LOJA", Assert.Single(statement.Transactions).Description);
        Assert.Empty(statement.Diagnostics);
    }

    [Fact]
    public void Read_Utf8Bom_IsSkipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(OfxSample.Sgml(OfxSample.Trn("1.00", "ÇÃO")))).ToArray();

        var statement = OfxReader.Read("bom.ofx", bytes);

        Assert.True(OfxReader.CanRead(bytes));
        Assert.Equal("ÇÃO", Assert.Single(statement.Transactions).Description);
    }

    [Fact]
    public void Read_CreditCardStatement_ReadsAccountIdOnly()
    {
        var text = OfxSample.Sgml(OfxSample.Trn("-9.90", type: "DEBIT"))
            .Replace("<STMTRS>", "<CCSTMTRS>", StringComparison.Ordinal).Replace("</STMTRS>", "</CCSTMTRS>", StringComparison.Ordinal)
            .Replace("<BANKACCTFROM>\n<BANKID>341\n", "<CCACCTFROM>\n", StringComparison.Ordinal).Replace("</BANKACCTFROM>", "</CCACCTFROM>", StringComparison.Ordinal);

        var statement = OfxSample.Read(text);

        Assert.Equal(new BankAccount(null, null, "56789-0"), statement.Account);
        Assert.Equal(TransactionKind.Debit, Assert.Single(statement.Transactions).Kind);
    }
}

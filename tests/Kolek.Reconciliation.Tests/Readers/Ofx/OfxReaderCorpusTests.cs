using System.Text;
using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Statements;
using NodaTime;
using CorpusFiles = Kolek.Reconciliation.Tests.Corpus.Corpus;
using CorpusFact = Kolek.Reconciliation.Tests.Corpus.CorpusFactAttribute;
using CorpusTheory = Kolek.Reconciliation.Tests.Corpus.CorpusTheoryAttribute;

namespace Kolek.Reconciliation.Tests.Readers.Ofx;

/// <summary>The real bank files of the shared corpus, checked against the expected values in SOURCES.md.</summary>
public class OfxReaderCorpusTests
{
    public static IEnumerable<object[]> OfxFiles => CorpusFiles.Files("ofx");

    [CorpusTheory]
    [MemberData(nameof(OfxFiles))]
    public void Read_EveryCorpusFile_IsRecognisedAndReadWithoutThrowing(string name)
    {
        var bytes = Bytes(name);

        var statement = OfxReader.Read(name, bytes);

        Assert.True(OfxReader.CanRead(bytes));
        Assert.Equal(StatementFormat.Ofx, statement.Format);
        Assert.Equal(64, statement.Sha256.Length);
        Assert.All(statement.Transactions, t => Assert.True(t.Source.Line > 0));
        Assert.All(statement.Diagnostics, d => Assert.StartsWith("ofx.", d.Code, StringComparison.Ordinal));
    }

    [CorpusTheory]
    [MemberData(nameof(OfxFiles))]
    public void Read_EveryCorpusFile_IdsAreUniqueAndStableAcrossReads(string name)
    {
        var bytes = Bytes(name);

        var first = OfxReader.Read(name, bytes).Transactions.Select(t => t.Id).ToList();
        var second = OfxReader.Read("other-name.ofx", bytes).Transactions.Select(t => t.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, id => Assert.Matches("^ofx-[0-9a-f]{16}$", id));
    }

    [CorpusTheory]
    [MemberData(nameof(OfxFiles))]
    public void Read_ReencodedCopyWithOtherLineEndings_GivesTheSameIds(string name)
    {
        var original = OfxReader.Read(name, Bytes(name));
        var text = Decode(Bytes(name), original);
        var utf8Lf = Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\r", "\n", StringComparison.Ordinal));
        var latinCrlf = Encoding.Latin1.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)
            .Replace('•', '*'));

        var fromUtf8 = OfxReader.Read(name, utf8Lf).Transactions;
        var fromLatin = OfxReader.Read(name, latinCrlf).Transactions;

        Assert.Equal(original.Transactions.Select(t => t.Id), fromUtf8.Select(t => t.Id));
        Assert.Equal(original.Transactions.Select(t => t.Id), fromLatin.Select(t => t.Id));
        Assert.Equal(original.Transactions.Select(t => t.Description), fromUtf8.Select(t => t.Description));
    }

    [CorpusFact]
    public void Read_BbUtf8UnderCharset1252_DecodesUtf8AndWarns()
    {
        var statement = Read("bb-asgrim-utf8-mktginfo.ofx");

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(new LocalDate(2015, 11, 3), t.BookingDate);
        Assert.Equal(239.55m, t.Amount);
        Assert.Equal(TransactionKind.Credit, t.Kind);
        Assert.Equal(new BankOccurrence("DEP", "Depósito"), t.Occurrence);
        Assert.Equal("20151103023955", t.References.Fitid);
        Assert.Equal("252602", t.References.DocumentNumber);
        Assert.Equal("DOC CRÉDITO EM CONTA", t.Description);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.encoding.mismatch" && d.Severity == DiagnosticSeverity.Warning);
    }

    [CorpusFact]
    public void Read_BbTwoStatementsLatin1Crlf_ReadsBothStatements()
    {
        var statement = Read("bb-asgrim-two-stmtrs-latin1-crlf.ofx");

        AssertTotals(statement, 32, 74_783.87m, 4, -78_432.53m);
        Assert.Equal(36, statement.Transactions.Count);
        Assert.Equal(new BankAccount("001", null, "455000-5"), statement.Account);
        var first = statement.Transactions[0];
        Assert.Equal((new LocalDate(2017, 3, 1), 13_318.36m, "2017030101331836"), (first.BookingDate, first.Amount, first.References.Fitid));
        Assert.Equal(60, first.Source.Line);
        Assert.Contains(statement.Transactions, t => t.Description!.Contains("CRÉDITO", StringComparison.Ordinal));
        Assert.Empty(statement.Diagnostics);
    }

    [CorpusFact]
    public void Read_BbLatin1TrailingSpaces_MatchesOracleAndWarnsBeforeStart()
    {
        var statement = Read("bb-annacruz-latin1-trailing-spaces.ofx");

        AssertTotals(statement, 12, 13_293.82m, 69, -6_701.07m);
        var first = statement.Transactions[0];
        Assert.Equal((new LocalDate(2010, 8, 26), -836.30m, "CHEQUE COMPENSADO", "850076"),
            (first.BookingDate, first.Amount, first.Description, first.References.DocumentNumber));
        Assert.Equal(new BankOccurrence("CHECK", "Cheque"), first.Occurrence);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.transaction.before-start" && d.Line == first.Source.Line);
        Assert.Contains(statement.Transactions, t => t.Description!.Contains("COBRANÇA", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void Read_BbCrOnlyHeader_CountsLinesAndDecodesLatin1()
    {
        var statement = Read("bb-rmusmanno-cr-only-header-latin1.ofx");

        AssertTotals(statement, 3, 1_612.00m, 3, -1_212.00m);
        Assert.Equal(new BankAccount("1", "0001-9", "12345-6"), statement.Account);
        var first = statement.Transactions[0];
        Assert.Equal((new LocalDate(2019, 6, 3), 800.00m, "201906030800000"), (first.BookingDate, first.Amount, first.References.Fitid));
        Assert.Equal(44, first.Source.Line);
        Assert.Equal("BB RF CP Automático Mais", first.Description);
        Assert.All(statement.Transactions, t => Assert.Equal("Outros", t.Occurrence!.Description));
    }

    [CorpusFact]
    public void Read_ItauFixedWidthMemo_TrimsMemoAndMatchesOracle()
    {
        var statement = Read("itau-rmusmanno-crlf-fixed-width-memo.ofx");

        AssertTotals(statement, 54, 19_999.15m, 55, -22_466.02m);
        var first = statement.Transactions[0];
        Assert.Equal((new LocalDate(2019, 4, 1), -75.86m, "RSHOP-OUTBACK BZ -01/04"), (first.BookingDate, first.Amount, first.Description));
        Assert.Contains(statement.Transactions, t => t.Description!.Contains("SERVIÇOS", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void Read_ItauEmptyBalamt_DoesNotSwallowNextLine()
    {
        var statement = Read("itau-asgrim-empty-balamt.ofx");

        AssertTotals(statement, 2, 700.00m, 3, -115.00m);
        Assert.Equal((new LocalDate(2019, 9, 18), -70.00m), (statement.Transactions[0].BookingDate, statement.Transactions[0].Amount));
        var empty = Assert.Single(statement.Diagnostics, d => d.Code == "ofx.balance.empty");
        Assert.Equal((83, "BALAMT"), (empty.Line, empty.Field));
        Assert.DoesNotContain(statement.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [CorpusFact]
    public void Read_BradescoCommaDecimals_ReadsAmountsAndZeroDatesDoNotHarm()
    {
        var statement = Read("bradesco-annacruz-comma-decimal.ofx");

        AssertTotals(statement, 0, 0m, 6, -2_166.81m);
        Assert.Equal([-530.86m, -576.30m, -534.33m, -250.80m, -225.72m, -48.80m], statement.Transactions.Select(t => t.Amount));
        Assert.All(statement.Transactions, t => Assert.Equal(new LocalDate(2015, 7, 30), t.BookingDate));
        Assert.Equal("5649673", statement.Transactions[0].References.Fitid);
        Assert.Equal(["DTSERVER", "DTASOF"], statement.Diagnostics.Where(d => d.Code == "ofx.date.zero").Select(d => d.Field));
        Assert.DoesNotContain(statement.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [CorpusFact]
    public void Read_BradescoDateOutsideRange_KeepsTheDebit()
    {
        var statement = Read("bradesco-annacruz-dtposted-outside-range.ofx");

        var t = Assert.Single(statement.Transactions);
        Assert.Equal((TransactionKind.Debit, -836.30m), (t.Kind, t.Amount));
    }

    [CorpusFact]
    public void Read_SantanderPaddedCommaAmounts_ReadsAllFour()
    {
        var statement = Read("santander-annacruz-padded-comma-amounts.ofx");

        Assert.Equal([-11.76m, -2.23m, -33.02m, 47.01m], statement.Transactions.Select(t => t.Amount));
        AssertTotals(statement, 1, 47.01m, 3, -47.01m);
        Assert.All(statement.Transactions, t => Assert.Equal(new LocalDate(2017, 9, 1), t.BookingDate));
    }

    [CorpusFact]
    public void Read_CaixaMalformedTrnamt_ReportsErrorAndEmitsNothing()
    {
        var statement = Read("caixa-annacruz-malformed-trnamt.ofx");

        Assert.Empty(statement.Transactions);
        Assert.DoesNotContain(statement.Transactions, t => t.Kind == TransactionKind.Credit);
        var error = Assert.Single(statement.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((42, "TRNAMT", "ofx.amount.invalid"), (error.Line, error.Field, error.Code));
        Assert.True(statement.HasErrors);
    }

    [CorpusFact]
    public void Read_BancoRealMismatchedCloseTag_MatchesOracleAndWarns()
    {
        var statement = Read("bancoreal-annacruz-ascii-mismatched-close-tag.ofx");

        AssertTotals(statement, 2, 660.39m, 34, -4_556.95m);
        var first = statement.Transactions[0];
        Assert.Equal((new LocalDate(2009, 10, 9), -35.34m, "200910091"), (first.BookingDate, first.Amount, first.References.Fitid));
        Assert.Equal(41, first.Source.Line);
        Assert.Contains(statement.Diagnostics, d => d.Code == "ofx.tag.mismatched" && d.Line == 62);
        var doc = Assert.Single(statement.Transactions, t => t.Payer is not null);
        Assert.Equal(("12345678909", TransactionKind.Credit), (doc.Payer!.Document, doc.Kind));
    }

    [CorpusFact]
    public void Read_BancoRealUtf8Copy_GivesTheSameTransactionsAndIds()
    {
        var ascii = Read("bancoreal-annacruz-ascii-mismatched-close-tag.ofx");
        var utf8 = Read("bancoreal-annacruz-utf8-declared-1252.ofx");

        AssertTotals(utf8, 2, 660.39m, 34, -4_556.95m);
        Assert.Equal(ascii.Transactions.Select(t => (t.Id, t.BookingDate, t.Amount)), utf8.Transactions.Select(t => (t.Id, t.BookingDate, t.Amount)));
        Assert.Contains(utf8.Transactions, t => t.Description!.Contains("TÍTULO COBRANÇA", StringComparison.Ordinal));
        Assert.Contains(utf8.Diagnostics, d => d.Code == "ofx.encoding.mismatch");
    }

    [CorpusFact]
    public void Read_NubankRealExport_KeepsReversalApartAndSaldoTransferAsCredit()
    {
        var statement = Read("nubank-brunopoiano-real-export.ofx");

        AssertTotals(statement, 6, 3_237.17m, 10, -3_576.16m);
        var first = statement.Transactions[0];
        Assert.Equal((new LocalDate(2025, 4, 4), 450.00m), (first.BookingDate, first.Amount));
        Assert.Null(first.Payer);
        Assert.Contains("•••.123.456-••", first.Description, StringComparison.Ordinal);
        var saldo = Assert.Single(statement.Transactions, t => t.Description == "Transferência de saldo NuInvest");
        Assert.Equal(TransactionKind.Credit, saldo.Kind);
        var reversal = Assert.Single(statement.Transactions, t => t.References.Fitid!.EndsWith(":reversal", StringComparison.Ordinal));
        var original = Assert.Single(statement.Transactions, t => t.References.Fitid == reversal.References.Fitid![..^":reversal".Length]);
        Assert.NotEqual(original.Id, reversal.Id);
        Assert.Equal(0m, original.Amount + reversal.Amount);
    }

    [CorpusFact]
    public void Read_NubankXmlClosingTags_ReadsBoth()
    {
        var statement = Read("nubank-fernandocarletti-xml-closing-tags.ofx");

        Assert.Equal([(new LocalDate(2021, 5, 5), 500.00m), (statement.Transactions[1].BookingDate, -463.60m)],
            statement.Transactions.Select(t => (t.BookingDate, t.Amount)));
    }

    [CorpusFact]
    public void Read_NubankCreditCardWithAmpersand_KeepsMemoIntact()
    {
        var statement = Read("nubank-creditcard-asgrim-ampersand.ofx");

        AssertTotals(statement, 3, 1_127.87m, 13, -734.05m);
        Assert.Equal(new BankAccount(null, null, "99999999-9999-9999-9999-999999999999"), statement.Account);
        Assert.Equal((new LocalDate(2018, 9, 13), -33.30m), (statement.Transactions[0].BookingDate, statement.Transactions[0].Amount));
        Assert.Contains(statement.Transactions, t => t.Description == "Amazon.Com.Br Amazon & Cloud 3/3");
        Assert.Contains(statement.Transactions, t => t.Description == "IOF de \"Leupay.Eu\" & Whoelse");
        Assert.Equal([600m, 127.87m, 400m], statement.Transactions.Where(t => t.Kind == TransactionKind.Credit).Select(t => t.Amount));
    }

    [CorpusFact]
    public void Read_GenericUtf8BodyLatinHeader_DecodesAccents()
    {
        var statement = Read("generic-fernandocarletti-utf8-body-1252-header.ofx");

        Assert.Equal([(new LocalDate(2026, 2, 10), -250.00m), (new LocalDate(2026, 2, 15), 3_500.00m)],
            statement.Transactions.Select(t => (t.BookingDate, t.Amount)));
        Assert.Equal("Salário recebido - Março", statement.Transactions[1].Description);
    }

    [CorpusFact]
    public void Read_DatetimeFormats_GivesLocalDatesFirstToSixthOfDecember()
    {
        var statement = Read("generic-fernandocarletti-datetime-formats.ofx");

        Assert.Equal(Enumerable.Range(1, 6).Select(d => new LocalDate(2023, 12, d)), statement.Transactions.Select(t => t.BookingDate));
        AssertTotals(statement, 6, 600.00m, 0, 0m);
        Assert.DoesNotContain(statement.Diagnostics, d => d.Field is "DTPOSTED");
    }

    [CorpusFact]
    public void Read_Ofx2Xml_ReadsThreeTransactions()
    {
        var statement = Read("ofx2-asgrim-xml-v200.ofx");

        Assert.Equal(
            [("CREDIT", 200.00m, new LocalDate(2007, 3, 15)), ("CREDIT", 150.00m, new LocalDate(2007, 3, 29)), ("CHECK", -100.00m, new LocalDate(2007, 7, 9))],
            statement.Transactions.Select(t => (t.Occurrence!.Code, t.Amount, t.BookingDate)));
        Assert.Equal("DEPOSIT - automatic deposit", statement.Transactions[0].Description);
        Assert.Equal("1025", statement.Transactions[2].References.DocumentNumber);
        // A statement in dollars (CURDEF USD): every line says so, and one warning tells the host.
        Assert.All(statement.Transactions, t => Assert.Equal("USD", t.Currency));
        var warning = Assert.Single(statement.Diagnostics);
        Assert.Equal(("ofx.currency.foreign", "CURDEF", DiagnosticSeverity.Warning), (warning.Code, warning.Field, warning.Severity));
    }

    private static byte[] Bytes(string name) => File.ReadAllBytes(CorpusFiles.PathOf("ofx", name));

    private static BankStatement Read(string name) => OfxReader.Read(name, Bytes(name));

    /// <summary>The text the reader saw: UTF-8 when it said so (or the bytes are UTF-8), else Latin-1.</summary>
    private static string Decode(byte[] bytes, BankStatement statement)
    {
        var utf8 = statement.Transactions.Any(t => t.Description?.Contains('•', StringComparison.Ordinal) == true)
            || System.Text.Unicode.Utf8.IsValid(bytes);
        var text = utf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        return text.TrimStart('\uFEFF');
    }

    private static void AssertTotals(BankStatement statement, int credits, decimal creditSum, int debits, decimal debitSum)
    {
        var c = statement.Transactions.Where(t => t.Kind == TransactionKind.Credit).ToList();
        var d = statement.Transactions.Where(t => t.Kind == TransactionKind.Debit).ToList();
        Assert.Equal((credits, creditSum), (c.Count, c.Sum(t => t.Amount)));
        Assert.Equal((debits, debitSum), (d.Count, d.Sum(t => t.Amount)));
    }
}

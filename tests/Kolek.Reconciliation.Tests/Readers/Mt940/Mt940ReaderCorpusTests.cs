using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Readers.Mt940;
using Kolek.Reconciliation.Statements;
using NodaTime;
using CorpusFact = Kolek.Reconciliation.Tests.Corpus.CorpusFactAttribute;
using CorpusFiles = Kolek.Reconciliation.Tests.Corpus.Corpus;
using CorpusTheory = Kolek.Reconciliation.Tests.Corpus.CorpusTheoryAttribute;

namespace Kolek.Reconciliation.Tests.Readers.Mt940;

/// <summary>The MT940 files of the shared corpus, checked against SOURCES.md and wolph's expected output.</summary>
public class Mt940ReaderCorpusTests
{
    public static IEnumerable<object[]> Mt940Files => CorpusFiles.Files("mt940", "*.sta");

    [CorpusTheory]
    [MemberData(nameof(Mt940Files))]
    public void Read_EveryCorpusFile_EveryStatementLineIsATransactionOrADiagnostic(string name)
    {
        var bytes = Bytes(name);
        var lines = System.Text.Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var tagLines = lines.Select((l, i) => (l, i + 1)).Where(x => x.l.StartsWith(":61:", StringComparison.Ordinal)).Select(x => x.Item2).ToList();

        var statement = Mt940Reader.Read(name, bytes);

        Assert.Equal(StatementFormat.Mt940, statement.Format);
        Assert.All(statement.Diagnostics, d => Assert.StartsWith("mt940.", d.Code, StringComparison.Ordinal));
        var covered = statement.Transactions.Select(t => t.Source.Line).Concat(statement.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Line ?? 0)).ToHashSet();
        Assert.All(tagLines, line => Assert.Contains(line, covered));
        Assert.Equal(tagLines.Count, statement.Transactions.Count + statement.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && d.Field == "61"));
    }

    [CorpusTheory]
    [MemberData(nameof(Mt940Files))]
    public void Read_EveryCorpusFile_IdsAreUniqueAndStable(string name)
    {
        var bytes = Bytes(name);

        var first = Mt940Reader.Read(name, bytes).Transactions.Select(t => t.Id).ToList();
        var second = Mt940Reader.Read("copy.sta", bytes.ToArray()).Transactions.Select(t => t.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, id => Assert.Matches("^mt940-[0-9a-f]{16}$", id));
    }

    [CorpusTheory]
    [InlineData("abnamro-jejik.sta", 10)]
    [InlineData("rabobank-jejik.sta", 5)]
    [InlineData("ing-jejik.sta", 7)]
    [InlineData("generic-cmxl.sta", 16)]
    [InlineData("selfprovided-february-30.sta", 1)]
    [InlineData("betterplace-sepa-snippet.sta", 11)]
    [InlineData("betterplace-missing-crlf-at-end.sta", 0)]
    public void Read_CorpusFile_HasTheStatementLineCountOfSources(string name, int expected)
    {
        var statement = StatementReader.Read(name, Bytes(name), StatementFormat.Mt940);

        Assert.Equal(expected, statement.Transactions.Count);
        Assert.False(statement.HasErrors);
    }

    [CorpusTheory]
    [InlineData("abnamro-jejik.sta")]
    [InlineData("rabobank-jejik.sta")]
    [InlineData("ing-jejik.sta")]
    [InlineData("generic-cmxl.sta")]
    [InlineData("selfprovided-february-30.sta")]
    [InlineData("betterplace-sepa-snippet.sta")]
    public void Detect_CorpusFile_IsMt940(string name) => Assert.Equal(StatementFormat.Mt940, StatementReader.Detect(Bytes(name)));

    [CorpusFact]
    public void Read_AbnAmro_TwoStatementsWithOpeningAndClosingBalances()
    {
        var statements = Mt940Reader.Parse(Bytes("abnamro-jejik.sta"), new DiagnosticBag());
        var statement = Mt940Reader.Read("abnamro-jejik.sta", Bytes("abnamro-jejik.sta"));

        Assert.Equal(2, statements.Count);
        Assert.Equal(3236.28m, statements[0].Opening?.Amount);
        Assert.Equal(new LocalDate(2011, 5, 22), statements[0].Opening?.Date);
        Assert.Equal("EUR", statements[0].Opening?.Currency);
        Assert.Equal(876.84m, statements[0].Closing?.Amount);
        Assert.Equal(2876.84m, statements[1].Opening?.Amount);
        Assert.Equal(1849.75m, statements[1].Closing?.Amount);
        Assert.Equal([8, 2], statements.Select(s => s.Entries.Count));
        Assert.Equal("517852257", statement.Account?.Number);
        var first = statement.Transactions[0];
        Assert.Equal(-9.00m, first.Amount);
        Assert.Equal(TransactionKind.Debit, first.Kind);
        Assert.Equal(new LocalDate(2011, 5, 24), first.BookingDate);
        Assert.Equal("N192", first.Occurrence?.Code);
        Assert.Equal("GIRO 428428 KPN - DIGITENNE BETALINGSKENM. 000000042188659 5314606715 BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW",
            string.Join(' ', first.Description!.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Null(first.References.DocumentNumber);
    }

    [CorpusFact]
    public void Read_Rabobank_PaddedAmountsAndSeveral86FieldsAreJoined()
    {
        var statements = Mt940Reader.Parse(Bytes("rabobank-jejik.sta"), new DiagnosticBag());
        var statement = Mt940Reader.Read("rabobank-jejik.sta", Bytes("rabobank-jejik.sta"));

        Assert.Equal(473.17m, statements[0].Opening?.Amount);
        Assert.Equal(395.82m, statements[0].Closing?.Amount);
        var first = statement.Transactions[0];
        Assert.Equal(-1213.28m, first.Amount);
        Assert.Equal("W.P. Jansen - Terugboeking NIET AKKOORD MET AFSCHRIJVING KOSTEN KINDEROPVANG JUNI 20095731", first.Description);
        Assert.Equal("0121470966", first.References.DocumentNumber);
        Assert.Contains(statement.Diagnostics, d => d.Code == "mt940.balance.mismatch");
    }

    [CorpusFact]
    public void Read_February30_ClampsTheValueDateWithAWarningAndKeepsTheDebit()
    {
        var statement = Mt940Reader.Read("feb30.sta", Bytes("selfprovided-february-30.sta"));
        var parsed = Mt940Reader.Parse(Bytes("selfprovided-february-30.sta"), new DiagnosticBag());

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(-6.00m, t.Amount);
        Assert.Equal(new LocalDate(2016, 3, 1), t.BookingDate);
        Assert.Equal(new LocalDate(2016, 2, 29), t.ValueDate);
        var d = Assert.Single(statement.Diagnostics, d => d.Code == "mt940.date.clamped");
        Assert.Equal(t.Source.Line, d.Line);
        Assert.Equal("61", d.Field);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(1200.00m, parsed[0].Opening?.Amount);
        Assert.Equal(1194.00m, parsed[0].Closing?.Amount);
        Assert.DoesNotContain(statement.Diagnostics, x => x.Code == "mt940.balance.mismatch");
    }

    [CorpusFact]
    public void Read_SepaSnippet_ReadsSubfieldsCreditsAndBalances()
    {
        var statement = Mt940Reader.Read("sepa.sta", Bytes("betterplace-sepa-snippet.sta"));

        var first = statement.Transactions[0];
        Assert.Equal(50990.05m, first.Amount);
        Assert.Equal(new LocalDate(2007, 9, 4), first.BookingDate);
        Assert.Equal(new LocalDate(2007, 9, 7), first.ValueDate);
        Assert.Equal("0724710333343453", first.References.Fitid);
        Assert.Equal("EndToEndId TFNR 22 004 00001", first.References.EndToEndId);
        Assert.Equal("KARL        KAUFMANN", first.Payer?.Name);
        Assert.Contains("?20EREF+", first.Description, StringComparison.Ordinal);
        Assert.Equal(-0.08m, statement.Transactions[4].Amount);
        // The first statement balances; the second (opening D 1,970,431.87, closing D 4,472,049.09) is 300.08 off in the file itself.
        var mismatch = Assert.Single(statement.Diagnostics, d => d.Code == "mt940.balance.mismatch");
        Assert.Equal(55, mismatch.Line);
    }

    [CorpusFact]
    public void Read_MissingFinalCrlf_ReadsTheBalanceFragmentWithoutTransactions()
    {
        var bytes = Bytes("betterplace-missing-crlf-at-end.sta");
        var statements = Mt940Reader.Parse(bytes, new DiagnosticBag());

        var statement = StatementReader.Read("fragment.sta", bytes);

        Assert.Equal(StatementFormat.Mt940, statement.Format);
        Assert.Empty(statement.Transactions);
        Assert.Equal(42570.04m, Assert.Single(statements).Closing?.Amount);
        Assert.Contains(statement.Diagnostics, d => d.Code == "mt940.statement.no-reference");
    }

    [CorpusFact]
    public void Read_GenericCmxl_AmountsWithoutDecimalsAndThreeStatements()
    {
        var statements = Mt940Reader.Parse(Bytes("generic-cmxl.sta"), new DiagnosticBag());
        var statement = Mt940Reader.Read("cmxl.sta", Bytes("generic-cmxl.sta"));

        Assert.Equal(3, statements.Count);
        Assert.Equal(-6800m, statement.Transactions[0].Amount);
        Assert.Equal(new LocalDate(2013, 10, 17), statement.Transactions[0].BookingDate);
        Assert.StartsWith("Card transaction - 020?00Wyplata-(dysp/przel)?2008106000760000777777777777?2115617?22INFO", statement.Transactions[13].Description, StringComparison.Ordinal);
        Assert.Equal(-10000.00m, statement.Transactions[14].Amount);
        Assert.Equal("REF 25611247", statement.Transactions[14].References.DocumentNumber);
        Assert.Contains(statement.Diagnostics, d => d.Code == "mt940.currency.foreign" && d.Message.Contains("DEM", StringComparison.Ordinal));
    }

    private static byte[] Bytes(string name) => File.ReadAllBytes(CorpusFiles.PathOf("mt940", name));
}

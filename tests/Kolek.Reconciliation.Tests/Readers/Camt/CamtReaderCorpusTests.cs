using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Camt;
using Kolek.Reconciliation.Statements;
using NodaTime;
using CorpusFact = Kolek.Reconciliation.Tests.Corpus.CorpusFactAttribute;
using CorpusFiles = Kolek.Reconciliation.Tests.Corpus.Corpus;
using CorpusTheory = Kolek.Reconciliation.Tests.Corpus.CorpusTheoryAttribute;

namespace Kolek.Reconciliation.Tests.Readers.Camt;

/// <summary>The camt files of the shared corpus, checked against SOURCES.md and the genkgo/OCA oracle files.</summary>
public class CamtReaderCorpusTests
{
    public static IEnumerable<object[]> CamtFiles => CorpusFiles.Files("camt", "*.xml");

    [CorpusTheory]
    [MemberData(nameof(CamtFiles))]
    public void Read_EveryCorpusFile_IsDetectedAndReadWithoutThrowing(string name)
    {
        var bytes = Bytes(name);

        var statement = StatementReader.Read(name, bytes);

        Assert.True(CamtReader.CanRead(bytes));
        Assert.Equal(name.StartsWith("camt054", StringComparison.Ordinal) ? StatementFormat.Camt054 : StatementFormat.Camt053, statement.Format);
        Assert.Equal(statement.Format, StatementReader.Detect(bytes));
        Assert.Equal(64, statement.Sha256.Length);
        Assert.All(statement.Diagnostics, d => Assert.StartsWith("camt.", d.Code, StringComparison.Ordinal));
    }

    [CorpusTheory]
    [MemberData(nameof(CamtFiles))]
    public void Read_EveryCorpusFile_EveryEntryIsATransactionOrADiagnostic(string name)
    {
        var bytes = Bytes(name);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var entryLines = text.Split('\n').Select((l, i) => (l, i + 1)).Where(x => x.l.Contains("<Ntry>", StringComparison.Ordinal)).Select(x => x.Item2).ToList();

        var statement = CamtReader.Read(name, bytes);

        var covered = statement.Transactions.Select(t => t.Source.Line).Concat(statement.Diagnostics.Select(d => d.Line ?? 0)).ToList();
        Assert.All(entryLines, entryLine => Assert.True(
            covered.Any(line => line >= entryLine && line < entryLines.Append(int.MaxValue).First(next => next > entryLine)),
            $"entry at line {entryLine} has neither a transaction nor a diagnostic"));
    }

    [CorpusTheory]
    [MemberData(nameof(CamtFiles))]
    public void Read_EveryCorpusFile_IdsAreUniqueAndStable(string name)
    {
        var bytes = Bytes(name);

        var first = CamtReader.Read(name, bytes).Transactions.Select(t => t.Id).ToList();
        var second = CamtReader.Read("copy.xml", bytes.ToArray()).Transactions.Select(t => t.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, id => Assert.Matches("^camt-[0-9a-f]{16}$", id));
    }

    [CorpusFact]
    public void Read_ReversalBatch_SplitsTheBatchIntoFourTransactionsWithOracleAmounts()
    {
        var statement = Read("camt053-v2-oca-abnamro-style-reversal-batch.xml");

        Assert.Equal([-754.25m, -564.05m, -100.00m, 1405.31m], statement.Transactions.Select(t => t.Amount));
        Assert.Equal(
            [TransactionKind.Debit, TransactionKind.Debit, TransactionKind.Debit, TransactionKind.Credit],
            statement.Transactions.Select(t => t.Kind));
        Assert.All(statement.Transactions, t => Assert.Equal(new LocalDate(2014, 1, 5), t.BookingDate));
        Assert.Equal(new BankAccount("ABNANL2A", null, "NL77ABNA0574908765"), statement.Account);
        Assert.All(statement.Transactions.Skip(1).Take(2), t => Assert.StartsWith("Estorno: ", t.Description, StringComparison.Ordinal));
        Assert.DoesNotContain("Estorno", statement.Transactions[0].Description, StringComparison.Ordinal);
        Assert.Equal("TESTBANK/NL/20141229/01206408", statement.Transactions[1].References.EndToEndId);
        Assert.Equal(new Payer("3rd party Media", null), statement.Transactions[3].Payer);
        Assert.Null(statement.Transactions[0].Payer);
        Assert.Equal("PMNT/RCDT/ESCT", statement.Transactions[3].Occurrence?.Code);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.entry.reversal" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.balance.mismatch");
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.currency.foreign" && d.Message.Contains("EUR", StringComparison.Ordinal));
        Assert.False(statement.HasErrors);
    }

    [CorpusFact]
    public void Read_Camt054QrrReference_ReadsReferenceAndEndToEndId()
    {
        var statement = Read("camt054-v4-oca-qrr-reference.xml");

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(StatementFormat.Camt054, statement.Format);
        Assert.Equal(5.00m, t.Amount);
        Assert.Equal(TransactionKind.Credit, t.Kind);
        Assert.Equal(new LocalDate(2022, 1, 26), t.BookingDate);
        Assert.Equal(new LocalDate(2022, 1, 26), t.ValueDate);
        Assert.Equal("000000000000000000000000003", t.References.DocumentNumber);
        Assert.Equal("ENDTOENDID-01", t.References.EndToEndId);
        Assert.Equal("15180015077602405", t.References.Fitid);
        Assert.Equal("Test Customer", t.Payer?.Name);
        Assert.Equal("Additional entry info", t.Description);
    }

    [CorpusFact]
    public void Read_V2Minimal_MatchesGenkgoExpectedOutput()
    {
        var statement = Read("camt053-v2-genkgo-minimal.xml");

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(8.85m, t.Amount);
        Assert.Equal(TransactionKind.Credit, t.Kind);
        Assert.Equal(new LocalDate(2014, 12, 31), t.BookingDate);
        Assert.Equal(new LocalDate(2015, 1, 2), t.ValueDate);
        Assert.Equal("4654654654654654", t.References.DocumentNumber);
        Assert.Equal("NL26VAYB8060476890", statement.Account?.Number);
    }

    [CorpusFact]
    public void Read_V8BookingDateTimeWithOffset_KeepsTheLocalDateAsWritten()
    {
        var statement = Read("camt053-v8-genkgo.xml");

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(new LocalDate(2014, 12, 31), t.BookingDate);
        Assert.Equal(8.85m, t.Amount);
        Assert.Equal("MUELL/FINP/RA12345", t.References.EndToEndId);
        Assert.Equal("AAAASESS-FP-CN_98765/01", t.References.Fitid);
        Assert.Equal("NL26VAYB8060476890", statement.Account?.Number);
    }

    [CorpusFact]
    public void Read_MultiStatement_ReadsBothStatementsWithBalancedTotals()
    {
        var statement = Read("camt053-v2-genkgo-multi-statement.xml");

        Assert.Equal([8.85m, -7.00m], statement.Transactions.Select(t => t.Amount));
        Assert.DoesNotContain(statement.Diagnostics, d => d.Code == "camt.balance.mismatch");
    }

    [CorpusTheory]
    [InlineData("camt053-v2-genkgo-five-decimals.xml")]
    [InlineData("camt053-v2-genkgo-all-balance-types.xml")]
    public void Read_ThreeDecimalAmounts_ReadsTheExactDecimal(string name)
    {
        var t = Assert.Single(Read(name).Transactions);

        Assert.Equal(8.850m, t.Amount);
        Assert.Equal(TransactionKind.Credit, t.Kind);
    }

    [CorpusFact]
    public void Read_NoEntries_GivesNoTransactionAndNoError()
    {
        var statement = Read("camt053-genkgo-dt-vs-dttm.xml");

        Assert.Empty(statement.Transactions);
        Assert.False(statement.HasErrors);
        Assert.Equal("GB33BUKB20201555555555", statement.Account?.Number);
    }

    [CorpusFact]
    public void Read_WrongInvalidWithoutStmt_GivesEmptyResultAndAnError()
    {
        var statement = Read("camt053-v2-genkgo-wrong-invalid.xml");

        Assert.Empty(statement.Transactions);
        Assert.Equal(StatementFormat.Camt053, statement.Format);
        var d = Assert.Single(statement.Diagnostics);
        Assert.Equal("camt.statement.missing", d.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [CorpusTheory]
    [InlineData("camt054-v2-genkgo.xml")]
    [InlineData("camt054-v8-genkgo.xml")]
    public void Read_Camt054DetailsThatDoNotAddUp_KeepsTheEntryWhole(string name)
    {
        var statement = Read(name);

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(-200000m, t.Amount);
        Assert.Equal(TransactionKind.Debit, t.Kind);
        Assert.Equal(new LocalDate(2007, 10, 18), t.BookingDate);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.batch.unsplit" && d.Line == t.Source.Line);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.currency.foreign" && d.Message.Contains("SEK", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void Read_Camt054V8BatchCount_WarnsThatNbOfTxsDisagrees()
    {
        var statement = Read("camt054-v8-genkgo.xml");

        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.batch.count" && d.Field == "NbOfTxs");
    }

    private static byte[] Bytes(string name) => File.ReadAllBytes(CorpusFiles.PathOf("camt", name));

    private static BankStatement Read(string name) => CamtReader.Read(name, Bytes(name));
}

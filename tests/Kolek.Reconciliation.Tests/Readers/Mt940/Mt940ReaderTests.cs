using System.Text;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Mt940;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Mt940;

public class Mt940ReaderTests
{
    [Fact]
    public void Read_EntryDateInJanuaryAfterDecemberValueDate_RollsTheYearOver()
    {
        var t = Assert.Single(Read(":61:2512310102C10,00NTRFNONREF").Transactions);

        Assert.Equal(new LocalDate(2025, 12, 31), t.ValueDate);
        Assert.Equal(new LocalDate(2026, 1, 2), t.BookingDate);
    }

    [Fact]
    public void Read_EntryDateInDecemberBeforeJanuaryValueDate_TakesThePreviousYear()
    {
        var t = Assert.Single(Read(":61:2601021231D10,00NTRFNONREF").Transactions);

        Assert.Equal(new LocalDate(2025, 12, 31), t.BookingDate);
        Assert.Equal(-10.00m, t.Amount);
    }

    [Fact]
    public void Read_MonthThirteen_LeavesTheLineOutWithAnErrorOnItsLine()
    {
        var statement = Read(":61:2613010101C10,00NTRFNONREF\n:61:260101C5,NTRFNONREF");

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(5m, t.Amount);
        var d = Assert.Single(statement.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("mt940.date.invalid", d.Code);
        Assert.Equal(4, d.Line);
        Assert.Equal("61", d.Field);
    }

    [Fact]
    public void Read_MalformedStatementLine_IsAnErrorNotAZeroAmount()
    {
        var statement = Read(":61:260101CXX,00NTRFNONREF");

        Assert.Empty(statement.Transactions);
        Assert.Contains(statement.Diagnostics, d => d.Code == "mt940.line.invalid" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Read_ReversalOfACredit_IsADebitMarkedAsReversal()
    {
        var statement = Read(":61:260105RC25,50NTRFNONREF\n:86:Devolução");

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(-25.50m, t.Amount);
        Assert.Equal(TransactionKind.Debit, t.Kind);
        Assert.Equal("Estorno: Devolução", t.Description);
        Assert.Contains(statement.Diagnostics, d => d.Code == "mt940.entry.reversal");
    }

    [Fact]
    public void Read_BrlStatement_HasNoCurrencyWarningAndBalances()
    {
        var statement = Read(":60F:C260101BRL100,00\n:61:260102C50,NTRFNONREF\n:62F:C260102BRL150,00");

        Assert.Empty(statement.Diagnostics);
        Assert.Equal(50m, Assert.Single(statement.Transactions).Amount);
    }

    [Fact]
    public void Detect_OtherContent_IsNotMt940()
    {
        Assert.False(Mt940Reader.CanRead("just text :20: here"u8));
        Assert.False(Mt940Reader.CanRead("{\"pix\":[]}"u8));
        Assert.Equal(StatementFormat.Mt940, StatementReader.Detect(Encoding.ASCII.GetBytes(":20:X\r\n:61:260101C1,NTRFNONREF\r\n")));
    }

    private static BankStatement Read(string body) =>
        Mt940Reader.Read("t.sta", Encoding.UTF8.GetBytes($":20:REF\n:25:0001234567\n:28C:1/1\n{body}\n-"));
}

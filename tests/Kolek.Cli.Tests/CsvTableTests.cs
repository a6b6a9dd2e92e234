using Kolek.Cli.Erp;

namespace Kolek.Cli.Tests;

/// <summary>The ERP export CSV reader: RFC 4180 quoting, and what lenient readers do with what RFC 4180 leaves out.</summary>
public sealed class CsvTableTests
{
    private static CsvRow Row(string text)
    {
        var path = Path.Combine(Scratch.Folder(), "t.csv");
        File.WriteAllText(path, "id,name\n" + text);
        return Assert.Single(CsvTable.Load(path, "id", "name").Rows);
    }

    /// <summary>Found by a user trial: the quotes of <c>Padaria "Boa" Vista</c> vanished (and a comma after them split the field).</summary>
    [Theory]
    [InlineData("K-1,Padaria \"Boa\" Vista\n", "Padaria \"Boa\" Vista")]
    [InlineData("K-1,Tel 5\" , ok\n", "Tel 5\"")]
    [InlineData("K-1,\"Silva, Souza & Cia\"\n", "Silva, Souza & Cia")]
    [InlineData("K-1,\"Padaria \"\"Boa\"\" Vista\"\n", "Padaria \"Boa\" Vista")]
    [InlineData("K-1,  \"Ltda, ME\"\n", "Ltda, ME")]
    public void Load_QuotesOpenAFieldOnlyAtItsStart(string line, string name) =>
        Assert.Equal(name, Row(line)["name"]);

    [Fact]
    public void Load_QuotedFieldOverTwoLines_KeepsTheLineBreakAndTheNextRowsLine()
    {
        var path = Path.Combine(Scratch.Folder(), "t.csv");
        File.WriteAllText(path, "id,name\nK-1,\"Rua A\nfundos\"\nK-2,B\n");

        var rows = CsvTable.Load(path, "id", "name").Rows;

        Assert.Equal("Rua A\nfundos", rows[0]["name"]);
        Assert.Equal((2, 4), (rows[0].Line, rows[1].Line));
    }

    /// <summary>Found by a user trial: a quote never closed swallowed the rest of the file into one row, which was then
    /// rejected as "Column 'amount' is empty", far from the real problem.</summary>
    [Fact]
    public void Load_QuoteNeverClosed_RejectsThatRowSayingWhereTheQuoteOpened()
    {
        var path = Path.Combine(Scratch.Folder(), "t.csv");
        File.WriteAllText(path, "id,name,amount\nK-1,A,1.00\nK-2,\"B,2.00\nK-3,C,3.00\n");

        var rows = CsvTable.Load(path, "id", "name").Rows;

        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Problem);
        var problem = Assert.IsType<CsvException>(rows[1].Problem);
        Assert.Equal((3, "name"), (problem.Line, problem.Column));
        Assert.Contains("never closed", problem.Message);
    }

    [Fact]
    public void Load_SemicolonSeparatedHeader_SaysTheSeparatorIsTheProblem()
    {
        var path = Path.Combine(Scratch.Folder(), "t.csv");
        File.WriteAllText(path, "id;name\nK-1;A\n");

        var error = Assert.Throws<CsvException>(() => CsvTable.Load(path, "id", "name"));

        Assert.Contains("';'", error.Message);
        Assert.Contains("comma", error.Message);
    }

    [Theory]
    [InlineData("NF-1,K-1,,0.00,2026-11-10,,,", "amount")]
    [InlineData("NF-1,K-1,,10.00,2026-11-10,,,,2026-11-20", "due_date")]
    [InlineData("NF-1,K-1,,10.00,2026-11-10,,,,,12.00", "outstanding")]
    public void LoadOpenItems_ContradictoryRow_IsRejected(string line, string column)
    {
        // docs/cli.md: a row whose values contradict each other (amount not positive, due date before the issue date…) is left out.
        var path = Path.Combine(Scratch.Folder(), "items.csv");
        File.WriteAllText(path, "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number,issue_date,outstanding\n" + line + "\n");

        var items = ErpExport.LoadOpenItems(path);

        Assert.Empty(items.Rows);
        Assert.Equal(column, Assert.Single(items.Rejected).Column);
    }

    [Theory]
    [InlineData("NF-1,K-1,,10.00,2026-11-10,,,,150,1", "fine_percent")]
    [InlineData("NF-1,K-1,,10.00,2026-11-10,,,,2,100.01", "interest_percent_month")]
    public void LoadOpenItems_LateChargePercentAboveHundred_IsRejected(string line, string column)
    {
        // Tryout 6: fine_percent 150 was accepted (a payment of 2.5 times the amount "explained" as fine), while the ruler
        // rejects a percentage outside 0–100 (ruler.late_charges.out_of_range).
        var path = Path.Combine(Scratch.Folder(), "items.csv");
        File.WriteAllText(path, "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number,fine_percent,interest_percent_month\n" + line + "\n");

        var items = ErpExport.LoadOpenItems(path);

        Assert.Empty(items.Rows);
        var rejected = Assert.Single(items.Rejected);
        Assert.Equal(column, rejected.Column);
        Assert.Contains("100", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOpenItems_LateChargePercentOfHundred_IsAccepted()
    {
        var path = Path.Combine(Scratch.Folder(), "items.csv");
        File.WriteAllText(path, "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number,fine_percent,interest_percent_month\nNF-1,K-1,,10.00,2026-11-10,,,,100,0\n");

        Assert.Single(ErpExport.LoadOpenItems(path).Rows);
    }
}

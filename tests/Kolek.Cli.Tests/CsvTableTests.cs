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
}

using System.Text.Json;

namespace Kolek.Cli.Tests;

/// <summary>The main job, end to end: runs <c>kolek demo</c> twice in a fresh folder and checks what it did.</summary>
public sealed class DemoCommandTests : IClassFixture<DemoCommandTests.TwoRuns>
{
    private readonly TwoRuns _runs;

    public DemoCommandTests(TwoRuns runs) => _runs = runs;

    [Fact]
    public void FirstRun_SendsMessagesAndReconcilesPayments()
    {
        var json = _runs.First.Json();

        Assert.Equal(0, _runs.First.ExitCode);
        Assert.True(json.GetProperty("newMessages").GetInt32() > 0);
        Assert.Equal(json.GetProperty("newMessages").GetInt32(), json.GetProperty("messagesSent").GetInt32());
        Assert.True(json.GetProperty("transactionsImported").GetInt32() > 0);
        Assert.True(json.GetProperty("newPayments").GetInt32() > 0);
    }

    [Fact]
    public void SecondRun_SendsNothingNewAndPaysNothingTwice()
    {
        var first = _runs.First.Json();
        var second = _runs.Second.Json();

        Assert.Equal(0, _runs.Second.ExitCode);
        Assert.Equal(0, second.GetProperty("newMessages").GetInt32());
        Assert.Equal(0, second.GetProperty("newPayments").GetInt32());
        Assert.Equal(first.GetProperty("messagesSent").GetInt32(), second.GetProperty("messagesSent").GetInt32());
        Assert.Equal(Statuses(first), Statuses(second));
        Assert.Equal(_runs.OutboxFilesAfterFirst, _runs.OutboxFilesAfterSecond);
    }

    [Fact]
    public void SecondRun_KeepsEveryMatchWithItsExplanation()
    {
        var first = _runs.First.Json().GetProperty("reconciliation");
        var second = _runs.Second.Json().GetProperty("reconciliation");

        Assert.Equal(first.GetProperty("matches").GetArrayLength(), second.GetProperty("matches").GetArrayLength());
        Assert.All(second.GetProperty("matches").EnumerateArray(), m =>
        {
            Assert.False(m.GetProperty("new").GetBoolean());
            Assert.False(string.IsNullOrEmpty(m.GetProperty("explanation").GetString()));
            Assert.True(m.GetProperty("confidence").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Number, m.GetProperty("remainder").ValueKind);
        });
        Assert.Equal(first.GetProperty("items").GetArrayLength(), second.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void BankFiles_PayTheChargesTheyCarry()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Kolek.DataFile("expected.json"))).RootElement;
        var charges = Statuses(_runs.First.Json());

        foreach (var id in expected.GetProperty("paidByCnab").EnumerateArray().Concat(expected.GetProperty("paidByPixTxid").EnumerateArray()))
        {
            Assert.Equal(("paid", 0m), charges[id.GetString()!]);
        }

        var partial = charges[expected.GetProperty("partialByPix").GetString()!];
        Assert.Equal("partially-paid", partial.Status);
        Assert.True(partial.Outstanding > 0);
    }

    [Fact]
    public void Outbox_HoldsEmailsWithATextPartAndWhatsAppJson()
    {
        var eml = Directory.GetFiles(_runs.Outbox, "*.eml", SearchOption.AllDirectories);
        var json = Directory.GetFiles(_runs.Outbox, "*.json", SearchOption.AllDirectories);

        Assert.NotEmpty(eml);
        Assert.NotEmpty(json);
        var text = File.ReadAllText(eml[0]);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("To: ", text, StringComparison.Ordinal);
        Assert.Contains("CNPJ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ListsEveryChargeOfTheExport()
    {
        var lines = File.ReadAllLines(Kolek.DataFile("charges.csv")).Skip(1).Count(l => l.Length > 0);

        Assert.Equal(lines, _runs.First.Json().GetProperty("charges").GetArrayLength());
    }

    private static Dictionary<string, (string Status, decimal Outstanding)> Statuses(JsonElement json) =>
        json.GetProperty("charges").EnumerateArray().ToDictionary(
            c => c.GetProperty("id").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("outstanding").GetDecimal()));

    /// <summary>Two identical runs of the demo in one fresh working folder.</summary>
    public sealed class TwoRuns : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kolek-demo-");

        public TwoRuns()
        {
            First = Kolek.Run(_folder.FullName, "demo", "--json");
            OutboxFilesAfterFirst = CountOutbox();
            Second = Kolek.Run(_folder.FullName, "demo", "--json");
            OutboxFilesAfterSecond = CountOutbox();
        }

        public KolekResult First { get; }

        public KolekResult Second { get; }

        public int OutboxFilesAfterFirst { get; }

        public int OutboxFilesAfterSecond { get; }

        public string Outbox => Path.Combine(_folder.FullName, "outbox");

        public void Dispose() => _folder.Delete(recursive: true);

        private int CountOutbox() => Directory.Exists(Outbox) ? Directory.GetFiles(Outbox, "*", SearchOption.AllDirectories).Length : 0;
    }
}

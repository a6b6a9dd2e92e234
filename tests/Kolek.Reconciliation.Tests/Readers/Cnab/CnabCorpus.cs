using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

/// <summary>Helpers shared by the CNAB corpus tests.</summary>
internal static class CnabCorpus
{
    public static byte[] Bytes(string folder, string file) => File.ReadAllBytes(Corpus.Corpus.PathOf(folder, file));

    /// <summary>1-based numbers of the lines whose text satisfies <paramref name="isDetail"/>, counted independently of the readers.</summary>
    public static List<int> DetailLines(byte[] bytes, Func<string, bool> isDetail)
    {
        var text = System.Text.Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.Split('\n')
            .Select((line, i) => (Line: line.TrimStart('\uFEFF', 'ï', '»', '¿'), Number: i + 1))
            .Where(l => isDetail(l.Line))
            .Select(l => l.Number)
            .ToList();
    }

    /// <summary>Asserts that each detail line became a transaction or has a diagnostic (no silent loss).</summary>
    public static void AssertEveryDetailAccountedFor(BankStatement statement, IEnumerable<int> detailLines)
    {
        foreach (var line in detailLines)
        {
            Assert.True(
                statement.Transactions.Any(t => t.Source.Line == line) || statement.Diagnostics.Any(d => d.Line == line),
                $"{statement.Path}: detail on line {line} is neither a transaction nor a diagnostic.");
        }
    }

    public static decimal Credits(BankStatement s) => s.Transactions.Where(t => t.Kind == TransactionKind.Credit).Sum(t => t.Amount);

    public static decimal NetCredits(BankStatement s) =>
        s.Transactions.Where(t => t.Kind == TransactionKind.Credit).Sum(t => t.NetAmount ?? 0m);

    public static Dictionary<string, int> CountByOccurrence(BankStatement s) =>
        s.Transactions.GroupBy(t => t.Occurrence?.Code ?? "").ToDictionary(g => g.Key, g => g.Count());

    public static void AssertIdsUniqueAndStable(Func<BankStatement> read)
    {
        var first = read();
        var second = read();
        Assert.Equal(first.Transactions.Select(t => t.Id), second.Transactions.Select(t => t.Id));
        Assert.Equal(first.Transactions.Count, first.Transactions.Select(t => t.Id).Distinct().Count());
    }
}

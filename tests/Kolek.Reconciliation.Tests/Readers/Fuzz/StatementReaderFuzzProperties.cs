using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;

namespace Kolek.Reconciliation.Tests.Readers.Fuzz;

/// <summary>
/// Damaged corpus files (truncated, bytes flipped, inserted or deleted) never make <see cref="StatementReader.Read"/>
/// throw: it always names a format and gives every transaction a non-empty id unique within the file, the same on
/// every read of the same bytes.
/// </summary>
public class StatementReaderFuzzProperties
{
    [CorpusProperty(Arbitrary = [typeof(TruncationArbitraries)], MaxTest = 400)]
    public bool Read_TruncatedCorpusFile_NeverThrowsAndKeepsIdsUniqueAndStable(CorpusMutation mutation) =>
        ReadsSoundly(mutation);

    [CorpusProperty(Arbitrary = [typeof(ByteEditArbitraries)], MaxTest = 600)]
    public bool Read_CorpusFileWithEditedBytes_NeverThrowsAndKeepsIdsUniqueAndStable(CorpusMutation mutation) =>
        ReadsSoundly(mutation);

    [CorpusFact]
    public void Read_EveryCorpusFileCutEveryFewBytes_NeverThrows()
    {
        foreach (var (folder, name) in CorpusMutations.Files)
        {
            var bytes = CorpusMutations.Original(folder, name);
            var step = Math.Max(1, bytes.Length / 64);
            for (var cut = 0; cut <= bytes.Length; cut += step)
            {
                var statement = StatementReader.Read(name, bytes.AsSpan(0, cut));
                Assert.True(IsSound(statement), $"{folder}/{name} cut at {cut}");
            }
        }
    }

    [CorpusFact]
    public void Read_EveryCorpusFile_IsRecognisedWithSoundIds()
    {
        foreach (var (folder, name) in CorpusMutations.Files)
        {
            var statement = StatementReader.Read(name, CorpusMutations.Original(folder, name));
            Assert.True(IsSound(statement), $"{folder}/{name}");
            if (!NotStatements.Contains(name))
            {
                Assert.True(statement.Format != StatementFormat.Unknown, $"{folder}/{name} not recognised");
            }
        }
    }

    /// <summary>Corpus files that are no statement: BR Code strings and a charge request without txid or payment.</summary>
    private static readonly HashSet<string> NotStatements =
        ["brcode-copia-e-cola.txt", "brcode-samples.json", "bacen-cobv-request-multa-juros-desconto.json"];

    private static bool ReadsSoundly(CorpusMutation mutation)
    {
        var content = mutation.Apply();
        var original = StatementReader.Detect(CorpusMutations.Original(mutation.Folder, mutation.Name));

        var detected = StatementReader.Read(mutation.Name, content);
        var forced = StatementReader.Read(mutation.Name, content, original);

        var again = StatementReader.Read(mutation.Name, content, original);

        return IsSound(detected)
            && IsSound(forced)
            && forced.Transactions.Select(t => t.Id).SequenceEqual(again.Transactions.Select(t => t.Id))
            && (forced.Format == original || IsCamt(forced.Format) && IsCamt(original));
    }

    private static bool IsCamt(StatementFormat format) => format is StatementFormat.Camt053 or StatementFormat.Camt054;

    /// <summary>A defined format (Unknown only with an error saying so), and non-empty ids unique within the file.</summary>
    internal static bool IsSound(BankStatement statement) =>
        Enum.IsDefined(statement.Format)
        && (statement.Format != StatementFormat.Unknown || statement.HasErrors)
        && statement.Transactions.All(t => !string.IsNullOrWhiteSpace(t.Id))
        && statement.Transactions.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() == statement.Transactions.Count;
}

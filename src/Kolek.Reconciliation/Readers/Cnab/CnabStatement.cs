using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Reads the records of one CNAB flavour: <c>lines</c> stands on the header (its first record) and yields the
/// rest as they are read; the reader sets the account on <c>output</c> and yields the transactions.</summary>
internal delegate IEnumerable<BankTransaction> CnabRecordReader(IEnumerator<CnabLine> lines, DiagnosticBag diagnostics, StreamedStatement output);

/// <summary>The frame shared by both CNAB flavours: split and fit the lines as they stream in, read the records.</summary>
internal static class CnabStatement
{
    /// <summary>Streams the records of <paramref name="output"/>'s input through <paramref name="readRecords"/>;
    /// <paramref name="sequence"/> is where a sequence number ends each record (CNAB 400), to tell shifted from trimmed records.</summary>
    public static IEnumerable<BankTransaction> Read(StreamedStatement output, int width, CnabSpan? sequence, CnabRecordReader readRecords)
    {
        var diagnostics = output.Bag;
        using var lines = CnabLines.Fit(CnabLines.Split(output.Input, output.ChunkSize), width, sequence, diagnostics).GetEnumerator();
        if (!lines.MoveNext())
        {
            diagnostics.Error(null, null, "cnab.file.empty", "O arquivo não tem registros.");
            yield break;
        }

        foreach (var transaction in readRecords(lines, diagnostics, output))
        {
            yield return transaction;
        }
    }
}

using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Reads the records of one CNAB flavour: <c>records</c> stands on the header (its first record) and moves on
/// through the rest as they are read; the reader sets the account on <c>output</c> and yields the transactions.</summary>
internal delegate IEnumerable<BankTransaction> CnabRecordReader(CnabRecords records, DiagnosticBag diagnostics, StreamedStatement output);

/// <summary>The frame shared by both CNAB flavours: split and fit the records as they stream in, read them.</summary>
internal static class CnabStatement
{
    /// <summary>Streams the records of <paramref name="output"/>'s input through <paramref name="readRecords"/>;
    /// <paramref name="sequence"/> is where a sequence number ends each record (CNAB 400), to tell shifted from trimmed records.</summary>
    public static IEnumerable<BankTransaction> Read(StreamedStatement output, int width, CnabSpan? sequence, CnabRecordReader readRecords)
    {
        var diagnostics = output.Bag;
        using var records = new CnabRecords(output.Input, output.ChunkSize, width, sequence, diagnostics);
        if (!records.MoveNext())
        {
            diagnostics.Error(null, null, "cnab.file.empty", "O arquivo não tem registros.");
            yield break;
        }

        foreach (var transaction in readRecords(records, diagnostics, output))
        {
            yield return transaction;
        }
    }
}

/// <summary>A copy of one fitted record, for a record that must be read after the reader has moved past it (the CNAB 240
/// T segment waiting for its U, the CNAB 400 records held back until the layout is known).</summary>
internal sealed class CnabRecordCopy(int width)
{
    private readonly byte[] _bytes = new byte[width];

    public int Number { get; private set; }

    public bool Shifted { get; private set; }

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The record type (position 1 in CNAB 400, position 8 in CNAB 240).</summary>
    public char At(int position) => (char)_bytes[position - 1];

    /// <summary>Copies the current record of <paramref name="records"/>.</summary>
    public CnabRecordCopy Take(CnabRecords records)
    {
        records.Current.CopyTo(_bytes);
        Number = records.Number;
        Shifted = records.Shifted;
        return this;
    }
}

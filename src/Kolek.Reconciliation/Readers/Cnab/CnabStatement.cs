using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>The frame shared by both CNAB flavours: open the records as they stream in, size the id table.</summary>
internal static class CnabStatement
{
    /// <summary>The records of <paramref name="output"/>'s input, standing on the first (the header); null, after an
    /// error <c>cnab.file.empty</c>, when there is none. <paramref name="sequence"/> is where a sequence number ends each
    /// record (CNAB 400), to tell shifted from trimmed records.</summary>
    public static CnabRecords? Open(StreamedStatement output, int width, CnabSpan? sequence)
    {
        var records = new CnabRecords(output.Input, output.ChunkSize, width, sequence, output.Bag);
        if (records.MoveNext())
        {
            return records;
        }

        records.Dispose();
        output.Bag.Error(null, null, "cnab.file.empty", "O arquivo não tem registros.");
        return null;
    }

    /// <summary>About how many records the input holds when its length is known (0 when not): a size hint, so that the
    /// table of ids seen is made once instead of grown and rehashed as the file is read.</summary>
    public static int ExpectedRecords(StreamedStatement output, int width)
    {
        try
        {
            var length = output.Head.Length + (output.Source.CanSeek ? output.Source.Length - output.Source.Position : 0);
            return (int)Math.Min(length / (width + 1), int.MaxValue);
        }
        catch (NotSupportedException)
        {
            return 0;
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

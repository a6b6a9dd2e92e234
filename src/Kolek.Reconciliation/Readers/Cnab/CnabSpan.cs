namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>A fixed-width field: 1-based inclusive positions, as CNAB manuals write them (e.g. 254–266).</summary>
internal readonly record struct CnabSpan(int Start, int End)
{
    public int Length => End - Start + 1;

    public override string ToString() => $"{Start}-{End}";
}

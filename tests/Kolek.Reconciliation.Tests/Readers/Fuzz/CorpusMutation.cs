using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Tests.Corpus;
using CorpusFolder = Kolek.Reconciliation.Tests.Corpus.Corpus;

namespace Kolek.Reconciliation.Tests.Readers.Fuzz;

/// <summary>One edit of a file's bytes; positions are taken modulo the current length when applied.</summary>
public enum EditKind
{
    /// <summary>XOR one byte with a non-zero mask.</summary>
    Flip = 1,

    /// <summary>Insert one byte.</summary>
    Insert = 2,

    /// <summary>Delete one to three bytes.</summary>
    Delete = 3,

    /// <summary>Cut the file at the position.</summary>
    Truncate = 4,
}

/// <summary>One edit: what, where (any non-negative number, reduced modulo the length) and with which byte.</summary>
public sealed record ByteEdit(EditKind Kind, int Position, byte Value)
{
    /// <summary>Applies the edit to <paramref name="bytes"/>.</summary>
    public void ApplyTo(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            if (Kind == EditKind.Insert)
            {
                bytes.Add(Value);
            }

            return;
        }

        var at = Position % bytes.Count;
        switch (Kind)
        {
            case EditKind.Flip:
                bytes[at] ^= Value == 0 ? (byte)1 : Value;
                break;
            case EditKind.Insert:
                bytes.Insert(at, Value);
                break;
            case EditKind.Delete:
                bytes.RemoveRange(at, Math.Min(1 + (Value % 3), bytes.Count - at));
                break;
            case EditKind.Truncate:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}@{Position}:0x{Value:x2}");
}

/// <summary>A corpus file (folder and name) and the edits to make to it.</summary>
public sealed record CorpusMutation(string Folder, string Name, IReadOnlyList<ByteEdit> Edits)
{
    /// <summary>The corpus file's bytes after the edits.</summary>
    public byte[] Apply()
    {
        var bytes = new List<byte>(CorpusMutations.Original(Folder, Name));
        foreach (var edit in Edits)
        {
            edit.ApplyTo(bytes);
        }

        return [.. bytes];
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Folder}/{Name} [{string.Join(", ", Edits)}]";
}

/// <summary>Generators of mutated corpus files: every statement file of the corpus, with a few random byte edits.</summary>
public static class CorpusMutations
{
    /// <summary>The corpus folders whose files are statements a reader must survive.</summary>
    public static readonly string[] Folders = ["ofx", "cnab240", "cnab400", "camt", "mt940", "pix"];

    private static readonly Lazy<IReadOnlyList<(string Folder, string Name)>> s_files = new(() =>
        [.. Folders.SelectMany(folder => CorpusFolder.Files(folder).Select(row => (folder, (string)row[0])))
            .Where(f => !f.Item2.Contains(".expected.", StringComparison.Ordinal))]);

    private static readonly Dictionary<string, byte[]> s_bytes = new(StringComparer.Ordinal);

    /// <summary>Every statement file of the corpus, as (folder, name).</summary>
    public static IReadOnlyList<(string Folder, string Name)> Files => s_files.Value;

    /// <summary>The unedited bytes of a corpus file, read once.</summary>
    public static byte[] Original(string folder, string name)
    {
        var key = folder + "/" + name;
        lock (s_bytes)
        {
            if (!s_bytes.TryGetValue(key, out var bytes))
            {
                bytes = File.ReadAllBytes(CorpusFolder.PathOf(folder, name));
                s_bytes[key] = bytes;
            }

            return bytes;
        }
    }

    private static Gen<ByteEdit> Edit(params EditKind[] kinds) =>
        from kind in Gen.Elements(kinds)
        from position in Gen.Choose(0, int.MaxValue)
        from value in Gen.OneOf(
            Gen.Choose(0, 255).Select(v => (byte)v),
            Gen.Elements<byte>((byte)'<', (byte)'>', (byte)'\n', (byte)'\r', (byte)'"', (byte)'{', (byte)'}', (byte)':', (byte)'0', (byte)'9', (byte)'-', (byte)',', (byte)'.', 0xC3, 0xFF))
        select new ByteEdit(kind, position, value);

    private static Gen<CorpusMutation> Mutation(Gen<IReadOnlyList<ByteEdit>> edits) =>
        from file in Gen.Elements(Files.ToArray())
        from list in edits
        select new CorpusMutation(file.Folder, file.Name, list);

    /// <summary>A corpus file cut at a random position.</summary>
    public static Gen<CorpusMutation> Truncations() =>
        Mutation(Edit(EditKind.Truncate).Select(e => (IReadOnlyList<ByteEdit>)[e]));

    /// <summary>A corpus file with one to five flipped, inserted or deleted bytes.</summary>
    public static Gen<CorpusMutation> ByteEdits() =>
        Mutation(Gen.Choose(1, 5).SelectMany(n => Edit(EditKind.Flip, EditKind.Insert, EditKind.Delete).ArrayOf(n))
            .Select(a => (IReadOnlyList<ByteEdit>)a));
}

/// <summary>FsCheck arbitraries: truncated corpus files.</summary>
public static class TruncationArbitraries
{
    /// <summary>A corpus file cut at a random position.</summary>
    public static Arbitrary<CorpusMutation> Mutations() => CorpusMutations.Truncations().ToArbitrary();
}

/// <summary>FsCheck arbitraries: corpus files with a few bytes flipped, inserted or deleted.</summary>
public static class ByteEditArbitraries
{
    /// <summary>A corpus file with one to five edited bytes.</summary>
    public static Arbitrary<CorpusMutation> Mutations() => CorpusMutations.ByteEdits().ToArbitrary();
}

/// <summary>A property over the corpus, with the same skip rule as <see cref="CorpusFactAttribute"/>.</summary>
public sealed class CorpusPropertyAttribute : PropertyAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CorpusPropertyAttribute()
    {
        if (CorpusFolder.Root is null && !CorpusFolder.InCi)
        {
            Skip = CorpusFolder.MissingMessage;
        }
    }
}

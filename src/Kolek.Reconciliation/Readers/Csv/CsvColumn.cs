using System.Globalization;

namespace Kolek.Reconciliation.Readers.Csv;

/// <summary>Where a field sits in a CSV row: by header name (case- and accent-sensitive, trimmed) or by zero-based index.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct CsvColumn
{
    private CsvColumn(string? name, int? index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The header name, or <see langword="null"/> for a column given by index.</summary>
    public string? Name { get; }

    /// <summary>The zero-based index, or <see langword="null"/> for a column given by header name.</summary>
    public int? Index { get; }

    /// <summary>The column whose header is <paramref name="name"/> (compared ordinally, ignoring case and surrounding spaces).</summary>
    /// <param name="name">The header text.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or blank.</exception>
    public static CsvColumn Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new CsvColumn(name.Trim(), null);
    }

    /// <summary>The column at zero-based <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based position in the row.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static CsvColumn At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new CsvColumn(null, index);
    }

    /// <summary>The header name, or <c>#</c> and the one-based column number.</summary>
    /// <returns>A short description for messages.</returns>
    public override string ToString() => Name ?? "#" + ((Index ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
}

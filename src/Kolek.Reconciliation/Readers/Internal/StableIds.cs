using System.Globalization;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Gives each transaction of one read a stable id from its natural key, telling apart lines whose keys are equal.</summary>
/// <remarks>The id is <c>prefix</c> + the first 16 hex digits of the SHA-256 of the key; the second line with the same key
/// hashes <c>key|#1</c>, the third <c>key|#2</c>, in file order, so the same file always gives the same ids.</remarks>
internal sealed class StableIds(string prefix)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The id of the next line with <paramref name="key"/>; <paramref name="repeat"/> is 0 for its first occurrence.</summary>
    public string Next(string key, out int repeat)
    {
        repeat = _seen.TryGetValue(key, out var n) ? n : 0;
        _seen[key] = repeat + 1;
        return ContentHash.ShortId(prefix, repeat == 0 ? key : key + "|#" + repeat.ToString(CultureInfo.InvariantCulture));
    }
}

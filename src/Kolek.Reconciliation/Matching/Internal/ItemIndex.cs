using System.Runtime.InteropServices;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Item indexes by key, each key's indexes ascending and without repeats.</summary>
/// <remarks>Why not a <c>Dictionary&lt;string, List&lt;int&gt;&gt;</c>: nearly every nosso número, txid and document
/// number names a single item, and a list per key cost about 60 bytes and an allocation each, several hundred MB for a
/// million items. A key naming one item stores that index inline; only keys shared by several items get a list.</remarks>
internal sealed class ItemIndex
{
    /// <summary>The index of the key's only item, or <see cref="Shared"/> when the key's items are in <see cref="_shared"/>.</summary>
    private readonly Dictionary<string, int> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _shared = new(StringComparer.Ordinal);

    private const int Shared = -1;

    public bool ContainsKey(string key) => _single.ContainsKey(key);

    /// <summary>Adds an item to a key; items must be added in ascending order. A null key is ignored.</summary>
    public void Add(string? key, int item)
    {
        if (key is null)
        {
            return;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_single, key, out var exists);
        if (!exists)
        {
            slot = item;
        }
        else if (slot != Shared)
        {
            if (slot != item)
            {
                _shared[key] = [slot, item];
                slot = Shared;
            }
        }
        else
        {
            var list = _shared[key];
            if (list[^1] != item)
            {
                list.Add(item);
            }
        }
    }

    /// <summary>The key's items, ascending; empty when none.</summary>
    public IReadOnlyList<int> Find(string key) =>
        !_single.TryGetValue(key, out var item) ? []
        : item != Shared ? [item]
        : _shared[key].AsReadOnly();
}

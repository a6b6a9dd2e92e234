using System.Collections;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The items' balances after a run, oldest due first, each <see cref="ItemBalance"/> made when it is read.</summary>
/// <remarks>A portfolio of a million items would otherwise get a million balance objects per run, most of them for
/// items no credit touched, and the garbage collector would copy them all while the run is still allocating. The list
/// owns the run's outstanding amounts; nothing changes them after the run.</remarks>
internal sealed class ItemBalances(IReadOnlyList<OpenItem> items, decimal[] outstanding) : IReadOnlyList<ItemBalance>
{
    public int Count => outstanding.Length;

    public ItemBalance this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, outstanding.Length);
            var item = items[index];
            var left = outstanding[index];
            return new ItemBalance(item.Id, StatusOf(item, left), left);
        }
    }

    public IEnumerator<ItemBalance> GetEnumerator()
    {
        for (var index = 0; index < outstanding.Length; index++)
        {
            yield return this[index];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ItemStatus StatusOf(OpenItem item, decimal outstanding) =>
        outstanding == 0m ? ItemStatus.Paid
        : outstanding < item.OriginalAmount ? ItemStatus.PartiallyPaid
        : ItemStatus.Open;
}

using System.Text;

namespace Kolek.Dunning.Running;

/// <summary>
/// One of <see cref="Count"/> disjoint slices of the portfolio, so several workers can share it: each customer belongs to
/// exactly one partition, chosen by a stable hash of the customer id, so all of a customer's charges (which a
/// consolidated message needs together) are in the same one, in every process and on every run.
/// </summary>
/// <remarks>
/// The hash is 32-bit FNV-1a over the UTF-8 bytes of the customer id, taken modulo <see cref="Count"/>; it is part of the
/// contract (workers of different versions must agree), unlike <see cref="string.GetHashCode()"/>, which changes per process.
/// Workers must all use the same <see cref="Count"/>; changing it moves customers between partitions, which is safe
/// (the journal still prevents a second send) but should happen while no run is in progress.
/// </remarks>
public sealed record RunPartition
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>Creates partition <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <param name="index">This partition, from 0 to <paramref name="count"/> − 1.</param>
    /// <param name="count">How many partitions the portfolio is split into (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="index"/> is outside 0 to <paramref name="count"/> − 1.</exception>
    public RunPartition(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>This partition, from 0 to <see cref="Count"/> − 1.</summary>
    public int Index { get; }

    /// <summary>How many partitions the portfolio is split into.</summary>
    public int Count { get; }

    /// <summary>Whether the customer belongs to this partition.</summary>
    /// <param name="customerId">The customer's id.</param>
    /// <returns><see langword="true"/> when <see cref="IndexOf"/> of the id is <see cref="Index"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    public bool Contains(string customerId) => IndexOf(customerId, Count) == Index;

    /// <summary>The partition of a customer: FNV-1a (32-bit) of the UTF-8 bytes of the id, modulo <paramref name="count"/>.</summary>
    /// <param name="customerId">The customer's id.</param>
    /// <param name="count">How many partitions (at least 1).</param>
    /// <returns>A number from 0 to <paramref name="count"/> − 1, the same in every process.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static int IndexOf(string customerId, int count)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)(Fnv1a(customerId) % (uint)count);
    }

    /// <summary>32-bit FNV-1a of the UTF-8 encoding of <paramref name="text"/>.</summary>
    internal static uint Fnv1a(string text)
    {
        var hash = FnvOffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return hash;
    }
}

using System.Collections.ObjectModel;

namespace Kolek.Dunning.Analytics;

/// <summary>The aging of a portfolio's open items on an as-of date: the buckets by days late and the totals.</summary>
/// <param name="Buckets">The five buckets in <see cref="AgingBucket.Names"/> order, each present even when empty.</param>
/// <param name="OpenCharges">The number of open items (<see cref="ChargeStanding.IsOpenItem"/>); equals the sum of the bucket counts.</param>
/// <param name="Outstanding">The sum of the open items' outstanding principal, in BRL; equals the sum of the bucket amounts.</param>
/// <param name="Overdue">The part of <paramref name="Outstanding"/> owed on items past their adjusted due date (days late &gt; 0), in BRL.</param>
/// <remarks>
/// <para>The bucket list is copied on construction into a read-only list. Equality is by value, buckets compared in order.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed record AgingReport(IReadOnlyList<AgingBucket> Buckets, int OpenCharges, decimal Outstanding, decimal Overdue)
{
    private readonly IReadOnlyList<AgingBucket> _buckets = Copy(Buckets);

    /// <summary>The five buckets in <see cref="AgingBucket.Names"/> order.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list contains a <see langword="null"/> bucket.</exception>
    public IReadOnlyList<AgingBucket> Buckets
    {
        get => _buckets;
        init => _buckets = Copy(value);
    }

    /// <summary>The delinquency rate (inadimplência): <c>Overdue ÷ Outstanding</c>, rounded half-even to 4 decimals; 0 when nothing is outstanding.</summary>
    public decimal DelinquencyRate => Outstanding == 0m ? 0m : Math.Round(Overdue / Outstanding, 4, MidpointRounding.ToEven);

    /// <summary>The totals and each bucket's name, count and amount, culture-invariant.</summary>
    /// <returns>For example <c>AgingReport { OpenCharges = 2, Outstanding = 1250.50, Overdue = 1000, DelinquencyRate = 0.7997, Buckets = [current 1 250.50, 1-30 1 1000, …] }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(AgingReport),
        (nameof(OpenCharges), Internal.ResultText.Number(OpenCharges)), (nameof(Outstanding), Internal.ResultText.Money(Outstanding)),
        (nameof(Overdue), Internal.ResultText.Money(Overdue)), (nameof(DelinquencyRate), Internal.ResultText.Money(DelinquencyRate)),
        (nameof(Buckets), Internal.ResultText.List(_buckets.Select(b =>
            b.Bucket + " " + Internal.ResultText.Number(b.Count) + " " + Internal.ResultText.Money(b.Amount)))));

    /// <summary>Whether <paramref name="other"/> has the same totals and equal buckets in the same order.</summary>
    /// <param name="other">The report to compare with.</param>
    /// <returns><see langword="true"/> when equal by value.</returns>
    public bool Equals(AgingReport? other) =>
        other is not null
        && OpenCharges == other.OpenCharges
        && Outstanding == other.Outstanding
        && Overdue == other.Overdue
        && _buckets.SequenceEqual(other._buckets);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(OpenCharges);
        hash.Add(Outstanding);
        hash.Add(Overdue);
        foreach (var bucket in _buckets)
        {
            hash.Add(bucket);
        }

        return hash.ToHashCode();
    }

    private static ReadOnlyCollection<AgingBucket> Copy(IReadOnlyList<AgingBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        AgingBucket[] copy = [.. buckets];
        if (Array.IndexOf(copy, null) >= 0)
        {
            throw new ArgumentException("An aging report cannot hold a null bucket.", nameof(buckets));
        }

        return Array.AsReadOnly(copy);
    }
}

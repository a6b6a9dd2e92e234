namespace Kolek.Reconciliation.Matching;

/// <summary>The late-charge terms printed on an open item: a one-off fine (multa) and monthly default interest (juros
/// de mora), from which the matcher computes what the item costs when paid late (see <see cref="LateCharges"/>).</summary>
/// <remarks>Kolek.Reconciliation's own type, so that it does not depend on Kolek.Dunning; a host that has
/// Kolek.Dunning's <c>LateChargeTerms</c> copies <c>FinePercent</c> and <c>InterestPercentPerMonth</c> (the consumer
/// cap is <see cref="OpenItem.Consumer"/>). Instances are immutable and thread-safe.</remarks>
public sealed record OpenItemLateChargeTerms
{
    /// <summary>Creates late-charge terms.</summary>
    /// <param name="finePercent">The fine, in percent of the outstanding principal (e.g. <c>2</c> for 2%).</param>
    /// <param name="interestPercentPerMonth">The default interest, in percent per month (e.g. <c>1</c> for 1% a.m.).</param>
    /// <exception cref="ArgumentOutOfRangeException">A percentage is negative.</exception>
    public OpenItemLateChargeTerms(decimal finePercent, decimal interestPercentPerMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(finePercent);
        ArgumentOutOfRangeException.ThrowIfNegative(interestPercentPerMonth);
        FinePercent = finePercent;
        InterestPercentPerMonth = interestPercentPerMonth;
    }

    /// <summary>The fine, in percent of the outstanding principal, charged once.</summary>
    public decimal FinePercent { get; }

    /// <summary>The default interest, in percent per month, charged pro rata per calendar day (a month counts as 30 days).</summary>
    public decimal InterestPercentPerMonth { get; }
}

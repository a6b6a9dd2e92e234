namespace Kolek.Dunning.Insight.Risk;

/// <summary>A customer's probability of paying the next charge late, its segment and the main reasons.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Probability">The probability that the customer's next charge still to be paid is paid after its adjusted due date; in [0, 1], never NaN.</param>
/// <param name="Segment">The segment name that <see cref="RiskSegmentation.SegmentFor"/> gives the probability.</param>
/// <param name="Reasons">The largest contributions, largest absolute contribution first; a single fallback reason when the model could not be trained.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RiskScore(string CustomerId, double Probability, string Segment, IReadOnlyList<RiskReason> Reasons)
{
    /// <summary>The members, with the reasons' features and contributions listed.</summary>
    /// <returns>For example <c>RiskScore { CustomerId = K-1, Probability = 0.83, Segment = alto, Reasons = [late-share +1.2, open-overdue +0.4] }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(RiskScore),
        (nameof(CustomerId), CustomerId),
        (nameof(Probability), Probability.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)),
        (nameof(Segment), Segment),
        (nameof(Reasons), Internal.ResultText.List(Reasons.Select(r => r.Feature + " " + r.Contribution.ToString("+0.###;-0.###;0", System.Globalization.CultureInfo.InvariantCulture)))));
}

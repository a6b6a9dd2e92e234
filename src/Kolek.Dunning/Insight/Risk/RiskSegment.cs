namespace Kolek.Dunning.Insight.Risk;

/// <summary>A named band of probability: the segment applies from <paramref name="From"/> (inclusive) up to the next segment's start.</summary>
/// <param name="Name">The segment's name, as the host's rulers are selected by (<see cref="Charges.Customer.Segment"/>).</param>
/// <param name="From">The lowest probability of the band, in [0, 1]; the first segment of a segmentation starts at 0.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RiskSegment(string Name, double From);

namespace Kolek.Dunning.Insight.Risk;

/// <summary>A fitted weight of the risk model with the standardisation of its feature.</summary>
/// <param name="Feature">The feature's name (<see cref="RiskFeature.Name"/>).</param>
/// <param name="Weight">The weight on the standardised feature: the change of the log-odds per standard deviation.</param>
/// <param name="Mean">The feature's mean over the training examples (after its transform, see docs/insight.md).</param>
/// <param name="StandardDeviation">The feature's standard deviation over the training examples; 1 when the feature was constant.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RiskCoefficient(string Feature, double Weight, double Mean, double StandardDeviation);

namespace Kolek.Dunning.Insight.Risk;

/// <summary>One reliability bin: the scores in a probability band, their mean and the observed late rate.</summary>
/// <param name="Lower">The band's lower bound (inclusive).</param>
/// <param name="Upper">The band's upper bound (exclusive, except 1 for the last bin).</param>
/// <param name="Count">The number of scores in the band.</param>
/// <param name="MeanPredicted">The mean predicted probability in the band; 0 when empty.</param>
/// <param name="ObservedRate">The share of those examples that were late; 0 when empty.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RiskCalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);

namespace Kolek.Dunning.Insight.Risk;

/// <summary>One reason behind a score: a feature's contribution to the log-odds, in plain language.</summary>
/// <param name="Feature">The feature's name (<see cref="RiskFeature.Name"/>), or <see cref="RiskFeature.FallbackName"/> for a fallback score.</param>
/// <param name="Contribution">
/// The feature's contribution to the log-odds of paying late: its weight times its standardised value. Positive raises the
/// risk, negative lowers it; 0 for a fallback reason.
/// </param>
/// <param name="TextPtBr">The reason in Brazilian Portuguese, with the customer's value, e.g. <c>"3 de 10 cobranças vencidas pagas com atraso (aumenta o risco)"</c>.</param>
/// <param name="TextEnglish">The same reason in English.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RiskReason(string Feature, double Contribution, string TextPtBr, string TextEnglish);

namespace Kolek.Dunning.Insight.Risk;

/// <summary>One input of the risk model: its stable name and what it measures, in Portuguese and English.</summary>
/// <param name="Name">The stable, lowercase name (e.g. <c>"late-share"</c>), used in JSON and in <see cref="RiskReason.Feature"/>.</param>
/// <param name="DescriptionPtBr">What the feature measures, in Brazilian Portuguese.</param>
/// <param name="DescriptionEnglish">What the feature measures, in English.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RiskFeature(string Name, string DescriptionPtBr, string DescriptionEnglish)
{
    /// <summary>The name of the pseudo-feature that explains a fallback score (history too small to train).</summary>
    public const string FallbackName = "fallback-prior";

    /// <summary>Gets the model's features, in the order of <see cref="RiskModel.Coefficients"/>.</summary>
    /// <value>
    /// <c>late-share</c>, <c>average-days-late</c>, <c>recent-trend</c>, <c>open-overdue</c>, <c>average-amount</c>, <c>tenure</c>; see <see cref="CustomerRiskFeatures"/> for their definitions and docs/insight.md for the transforms.
    /// </value>
    public static IReadOnlyList<RiskFeature> All { get; } =
    [
        new("late-share", "Parcela das cobranças vencidas pagas com atraso", "Share of past-due charges paid late"),
        new("average-days-late", "Atraso médio das cobranças vencidas", "Average days late of past-due charges"),
        new("recent-trend", "Tendência: atraso nos últimos 90 dias comparado ao período anterior", "Trend: late share in the last 90 days versus before"),
        new("open-overdue", "Cobranças vencidas ainda em aberto", "Open overdue charges"),
        new("average-amount", "Valor médio das cobranças", "Average charge amount"),
        new("tenure", "Tempo de relacionamento (desde a primeira cobrança)", "Tenure (since the first charge)"),
    ];
}

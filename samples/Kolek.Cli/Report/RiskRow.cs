namespace Kolek.Cli.Report;

/// <summary>One customer's late-payment risk as <c>kolek report</c> shows it (the <c>risk</c> array of CLI.md).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Score">The probability of paying late, in [0, 1].</param>
/// <param name="Segment">The segment the score falls in (it selects the ruler).</param>
/// <param name="Reasons">The main reasons behind the score, for people (pt-BR).</param>
public sealed record RiskRow(string CustomerId, double Score, string Segment, IReadOnlyList<string> Reasons);

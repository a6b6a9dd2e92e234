namespace Kolek.Dunning.Planning;

/// <summary>The timeline of future events of a set of charges over a range of days (<c>kolek preview</c>).</summary>
/// <param name="Events">The actions in the range, ordered by instant, customer, step and first charge.</param>
/// <param name="Skipped">The steps in the range that will not be carried out, ordered by charge and step.</param>
public sealed record DunningPreview(IReadOnlyList<PlannedAction> Events, IReadOnlyList<SkippedAction> Skipped);

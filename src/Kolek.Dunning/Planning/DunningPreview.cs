namespace Kolek.Dunning.Planning;

/// <summary>The timeline of future events of a set of charges over a range of days (<c>kolek preview</c>).</summary>
/// <param name="Events">The actions in the range, ordered by instant, customer, step and first charge.</param>
/// <param name="Skipped">The steps in the range that will not be carried out, ordered by charge and step.</param>
public sealed record DunningPreview(IReadOnlyList<PlannedAction> Events, IReadOnlyList<SkippedAction> Skipped)
{
    /// <summary>A summary: the events per step and the skipped steps per cause.</summary>
    /// <returns>For example <c>DunningPreview { Events = 3 (d0 2, d5 1), Skipped = 1 (ChargeCancelled 1) }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(DunningPreview),
        (nameof(Events), Internal.ResultText.Counts(Events.Select(a => a.StepId))),
        (nameof(Skipped), Internal.ResultText.Counts(Skipped.Select(s => s.Cause))));
}

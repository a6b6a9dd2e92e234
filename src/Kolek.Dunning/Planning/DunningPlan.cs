using NodaTime;

namespace Kolek.Dunning.Planning;

/// <summary>What is due at an instant: the actions to carry out now, the steps skipped and when to look again.</summary>
/// <param name="Due">The actions due at or before the instant, ordered by instant, customer, step and first charge.</param>
/// <param name="Skipped">The steps that would have been due but are not, ordered by charge and step.</param>
/// <param name="NextWakeUp">The earliest later instant at which something may become due; <see langword="null"/> when nothing is pending.</param>
public sealed record DunningPlan(IReadOnlyList<PlannedAction> Due, IReadOnlyList<SkippedAction> Skipped, Instant? NextWakeUp)
{
    /// <summary>A summary: the due actions per step, the skipped steps per cause and the next wake-up.</summary>
    /// <returns>For example <c>DunningPlan { Due = 2 (d0 1, d2 1), Skipped = 1 (ChargePaid 1), NextWakeUp = 2026-11-24T11:00:00Z }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(DunningPlan),
        (nameof(Due), Internal.ResultText.Counts(Due.Select(a => a.StepId))),
        (nameof(Skipped), Internal.ResultText.Counts(Skipped.Select(s => s.Cause))),
        (nameof(NextWakeUp), Internal.ResultText.Instant(NextWakeUp)));
}

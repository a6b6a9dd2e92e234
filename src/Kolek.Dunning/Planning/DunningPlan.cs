using NodaTime;

namespace Kolek.Dunning.Planning;

/// <summary>What is due at an instant: the actions to carry out now, the steps skipped and when to look again.</summary>
/// <param name="Due">The actions due at or before the instant, ordered by instant, customer, step and first charge.</param>
/// <param name="Skipped">The steps that would have been due but are not, ordered by charge and step.</param>
/// <param name="NextWakeUp">The earliest later instant at which something may become due; <see langword="null"/> when nothing is pending.</param>
public sealed record DunningPlan(IReadOnlyList<PlannedAction> Due, IReadOnlyList<SkippedAction> Skipped, Instant? NextWakeUp);

using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>A collection action on a charge: a ruler step carried out (or to be carried out) on some channels at an instant.</summary>
/// <param name="StepId">The ruler step.</param>
/// <param name="Channels">The channels (for an escalation such as a protest, the action's name).</param>
/// <param name="At">When: for a past action the instant the channel accepted it; for a next action the instant it is due.</param>
/// <remarks>Instances are immutable and thread-safe; <paramref name="Channels"/> is compared by reference.</remarks>
public sealed record CollectionAction(string StepId, IReadOnlyList<string> Channels, Instant At);

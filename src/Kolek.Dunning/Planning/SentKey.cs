namespace Kolek.Dunning.Planning;

/// <summary>The identity of one thing done for a charge: a step sent through a channel (or an escalation performed).</summary>
/// <param name="ChargeId">The charge's id.</param>
/// <param name="StepId">The ruler step's id.</param>
/// <param name="Channel">The lowercase channel name; for an escalation, its action name (e.g. <c>"protest"</c>, see <see cref="Ruler.RulerStep.EscalationKey"/>).</param>
/// <remarks>The journal claims each key at most once (design rule 1: never twice); the planner never plans a key that is done.</remarks>
public readonly record struct SentKey(string ChargeId, string StepId, string Channel);

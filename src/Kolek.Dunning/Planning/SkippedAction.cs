namespace Kolek.Dunning.Planning;

/// <summary>A step of a charge that would have been due but is not sent, with the reason.</summary>
/// <param name="ChargeId">The charge's id.</param>
/// <param name="CustomerId">The customer's id.</param>
/// <param name="StepId">The step's id.</param>
/// <param name="Cause">The machine-readable cause.</param>
/// <param name="Reason">A short explanation in pt-BR (which rule, which dates); <paramref name="Cause"/> is the stable code.</param>
public sealed record SkippedAction(string ChargeId, string CustomerId, string StepId, SkipCause Cause, string Reason);

using Kolek.Channels;
using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Running;

/// <summary>The host's hook for escalation steps (protest, credit-bureau report, service suspension, custom).</summary>
/// <remarks>The runner claims the escalation in the journal before calling the handler, exactly as for a message, so a
/// handler is called at most once per (charge, step); it should still pass <see cref="EscalationRequest.IdempotencyKey"/>
/// to the notary's or bureau's API when it can.</remarks>
public interface IEscalationHandler
{
    /// <summary>Carries out one escalation.</summary>
    /// <param name="request">What to escalate.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled call leaves the journal entry in doubt.</param>
    /// <returns>Accepted (with the host's reference), a transient or permanent failure, or a refusal.</returns>
    ValueTask<SendResult> HandleAsync(EscalationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>An escalation for the host to carry out.</summary>
/// <param name="IdempotencyKey">Stable for the (charges, step, action).</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="ChargeIds">The charges escalated, all still open when the runner checked.</param>
/// <param name="StepId">The ruler step.</param>
/// <param name="Action">The kind of escalation.</param>
/// <param name="ActionName">The escalation's name (e.g. <c>protest</c>).</param>
/// <param name="AmountDue">The amount owed on the day, late charges included.</param>
/// <param name="At">When the runner acted.</param>
public sealed record EscalationRequest(
    string IdempotencyKey,
    string CustomerId,
    IReadOnlyList<string> ChargeIds,
    string StepId,
    StepActionKind Action,
    string ActionName,
    decimal AmountDue,
    Instant At);

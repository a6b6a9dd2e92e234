using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Planning;

/// <summary>A step to carry out: a message to send (through ordered channels) or an escalation, for one or more charges of a customer.</summary>
/// <remarks>
/// <see cref="Local"/> is the start (inclusive) of the send window of the step's day in the customer's zone, after any
/// shift to an allowed day; <see cref="Instant"/> is the same moment on the global time line.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed record PlannedAction
{
    /// <summary>The charges covered, in ordinal order; several when consolidated per customer-day.</summary>
    public required IReadOnlyList<string> ChargeIds { get; init; }

    /// <summary>The customer's id.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The ruler step's id.</summary>
    public required string StepId { get; init; }

    /// <summary>The channels to use, in order (opted-out and already-done channels removed); empty for an escalation.</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary><see langword="true"/>: stop at the first channel that delivers; <see langword="false"/>: send through all.</summary>
    public bool Fallback { get; init; }

    /// <summary>The template's name, when the step names one.</summary>
    public string? Template { get; init; }

    /// <summary>The step's tone hint, when it has one.</summary>
    public string? Tone { get; init; }

    /// <summary>A message or an escalation.</summary>
    public StepActionKind Action { get; init; } = StepActionKind.Message;

    /// <summary>The escalation's name (e.g. <c>"protest"</c>); <see langword="null"/> for a message.</summary>
    public string? ActionName { get; init; }

    /// <summary>The local moment the step is due (start of the day's send window).</summary>
    public required LocalDateTime Local { get; init; }

    /// <summary>The customer's zone in which <see cref="Local"/> is read.</summary>
    public required DateTimeZone Zone { get; init; }

    /// <summary>The moment the step is due.</summary>
    public required Instant Instant { get; init; }

    /// <summary>The amount owed (outstanding principal plus late charges) on the day the step goes out; the sum when consolidated.</summary>
    public required decimal AmountDue { get; init; }

    /// <summary>A short explanation in pt-BR (which rule, which dates).</summary>
    public required string Reason { get; init; }

    /// <summary>The journal keys this action covers: each charge × each channel (or × the escalation's name).</summary>
    public IEnumerable<SentKey> Keys =>
        from chargeId in ChargeIds
        from channel in Action == StepActionKind.Message ? Channels : [ActionName ?? "escalation"]
        select new SentKey(chargeId, StepId, channel);
}

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

    /// <summary>The members, with the charge ids and channels listed, the local moment in ISO form and the amount culture-invariant.</summary>
    /// <returns>For example <c>PlannedAction { ChargeIds = [C-1], CustomerId = K-1, StepId = d2, Channels = [whatsapp, email], Fallback = True, Template = atraso, Action = Message, Local = 2026-12-07T08:00:00, Zone = America/Sao_Paulo, Instant = 2026-12-07T11:00:00Z, AmountDue = 102.10, Reason = … }</c>;
    /// <c>Template</c>, <c>Tone</c> and <c>ActionName</c> only when set.</returns>
    public override string ToString()
    {
        var members = new List<(string, string)>
        {
            (nameof(ChargeIds), Internal.ResultText.List(ChargeIds)), (nameof(CustomerId), CustomerId), (nameof(StepId), StepId),
            (nameof(Channels), Internal.ResultText.List(Channels)), (nameof(Fallback), Internal.ResultText.Bool(Fallback)),
        };
        if (Template is not null)
        {
            members.Add((nameof(Template), Template));
        }

        if (Tone is not null)
        {
            members.Add((nameof(Tone), Tone));
        }

        members.Add((nameof(Action), Action.ToString()));
        if (ActionName is not null)
        {
            members.Add((nameof(ActionName), ActionName));
        }

        members.Add((nameof(Local), NodaTime.Text.LocalDateTimePattern.GeneralIso.Format(Local)));
        members.Add((nameof(Zone), Zone.Id));
        members.Add((nameof(Instant), Internal.ResultText.Instant(Instant)));
        members.Add((nameof(AmountDue), AmountDue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        members.Add((nameof(Reason), Reason));
        return Internal.ResultText.Record(nameof(PlannedAction), [.. members]);
    }
}

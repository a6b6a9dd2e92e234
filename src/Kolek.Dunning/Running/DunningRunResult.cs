using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Running;

/// <summary>What one run of the <see cref="DunningRunner"/> did: every planned (charges, step, channel) is in exactly one list.</summary>
/// <param name="Sent">Messages and escalations the channel or host accepted.</param>
/// <param name="Skipped">Planned work not done, on purpose, with the reason (paid since planning, already claimed, opted out…).</param>
/// <param name="Failed">Attempts that failed; a transient failure is retried by a later run after its retry time.</param>
/// <param name="Warnings">Template warnings (an unknown template name fell back to the built-in one).</param>
/// <param name="NextWakeUp">When to run again: the earliest of the next step falling due and the next retry of a transient failure, if any.</param>
public sealed record DunningRunResult(
    IReadOnlyList<RunSent> Sent,
    IReadOnlyList<RunSkipped> Skipped,
    IReadOnlyList<RunFailed> Failed,
    IReadOnlyList<TemplateWarning> Warnings,
    Instant? NextWakeUp)
{
    /// <summary>A summary: how many were sent (per channel), skipped, failed (transient among them), the warnings' codes and the next wake-up.</summary>
    /// <returns>For example <c>DunningRunResult { Sent = 3 (email 2, whatsapp 1), Skipped = 1 (email 1), Failed = 0, Transient = 0, Warnings = 0, NextWakeUp = 2026-11-24T11:00:00Z }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(DunningRunResult),
        (nameof(Sent), Internal.ResultText.Counts(Sent.Select(s => s.Channel))),
        (nameof(Skipped), Internal.ResultText.Counts(Skipped.Select(s => s.Channel ?? "(charge)"))),
        (nameof(Failed), Internal.ResultText.Counts(Failed.Select(f => f.Channel))),
        ("Transient", Internal.ResultText.Number(Failed.Count(f => f.Transient))),
        (nameof(Warnings), Internal.ResultText.Counts(Warnings.Select(w => w.Code))),
        (nameof(NextWakeUp), Internal.ResultText.Instant(NextWakeUp)));
}

/// <summary>A message (or escalation) accepted.</summary>
/// <param name="MessageId">The idempotency key of the message, the same on every attempt.</param>
/// <param name="ChargeIds">The charges it covers.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="StepId">The ruler step.</param>
/// <param name="Channel">The channel name, or the escalation's name.</param>
/// <param name="Recipient">The e-mail address or E.164 phone; empty for an escalation.</param>
/// <param name="ProviderMessageId">The provider's id for it.</param>
/// <param name="DueAt">When the step was due.</param>
public sealed record RunSent(string MessageId, IReadOnlyList<string> ChargeIds, string CustomerId, string StepId, string Channel,
    string Recipient, string ProviderMessageId, Instant DueAt)
{
    /// <summary>The members, with the charge ids listed and the recipient and customer id masked as in the logs.</summary>
    /// <returns>For example <c>RunSent { MessageId = kolek-…, ChargeIds = [C-1, C-2], CustomerId = K-1, StepId = d2, Channel = email, Recipient = j***@d***.com.br, … }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(RunSent),
        (nameof(MessageId), MessageId), (nameof(ChargeIds), Internal.ResultText.List(ChargeIds)),
        (nameof(CustomerId), Internal.LogMasking.Text(CustomerId)), (nameof(StepId), StepId), (nameof(Channel), Channel),
        (nameof(Recipient), Internal.LogMasking.Text(Recipient)), (nameof(ProviderMessageId), ProviderMessageId),
        (nameof(DueAt), Internal.ResultText.Instant(DueAt)));
}

/// <summary>Planned work deliberately not done.</summary>
/// <param name="ChargeIds">The charges concerned.</param>
/// <param name="StepId">The ruler step.</param>
/// <param name="Channel">The channel, when the skip concerns one.</param>
/// <param name="Reason">Why, in pt-BR words (a channel's own reason is passed on as the channel gave it).</param>
public sealed record RunSkipped(IReadOnlyList<string> ChargeIds, string StepId, string? Channel, string Reason)
{
    /// <summary>The members, with the charge ids listed.</summary>
    /// <returns>For example <c>RunSkipped { ChargeIds = [C-1], StepId = d5, Channel = whatsapp, Reason = … }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(RunSkipped),
        (nameof(ChargeIds), Internal.ResultText.List(ChargeIds)), (nameof(StepId), StepId), (nameof(Channel), Channel ?? "null"),
        (nameof(Reason), Reason));
}

/// <summary>An attempt that failed.</summary>
/// <param name="ChargeIds">The charges concerned.</param>
/// <param name="StepId">The ruler step.</param>
/// <param name="Channel">The channel or escalation name.</param>
/// <param name="Transient">Whether a later run will retry it.</param>
/// <param name="Reason">Why, in pt-BR words (a channel's own reason is passed on as the channel gave it).</param>
public sealed record RunFailed(IReadOnlyList<string> ChargeIds, string StepId, string Channel, bool Transient, string Reason)
{
    /// <summary>The members, with the charge ids listed.</summary>
    /// <returns>For example <c>RunFailed { ChargeIds = [C-3], StepId = d5, Channel = sms, Transient = True, Reason = throttled }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(RunFailed),
        (nameof(ChargeIds), Internal.ResultText.List(ChargeIds)), (nameof(StepId), StepId), (nameof(Channel), Channel),
        (nameof(Transient), Internal.ResultText.Bool(Transient)), (nameof(Reason), Reason));
}

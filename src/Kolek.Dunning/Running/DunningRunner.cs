using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Running;

/// <summary>
/// Executes what the <see cref="DunningPlanner"/> says is due: for each planned action it re-reads the charges, claims
/// each (charge, step, channel) in the journal, renders the template, sends through the channels in order (stopping at
/// the first success when the step uses fallback) and records the outcome.
/// </summary>
/// <remarks>
/// <para><b>Never twice.</b> Nothing is sent without a successful claim, and a key is claimable again only after a
/// transient failure whose retry time has passed. A crash between the claim and the outcome leaves the key "in doubt":
/// later runs do not resend it (the channel's idempotency key lets a provider drop a duplicate if an operator resolves
/// it by resending).</para>
/// <para><b>Never after payment.</b> Charges are re-read through <see cref="IReceivableSource.GetChargeAsync"/> right
/// before sending; a charge no longer open is dropped from the message, and the message is skipped when none is left.</para>
/// <para>A channel that throws leaves its keys in doubt and is reported as failed; the run goes on with the next action.</para>
/// <para>Thread-safety: one instance may serve concurrent runs; correctness comes from the journal.</para>
/// </remarks>
public sealed class DunningRunner
{
    private readonly DunningPlanner _planner;
    private readonly IDunningJournal _journal;
    private readonly IReceivableSource _source;
    private readonly Dictionary<string, IMessageChannel> _channels;
    private readonly TemplateSet _templates;
    private readonly TemplateCreditor _creditor;
    private readonly IEscalationHandler? _escalations;

    /// <summary>Creates a runner.</summary>
    /// <param name="planner">Decides what is due.</param>
    /// <param name="journal">Claims and outcomes; the source of the exactly-once guarantee.</param>
    /// <param name="source">The host's receivables.</param>
    /// <param name="channels">The channels, found by <see cref="IMessageChannel.Name"/>.</param>
    /// <param name="templates">Templates per step and channel (e.g. <see cref="TemplateSet.BuiltIn"/>).</param>
    /// <param name="creditor">The company collecting; named in every message (CDC art. 42-A).</param>
    /// <param name="escalations">The host's escalation handler; without one, escalation steps are skipped (not claimed).</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">Two channels have the same name.</exception>
    public DunningRunner(DunningPlanner planner, IDunningJournal journal, IReceivableSource source, IEnumerable<IMessageChannel> channels,
        TemplateSet templates, TemplateCreditor creditor, IEscalationHandler? escalations = null)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(creditor);
        _planner = planner;
        _journal = journal;
        _source = source;
        _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _templates = templates;
        _creditor = creditor;
        _escalations = escalations;
    }

    /// <summary>Plans at <paramref name="now"/> and carries out everything due.</summary>
    /// <param name="ruler">The ruler to apply.</param>
    /// <param name="now">The instant of the run (steps due at or before it are carried out).</param>
    /// <param name="cancellationToken">Cancels the run between sends.</param>
    /// <returns>What was sent, skipped and failed.</returns>
    public async Task<DunningRunResult> RunAsync(DunningRuler ruler, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruler);
        var charges = new List<CustomerCharge>();
        await foreach (var c in _source.GetChargesAsync(cancellationToken).ConfigureAwait(false))
        {
            charges.Add(c);
        }

        var done = new Dictionary<SentKey, Instant>();
        await foreach (var e in _journal.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!e.IsClaimableAt(now))
            {
                done[new SentKey(e.Key.ChargeId, e.Key.StepId, e.Key.Channel)] = e.Outcome?.At ?? e.ClaimedAt;
            }
        }

        var plan = _planner.Plan(charges, ruler, key => done.TryGetValue(key, out var at) ? at : null, now);
        var customers = charges.Select(c => c.Customer).DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var run = new Run(now);
        foreach (var action in plan.Due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var open = await StillOpenAsync(action, run, cancellationToken).ConfigureAwait(false);
            if (open.Count == 0)
            {
                continue;
            }

            var step = ruler.FindStep(action.StepId)!;
            if (action.Action == StepActionKind.Message)
            {
                await SendMessageAsync(action, step, ruler, customers[action.CustomerId], open, run, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await EscalateAsync(action, step, open, run, cancellationToken).ConfigureAwait(false);
            }
        }

        return new DunningRunResult(run.Sent, run.Skipped, run.Failed, run.Warnings, plan.NextWakeUp);
    }

    private async Task<List<Charge>> StillOpenAsync(PlannedAction action, Run run, CancellationToken cancellationToken)
    {
        var open = new List<Charge>();
        foreach (var id in action.ChargeIds)
        {
            var current = await _source.GetChargeAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is { Status: ChargeStatus.Open, Outstanding: > 0m })
            {
                open.Add(current);
            }
            else
            {
                run.Skipped.Add(new RunSkipped([id], action.StepId, null,
                    current is null ? "charge no longer known to the host" : $"charge is {current.Status.ToString().ToLowerInvariant()} at send time"));
            }
        }

        return open;
    }

    private async Task SendMessageAsync(PlannedAction action, RulerStep step, DunningRuler ruler, Customer customer, List<Charge> charges,
        Run run, CancellationToken cancellationToken)
    {
        var ids = charges.Select(c => c.Id).ToList();
        var model = Model(action, step, ruler, customer, charges);
        string? deliveredThrough = null;
        foreach (var channelName in action.Channels)
        {
            var keys = ids.Select(id => new JournalKey(id, action.StepId, channelName)).ToList();
            var messageId = MessageIdempotency.CreateKey(ids, action.StepId, channelName);
            if (!_channels.TryGetValue(channelName, out var channel))
            {
                run.Failed.Add(new RunFailed(ids, action.StepId, channelName, false, $"no channel named '{channelName}' is registered"));
                continue;
            }

            var claim = await _journal.TryClaimAsync(new JournalClaim(keys, messageId, customer.Id, run.Now), cancellationToken).ConfigureAwait(false);
            if (!claim.IsClaimed)
            {
                run.Skipped.Add(new RunSkipped(ids, action.StepId, channelName, "already claimed in the journal"));
                continue;
            }

            var receipt = claim.Receipt!;
            if (action.Fallback && deliveredThrough is not null)
            {
                await Record(receipt, JournalOutcome.Skipped($"delivered through {deliveredThrough}", run.Now), cancellationToken).ConfigureAwait(false);
                run.Skipped.Add(new RunSkipped(ids, action.StepId, channelName, $"fallback not needed: delivered through {deliveredThrough}"));
                continue;
            }

            if (Recipient(channel, customer) is not { } recipient)
            {
                var reason = $"customer {customer.Id} has no valid contact for {channelName}";
                await Record(receipt, JournalOutcome.Failed(false, reason, run.Now), cancellationToken).ConfigureAwait(false);
                run.Failed.Add(new RunFailed(ids, action.StepId, channelName, false, reason));
                continue;
            }

            var rendered = _templates.Render(action.Template ?? "generico", channelName, model);
            run.Warnings.AddRange(rendered.Warnings);
            var message = new OutboundMessage(messageId, channelName, recipient, rendered.Message.TextBody,
                new MessageMetadata(customer.Id, ids, action.StepId))
            {
                Subject = rendered.Message.Subject,
                HtmlBody = rendered.Message.HtmlBody,
            };

            SendResult result;
            try
            {
                result = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A misbehaving channel must not stop the run; its keys stay in doubt and are never resent blindly.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                run.Failed.Add(new RunFailed(ids, action.StepId, channelName, false, $"in doubt: the channel threw {e.GetType().Name}: {e.Message}"));
                continue;
            }

            await Record(receipt, Outcome(result, run.Now), cancellationToken).ConfigureAwait(false);
            if (result.IsAccepted)
            {
                deliveredThrough ??= channelName;
                run.Sent.Add(new RunSent(messageId, ids, customer.Id, action.StepId, channelName, recipient.Value, result.ProviderMessageId!, action.Instant));
            }
            else if (result.Status == SendStatus.RefusedByPolicy)
            {
                run.Skipped.Add(new RunSkipped(ids, action.StepId, channelName, result.Reason!));
            }
            else
            {
                run.Failed.Add(new RunFailed(ids, action.StepId, channelName, result.Status == SendStatus.TransientFailure, result.Reason!));
            }
        }
    }

    private async Task EscalateAsync(PlannedAction action, RulerStep step, List<Charge> charges, Run run, CancellationToken cancellationToken)
    {
        var ids = charges.Select(c => c.Id).ToList();
        var name = step.EscalationKey;
        if (_escalations is null)
        {
            run.Skipped.Add(new RunSkipped(ids, action.StepId, name, "no escalation handler is registered"));
            return;
        }

        var keys = ids.Select(id => new JournalKey(id, action.StepId, name)).ToList();
        var key = MessageIdempotency.CreateKey(ids, action.StepId, name);
        var claim = await _journal.TryClaimAsync(new JournalClaim(keys, key, action.CustomerId, run.Now), cancellationToken).ConfigureAwait(false);
        if (!claim.IsClaimed)
        {
            run.Skipped.Add(new RunSkipped(ids, action.StepId, name, "already claimed in the journal"));
            return;
        }

        var amount = charges.Sum(c => c.Outstanding);
        var result = await _escalations.HandleAsync(
            new EscalationRequest(key, action.CustomerId, ids, action.StepId, action.Action, name, amount, run.Now), cancellationToken).ConfigureAwait(false);
        await Record(claim.Receipt!, Outcome(result, run.Now), cancellationToken).ConfigureAwait(false);
        if (result.IsAccepted)
        {
            run.Sent.Add(new RunSent(key, ids, action.CustomerId, action.StepId, name, "", result.ProviderMessageId!, action.Instant));
        }
        else
        {
            run.Failed.Add(new RunFailed(ids, action.StepId, name, result.Status == SendStatus.TransientFailure, result.Reason!));
        }
    }

    private TemplateModel Model(PlannedAction action, RulerStep step, DunningRuler ruler, Customer customer, List<Charge> charges)
    {
        var today = action.Local.Date;
        var lines = charges.Select(c =>
        {
            var due = LateChargeCalculator.AmountDue(c.Outstanding, c.DueDate, today, ruler.LateCharges, _planner.Calendar);
            return new TemplateCharge(c.Id, c.Amount, c.PaidAmount, c.Outstanding, due.Total, c.DueDate, due.DaysLate)
            {
                LinhaDigitavel = c.LinhaDigitavel,
                PixCopiaECola = c.PixCopiaECola,
            };
        }).ToList();
        return new TemplateModel(_creditor, new TemplateCustomer(customer.Name.Length > 0 ? customer.Name : customer.Id, customer.Consumer),
            action.StepId, Tone(step), lines, today);
    }

    private static MessageTone Tone(RulerStep step) => step.Tone?.ToLowerInvariant() switch
    {
        "reminder" => MessageTone.Reminder,
        "friendly" => MessageTone.Friendly,
        "firm" => MessageTone.Firm,
        "final" => MessageTone.Final,
        _ when !step.IsLateStep => MessageTone.Reminder,
        _ when step.OffsetDays <= 3 => MessageTone.Friendly,
        _ when step.OffsetDays <= 7 => MessageTone.Firm,
        _ => MessageTone.Final,
    };

    private static ContactPoint? Recipient(IMessageChannel channel, Customer customer) => channel.Kind switch
    {
        ChannelKind.Email => EmailAddress.TryParse(customer.Email, out var email) ? ContactPoint.Email(email) : null,
        ChannelKind.WhatsApp => PhoneNumber.TryParseBrazilian(customer.WhatsApp ?? customer.Phone, out var phone) ? ContactPoint.Phone(phone) : null,
        _ => PhoneNumber.TryParseBrazilian(customer.Phone ?? customer.WhatsApp, out var phone) ? ContactPoint.Phone(phone) : null,
    };

    private static JournalOutcome Outcome(SendResult result, Instant now) => result.Status switch
    {
        SendStatus.Accepted => JournalOutcome.Sent(result.ProviderMessageId!, now),
        SendStatus.TransientFailure => JournalOutcome.Failed(true, result.Reason!, now,
            result.RetryAfter is { } r ? Duration.FromTimeSpan(r) : Duration.FromMinutes(15)),
        SendStatus.PermanentFailure => JournalOutcome.Failed(false, result.Reason!, now),
        _ => JournalOutcome.Skipped(result.Reason!, now),
    };

    private ValueTask<bool> Record(ClaimReceipt receipt, JournalOutcome outcome, CancellationToken cancellationToken) =>
        _journal.RecordOutcomeAsync(receipt, outcome, cancellationToken);

    private sealed class Run(Instant now)
    {
        public Instant Now { get; } = now;

        public List<RunSent> Sent { get; } = [];

        public List<RunSkipped> Skipped { get; } = [];

        public List<RunFailed> Failed { get; } = [];

        public List<TemplateWarning> Warnings { get; } = [];
    }
}

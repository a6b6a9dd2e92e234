using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Internal;
using Kolek.Dunning.Journal;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Dunning.Running;

// Every log call whose arguments cost something (masking, formatting) sits behind logger.IsEnabled; CA1873 does not see the guard.
#pragma warning disable CA1873

/// <summary>
/// Executes what the <see cref="DunningPlanner"/> says is due: for each planned action it re-reads the charges, claims
/// each (charge, step, channel) in the journal, renders the template, sends through the channels in order (stopping at
/// the first success when the step uses fallback) and records the outcome.
/// </summary>
/// <remarks>
/// <para><b>Never twice.</b> Nothing is sent without a successful claim, and a key is claimable again only after a
/// transient failure whose retry time has passed. A crash between the claim and the outcome leaves the key "in doubt".
/// A later run settles in-doubt entries older than <see cref="DunningRunnerOptions.InDoubtGracePeriod"/>: it asks a
/// channel that implements <see cref="IMessageLookup"/> (found: recorded as sent; not found: sent again with the same
/// idempotency key); otherwise it follows <see cref="DunningRunnerOptions.InDoubt"/>: treated as sent (recorded as
/// skipped, never resent; the default) or, only through a channel whose provider deduplicates on the idempotency key,
/// sent again with that key.</para>
/// <para><b>Retries.</b> A transient failure is retried after the provider's <c>Retry-After</c>, else after
/// <see cref="DunningRunnerOptions.RetryDelay"/> doubled per attempt (at most a day); the
/// <see cref="DunningRunnerOptions.MaxAttempts"/>th transient failure is recorded as permanent.</para>
/// <para><b>WhatsApp service window.</b> Free text goes out only within 24 hours after the customer's last inbound
/// message (<see cref="Customer.LastWhatsAppInboundAt"/>); outside it the runner sends the approved template configured
/// for the step's template in <see cref="DunningRunnerOptions.WhatsAppTemplates"/>, or skips the channel with the reason.
/// A channel rejecting the template reports a failure, recorded and counted as one.</para>
/// <para><b>Bounces.</b> An address whose earlier message bounced (<see cref="IDunningJournal.ApplyDeliveryStatusAsync"/>)
/// is not used again on that channel: the channel is skipped with the reason and a fallback step goes on to the next.</para>
/// <para><b>Telemetry.</b> Structured log events (<c>RunStarted</c> 1, <c>RunFinished</c> 2, <c>MessageSent</c> 10,
/// <c>MessageFailed</c> 11, <c>MessageSkipped</c> 12, <c>MessageInDoubt</c> 13, <c>InDoubtResolved</c> 20,
/// <c>TemplateWarning</c> 30) carry e-mail addresses, phone numbers, CPFs and CNPJs masked; the <see cref="MeterName"/>
/// meter counts sent, failed, skipped and in-doubt messages per channel and step and records run durations.</para>
/// <para><b>Never after payment.</b> Charges are re-read through <see cref="IReceivableSource.GetChargeAsync"/> right
/// before sending; a charge no longer open (or under a promise to pay that has not passed) is dropped from the message,
/// and the message is skipped when none is left.</para>
/// <para><b>Fallback.</b> A step with fallback stops at the first channel that accepts; when another run already holds
/// one of its channels, this run leaves the rest of the step to that run.</para>
/// <para>A channel or escalation handler that throws leaves its keys in doubt and is reported as failed; the run goes on
/// with the next action. Once a send has been attempted its outcome is recorded even if the run is being cancelled.</para>
/// <para>Messages state amounts (late charges included, with the customer's consumer cap) as of the day of the run in the
/// customer's zone, which for a caught-up step is later than its scheduled day.</para>
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
    private readonly DunningRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly RunnerMetrics _metrics;

    /// <summary>Creates a runner.</summary>
    /// <param name="planner">Decides what is due.</param>
    /// <param name="journal">Claims and outcomes; the source of the exactly-once guarantee.</param>
    /// <param name="source">The host's receivables.</param>
    /// <param name="channels">The channels, found by <see cref="IMessageChannel.Name"/>.</param>
    /// <param name="templates">Templates per step and channel (e.g. <see cref="TemplateSet.BuiltIn"/>).</param>
    /// <param name="creditor">The company collecting; named in every message (CDC art. 42-A).</param>
    /// <param name="escalations">The host's escalation handler; without one, escalation steps are skipped (not claimed).</param>
    /// <param name="options">In-doubt resolution, retries and WhatsApp templates; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where the structured events go; <see langword="null"/> logs nothing.</param>
    /// <param name="meterFactory">Creates the <see cref="MeterName"/> meter; <see langword="null"/> uses one shared meter.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">A channel is null or two channels have the same name, or <paramref name="options"/> is invalid (the
    /// message lists every problem: <see cref="DunningRunnerOptions.MaxAttempts"/> below 1, a negative
    /// <see cref="DunningRunnerOptions.InDoubtGracePeriod"/> or <see cref="DunningRunnerOptions.RetryDelay"/>, a
    /// <see cref="DunningRunnerOptions.BatchSize"/> below 1, an undefined <see cref="DunningRunnerOptions.InDoubt"/>).</exception>
    public DunningRunner(DunningPlanner planner, IDunningJournal journal, IReceivableSource source, IEnumerable<IMessageChannel> channels,
        TemplateSet templates, TemplateCreditor creditor, IEscalationHandler? escalations = null, DunningRunnerOptions? options = null,
        ILogger<DunningRunner>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(creditor);
        if (options is not null)
        {
            Internal.DunningRunnerOptionsRules.ThrowIfInvalid(options, nameof(options));
        }

        _planner = planner;
        _journal = journal;
        _source = source;
        _channels = new Dictionary<string, IMessageChannel>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (channel is null)
            {
                throw new ArgumentException("A channel is null.", nameof(channels));
            }

            if (!_channels.TryAdd(channel.Name, channel))
            {
                throw new ArgumentException(
                    $"Two channels are named '{channel.Name}' ({_channels[channel.Name].GetType().Name} and {channel.GetType().Name}); channel names must be unique.",
                    nameof(channels));
            }
        }

        _templates = templates;
        _creditor = creditor;
        _escalations = escalations;
        _options = options ?? new DunningRunnerOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _metrics = new RunnerMetrics(meterFactory);
    }

    /// <summary>The name of the <see cref="Meter"/> the runner's instruments live on.</summary>
    /// <remarks>
    /// Counters <c>kolek.dunning.messages.sent</c>, <c>.failed</c>, <c>.skipped</c> and <c>.in_doubt</c> (tags
    /// <c>kolek.channel</c>, <c>kolek.step</c>; failures also <c>kolek.transient</c>), <c>kolek.dunning.in_doubt.resolved</c>
    /// (tags <c>kolek.channel</c>, <c>kolek.resolution</c>) and the histogram <c>kolek.dunning.run.duration</c> in seconds
    /// (tag <c>kolek.ruler</c>).
    /// </remarks>
    public const string MeterName = "Kolek.Dunning";

    /// <summary>Plans at <paramref name="now"/> and carries out everything due.</summary>
    /// <param name="ruler">The ruler to apply.</param>
    /// <param name="now">The instant of the run (steps due at or before it are carried out).</param>
    /// <param name="partition">
    /// When set, only the customers of this partition are planned and sent to (and only their retries count for
    /// <see cref="DunningRunResult.NextWakeUp"/>), so workers running every partition of the same count share the
    /// portfolio without overlap; <see langword="null"/> runs the whole portfolio.
    /// </param>
    /// <param name="cancellationToken">Cancels the run between sends.</param>
    /// <returns>What was sent, skipped and failed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruler"/> is <see langword="null"/>.</exception>
    public async Task<DunningRunResult> RunAsync(DunningRuler ruler, Instant now, RunPartition? partition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruler);
        var started = Stopwatch.GetTimestamp();
        if (_logger.IsEnabled(LogLevel.Information))
        {
            RunnerLog.RunStarted(_logger, ruler.Id, InstantPattern.General.Format(now), partition is null ? "all" : $"{partition.Index} of {partition.Count}");
        }
        var run = new Run(now, _logger, _metrics);
        var entries = new List<JournalEntry>();
        await foreach (var e in _journal.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(e);
        }

        await ResolveInDoubtAsync(entries, partition, run, cancellationToken).ConfigureAwait(false);
        foreach (var e in entries)
        {
            if (e.Delivery?.Status == DeliveryStatus.Bounced && e.Recipient is not null)
            {
                run.Bounced.Add((e.CustomerId, e.Key.Channel, e.Recipient));
            }

            if (e.State == JournalEntryState.TransientFailure)
            {
                run.Attempts[e.Key] = e.Attempt;
            }

            if (!e.IsClaimableAt(now))
            {
                if (partition is null || partition.Contains(e.CustomerId))
                {
                    run.WakeUpAt(e.Outcome?.RetryNotBefore);
                }
            }
        }

        // Grouped by charge: a batch's look-ups read each charge's keys together instead of probing a table of every key.
        var done = JournalView.FromEntries(entries, now);
        var batch = new List<CustomerCharge>();
        var batchSize = _options.BatchSize ?? int.MaxValue;
        var finished = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var c in _source.GetChargesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (partition is not null && !partition.Contains(c.Customer.Id))
            {
                continue;
            }

            if (batch.Count >= batchSize && !string.Equals(batch[^1].Customer.Id, c.Customer.Id, StringComparison.Ordinal))
            {
                await RunBatchAsync(batch, ruler, done, run, cancellationToken).ConfigureAwait(false);
                finished.UnionWith(batch.Select(b => b.Customer.Id));
                batch.Clear();
            }

            if (finished.Contains(c.Customer.Id))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Charge '{c.Charge.Id}' of customer '{c.Customer.Id}' came after that customer's batch was run: with BatchSize set, the receivable source must yield each customer's charges together (e.g. ordered by customer). What was sent is journaled; fix the source and run again."));
            }

            batch.Add(c);
        }

        await RunBatchAsync(batch, ruler, done, run, cancellationToken).ConfigureAwait(false);

        foreach (var warning in run.Warnings.Distinct())
        {
            RunnerLog.TemplateWarning(_logger, warning.Code, warning.Message);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        _metrics.RunDuration(elapsed, ruler.Id);
        RunnerLog.RunFinished(_logger, ruler.Id, run.Sent.Count, run.Skipped.Count, run.Failed.Count, run.InDoubt, (long)elapsed.TotalMilliseconds);
        return new DunningRunResult(run.Sent, run.Skipped, run.Failed, run.Warnings, run.NextWakeUp);
    }

    /// <summary>Plans one batch of charges (whole customers) and carries out what is due in it.</summary>
    private async Task RunBatchAsync(List<CustomerCharge> charges, DunningRuler ruler, JournalView done, Run run, CancellationToken cancellationToken)
    {
        if (charges.Count == 0)
        {
            return;
        }

        var plan = _planner.Plan(charges, ruler, done, run.Now);
        var customers = charges.Select(c => c.Customer).DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        run.WakeUpAt(plan.NextWakeUp);
        // An escalation held back by its own rules (notice not sent or too recent, not a business day) is reported: it is
        // a legal step the host expects on its day, and without this line nothing would say why it did not happen.
        foreach (var skip in plan.Skipped)
        {
            if (skip.Cause is SkipCause.NoticeNotDone or SkipCause.NoticeTooRecent or SkipCause.NotBusinessDay
                && ruler.FindStep(skip.StepId) is { IsEscalation: true } escalation)
            {
                run.Skip(new RunSkipped([skip.ChargeId], skip.StepId, escalation.EscalationKey, skip.Reason));
            }
        }

        foreach (var action in plan.Due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var open = await StillOpenAsync(action, run, cancellationToken).ConfigureAwait(false);
            if (open.Count == 0)
            {
                continue;
            }

            var step = ruler.FindStep(action.StepId)!;
            var customer = customers[action.CustomerId];
            var lines = Lines(ruler, customer, open, Today(action, run));
            if (action.Action == StepActionKind.Message)
            {
                await SendMessageAsync(action, step, customer, lines, run, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await EscalateAsync(action, step, lines, run, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Settles the in-doubt entries of this run's customers that are older than the grace period, in place.</summary>
    private async Task ResolveInDoubtAsync(List<JournalEntry> entries, RunPartition? partition, Run run, CancellationToken cancellationToken)
    {
        var stale = entries
            .Select((e, i) => (Entry: e, Index: i))
            .Where(x => x.Entry.State == JournalEntryState.InDoubt && x.Entry.ClaimedAt + _options.InDoubtGracePeriod <= run.Now
                && (partition is null || partition.Contains(x.Entry.CustomerId)))
            .GroupBy(x => x.Entry.ClaimId, StringComparer.Ordinal)
            .ToList();
        foreach (var claim in stale)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = claim.First().Entry;
            var channelName = first.Key.Channel;
            _channels.TryGetValue(channelName, out var channel);
            JournalOutcome outcome;
            string resolution;
            if (channel is IMessageLookup lookup)
            {
                string? providerId;
                try
                {
                    providerId = await lookup.FindAcceptedAsync(first.MessageId, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A look-up that fails leaves the entry in doubt for a later run; the run goes on.
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    RunnerLog.InDoubtResolved(_logger, first.MessageId, channelName, InstantPattern.General.Format(first.ClaimedAt),
                        $"left in doubt: the look-up failed ({e.GetType().Name})");
                    continue;
                }

                (outcome, resolution) = providerId is not null
                    ? (JournalOutcome.Sent(providerId, run.Now), "found at the provider: recorded as sent")
                    : (JournalOutcome.Failed(true, "in doubt: the provider never received it; sent again with the same idempotency key", run.Now, Duration.Zero),
                        "not found at the provider: sent again with the same idempotency key");
            }
            else if (_options.InDoubt == InDoubtPolicy.ResendWithSameKey && channel is { DeduplicatesByIdempotencyKey: true })
            {
                outcome = JournalOutcome.Failed(true, "in doubt: sent again with the same idempotency key (the provider deduplicates)", run.Now, Duration.Zero);
                resolution = "sent again with the same idempotency key (the provider deduplicates)";
            }
            else
            {
                outcome = JournalOutcome.Skipped($"in doubt since {InstantPattern.General.Format(first.ClaimedAt)}: treated as sent, never sent again", run.Now);
                resolution = "treated as sent (never sent again)";
            }

            var receipt = new ClaimReceipt(claim.Key, [.. claim.Select(x => x.Entry.Key)]);
            if (await _journal.RecordOutcomeAsync(receipt, outcome, CancellationToken.None).ConfigureAwait(false))
            {
                foreach (var (entry, index) in claim)
                {
                    entries[index] = entry with { Outcome = outcome };
                }

                _metrics.InDoubtResolved(channelName, outcome.Kind switch
                {
                    JournalOutcomeKind.Sent => "found",
                    JournalOutcomeKind.TransientFailure => "resend",
                    _ => "treated_as_sent",
                });
                RunnerLog.InDoubtResolved(_logger, first.MessageId, channelName, InstantPattern.General.Format(first.ClaimedAt), resolution);
            }
        }
    }

    private async Task<List<Charge>> StillOpenAsync(PlannedAction action, Run run, CancellationToken cancellationToken)
    {
        var open = new List<Charge>();
        var today = Today(action, run);
        foreach (var id in action.ChargeIds)
        {
            var current = await _source.GetChargeAsync(id, cancellationToken).ConfigureAwait(false);
            if (StopReason(current, today) is { } reason)
            {
                run.Skip(new RunSkipped([id], action.StepId, null, reason));
            }
            else
            {
                open.Add(current!);
            }
        }

        return open;
    }

    private static string? StopReason(Charge? current, LocalDate today) => current switch
    {
        null => "a cobrança não é mais conhecida pelo sistema de origem",
        { Status: not ChargeStatus.Open } => $"a cobrança está {StatusPtBr(current.Status)} no momento do envio",
        { Outstanding: <= 0m } => "não há saldo em aberto na cobrança no momento do envio",
        { PromiseToPayUntil: { } until } when until >= today => $"o cliente prometeu pagar até {LocalDatePattern.Iso.Format(until)}",
        _ => null,
    };

    private static string StatusPtBr(ChargeStatus status) => status switch
    {
        ChargeStatus.Paid => "paga",
        ChargeStatus.Cancelled => "cancelada",
        ChargeStatus.Disputed => "contestada",
        ChargeStatus.Agreement => "em acordo",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static LocalDate Today(PlannedAction action, Run run) => run.Now.InZone(action.Zone).Date;

    private async Task SendMessageAsync(PlannedAction action, RulerStep step, Customer customer, List<TemplateCharge> lines,
        Run run, CancellationToken cancellationToken)
    {
        var ids = lines.Select(c => c.Id).ToList();
        var model = new TemplateModel(_creditor, new TemplateCustomer(customer.Name.Length > 0 ? customer.Name : customer.Id, customer.Consumer),
            action.StepId, Tone(step), lines, Today(action, run));
        var templateName = action.Template ?? "generico";
        string? deliveredThrough = null;
        var heldElsewhere = false;
        foreach (var channelName in action.Channels)
        {
            var keys = ids.Select(id => new JournalKey(id, action.StepId, channelName)).ToList();
            var messageId = MessageIdempotency.CreateKey(ids, action.StepId, channelName);
            if (action.Fallback && heldElsewhere)
            {
                run.Skip(new RunSkipped(ids, action.StepId, channelName, "outra execução detém um canal anterior desta etapa com canal reserva"));
                continue;
            }

            if (!_channels.TryGetValue(channelName, out var channel))
            {
                run.Fail(new RunFailed(ids, action.StepId, channelName, false, $"nenhum canal chamado '{channelName}' está registrado"), customer.Id);
                continue;
            }

            var recipient = Recipient(channel, customer);
            var claim = await _journal.TryClaimAsync(new JournalClaim(keys, messageId, customer.Id, run.Now) { Recipient = recipient?.Value }, cancellationToken)
                .ConfigureAwait(false);
            if (!claim.IsClaimed)
            {
                // Planned means no channel of the step was done; a lost claim means another run is carrying this step out.
                heldElsewhere = true;
                run.Skip(new RunSkipped(ids, action.StepId, channelName, "já reservada no journal"));
                continue;
            }

            var receipt = claim.Receipt!;
            if (action.Fallback && deliveredThrough is not null)
            {
                await SkipClaimed(receipt, new RunSkipped(ids, action.StepId, channelName, $"canal reserva dispensado: entregue por {deliveredThrough}"), run)
                    .ConfigureAwait(false);
                continue;
            }

            if (recipient is null)
            {
                var reason = $"o cliente {customer.Id} não tem contato válido para {channelName}";
                await Record(receipt, JournalOutcome.Failed(false, reason, run.Now), run).ConfigureAwait(false);
                run.Fail(new RunFailed(ids, action.StepId, channelName, false, reason), customer.Id);
                continue;
            }

            if (run.Bounced.Contains((customer.Id, channelName, recipient.Value)))
            {
                await SkipClaimed(receipt, new RunSkipped(ids, action.StepId, channelName,
                    $"o endereço de {channelName} do cliente, {recipient.Masked}, foi rejeitado (bounce) antes; não é usado de novo"), run).ConfigureAwait(false);
                continue;
            }

            var rendered = _templates.Render(templateName, channelName, model);
            run.Warnings.AddRange(rendered.Warnings);
            TemplateReference? approved = null;
            if (channel.Kind == ChannelKind.WhatsApp && !InServiceWindow(customer, run.Now))
            {
                if (!_options.WhatsAppTemplates.TryGetValue(templateName, out var whatsApp))
                {
                    await SkipClaimed(receipt, new RunSkipped(ids, action.StepId, channelName,
                        $"fora da janela de atendimento de 24 horas do WhatsApp e sem template aprovado configurado para '{templateName}'"), run).ConfigureAwait(false);
                    continue;
                }

                approved = whatsApp.Fill(model);
            }

            var message = new OutboundMessage(messageId, channelName, recipient, rendered.Message.TextBody,
                new MessageMetadata(customer.Id, ids, action.StepId))
            {
                Subject = rendered.Message.Subject,
                HtmlBody = rendered.Message.HtmlBody,
                Template = approved,
            };

            var (result, error) = await CallAsync(() => channel.SendAsync(message, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                run.LeftInDoubt(new RunFailed(ids, action.StepId, channelName, false, $"em dúvida: o canal lançou {error}"), customer.Id, messageId);
                continue;
            }

            result = GiveUpAfterLastAttempt(result, keys, run);
            await Record(receipt, Outcome(result, keys, run), run).ConfigureAwait(false);
            if (result.IsAccepted)
            {
                deliveredThrough ??= channelName;
                run.Send(new RunSent(messageId, ids, customer.Id, action.StepId, channelName, recipient.Value, result.ProviderMessageId!, action.Instant),
                    recipient.Masked);
            }
            else if (result.Status == SendStatus.RefusedByPolicy)
            {
                run.Skip(new RunSkipped(ids, action.StepId, channelName, result.Reason!));
            }
            else
            {
                run.Fail(new RunFailed(ids, action.StepId, channelName, result.Status == SendStatus.TransientFailure, result.Reason!), customer.Id);
            }
        }
    }

    /// <summary>Whether free text may go to the customer on WhatsApp now: within 24 hours after their last inbound message.</summary>
    private static bool InServiceWindow(Customer customer, Instant now) =>
        customer.LastWhatsAppInboundAt is { } last && last <= now && now - last < Duration.FromHours(24);

    private async Task SkipClaimed(ClaimReceipt receipt, RunSkipped skipped, Run run)
    {
        await Record(receipt, JournalOutcome.Skipped(skipped.Reason, run.Now), run).ConfigureAwait(false);
        run.Skip(skipped);
    }

    private async Task EscalateAsync(PlannedAction action, RulerStep step, List<TemplateCharge> lines, Run run, CancellationToken cancellationToken)
    {
        var ids = lines.Select(c => c.Id).ToList();
        var name = step.EscalationKey;
        if (_escalations is null)
        {
            run.Skip(new RunSkipped(ids, action.StepId, name, "nenhum tratador de escalação está registrado"));
            return;
        }

        var keys = ids.Select(id => new JournalKey(id, action.StepId, name)).ToList();
        var key = MessageIdempotency.CreateKey(ids, action.StepId, name);
        var claim = await _journal.TryClaimAsync(new JournalClaim(keys, key, action.CustomerId, run.Now), cancellationToken).ConfigureAwait(false);
        if (!claim.IsClaimed)
        {
            run.Skip(new RunSkipped(ids, action.StepId, name, "já reservada no journal"));
            return;
        }

        var request = new EscalationRequest(key, action.CustomerId, ids, action.StepId, action.Action, name, lines.Sum(l => l.UpdatedAmount), run.Now);
        var (result, error) = await CallAsync(() => _escalations.HandleAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            run.LeftInDoubt(new RunFailed(ids, action.StepId, name, false, $"em dúvida: o tratador da escalação lançou {error}"), action.CustomerId, key);
            return;
        }

        result = GiveUpAfterLastAttempt(result, keys, run);
        await Record(claim.Receipt!, Outcome(result, keys, run), run).ConfigureAwait(false);
        if (result.IsAccepted)
        {
            run.Send(new RunSent(key, ids, action.CustomerId, action.StepId, name, "", result.ProviderMessageId!, action.Instant), "");
        }
        else
        {
            run.Fail(new RunFailed(ids, action.StepId, name, result.Status == SendStatus.TransientFailure, result.Reason!), action.CustomerId);
        }
    }

    private List<TemplateCharge> Lines(DunningRuler ruler, Customer customer, List<Charge> charges, LocalDate today)
    {
        var terms = ruler.LateCharges with { Consumer = customer.Consumer };
        return [.. charges.Select(c =>
        {
            // A charge's own early-payment discount replaces the ruler's, as in the planner's AmountDue (ruler.md).
            var chargeTerms = c.EarlyPayment is null ? terms : terms with { EarlyPayment = c.EarlyPayment };
            var due = LateChargeCalculator.AmountDue(c.Outstanding, c.DueDate, today, chargeTerms, _planner.Calendar);
            return new TemplateCharge(c.Id, c.Amount, c.PaidAmount, c.Outstanding, due.Total, c.DueDate, due.DaysLate)
            {
                LinhaDigitavel = c.LinhaDigitavel,
                PixCopiaECola = c.PixCopiaECola,
                PaymentLink = c.PaymentLink,
            };
        })];
    }

    /// <summary>Calls a channel or handler; an exception other than this run's cancellation becomes an error text, leaving the keys in doubt.</summary>
    private static async Task<(SendResult? Result, string? Error)> CallAsync(Func<ValueTask<SendResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return (await call().ConfigureAwait(false), null);
        }
#pragma warning disable CA1031 // A misbehaving channel must not stop the run; its keys stay in doubt and are never resent blindly.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
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

    /// <summary>The attempt this claim is: one more than the journal's last transient failure of its keys.</summary>
    private static int Attempt(List<JournalKey> keys, Run run) => keys.Max(k => run.Attempts.GetValueOrDefault(k)) + 1;

    /// <summary>A transient failure on the last allowed attempt becomes permanent: retries stop at <see cref="DunningRunnerOptions.MaxAttempts"/>.</summary>
    private SendResult GiveUpAfterLastAttempt(SendResult result, List<JournalKey> keys, Run run) =>
        result.Status == SendStatus.TransientFailure && Attempt(keys, run) is var attempt && attempt >= _options.MaxAttempts
            ? SendResult.PermanentFailure($"desistência após {attempt} tentativas: {result.Reason}")
            : result;

    /// <summary>The journal outcome; a transient failure waits as the provider asked, else the retry delay doubled per attempt, at most a day.</summary>
    private JournalOutcome Outcome(SendResult result, List<JournalKey> keys, Run run) => result.Status switch
    {
        SendStatus.Accepted => JournalOutcome.Sent(result.ProviderMessageId!, run.Now),
        SendStatus.TransientFailure => JournalOutcome.Failed(true, result.Reason!, run.Now,
            result.RetryAfter is { } r ? Duration.FromTimeSpan(r) : Backoff(Attempt(keys, run))),
        SendStatus.PermanentFailure => JournalOutcome.Failed(false, result.Reason!, run.Now),
        _ => JournalOutcome.Skipped(result.Reason!, run.Now),
    };

    private Duration Backoff(int attempt)
    {
        var delay = _options.RetryDelay;
        for (var i = 1; i < attempt && delay < Duration.FromDays(1); i++)
        {
            delay += delay;
        }

        return Duration.Min(delay, Duration.FromDays(1));
    }

    /// <summary>Records an outcome; never cancelled, since what was attempted must not be left in doubt needlessly.</summary>
    private ValueTask<bool> Record(ClaimReceipt receipt, JournalOutcome outcome, Run run)
    {
        run.WakeUpAt(outcome.RetryNotBefore);
        return _journal.RecordOutcomeAsync(receipt, outcome, CancellationToken.None);
    }

    private sealed class Run(Instant now, ILogger logger, RunnerMetrics metrics)
    {
        public Instant Now { get; } = now;

        public List<RunSent> Sent { get; } = [];

        public List<RunSkipped> Skipped { get; } = [];

        public List<RunFailed> Failed { get; } = [];

        public List<TemplateWarning> Warnings { get; } = [];

        /// <summary>The attempt number of keys whose last attempt failed transiently.</summary>
        public Dictionary<JournalKey, int> Attempts { get; } = [];

        /// <summary>(customer, channel, address) whose earlier message bounced.</summary>
        public HashSet<(string CustomerId, string Channel, string Address)> Bounced { get; } = [];

        public int InDoubt { get; private set; }

        /// <summary>The earliest later instant at which a step falls due or a transient failure may be retried.</summary>
        public Instant? NextWakeUp { get; private set; }

        public void Send(RunSent sent, string maskedRecipient)
        {
            Sent.Add(sent);
            metrics.Sent(sent.Channel, sent.StepId);
            if (logger.IsEnabled(LogLevel.Information))
            {
                RunnerLog.MessageSent(logger, sent.StepId, sent.Channel, maskedRecipient, LogMasking.Text(sent.CustomerId), sent.MessageId, sent.ProviderMessageId);
            }
        }

        public void Skip(RunSkipped skipped)
        {
            Skipped.Add(skipped);
            metrics.Skipped(skipped.Channel, skipped.StepId);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                RunnerLog.MessageSkipped(logger, skipped.StepId, skipped.Channel ?? "", string.Join(", ", skipped.ChargeIds), LogMasking.Text(skipped.Reason));
            }
        }

        public void Fail(RunFailed failed, string customerId)
        {
            Failed.Add(failed);
            metrics.Failed(failed.Channel, failed.StepId, failed.Transient);
            if (logger.IsEnabled(LogLevel.Warning))
            {
                RunnerLog.MessageFailed(logger, failed.StepId, failed.Channel, LogMasking.Text(customerId), failed.Transient, LogMasking.Text(failed.Reason));
            }
        }

        public void LeftInDoubt(RunFailed failed, string customerId, string messageId)
        {
            Failed.Add(failed);
            InDoubt++;
            metrics.InDoubt(failed.Channel, failed.StepId);
            if (logger.IsEnabled(LogLevel.Error))
            {
                RunnerLog.MessageInDoubt(logger, failed.StepId, failed.Channel, LogMasking.Text(customerId), messageId, LogMasking.Text(failed.Reason));
            }
        }

        public void WakeUpAt(Instant? at)
        {
            if (at is { } a && a > Now && (NextWakeUp is not { } w || a < w))
            {
                NextWakeUp = a;
            }
        }
    }
}

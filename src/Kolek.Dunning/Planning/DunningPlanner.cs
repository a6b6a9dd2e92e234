using System.Globalization;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Internal;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Templates;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Kolek.Dunning.Planning;

/// <summary>Decides, purely, which ruler steps are due for which charges at an instant, and previews future ones.</summary>
/// <remarks>
/// <para><b>Step day.</b> Anchor (issue date, or due date) plus the offset in calendar or business days. Late steps
/// (anchor due, positive offset) count from the <em>adjusted</em> due date: a due date on a non-business day moves to the
/// next business day (Lei 7.089/83), so nothing is late before that. If the day has no send window (Sunday, holiday,
/// <see langword="null"/> window) the step moves <em>forward</em> to the next day with a window, except a pre-due reminder
/// (anchor due, negative offset), which moves <em>back</em> so that it arrives before the due date. The step is due at the
/// start of that day's window (inclusive) in the customer's zone (customer, else ruler, else the default zone).
/// An escalation (protest, credit-bureau report, suspension…) is handed to the host on business days of the calendar only:
/// its day moves forward to the next business day with a send window, and a run on a Sunday or holiday holds back an
/// escalation that became due (<see cref="SkipCause.NotBusinessDay"/>, with the day it will be handed over) and wakes up at
/// the next business day's window.</para>
/// <para><b>Stops.</b> Nothing is due for a charge that is paid (or has nothing outstanding), cancelled, disputed, in
/// agreement, or under a promise to pay that has not passed; steps that would have been due are reported as skipped.
/// A partially paid charge is collected for its balance. Opted-out channels are removed; a message step with no
/// channel left is skipped.</para>
/// <para><b>Never twice.</b> Keys (charge, step, channel) already done are never planned again; a fallback step counts as
/// done once any of its channels is done.</para>
/// <para><b>Catch-up</b> (message steps whose moment passed): those more than the staleness limit of days old are skipped
/// as stale; then <c>latest</c> keeps only the steps of the most recent pending day, <c>all</c> keeps all, <c>skip</c>
/// keeps only today's. A pre-due reminder is never sent on or after the due date, and under <c>latest</c> a missed step
/// older than a step already done is superseded by it. Escalations are not subject to catch-up: they are due while their notice step was done at least
/// <see cref="RulerStep.NoticeDays"/> days before today (the notice's day is the later of its scheduled day and the time it
/// was done, when known).</para>
/// <para><b>Consolidation</b> <see cref="Consolidation.CustomerDay"/>: due message actions of the same customer, the same
/// local moment (hence day), the same step and the same remaining channels are merged into one action listing every charge;
/// the amount due is the sum. In a plan every due action goes out now, so a step caught up for one charge and the same
/// step due today for another are merged too (under the earlier schedule). Escalations are never merged.</para>
/// <para><b>Amounts</b> are computed by <see cref="LateChargeCalculator"/> with the ruler's terms (the consumer cap taken
/// from the customer), on the day the action goes out: its scheduled day, or today for a catch-up.</para>
/// <para><b>Conditions and caps.</b> A step whose <see cref="RulerStep.When"/> conditions do not hold for a charge is skipped
/// (<see cref="SkipCause.ConditionNotMet"/>). <see cref="Plan(IEnumerable{CustomerCharge}, DunningRuler, Func{SentKey, Instant?}, Instant)"/>
/// then applies the ruler's <see cref="DunningRuler.FrequencyCaps"/> per customer (<see cref="FrequencyCap"/>), in a fixed order;
/// previews and forecasts list the steps before caps.</para>
/// <para><b>Time zones.</b> A window start in a daylight-saving gap resolves to the first moment after the gap, one in a
/// repeated hour to the earlier occurrence; the planned local time is always one that existed.</para>
/// <para>Output is sorted (instant, customer, step, first charge; skipped by charge and step) and does not depend on the
/// order of the input. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class DunningPlanner
{
    private const int MaxWindowSearchDays = 31;

    /// <summary>Local times in a daylight-saving gap resolve to the first moment after it; repeated ones to the earlier.</summary>
    private static readonly ZoneLocalMappingResolver s_resolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly DateTimeZone _defaultZone;
    private readonly CatchUpPolicy _defaultCatchUp;
    private readonly bool _deferOutsideWindow;

    /// <summary>Creates a planner.</summary>
    /// <param name="calendar">The business calendar (holidays, business-day counting, due-date shift).</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults. They are read once, here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every error.</exception>
    public DunningPlanner(BusinessCalendar calendar, KolekDunningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        options ??= new KolekDunningOptions();
        KolekDunningOptionsRules.ThrowIfInvalid(options, nameof(options));
        Calendar = calendar;
        _defaultZone = DateTimeZoneProviders.Tzdb[options.DefaultTimeZoneId];
        _defaultCatchUp = KolekDunningOptionsRules.DefaultCatchUpPolicy(options);
        _deferOutsideWindow = options.DeferOutsideSendWindow;
    }

    /// <summary>The planner's business calendar.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>What is due at <paramref name="now"/>.</summary>
    /// <param name="charges">The charges with their customers (ids unique).</param>
    /// <param name="ruler">A valid ruler.</param>
    /// <param name="done">The keys already done (sent or claimed) in the journal.</param>
    /// <param name="now">The planning instant.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid, or two charges share an id.</exception>
    public DunningPlan Plan(IEnumerable<CustomerCharge> charges, DunningRuler ruler, IReadOnlySet<SentKey> done, Instant now)
    {
        ArgumentNullException.ThrowIfNull(done);
        return Plan(charges, ruler, key => done.Contains(key), now);
    }

    /// <summary>What is due at <paramref name="now"/>.</summary>
    /// <param name="charges">The charges with their customers (ids unique).</param>
    /// <param name="ruler">A valid ruler.</param>
    /// <param name="isDone">Whether a key is already done (sent or claimed) in the journal.</param>
    /// <param name="now">The planning instant.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid, or two charges share an id.</exception>
    public DunningPlan Plan(IEnumerable<CustomerCharge> charges, DunningRuler ruler, Func<SentKey, bool> isDone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(isDone);
        return Plan(charges, ruler, key => isDone(key) ? Instant.MinValue : null, now);
    }

    /// <summary>What is due at <paramref name="now"/>, knowing when each done key was done.</summary>
    /// <param name="charges">The charges with their customers (ids unique).</param>
    /// <param name="ruler">A valid ruler.</param>
    /// <param name="doneAt">When a key was done, <see cref="Instant.MinValue"/> when done at an unknown time, or <see langword="null"/> when not done.</param>
    /// <param name="now">The planning instant.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid, or two charges share an id.</exception>
    public DunningPlan Plan(IEnumerable<CustomerCharge> charges, DunningRuler ruler, Func<SentKey, Instant?> doneAt, Instant now)
    {
        ArgumentNullException.ThrowIfNull(doneAt);
        var items = Prepare(charges, ruler);
        var plan = PlanChecked(items, ruler, doneAt, now);
        if (ruler.FrequencyCaps.Count == 0 || plan.Due.Count == 0)
        {
            return plan;
        }

        var skipped = plan.Skipped.ToList();
        var wake = plan.NextWakeUp;
        var actions = ApplyCaps([.. plan.Due], items, ruler, doneAt, now, skipped, ref wake);
        return new DunningPlan(actions, Sort(skipped), wake);
    }

    /// <summary>What is due at <paramref name="now"/>, reading what was done from a batch's <see cref="JournalView"/>.</summary>
    /// <param name="charges">The charges with their customers (ids unique).</param>
    /// <param name="ruler">A valid ruler.</param>
    /// <param name="done">The keys done in the journal for these charges, with when each was done.</param>
    /// <param name="now">The planning instant.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid, or two charges share an id.</exception>
    public DunningPlan Plan(IEnumerable<CustomerCharge> charges, DunningRuler ruler, JournalView done, Instant now)
    {
        ArgumentNullException.ThrowIfNull(done);
        return Plan(charges, ruler, done.DoneAt, now);
    }

    /// <summary>What is due at <paramref name="now"/> when each charge's ruler is chosen from a book (by segment or charge type).</summary>
    /// <param name="charges">The charges with their customers (ids unique).</param>
    /// <param name="book">A valid ruler book.</param>
    /// <param name="doneAt">When a key was done, <see cref="Instant.MinValue"/> when done at an unknown time, or <see langword="null"/> when not done.</param>
    /// <param name="now">The planning instant.</param>
    /// <returns>The plans of each ruler's charges, merged in the same order as a single plan.</returns>
    /// <exception cref="ArgumentException">The book is invalid, or two charges share an id.</exception>
    public DunningPlan Plan(IEnumerable<CustomerCharge> charges, RulerBook book, Func<SentKey, Instant?> doneAt, Instant now)
    {
        var groups = Split(charges, book);
        var plans = groups.Select(g => Plan(g.Charges, g.Ruler, doneAt, now)).ToList();
        return new DunningPlan(
            Order(plans.SelectMany(p => p.Due)),
            Sort([.. plans.SelectMany(p => p.Skipped)]),
            plans.Aggregate((Instant?)null, (w, p) => Min(w, p.NextWakeUp)));
    }

    /// <summary>The timeline from <paramref name="from"/> when each charge's ruler is chosen from a book.</summary>
    /// <param name="charges">The charges with their customers (ids unique).</param>
    /// <param name="book">A valid ruler book.</param>
    /// <param name="from">The first local day of the range.</param>
    /// <param name="days">The number of days in the range (0–3660).</param>
    /// <returns>The previews of each ruler's charges, merged in the same order as a single preview.</returns>
    /// <exception cref="ArgumentException">The book is invalid, or two charges share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0–3660.</exception>
    public DunningPreview Preview(IEnumerable<CustomerCharge> charges, RulerBook book, LocalDate from, int days)
    {
        var previews = Split(charges, book).Select(g => Preview(g.Charges, g.Ruler, from, days)).ToList();
        return new DunningPreview(Order(previews.SelectMany(p => p.Events)), Sort([.. previews.SelectMany(p => p.Skipped)]));
    }

    private static List<(DunningRuler Ruler, List<CustomerCharge> Charges)> Split(IEnumerable<CustomerCharge> charges, RulerBook book)
    {
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentNullException.ThrowIfNull(book);
        ThrowIfInvalid(book.Validate(), "The ruler book is invalid (check it with RulerJson.ParseBook or RulerBook.Validate):", nameof(book));
        return [.. CheckIds(charges).GroupBy(i => book.Select(i.Charge, i.Customer).Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (book.FindRuler(g.Key)!, g.ToList()))];
    }

    /// <summary>The timeline of events from <paramref name="from"/> for <paramref name="days"/> days, as if every planned step were carried out.</summary>
    /// <param name="charges">The charges with their customers (ids unique).</param>
    /// <param name="ruler">A valid ruler.</param>
    /// <param name="from">The first local day of the range.</param>
    /// <param name="days">The number of days in the range (0–3660).</param>
    /// <returns>The events and the steps in the range that will not be carried out.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid, or two charges share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0–3660.</exception>
    public DunningPreview Preview(IEnumerable<CustomerCharge> charges, DunningRuler ruler, LocalDate from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3660);
        var items = Prepare(charges, ruler);
        var to = from.PlusDays(days);
        var events = new List<PlannedAction>();
        var skipped = new List<SkippedAction>();
        foreach (var item in items)
        {
            var context = new ChargeContext(this, item, ruler, ZoneOf(item.Customer, ruler));
            foreach (var step in ruler.Steps)
            {
                if (context.Schedule(step) is not { } s || s.Date < from || s.Date >= to)
                {
                    continue;
                }

                if (context.StopOn(s.Date) is { } stop)
                {
                    skipped.Add(context.Skip(step, stop.Cause, stop.Reason));
                }
                else if (!step.When.Matches(context.Charge, context.Customer))
                {
                    skipped.Add(context.Skip(step, SkipCause.ConditionNotMet, context.ConditionReason(step)));
                }
                else if (step.IsEscalation)
                {
                    var blocked = PreviewNoticeBlock(context, step, s);
                    if (blocked is { } b)
                    {
                        skipped.Add(context.Skip(step, b.Cause, b.Reason));
                    }
                    else
                    {
                        events.Add(context.Action(step, s, [], s.Date, context.Describe(step, s)));
                    }
                }
                else if (context.Channels(step, _ => false) is { Count: > 0 } channels)
                {
                    events.Add(context.Action(step, s, channels, s.Date, context.Describe(step, s)));
                }
                else
                {
                    skipped.Add(context.Skip(step, SkipCause.OptedOut, $"{step.Id}: o cliente pediu para não receber por nenhum dos canais da etapa ({string.Join(", ", step.Channels)})."));
                }
            }
        }

        return new DunningPreview(Finish(events, ruler.Consolidate), Sort(skipped));
    }

    /// <summary>A portfolio forecast for the days from <paramref name="from"/>, streamed in batches: at most one batch of charges is held at a time.</summary>
    /// <param name="chargesByCustomer">The charges, ordered by customer id (ordinal), so that a customer's charges are planned together.</param>
    /// <param name="ruler">A valid ruler.</param>
    /// <param name="from">The first local day of the range.</param>
    /// <param name="days">The number of days in the range (0–3660).</param>
    /// <param name="batchSize">The number of charges per batch (a customer's charges are never split, so a batch may be larger).</param>
    /// <returns>Per-day counts of what <see cref="Preview(IEnumerable{CustomerCharge}, DunningRuler, LocalDate, int)"/> would list.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid, a charge is null, the charges are not ordered by customer, or a batch repeats a charge id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0–3660 or <paramref name="batchSize"/> below 1.</exception>
    public DunningForecast Forecast(IEnumerable<CustomerCharge> chargesByCustomer, DunningRuler ruler, LocalDate from, int days, int batchSize = 10_000)
    {
        ArgumentNullException.ThrowIfNull(chargesByCustomer);
        Prepare([], ruler);
        var forecast = new ForecastAccumulator(this, ruler, from, days, batchSize, nameof(chargesByCustomer));
        foreach (var item in chargesByCustomer)
        {
            forecast.Add(item);
        }

        return forecast.Finish();
    }

    /// <summary>A portfolio forecast read from an asynchronous source, streamed in batches (see <see cref="Forecast"/>).</summary>
    /// <param name="chargesByCustomer">The charges, ordered by customer id (ordinal).</param>
    /// <param name="ruler">A valid ruler.</param>
    /// <param name="from">The first local day of the range.</param>
    /// <param name="days">The number of days in the range (0–3660).</param>
    /// <param name="batchSize">The number of charges per batch.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>Per-day counts of what <see cref="Preview(IEnumerable{CustomerCharge}, DunningRuler, LocalDate, int)"/> would list.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid, a charge is null, the charges are not ordered by customer, or a batch repeats a charge id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0–3660 or <paramref name="batchSize"/> below 1.</exception>
    public async Task<DunningForecast> ForecastAsync(IAsyncEnumerable<CustomerCharge> chargesByCustomer, DunningRuler ruler, LocalDate from, int days,
        int batchSize = 10_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargesByCustomer);
        Prepare([], ruler);
        var forecast = new ForecastAccumulator(this, ruler, from, days, batchSize, nameof(chargesByCustomer));
        await foreach (var item in chargesByCustomer.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            forecast.Add(item);
        }

        return forecast.Finish();
    }

    /// <summary>When <paramref name="step"/> falls for a charge (see the type's remarks for the rules).</summary>
    /// <param name="item">The charge and its customer.</param>
    /// <param name="step">The step.</param>
    /// <param name="ruler">The ruler the step belongs to.</param>
    /// <returns>The schedule, or <see langword="null"/> when no day with a send window lies within 31 days of the step's day.</returns>
    public StepSchedule? Schedule(CustomerCharge item, RulerStep step, DunningRuler ruler)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(ruler);
        return new ChargeContext(this, item, ruler, ZoneOf(item.Customer, ruler)).Schedule(step);
    }

    /// <summary>A per-ruler evaluator that decides quickly, for one charge at one instant, what is due (see <see cref="ChargeEvaluator"/>).</summary>
    /// <param name="ruler">A valid ruler.</param>
    /// <returns>The evaluator; keep it for as long as the ruler is used.</returns>
    /// <exception cref="ArgumentException">The ruler is invalid.</exception>
    public ChargeEvaluator CreateEvaluator(DunningRuler ruler)
    {
        Prepare([], ruler);
        return new ChargeEvaluator(this, ruler);
    }

    internal LocalDate AnchorDate(RulerStep step, LocalDate issue, LocalDate due) => step.Anchor switch
    {
        StepAnchor.Issue => issue,
        _ when step.IsLateStep => Calendar.NextBusinessDay(due),
        _ => due,
    };

    internal LocalDate NominalDate(RulerStep step, LocalDate issue, LocalDate due)
    {
        var anchor = AnchorDate(step, issue, due);
        return step.Days == DayCounting.Business ? Calendar.AddBusinessDays(anchor, step.OffsetDays) : anchor.PlusDays(step.OffsetDays);
    }

    /// <summary>The day a step goes out: its nominal day, or the nearest day with a send window (back for a pre-due reminder);
    /// for an escalation, the nearest business day of the calendar with a send window.</summary>
    internal LocalDate? WindowDay(DunningRuler ruler, RulerStep step, LocalDate nominal)
    {
        var direction = step.IsPreDueReminder ? -1 : 1;
        var day = nominal;
        for (var i = 0; i <= MaxWindowSearchDays; i++, day = day.PlusDays(direction))
        {
            if (ruler.SendWindows.For(day, Calendar) is not null && (!step.IsEscalation || Calendar.IsBusinessDay(day)))
            {
                return day;
            }
        }

        return null;
    }

    internal DateTimeZone DefaultZone => _defaultZone;

    internal CatchUpPolicy DefaultCatchUp => _defaultCatchUp;

    /// <summary>The plan of charges already checked (valid ruler, unique ids), without frequency caps.</summary>
    internal DunningPlan PlanChecked(List<CustomerCharge> items, DunningRuler ruler, Func<SentKey, Instant?> doneAt, Instant now)
    {
        var policy = ruler.CatchUp ?? _defaultCatchUp;
        var due = new List<PlannedAction>();
        var skipped = new List<SkippedAction>();
        Instant? wake = null;
        foreach (var item in items)
        {
            var context = new ChargeContext(this, item, ruler, ZoneOf(item.Customer, ruler));
            PlanCharge(context, policy, doneAt, now, due, skipped, ref wake);
        }

        return new DunningPlan(Finish(due, ruler.Consolidate, sendingNow: true), Sort(skipped), wake);
    }

    private DateTimeZone ZoneOf(Customer customer, DunningRuler ruler) => customer.TimeZone ?? ruler.TimeZone ?? _defaultZone;

    private void PlanCharge(ChargeContext context, CatchUpPolicy policy, Func<SentKey, Instant?> doneAt, Instant now,
        List<PlannedAction> due, List<SkippedAction> skipped, ref Instant? wake)
    {
        var localNow = now.InZone(context.Zone).LocalDateTime;
        var today = localNow.Date;
        var stop = context.StopOn(today);
        var messages = new List<(RulerStep Step, StepSchedule Schedule)>();
        var escalations = new List<(RulerStep Step, StepSchedule Schedule)>();
        Instant? next = null;
        (LocalDate Date, string StepId)? latestDone = null;

        foreach (var step in context.Ruler.Steps)
        {
            var s = context.Schedule(step);
            if (!step.When.Matches(context.Charge, context.Customer))
            {
                if (stop is null && s is not null && s.Instant <= now)
                {
                    skipped.Add(context.Skip(step, SkipCause.ConditionNotMet, context.ConditionReason(step)));
                }

                continue;
            }

            if (IsDone(context, step, doneAt))
            {
                if (!step.IsEscalation && s is not null && s.Date <= today && (latestDone is null || s.Date > latestDone.Value.Date))
                {
                    latestDone = (s.Date, step.Id);
                }

                continue;
            }

            if (s is null)
            {
                if (stop is null && context.NominalDate(step) <= today)
                {
                    skipped.Add(context.Skip(step, SkipCause.NoSendWindow, $"{step.Id}: nenhum dia com janela de envio em {MaxWindowSearchDays} dias."));
                }
            }
            else if (s.Instant > now)
            {
                next = Min(next, s.Instant);
            }
            else
            {
                (step.IsEscalation ? escalations : messages).Add((step, s));
            }
        }

        var kept = CatchUp(context, policy, today, messages, latestDone, skipped);
        if (stop is { } stopped)
        {
            foreach (var (step, _) in kept.Concat(escalations))
            {
                skipped.Add(context.Skip(step, stopped.Cause, stopped.Reason));
            }

            if (stopped.Cause == SkipCause.PromiseToPay && context.Charge.PromiseToPayUntil is { } until && (kept.Count + escalations.Count > 0 || next is not null))
            {
                wake = Min(wake, Min(next, NextOpening(context.Ruler, context.Zone, until.PlusDays(1).AtMidnight().InZone(context.Zone, s_resolver).ToInstant())));
            }

            return;
        }

        wake = Min(wake, next);
        var windowOpen = !_deferOutsideWindow || context.Ruler.SendWindows.IsOpen(localNow, Calendar);
        foreach (var (step, s) in kept)
        {
            var channels = context.Channels(step, c => doneAt(new SentKey(context.Charge.Id, step.Id, c)) is not null);
            if (channels.Count == 0)
            {
                skipped.Add(context.Skip(step, SkipCause.OptedOut, $"{step.Id}: o cliente pediu para não receber por nenhum dos canais restantes ({string.Join(", ", step.Channels)})."));
            }
            else if (windowOpen)
            {
                var reason = context.Describe(step, s) + (s.Date < today ? $"; recuperada em {Iso(today)}" : "");
                due.Add(context.Action(step, s, channels, Max(s.Date, today), reason));
            }
            else
            {
                wake = Min(wake, NextOpening(context.Ruler, context.Zone, now));
            }
        }

        foreach (var (step, s) in escalations)
        {
            var blocked = NoticeBlock(context, step, today, doneAt, ref wake) ?? NotBusinessDay(context, step, today, ref wake);
            if (blocked is { } b)
            {
                skipped.Add(context.Skip(step, b.Cause, b.Reason));
            }
            else
            {
                due.Add(context.Action(step, s, [], Max(s.Date, today), context.Describe(step, s)));
            }
        }
    }

    private static List<(RulerStep Step, StepSchedule Schedule)> CatchUp(ChargeContext context, CatchUpPolicy policy, LocalDate today,
        List<(RulerStep Step, StepSchedule Schedule)> messages, (LocalDate Date, string StepId)? latestDone, List<SkippedAction> skipped)
    {
        var fresh = new List<(RulerStep Step, StepSchedule Schedule)>();
        foreach (var m in messages)
        {
            var age = Period.DaysBetween(m.Schedule.Date, today);
            if (m.Step.IsPreDueReminder && today >= context.Charge.DueDate)
            {
                skipped.Add(context.Skip(m.Step, SkipCause.Missed,
                    $"{m.Step.Id}: lembrete anterior ao vencimento em {Iso(context.Charge.DueDate)} que não foi enviado a tempo; um lembrete nunca é enviado atrasado."));
            }
            else if (policy.Mode == CatchUpMode.Latest && latestDone is { } last && m.Schedule.Date < last.Date)
            {
                skipped.Add(context.Skip(m.Step, SkipCause.Superseded,
                    $"{m.Step.Id}: perdida em {Iso(m.Schedule.Date)}; a etapa posterior {last.StepId} já foi enviada (recuperação 'latest')."));
            }
            else if (age > policy.StalenessLimitDays)
            {
                skipped.Add(context.Skip(m.Step, SkipCause.Stale,
                    Inv($"{m.Step.Id}: prevista para {Iso(m.Schedule.Date)}, há {age} dias, além do limite de {policy.StalenessLimitDays} dias da recuperação.")));
            }
            else
            {
                fresh.Add(m);
            }
        }

        if (fresh.Count == 0 || policy.Mode == CatchUpMode.All)
        {
            return fresh;
        }

        var keepDate = policy.Mode == CatchUpMode.Latest ? fresh.Max(m => m.Schedule.Date) : today;
        var latest = fresh.Where(m => m.Schedule.Date == keepDate).Select(m => m.Step.Id).FirstOrDefault();
        foreach (var m in fresh.Where(m => m.Schedule.Date != keepDate))
        {
            skipped.Add(policy.Mode == CatchUpMode.Latest
                ? context.Skip(m.Step, SkipCause.Superseded, $"{m.Step.Id}: perdida em {Iso(m.Schedule.Date)}; a recuperação 'latest' envia em seu lugar a etapa posterior {latest}.")
                : context.Skip(m.Step, SkipCause.Missed, $"{m.Step.Id}: perdida em {Iso(m.Schedule.Date)}; a recuperação 'skip' envia só as etapas de hoje."));
        }

        return [.. fresh.Where(m => m.Schedule.Date == keepDate)];
    }

    /// <summary>Drops the message actions beyond the ruler's frequency caps (see <see cref="FrequencyCap"/>), in a fixed order.</summary>
    private List<PlannedAction> ApplyCaps(List<PlannedAction> actions, List<CustomerCharge> items, DunningRuler ruler, Func<SentKey, Instant?> doneAt, Instant now,
        List<SkippedAction> skipped, ref Instant? wake)
    {
        var perCharge = ruler.Consolidate == Consolidation.Charge;
        var stepIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ruler.Steps.Count; i++)
        {
            stepIndex.TryAdd(ruler.Steps[i].Id, i);
        }

        var chargesOf = items.ToLookup(c => c.Customer.Id, StringComparer.Ordinal);
        var histories = new Dictionary<string, HashSet<(string Charge, string Step, string Channel, LocalDate Day)>>(StringComparer.Ordinal);
        var kept = new List<PlannedAction>(actions.Count);
        var order = actions
            .Select((a, i) => (Action: a, Index: i))
            .OrderBy(x => x.Action.Instant)
            .ThenBy(x => stepIndex.GetValueOrDefault(x.Action.StepId))
            .ThenBy(x => x.Action.ChargeIds[0], StringComparer.Ordinal)
            .ToList();
        var admitted = new bool[actions.Count];
        foreach (var (action, index) in order)
        {
            if (action.Action != StepActionKind.Message)
            {
                admitted[index] = true;
                continue;
            }

            var zone = action.Zone;
            var today = now.InZone(zone).Date;
            if (!histories.TryGetValue(action.CustomerId, out var history))
            {
                history = History(chargesOf[action.CustomerId], ruler, zone, doneAt, perCharge, today.PlusDays(-7));
                histories.Add(action.CustomerId, history);
            }

            var full = ruler.FrequencyCaps.FirstOrDefault(cap =>
                action.Channels.Any(cap.Covers)
                && Count(history, cap, today) >= cap.Max);
            if (full is null)
            {
                admitted[index] = true;
                foreach (var chargeId in perCharge ? action.ChargeIds : [""])
                {
                    foreach (var channel in action.Channels)
                    {
                        history.Add((chargeId, action.StepId, channel, today));
                    }
                }

                continue;
            }

            foreach (var chargeId in action.ChargeIds)
            {
                skipped.Add(new SkippedAction(chargeId, action.CustomerId, action.StepId, SkipCause.FrequencyCap,
                    Inv($"{action.StepId}: o cliente já recebeu {full.Max} mensagem(ns){(full.Channel is null ? "" : " por " + full.Channel)} {(full.Days == 1 ? "no último dia" : "nos últimos " + full.Days + " dias")} (limite de frequência); planejada de novo mais tarde.")));
            }

            wake = Min(wake, NextOpening(ruler, zone, today.PlusDays(1).AtMidnight().InZone(zone, s_resolver).ToInstant().Minus(Duration.Epsilon)));
        }

        for (var i = 0; i < actions.Count; i++)
        {
            if (admitted[i])
            {
                kept.Add(actions[i]);
            }
        }

        return kept;
    }

    private static int Count(HashSet<(string Charge, string Step, string Channel, LocalDate Day)> history, FrequencyCap cap, LocalDate today)
    {
        var first = today.PlusDays(1 - cap.Days);
        return cap.Channel is null
            ? history.Where(h => h.Day >= first && h.Day <= today).Select(h => (h.Charge, h.Step, h.Day)).Distinct().Count()
            : history.Count(h => h.Day >= first && h.Day <= today && h.Channel == cap.Channel);
    }

    private static HashSet<(string Charge, string Step, string Channel, LocalDate Day)> History(IEnumerable<CustomerCharge> charges, DunningRuler ruler,
        DateTimeZone zone, Func<SentKey, Instant?> doneAt, bool perCharge, LocalDate since)
    {
        var history = new HashSet<(string, string, string, LocalDate)>();
        foreach (var item in charges)
        {
            foreach (var step in ruler.Steps)
            {
                foreach (var channel in step.Channels)
                {
                    if (doneAt(new SentKey(item.Charge.Id, step.Id, channel)) is { } at && at != Instant.MinValue && at.InZone(zone).Date is var day && day >= since)
                    {
                        history.Add((perCharge ? item.Charge.Id : "", step.Id, channel, day));
                    }
                }
            }
        }

        return history;
    }

    private static bool IsDone(ChargeContext context, RulerStep step, Func<SentKey, Instant?> doneAt)
    {
        var chargeId = context.Charge.Id;
        if (step.IsEscalation)
        {
            return doneAt(new SentKey(chargeId, step.Id, step.EscalationKey)) is not null;
        }

        return step.Fallback
            ? step.Channels.Any(c => doneAt(new SentKey(chargeId, step.Id, c)) is not null)
            : step.Channels.All(c => doneAt(new SentKey(chargeId, step.Id, c)) is not null);
    }

    private static (SkipCause Cause, string Reason)? NoticeBlock(ChargeContext context, RulerStep step, LocalDate today, Func<SentKey, Instant?> doneAt, ref Instant? wake)
    {
        if (step.RequiresNotice is null || context.Ruler.FindStep(step.RequiresNotice) is not { } notice)
        {
            return null;
        }

        var sentAt = notice.Channels
            .Select(c => doneAt(new SentKey(context.Charge.Id, notice.Id, c)))
            .Where(i => i is not null)
            .Min();
        if (sentAt is not { } at)
        {
            return (SkipCause.NoticeNotDone, $"{step.Id}: a etapa de aviso {notice.Id} não foi enviada para esta cobrança.");
        }

        var noticeDate = context.Schedule(notice)?.Date ?? context.NominalDate(notice);
        if (at != Instant.MinValue)
        {
            noticeDate = Max(noticeDate, at.InZone(context.Zone).Date);
        }

        var ready = noticeDate.PlusDays(step.NoticeDays);
        if (ready <= today)
        {
            return null;
        }

        wake = Min(wake, ready.AtStartOfDayInZone(context.Zone).ToInstant());
        return (SkipCause.NoticeTooRecent, Inv($"{step.Id}: o aviso {notice.Id} saiu em {Iso(noticeDate)}; os {step.NoticeDays} dias de aviso terminam em {Iso(ready)}."));
    }

    /// <summary>Escalations are handed to the host on business days only: on another day one waits for the next business day's window.</summary>
    private (SkipCause Cause, string Reason)? NotBusinessDay(ChargeContext context, RulerStep step, LocalDate today, ref Instant? wake)
    {
        if (Calendar.IsBusinessDay(today))
        {
            return null;
        }

        var next = WindowDay(context.Ruler, step, today.PlusDays(1)) ?? Calendar.NextBusinessDay(today.PlusDays(1));
        var opens = context.Ruler.SendWindows.For(next, Calendar) is { } w ? next.At(w.Start) : next.AtMidnight();
        wake = Min(wake, opens.InZone(context.Zone, s_resolver).ToInstant());
        return (SkipCause.NotBusinessDay,
            $"{step.Id}: a escalação '{step.EscalationKey}' aguarda um dia útil: {Iso(today)} é {DayKind(today)}; entregue em {Iso(next)}.");
    }

    private string DayKind(LocalDate date) =>
        Calendar.HolidaysIn(date.Year).FirstOrDefault(h => h.Date == date) is { } holiday
            ? $"feriado ({holiday.Name})"
            : $"{Weekday(date)}, dia não útil";

    private static (SkipCause Cause, string Reason)? PreviewNoticeBlock(ChargeContext context, RulerStep step, StepSchedule s)
    {
        if (step.RequiresNotice is null || context.Ruler.FindStep(step.RequiresNotice) is not { } notice)
        {
            return null;
        }

        var n = context.Schedule(notice);
        if (n is null || context.StopOn(n.Date) is not null || context.Channels(notice, _ => false).Count == 0 || !notice.When.Matches(context.Charge, context.Customer))
        {
            return (SkipCause.NoticeNotDone, $"{step.Id}: a etapa de aviso {notice.Id} não será enviada para esta cobrança.");
        }

        return n.Date.PlusDays(step.NoticeDays) <= s.Date
            ? null
            : (SkipCause.NoticeTooRecent, Inv($"{step.Id}: o aviso {notice.Id} de {Iso(n.Date)} fica a menos de {step.NoticeDays} dias de {Iso(s.Date)}."));
    }

    private Instant NextOpening(DunningRuler ruler, DateTimeZone zone, Instant after)
    {
        var start = after.InZone(zone).Date.PlusDays(-1);
        for (var d = start; d <= start.PlusDays(MaxWindowSearchDays); d = d.PlusDays(1))
        {
            if (ruler.SendWindows.For(d, Calendar) is { } w && d.At(w.Start).InZone(zone, s_resolver).ToInstant() is var open && open > after)
            {
                return open;
            }
        }

        return after.Plus(Duration.FromDays(MaxWindowSearchDays));
    }

    private static List<CustomerCharge> Prepare(IEnumerable<CustomerCharge> charges, DunningRuler ruler)
    {
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentNullException.ThrowIfNull(ruler);
        ThrowIfInvalid(ruler.Validate(), "The ruler is invalid (check it with RulerJson.Parse or DunningRuler.Validate):", nameof(ruler));
        return CheckIds(charges);
    }

    private static void ThrowIfInvalid(IReadOnlyList<RulerValidationError> errors, string message, string paramName)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException(message + string.Concat(errors.Select(e => $"{Environment.NewLine}- {e.Code} at '{e.Path}': {e.Message}")), paramName);
        }
    }

    private static List<CustomerCharge> CheckIds(IEnumerable<CustomerCharge> charges)
    {
        var items = charges.ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(charges));
            if (!ids.Add(item.Charge.Id))
            {
                throw new ArgumentException($"The charge id '{item.Charge.Id}' appears twice.", nameof(charges));
            }
        }

        return items;
    }

    /// <summary>Consolidates (per customer-day) and orders the actions; <paramref name="sendingNow"/>: all go out at the
    /// planning instant (a plan), so a caught-up step and the same step scheduled today make one message.</summary>
    private static List<PlannedAction> Finish(List<PlannedAction> actions, Consolidation consolidation, bool sendingNow = false)
    {
        IEnumerable<PlannedAction> result = actions;
        if (consolidation == Consolidation.CustomerDay)
        {
            result = actions
                .GroupBy(a => a.Action == StepActionKind.Message
                    ? (a.CustomerId, sendingNow ? default : a.Local, a.StepId, string.Join('\u001f', a.Channels), "")
                    : (a.CustomerId, a.Local, a.StepId, "", a.ChargeIds[0]))
                .Select(Merge);
        }

        return Order(result);
    }

    private static List<PlannedAction> Order(IEnumerable<PlannedAction> actions)
    {
        return [.. actions
            .OrderBy(a => a.Instant)
            .ThenBy(a => a.CustomerId, StringComparer.Ordinal)
            .ThenBy(a => a.StepId, StringComparer.Ordinal)
            .ThenBy(a => a.ChargeIds[0], StringComparer.Ordinal)];
    }

    private static PlannedAction Merge(IEnumerable<PlannedAction> group)
    {
        var list = group.OrderBy(a => a.ChargeIds[0], StringComparer.Ordinal).ToList();
        if (list.Count == 1)
        {
            return list[0];
        }

        var earliest = list.MinBy(a => a.Instant)!; // a caught-up step merged with today's goes under the earlier schedule
        return list[0] with
        {
            Local = earliest.Local,
            Zone = earliest.Zone,
            Instant = earliest.Instant,
            ChargeIds = [.. list.SelectMany(a => a.ChargeIds)],
            AmountDue = list.Sum(a => a.AmountDue),
            Reason = Inv($"{list[0].Reason}; consolidada com {list.Count - 1} outra(s) cobrança(s) do cliente no mesmo dia"),
        };
    }

    private static List<SkippedAction> Sort(List<SkippedAction> skipped) =>
        [.. skipped.OrderBy(s => s.ChargeId, StringComparer.Ordinal).ThenBy(s => s.StepId, StringComparer.Ordinal).ThenBy(s => s.Cause)];

    private static Instant? Min(Instant? a, Instant? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The pt-BR name of a date's weekday, for the reasons (<c>sábado</c>, <c>segunda-feira</c>…).</summary>
    private static string Weekday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Monday => "segunda-feira",
        IsoDayOfWeek.Tuesday => "terça-feira",
        IsoDayOfWeek.Wednesday => "quarta-feira",
        IsoDayOfWeek.Thursday => "quinta-feira",
        IsoDayOfWeek.Friday => "sexta-feira",
        IsoDayOfWeek.Saturday => "sábado",
        _ => "domingo",
    };

    /// <summary>The per-charge view: schedules, stops, channels and descriptions of one charge under one ruler.</summary>
    private sealed class ChargeContext(DunningPlanner planner, CustomerCharge item, DunningRuler ruler, DateTimeZone zone)
    {
        public Charge Charge => item.Charge;

        public Customer Customer => item.Customer;

        public DunningRuler Ruler => ruler;

        public DateTimeZone Zone => zone;

        private BusinessCalendar Calendar => planner.Calendar;

        public LocalDate AnchorDate(RulerStep step) => planner.AnchorDate(step, Charge.IssueDate, Charge.DueDate);

        public LocalDate NominalDate(RulerStep step) => planner.NominalDate(step, Charge.IssueDate, Charge.DueDate);

        public StepSchedule? Schedule(RulerStep step)
        {
            var nominal = NominalDate(step);
            if (planner.WindowDay(Ruler, step, nominal) is not { } day)
            {
                return null;
            }

            var instant = day.At(Ruler.SendWindows.For(day, Calendar)!.Value.Start).InZone(Zone, s_resolver).ToInstant();
            return new StepSchedule(nominal, instant.InZone(Zone).LocalDateTime, Zone, instant);
        }

        public (SkipCause Cause, string Reason)? StopOn(LocalDate date)
        {
            var c = Charge;
            return c.Status switch
            {
                ChargeStatus.Paid => (SkipCause.ChargePaid, "A cobrança está paga."),
                ChargeStatus.Cancelled => (SkipCause.ChargeCancelled, "A cobrança está cancelada."),
                ChargeStatus.Disputed => (SkipCause.ChargeDisputed, "A cobrança está contestada."),
                ChargeStatus.Agreement => (SkipCause.ChargeInAgreement, "A cobrança foi substituída por um acordo de pagamento."),
                _ when c.Outstanding <= 0m => (SkipCause.ChargePaid, "Não há saldo em aberto na cobrança."),
                _ when c.PromiseToPayUntil is { } until && until >= date => (SkipCause.PromiseToPay, $"O cliente prometeu pagar até {Iso(until)}."),
                _ => null,
            };
        }

        public List<string> Channels(RulerStep step, Func<string, bool> done) =>
            [.. step.Channels.Where(c => !Customer.HasOptedOut(c) && (step.Fallback || !done(c)))];

        public SkippedAction Skip(RulerStep step, SkipCause cause, string reason) => new(Charge.Id, Customer.Id, step.Id, cause, reason);

        public string ConditionReason(RulerStep step)
        {
            var w = step.When;
            var parts = new List<string>();
            if (w.MinAmount is not null || w.MaxAmount is not null)
            {
                parts.Add($"saldo {PtBrFormat.Money(Charge.Outstanding)} entre {PtBrFormat.Money(w.MinAmount ?? 0m)} e {(w.MaxAmount is { } max ? PtBrFormat.Money(max) : "∞")}");
            }

            if (w.Segments.Count > 0)
            {
                parts.Add($"segmento '{Customer.Segment}' em [{string.Join(", ", w.Segments)}]");
            }

            if (w.Customer is { } kind)
            {
                parts.Add($"cliente {(kind == CustomerKind.Consumer ? "consumidor" : "empresa")}");
            }

            if (w.UnpaidOnly)
            {
                parts.Add("nada pago ainda");
            }

            return $"{step.Id}: as condições da etapa não valem para esta cobrança (exige {string.Join(", ", parts)}).";
        }

        public PlannedAction Action(RulerStep step, StepSchedule s, IReadOnlyList<string> channels, LocalDate amountDate, string reason)
        {
            var terms = Ruler.LateCharges with { Consumer = Customer.Consumer, EarlyPayment = Charge.EarlyPayment ?? Ruler.LateCharges.EarlyPayment };
            return new PlannedAction
            {
                ChargeIds = [Charge.Id],
                CustomerId = Customer.Id,
                StepId = step.Id,
                Channels = channels,
                Fallback = step.Fallback,
                Template = step.Template,
                Tone = step.Tone,
                Action = step.Action,
                ActionName = step.IsEscalation ? step.EscalationKey : null,
                Local = s.Local,
                Zone = s.Zone,
                Instant = s.Instant,
                AmountDue = LateChargeCalculator.AmountDue(Charge.Outstanding, Charge.DueDate, amountDate, terms, Calendar).Total,
                Reason = reason,
            };
        }

        public string Describe(RulerStep step, StepSchedule s)
        {
            var anchorDate = AnchorDate(step);
            var issue = step.Anchor == StepAnchor.Issue;
            var anchor = issue
                ? $"emissão em {Iso(anchorDate)}"
                : anchorDate != Charge.DueDate ? $"vencimento em {Iso(Charge.DueDate)} (pagável sem encargos até {Iso(anchorDate)})" : $"vencimento em {Iso(Charge.DueDate)}";
            var n = Math.Abs(step.OffsetDays);
            var unit = step.Days == DayCounting.Business ? (n == 1 ? "dia útil" : "dias úteis") : (n == 1 ? "dia" : "dias");
            var offset = step.OffsetDays == 0
                ? $"{(issue ? "na" : "no")} {anchor}"
                : Inv($"{n} {unit} {(step.OffsetDays > 0 ? (issue ? "após a" : "após o") : (issue ? "antes da" : "antes do"))} {anchor}");
            var shift = !s.Shifted ? ""
                : step.IsEscalation && Ruler.SendWindows.For(s.NominalDate, Calendar) is not null
                    ? $"; adiada de {Iso(s.NominalDate)} ({Weekday(s.NominalDate)}), que não é dia útil (escalações aguardam um)"
                    : $"; {(s.Date < s.NominalDate ? "antecipada" : "adiada")} de {Iso(s.NominalDate)} ({Weekday(s.NominalDate)}), que não tem janela de envio";
            var what = step.IsEscalation ? $"escalação '{step.EscalationKey}'" : "mensagem";
            return $"{step.Id}: {what} {offset}{shift}";
        }
    }
}

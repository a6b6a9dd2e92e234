using System.Runtime.CompilerServices;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Planning;

/// <summary>Decides quickly, for one charge at one instant, what is due under one ruler; for most charges, nothing.</summary>
/// <remarks>
/// <para>Create one with <see cref="DunningPlanner.CreateEvaluator"/> and keep it. <see cref="MayBeDue"/> is a cheap,
/// allocation-free precheck: it reads the charge's status, the local day in the customer's zone (cached per zone and day),
/// the days of the ruler's steps (cached per issue date and per due date) and the charge's done keys in the
/// <see cref="JournalView"/> (found once, only when a step's day is near, and tested as a mask), and answers <see langword="false"/> only when
/// nothing can be due. <see cref="Evaluate"/> answers exactly what
/// <see cref="DunningPlanner.Plan(IEnumerable{CustomerCharge}, DunningRuler, JournalView, Instant)"/> would
/// for this charge alone, running the full plan only when the precheck cannot rule everything out.</para>
/// <para>Evaluate a batch with the view of that batch's journal entries: the view is small and each charge's keys sit
/// together, so the look-ups stay in cache (see <c>tests/Kolek.Benchmarks</c>, <c>--evaluate</c>).</para>
/// <para>Frequency caps need all the customer's charges, so they are not applied here (they only ever remove actions).
/// This type is thread-safe; its caches are filled on demand with values that never change.</para>
/// </remarks>
public sealed class ChargeEvaluator
{
    private const int CacheFirstDay = 725_006; // 1986-01-01 as DateOnly.DayNumber
    private const int CacheDays = 366 * 80;    // until about 2066
    private const int NoDay = int.MinValue;

    private static readonly IReadOnlyList<PlannedAction> s_nothing = [];

    private readonly DunningPlanner _planner;
    private readonly DunningRuler _ruler;
    private readonly StepData[] _steps;
    private readonly int _staleness;
    private readonly int[]?[] _byIssue = new int[]?[CacheDays];
    private readonly int[]?[] _byDue = new int[]?[CacheDays];
    private DayCache? _day;

    internal ChargeEvaluator(DunningPlanner planner, DunningRuler ruler)
    {
        _planner = planner;
        _ruler = ruler;
        _staleness = (ruler.CatchUp ?? planner.DefaultCatchUp).StalenessLimitDays;
        _steps = [.. ruler.Steps.Select(s => new StepData(s))];
        foreach (var step in _steps)
        {
            if (step.Escalation && step.Step.RequiresNotice is { } noticeId && Array.Find(_steps, n => n.Step.Id == noticeId) is { Escalation: false } notice)
            {
                step.Notice = notice;
            }
        }
    }

    /// <summary>The ruler evaluated.</summary>
    public DunningRuler Ruler => _ruler;

    /// <summary>Whether something may be due for the charge at <paramref name="now"/>; <see langword="false"/> means certainly nothing.</summary>
    /// <param name="item">The charge and its customer.</param>
    /// <param name="done">The keys done in the journal for the charge's batch.</param>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="false"/> when nothing is due; <see langword="true"/> when something may be.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayBeDue(CustomerCharge item, JournalView done, Instant now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(done);
        var charge = item.Charge;
        if (charge.Status != ChargeStatus.Open || charge.Amount <= charge.PaidAmount)
        {
            return false;
        }

        var zone = item.Customer.TimeZone ?? _ruler.TimeZone ?? _planner.DefaultZone;
        var day0 = TodayOf(zone, now);
        var today = day0.Day;
        if (charge.PromiseToPayUntil is { } until && until.ToDateOnly().DayNumber >= today)
        {
            return false;
        }

        var dueDay = charge.DueDate.ToDateOnly().DayNumber;
        var issueDays = Days(_byIssue, charge.IssueDate.ToDateOnly().DayNumber, charge);
        var dueDays = Days(_byDue, dueDay, charge);
        if (issueDays is null || dueDays is null)
        {
            return true; // outside the cached range: let the full plan decide
        }

        JournalView.ChargeKeys entries = default;
        ViewBits? bits = null;
        var read = false;
        for (var i = 0; i < _steps.Length; i++)
        {
            var step = _steps[i];
            var day = step.IssueAnchored ? issueDays[i] : dueDays[i];
            if (day == NoDay)
            {
                return true;
            }

            if (day > today
                || (step.Escalation ? !day0.BusinessDay : day < today - _staleness || (step.PreDue && today >= dueDay))
                || (!step.Unconditional && !step.Step.When.Matches(charge, item.Customer)))
            {
                continue;
            }

            if (!read)
            {
                entries = done.For(charge.Id);
                bits = done.HasMasks ? BitsOf(done) : null;
                read = true;
            }

            if (bits is not null)
            {
                // The charge's keys as a mask: a step is done, or blocked for want of notice, in two or three operations.
                var mask = entries.Mask;
                var b = bits.Steps[i];
                if ((b.All ? !b.Missing && (mask & b.Need) == b.Need : (mask & b.Need) != 0) || (b.HasNotice && (mask & b.Notice) == 0))
                {
                    continue;
                }
            }
            else if (IsDone(step, entries) || (step.Notice is { } notice && !AnyChannelDone(notice, entries)))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>What is due for the charge at <paramref name="now"/>: the same actions as the planner's plan of this charge alone.</summary>
    /// <param name="item">The charge and its customer.</param>
    /// <param name="done">The keys done in the journal for the charge's batch.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The due actions; an empty list, allocated once, when nothing is due.</returns>
    public IReadOnlyList<PlannedAction> Evaluate(CustomerCharge item, JournalView done, Instant now) =>
        MayBeDue(item, done, now) ? _planner.PlanChecked([item], _ruler, done.DoneAt, now).Due : s_nothing;

    /// <summary>The bits of the steps' keys in the view's masks, derived once per view and kept in it (beside other evaluators' bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ViewBits BitsOf(JournalView view)
    {
        var first = view.EvaluatorBits as ViewBits;
        for (var b = first; b is not null; b = b.Next)
        {
            if (ReferenceEquals(b.Owner, this))
            {
                return b;
            }
        }

        var steps = new StepBits[_steps.Length];
        for (var i = 0; i < _steps.Length; i++)
        {
            var step = _steps[i];
            var need = 0UL;
            var missing = false;
            foreach (var key in step.Keys)
            {
                var bit = view.Bit(step.Step.Id, key);
                need |= bit;
                missing |= bit == 0;
            }

            var notice = 0UL;
            if (step.Notice is { } n)
            {
                foreach (var key in n.Keys)
                {
                    notice |= view.Bit(n.Step.Id, key);
                }
            }

            // Escalations and message steps without fallback are done when every key is; fallback steps when any is.
            var all = step.Escalation || !step.Step.Fallback;
            steps[i] = new StepBits(need, all, all && missing, notice, step.Notice is not null);
        }

        var made = new ViewBits(this, steps, first);
        view.EvaluatorBits = made; // another thread's bits added meanwhile may be lost: they are derived again when asked
        return made;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsDone(StepData step, JournalView.ChargeKeys entries)
    {
        var keys = step.Keys;
        if (step.Escalation)
        {
            return entries.Contains(step.Step.Id, keys[0]);
        }

        for (var c = 0; c < keys.Length; c++)
        {
            var done = entries.Contains(step.Step.Id, keys[c]);
            if (done == step.Step.Fallback)
            {
                return done; // fallback: any channel done; otherwise: a channel not done means not done
            }
        }

        return !step.Step.Fallback;
    }

    /// <summary>Whether any channel of a message step is done: without it, an escalation that requires it is blocked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AnyChannelDone(StepData notice, JournalView.ChargeKeys entries)
    {
        for (var c = 0; c < notice.Keys.Length; c++)
        {
            if (entries.Contains(notice.Step.Id, notice.Keys[c]))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DayCache TodayOf(DateTimeZone zone, Instant now)
    {
        var cached = Volatile.Read(ref _day);
        if (cached is not null && ReferenceEquals(cached.Zone, zone) && now >= cached.Start && now < cached.End)
        {
            return cached;
        }

        var date = now.InZone(zone).Date;
        var start = zone.AtStartOfDay(date).ToInstant();
        var end = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
        cached = new DayCache(zone, start, end, date.ToDateOnly().DayNumber, _planner.Calendar.IsBusinessDay(date));
        Volatile.Write(ref _day, cached);
        return cached;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int[]? Days(int[]?[] cache, int anchorDay, Charge charge)
    {
        var index = anchorDay - CacheFirstDay;
        return (uint)index >= CacheDays ? null : Volatile.Read(ref cache[index]) ?? FillDays(cache, index, charge);
    }

    /// <summary>Computes the step days of an anchor date met for the first time and caches them.</summary>
    private int[] FillDays(int[]?[] cache, int index, Charge charge)
    {
        // Steps anchored on the issue date read only the issue date, the others only the due date.
        var days = new int[_steps.Length];
        var issueCache = ReferenceEquals(cache, _byIssue);
        for (var i = 0; i < _steps.Length; i++)
        {
            var step = _steps[i].Step;
            if ((step.Anchor == StepAnchor.Issue) != issueCache)
            {
                continue; // read from the other cache
            }

            var nominal = _planner.NominalDate(step, charge.IssueDate, charge.DueDate);
            days[i] = _planner.WindowDay(_ruler, step, nominal) is { } d ? d.ToDateOnly().DayNumber : NoDay;
        }

        Volatile.Write(ref cache[index], days);
        return days;
    }

    /// <summary>One evaluator's bits in one view's masks, linked to other evaluators' bits for the same view.</summary>
    private sealed record ViewBits(ChargeEvaluator Owner, StepBits[] Steps, ViewBits? Next);

    /// <summary>A step's keys in a view's masks: all of <paramref name="Need"/> (none <paramref name="Missing"/> from the view) or any of it; the notice's keys.</summary>
    private readonly record struct StepBits(ulong Need, bool All, bool Missing, ulong Notice, bool HasNotice);

    private sealed record DayCache(DateTimeZone Zone, Instant Start, Instant End, int Day, bool BusinessDay);

    private sealed class StepData(RulerStep step)
    {
        public RulerStep Step { get; } = step;

        public bool Escalation { get; } = step.IsEscalation;

        public bool IssueAnchored { get; } = step.Anchor == StepAnchor.Issue;

        public bool PreDue { get; } = step.IsPreDueReminder;

        public bool Unconditional { get; } = step.When.IsEmpty;

        public string[] Keys { get; } = step.IsEscalation ? [step.EscalationKey] : [.. step.Channels];

        /// <summary>The message step an escalation requires as notice, set once at construction.</summary>
        public StepData? Notice { get; set; }
    }
}

using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>Answers "where does this charge, customer or portfolio stand now, what was done and what comes next?".</summary>
/// <remarks>
/// <para>The standing comes from <see cref="PortfolioAnalytics.Standing"/> on the local date of the instant (the customer's zone, else
/// the ruler's, else <see cref="InsightOptions.TimeZone"/>). The last action is read from the journal; the next action is asked of
/// the <see cref="DunningPlanner"/> with what the journal says is done, exactly as <see cref="Running.DunningRunner"/> would: a step
/// due at the instant, otherwise the step due at the plan's next wake-up. Nothing is planned here.</para>
/// <para>The journal is read once, at construction, and indexed by charge. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class CollectionStatusQuery
{
    private readonly DunningPlanner _planner;
    private readonly DunningRuler _ruler;
    private readonly InsightOptions _options;
    private readonly Dictionary<string, List<JournalEntry>> _journal = new(StringComparer.Ordinal);

    /// <summary>Creates a query over a ruler and the journal of what was sent.</summary>
    /// <param name="planner">The planner that decides the next action.</param>
    /// <param name="ruler">The ruler the charges are collected with.</param>
    /// <param name="journal">The dunning journal (all entries; those claimed after a query's instant are ignored by that query).</param>
    /// <param name="options">The settings; <see langword="null"/> for <see cref="InsightOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="planner"/>, <paramref name="ruler"/> or <paramref name="journal"/> is <see langword="null"/>.</exception>
    public CollectionStatusQuery(DunningPlanner planner, DunningRuler ruler, IEnumerable<JournalEntry> journal, InsightOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(ruler);
        ArgumentNullException.ThrowIfNull(journal);
        _planner = planner;
        _ruler = ruler;
        _options = options ?? InsightOptions.Default;
        foreach (var e in journal.Where(e => e is not null))
        {
            if (!_journal.TryGetValue(e.Key.ChargeId, out var list))
            {
                _journal[e.Key.ChargeId] = list = [];
            }

            list.Add(e);
        }
    }

    /// <summary>The status of one charge at <paramref name="at"/>.</summary>
    /// <param name="item">The charge and its customer.</param>
    /// <param name="at">The instant of the query.</param>
    /// <returns>The standing, due-soon flag, last and next action.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public ChargeInsight Charge(CustomerCharge item, Instant at)
    {
        ArgumentNullException.ThrowIfNull(item);
        var zone = item.Customer?.TimeZone ?? _ruler.TimeZone ?? _options.TimeZone;
        var date = at.InZone(zone).Date;
        var standing = PortfolioAnalytics.Standing(item.Charge, date, _planner.Calendar);
        var entries = _journal.TryGetValue(item.Charge.Id, out var list) ? list.Where(e => e.ClaimedAt <= at).ToList() : [];
        return new ChargeInsight(standing, PortfolioAccumulator.IsDueSoon(standing, date, _options), LastAction(entries), NextAction(item, entries, at));
    }

    /// <summary>The status of one customer at <paramref name="at"/>: every charge of <paramref name="charges"/> whose customer id is <paramref name="customerId"/>.</summary>
    /// <param name="customerId">The customer (ordinal comparison with <see cref="Charges.Charge.CustomerId"/>).</param>
    /// <param name="charges">The portfolio, or just the customer's charges.</param>
    /// <param name="at">The instant of the query.</param>
    /// <returns>The customer's charges and totals; empty totals when the customer has no charge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> or <paramref name="charges"/> is <see langword="null"/>.</exception>
    public CustomerInsight Customer(string customerId, IEnumerable<CustomerCharge> charges, Instant at)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentNullException.ThrowIfNull(charges);
        var items = charges.Where(c => c?.Charge is not null && string.Equals(c.Charge.CustomerId, customerId, StringComparison.Ordinal))
            .Select(c => Charge(c, at)).ToList();
        var open = items.Where(i => i.Standing.IsOpenItem).ToList();
        var overdue = open.Where(i => i.Standing.IsOverdue).ToList();
        return new CustomerInsight(
            customerId,
            items.AsReadOnly(),
            open.Sum(i => i.Standing.Outstanding),
            overdue.Sum(i => i.Standing.Outstanding),
            overdue.Count == 0 ? 0 : overdue.Max(i => i.Standing.DaysLate),
            items.Select(i => i.LastAction).OfType<CollectionAction>().MaxBy(a => a.At),
            items.Select(i => i.NextAction).OfType<CollectionAction>().MinBy(a => a.At));
    }

    /// <summary>The portfolio's insight on the local date of <paramref name="at"/> in <see cref="InsightOptions.TimeZone"/>, with this query's journal.</summary>
    /// <param name="charges">The portfolio; enumerated once.</param>
    /// <param name="at">The instant of the query.</param>
    /// <returns>See <see cref="PortfolioAnalytics.Insight"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="charges"/> is <see langword="null"/>.</exception>
    public PortfolioInsight Portfolio(IEnumerable<CustomerCharge> charges, Instant at) =>
        PortfolioAnalytics.Insight(charges, at.InZone(_options.TimeZone).Date, _planner.Calendar, _options, _journal.Values.SelectMany(l => l));

    private static CollectionAction? LastAction(List<JournalEntry> entries)
    {
        var sent = entries.Where(e => e.Outcome is { Kind: JournalOutcomeKind.Sent }).ToList();
        if (sent.Count == 0)
        {
            return null;
        }

        var last = sent.MaxBy(e => e.Outcome!.At)!;
        var channels = sent.Where(e => e.Key.StepId == last.Key.StepId).Select(e => e.Key.Channel).Distinct().Order(StringComparer.Ordinal).ToList();
        return new CollectionAction(last.Key.StepId, channels.AsReadOnly(), last.Outcome!.At);
    }

    private CollectionAction? NextAction(CustomerCharge item, List<JournalEntry> entries, Instant at)
    {
        // What the runner treats as done: every entry that is not a transient failure ready for a retry.
        var done = entries.Where(e => !e.IsClaimableAt(at))
            .ToDictionary(e => new SentKey(e.Key.ChargeId, e.Key.StepId, e.Key.Channel), e => e.Outcome?.At ?? e.ClaimedAt);
        Instant? DoneAt(SentKey key) => done.TryGetValue(key, out var when) ? when : null;

        var plan = _planner.Plan([item], _ruler, DoneAt, at);
        if (plan.Due.Count == 0 && plan.NextWakeUp is { } wake)
        {
            plan = _planner.Plan([item], _ruler, DoneAt, wake);
        }

        return plan.Due.Count == 0 ? null : ToAction(plan.Due.MinBy(a => a.Instant)!);
    }

    private static CollectionAction ToAction(PlannedAction action) =>
        new(action.StepId, action.Action == StepActionKind.Message ? action.Channels : [action.ActionName ?? "escalation"], action.Instant);
}

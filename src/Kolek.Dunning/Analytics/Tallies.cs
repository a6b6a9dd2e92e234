using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>The running sums of the aging: counts and amounts per bucket, and the overdue total.</summary>
internal sealed class AgingTally
{
    private readonly int[] _counts = new int[AgingBucket.Names.Count];
    private readonly decimal[] _amounts = new decimal[AgingBucket.Names.Count];
    private decimal _overdue;

    public void Add(ChargeStanding standing)
    {
        if (!standing.IsOpenItem)
        {
            return;
        }

        var index = AgingBucket.IndexFor(standing.DaysLate);
        _counts[index]++;
        _amounts[index] += standing.Outstanding;
        if (standing.IsOverdue)
        {
            _overdue += standing.Outstanding;
        }
    }

    public AgingReport Result() =>
        new([.. AgingBucket.Names.Select((name, i) => new AgingBucket(name, _counts[i], _amounts[i]))], _counts.Sum(), _amounts.Sum(), _overdue);
}

/// <summary>The overdue items grouped by customer: one entry per customer with an overdue item.</summary>
internal sealed class DelinquentTally
{
    private readonly Dictionary<string, DelinquentCustomer> _byCustomer = new(StringComparer.Ordinal);

    public void Add(ChargeStanding standing, string? customerName)
    {
        if (!standing.IsOverdue)
        {
            return;
        }

        var name = customerName ?? "";
        _byCustomer[standing.CustomerId] = _byCustomer.TryGetValue(standing.CustomerId, out var sofar)
            ? new DelinquentCustomer(
                sofar.CustomerId,
                PreferredName(sofar.Name, name),
                sofar.Overdue + standing.Outstanding,
                Math.Max(sofar.OldestDaysLate, standing.DaysLate),
                sofar.Charges + 1)
            : new DelinquentCustomer(standing.CustomerId, name, standing.Outstanding, standing.DaysLate, 1);
    }

    public IReadOnlyList<DelinquentCustomer> Result() =>
        _byCustomer.Values
            .OrderByDescending(d => d.Overdue)
            .ThenBy(d => d.CustomerId, StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();

    private static string PreferredName(string a, string b) =>
        a.Length == 0 ? b : b.Length == 0 ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;
}

/// <summary>
/// Step effectiveness: the journal's sent entries indexed by charge, then, as each charge is added, whether it was settled
/// within the window after each send.
/// </summary>
internal sealed class StepTally
{
    private readonly Dictionary<string, List<(int Slot, LocalDate Date)>> _sendsByCharge = new(StringComparer.Ordinal);
    private readonly List<Slot> _slots = [];
    private readonly int _days;

    public StepTally(IEnumerable<JournalEntry> journal, LocalDate asOf, InsightOptions options)
    {
        _days = options.PaidWithinDays;
        var index = new Dictionary<(string Step, string Channel), int>();
        foreach (var e in journal)
        {
            if (e?.Outcome is not { Kind: JournalOutcomeKind.Sent } outcome)
            {
                continue;
            }

            var date = outcome.At.InZone(options.TimeZone).Date;
            if (date > asOf)
            {
                continue;
            }

            var key = (e.Key.StepId, e.Key.Channel);
            if (!index.TryGetValue(key, out var slot))
            {
                slot = _slots.Count;
                index[key] = slot;
                _slots.Add(new Slot(e.Key.StepId, e.Key.Channel));
            }

            var s = _slots[slot];
            s.Messages.Add(e.MessageId);
            s.Charges++;
            s.FirstSend = s.FirstSend is { } first && first <= outcome.At ? first : outcome.At;
            if (!_sendsByCharge.TryGetValue(e.Key.ChargeId, out var sends))
            {
                _sendsByCharge[e.Key.ChargeId] = sends = [];
            }

            sends.Add((slot, date));
        }
    }

    public void Add(ChargeStanding standing, LocalDate? paidDate)
    {
        // Removed once counted: a charge listed twice cannot count twice, and the index shrinks as the charges stream by.
        if (standing.State != ChargeState.Paid || paidDate is not { } paid || !_sendsByCharge.Remove(standing.ChargeId, out var sends))
        {
            return;
        }

        foreach (var (slot, date) in sends)
        {
            if (paid >= date && paid <= date.PlusDays(_days))
            {
                _slots[slot].Paid++;
            }
        }
    }

    public IReadOnlyList<StepEffectiveness> Result()
    {
        // A step's channels stay together, steps in the order of their first send (the ruler's order, in practice).
        var stepFirst = _slots.GroupBy(s => s.StepId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(s => s.FirstSend), StringComparer.Ordinal);
        return _slots
            .OrderBy(s => stepFirst[s.StepId])
            .ThenBy(s => s.StepId, StringComparer.Ordinal)
            .ThenBy(s => s.Channel, StringComparer.Ordinal)
            .Select(s => new StepEffectiveness(s.StepId, s.Channel, s.Messages.Count, s.Charges, s.Paid, _days))
            .ToList()
            .AsReadOnly();
    }

    private sealed class Slot(string stepId, string channel)
    {
        public string StepId { get; } = stepId;

        public string Channel { get; } = channel;

        public HashSet<string> Messages { get; } = new(StringComparer.Ordinal);

        public int Charges { get; set; }

        public int Paid { get; set; }

        public Instant? FirstSend { get; set; }
    }
}

using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Planning;

/// <summary>A portfolio forecast: per local day, how many messages and escalations the ruler will produce.</summary>
/// <param name="Days">One entry per day of the range, in order (days with nothing included).</param>
/// <param name="Charges">The number of charges read.</param>
/// <param name="Customers">The number of customers read.</param>
/// <param name="Skipped">The number of steps in the range that will not be carried out, per cause.</param>
/// <param name="Batches">The number of batches planned.</param>
/// <param name="LargestBatch">The largest number of charges held at once.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record DunningForecast(
    IReadOnlyList<ForecastDay> Days,
    long Charges,
    long Customers,
    IReadOnlyDictionary<SkipCause, long> Skipped,
    int Batches,
    int LargestBatch)
{
    /// <summary>A summary: the days covered, the messages and escalations in all, the charges and customers read, the skipped steps per cause, the batches.</summary>
    /// <returns>For example <c>DunningForecast { Days = 30 (2026-12-04..2027-01-02), Messages = 120, Escalations = 2, Charges = 1000, Customers = 100, Skipped = 5 (ChargePaid 5), Batches = 1, LargestBatch = 1000 }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(DunningForecast),
        (nameof(Days), Days.Count == 0 ? "0" : Internal.ResultText.Number(Days.Count)
            + $" ({NodaTime.Text.LocalDatePattern.Iso.Format(Days[0].Date)}..{NodaTime.Text.LocalDatePattern.Iso.Format(Days[^1].Date)})"),
        ("Messages", Internal.ResultText.Number(Days.Sum(d => d.Messages))),
        ("Escalations", Internal.ResultText.Number(Days.Sum(d => d.Escalations))),
        (nameof(Charges), Internal.ResultText.Number(Charges)),
        (nameof(Customers), Internal.ResultText.Number(Customers)),
        (nameof(Skipped), Internal.ResultText.Counts(Skipped)),
        (nameof(Batches), Internal.ResultText.Number(Batches)),
        (nameof(LargestBatch), Internal.ResultText.Number(LargestBatch)));
}

/// <summary>One day of a <see cref="DunningForecast"/>.</summary>
/// <param name="Date">The customers' local date.</param>
/// <param name="Messages">Message actions (a consolidated message counts once).</param>
/// <param name="Escalations">Escalation actions.</param>
/// <param name="ChargesContacted">Charges covered by the messages.</param>
/// <param name="AmountDue">The sum of the amounts stated in the messages.</param>
/// <param name="ByChannel">Message actions per channel (an action with two channels counts on both).</param>
/// <param name="ByStep">Actions per step id.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record ForecastDay(
    LocalDate Date,
    long Messages,
    long Escalations,
    long ChargesContacted,
    decimal AmountDue,
    IReadOnlyDictionary<string, long> ByChannel,
    IReadOnlyDictionary<string, long> ByStep);

/// <summary>Folds the previews of successive batches into per-day counts; holds one batch at a time.</summary>
internal sealed class ForecastAccumulator
{
    private readonly DunningPlanner _planner;
    private readonly DunningRuler _ruler;
    private readonly LocalDate _from;
    private readonly int _days;
    private readonly int _batchSize;
    private readonly List<Charges.CustomerCharge> _batch;
    private readonly Day[] _totals;
    private readonly string _sequenceName;
    private readonly Dictionary<SkipCause, long> _skipped = [];
    private string? _lastCustomer;
    private long _charges;
    private long _customers;
    private int _batches;
    private int _largest;

    // sequenceName: the caller's parameter holding the charges, named by the exceptions of Add.
    public ForecastAccumulator(DunningPlanner planner, DunningRuler ruler, LocalDate from, int days, int batchSize, string sequenceName)
    {
        _sequenceName = sequenceName;
        ArgumentNullException.ThrowIfNull(ruler);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3660);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _planner = planner;
        _ruler = ruler;
        _from = from;
        _days = days;
        _batchSize = batchSize;
        _batch = new List<Charges.CustomerCharge>(Math.Min(batchSize, 1 << 16));
        _totals = [.. Enumerable.Range(0, days).Select(_ => new Day())];
    }

    public void Add(Charges.CustomerCharge item)
    {
        if (item?.Charge is null || item.Customer is null)
        {
            throw new ArgumentException("A charge (or its customer) is null.", _sequenceName);
        }

        var customer = item.Customer.Id;
        if (!string.Equals(customer, _lastCustomer, StringComparison.Ordinal))
        {
            if (_lastCustomer is not null && string.CompareOrdinal(customer, _lastCustomer) < 0)
            {
                throw new ArgumentException(
                    $"The charges must be ordered by customer id (ordinal): customer '{customer}' (charge '{item.Charge.Id}') comes after '{_lastCustomer}'.", _sequenceName);
            }

            if (_batch.Count >= _batchSize)
            {
                Flush();
            }

            _customers++;
            _lastCustomer = customer;
        }

        _batch.Add(item);
        _charges++;
    }

    public DunningForecast Finish()
    {
        Flush();
        var days = new ForecastDay[_days];
        for (var i = 0; i < _days; i++)
        {
            var t = _totals[i];
            days[i] = new ForecastDay(_from.PlusDays(i), t.Messages, t.Escalations, t.Charges, t.Amount, t.ByChannel, t.ByStep);
        }

        return new DunningForecast(days, _charges, _customers, _skipped, _batches, _largest);
    }

    private void Flush()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        _batches++;
        _largest = Math.Max(_largest, _batch.Count);
        var preview = _planner.Preview(_batch, _ruler, _from, _days);
        foreach (var e in preview.Events)
        {
            var t = _totals[Period.DaysBetween(_from, e.Local.Date)];
            if (e.Action == Ruler.StepActionKind.Message)
            {
                t.Messages++;
                t.Charges += e.ChargeIds.Count;
                t.Amount += e.AmountDue;
                foreach (var channel in e.Channels)
                {
                    t.ByChannel[channel] = t.ByChannel.GetValueOrDefault(channel) + 1;
                }
            }
            else
            {
                t.Escalations++;
            }

            t.ByStep[e.StepId] = t.ByStep.GetValueOrDefault(e.StepId) + 1;
        }

        foreach (var s in preview.Skipped)
        {
            _skipped[s.Cause] = _skipped.GetValueOrDefault(s.Cause) + 1;
        }

        _batch.Clear();
    }

    private sealed class Day
    {
        public long Messages { get; set; }

        public long Escalations { get; set; }

        public long Charges { get; set; }

        public decimal Amount { get; set; }

        public SortedDictionary<string, long> ByChannel { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, long> ByStep { get; } = new(StringComparer.Ordinal);
    }
}

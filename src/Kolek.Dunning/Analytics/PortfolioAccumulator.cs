using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>Computes a <see cref="PortfolioInsight"/> in one pass: <see cref="Add"/> each charge once, in any order, then read <see cref="Result"/>.</summary>
/// <remarks>
/// <para>Memory is bounded by the delinquent customers and the journal, not by the number of charges: the accumulator keeps
/// running sums, one entry per customer with an overdue item, and the journal's sent entries indexed by charge. So a million
/// charges can be streamed from a reader (<see cref="IEnumerable{T}"/>) without being held.</para>
/// <para>The result does not depend on the order in which charges are added. <see cref="PortfolioAnalytics.Insight"/> wraps this type.</para>
/// <para>An instance is not thread-safe: add from one thread at a time.</para>
/// </remarks>
public sealed class PortfolioAccumulator
{
    private static readonly ChargeState[] s_states = Enum.GetValues<ChargeState>();

    private readonly LocalDate _asOf;
    private readonly BusinessCalendar _calendar;
    private readonly InsightOptions _options;
    private readonly AgingTally _aging = new();
    private readonly DelinquentTally _delinquents = new();
    private readonly int[] _stateCounts = new int[s_states.Length];
    private readonly decimal[] _stateAmounts = new decimal[s_states.Length];
    private readonly LocalDate _periodStart;
    private readonly LocalDate[] _trendDates;
    private readonly decimal[] _trendReceivables;
    private readonly decimal[] _trendOverdue;
    private readonly StepTally _steps;
    private int _dueSoon;
    private decimal _dueSoonAmount;
    private decimal _begin;
    private decimal _sales;
    private decimal _endCurrent;

    /// <summary>Starts an empty accumulation.</summary>
    /// <param name="asOf">The date of the report.</param>
    /// <param name="calendar">The business calendar of the due-date shift (usually <see cref="BusinessCalendar.BrazilBanking"/>).</param>
    /// <param name="options">The settings; <see langword="null"/> for <see cref="InsightOptions.Default"/>.</param>
    /// <param name="journal">The dunning journal, for step effectiveness; <see langword="null"/> or empty for none. Entries claimed after
    /// <paramref name="asOf"/> (in <see cref="InsightOptions.TimeZone"/>) are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public PortfolioAccumulator(LocalDate asOf, BusinessCalendar calendar, InsightOptions? options = null, IEnumerable<JournalEntry>? journal = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _asOf = asOf;
        _calendar = calendar;
        _options = options ?? InsightOptions.Default;
        _periodStart = asOf.PlusDays(-_options.PeriodDays);
        _trendDates = TrendDates(asOf, _options.TrendMonths);
        _trendReceivables = new decimal[_trendDates.Length];
        _trendOverdue = new decimal[_trendDates.Length];
        _steps = new StepTally(journal ?? [], asOf, _options);
    }

    /// <summary>The number of charges added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one charge.</summary>
    /// <param name="item">The charge with its customer (the customer's name goes into the delinquents).</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> or its charge is <see langword="null"/>.</exception>
    public void Add(CustomerCharge item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(item.Charge, nameof(item));
        var charge = item.Charge;
        Count++;
        if (charge.IssueDate > _asOf)
        {
            return; // not issued yet on asOf: in no figure (the past balances, sales and trend count it from its issue date)
        }

        var standing = PortfolioAnalytics.Standing(charge, _asOf, _calendar);
        var state = (int)standing.State - 1;
        _stateCounts[state]++;
        _stateAmounts[state] += standing.Outstanding;
        _aging.Add(standing);
        _delinquents.Add(standing, item.Customer?.Name);
        if (IsDueSoon(standing, _asOf, _options))
        {
            _dueSoon++;
            _dueSoonAmount += standing.Outstanding;
        }

        _steps.Add(standing, charge.PaidDate);
        if (charge.Status is ChargeStatus.Cancelled or ChargeStatus.Agreement or ChargeStatus.Disputed)
        {
            return;
        }

        if (charge.IssueDate > _periodStart && charge.IssueDate <= _asOf)
        {
            _sales += charge.Amount;
        }

        _begin += Balance(charge, _periodStart);
        var end = Balance(charge, _asOf);
        if (_asOf <= standing.AdjustedDueDate)
        {
            _endCurrent += end;
        }

        for (var i = 0; i < _trendDates.Length; i++)
        {
            var balance = i == _trendDates.Length - 1 ? end : Balance(charge, _trendDates[i]);
            _trendReceivables[i] += balance;
            if (_trendDates[i] > standing.AdjustedDueDate)
            {
                _trendOverdue[i] += balance;
            }
        }
    }

    /// <summary>Adds every charge of <paramref name="items"/>, enumerating it once.</summary>
    /// <param name="items">The charges; a lazily read sequence is fine.</param>
    /// <returns>This accumulator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="items"/> contains a <see langword="null"/> item.</exception>
    public PortfolioAccumulator AddRange(IEnumerable<CustomerCharge> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            if (item?.Charge is null)
            {
                throw new ArgumentException("The sequence contains a null item.", nameof(items));
            }

            Add(item);
        }

        return this;
    }

    /// <summary>The insight over the charges added so far; the accumulator can go on accumulating afterwards.</summary>
    /// <returns>The insight.</returns>
    public PortfolioInsight Result()
    {
        var states = s_states.Select((s, i) => new StateCount(s, _stateCounts[i], _stateAmounts[i])).ToList().AsReadOnly();
        var endReceivables = _trendReceivables[^1];
        var collection = new CollectionMetrics(_periodStart, _asOf, _options.PeriodDays, _begin, _sales, endReceivables, _endCurrent);
        var trend = _trendDates.Select((d, i) => new OverduePoint(d, _trendReceivables[i], _trendOverdue[i])).ToList().AsReadOnly();
        return new PortfolioInsight(_asOf, _aging.Result(), states, _dueSoon, _dueSoonAmount, _delinquents.Result(), collection, trend, _steps.Result());
    }

    /// <summary>Whether an open item is not late and its adjusted due date falls in <c>[asOf, asOf + DueSoonDays]</c>.</summary>
    internal static bool IsDueSoon(ChargeStanding standing, LocalDate asOf, InsightOptions options) =>
        standing.IsOpenItem && standing.DaysLate == 0 && standing.AdjustedDueDate >= asOf
        && standing.AdjustedDueDate <= asOf.PlusDays(options.DueSoonDays);

    /// <summary>
    /// What <paramref name="charge"/> owed at the end of <paramref name="day"/>: 0 before its issue date and for cancelled, agreement
    /// and disputed charges; its whole amount while its payment (<c>PaidDate</c>) is still to come; else what is left after the
    /// payment (0 for a charge marked paid). A payment without a date counts from the issue date.
    /// </summary>
    internal static decimal Balance(Charge charge, LocalDate day)
    {
        if (charge.IssueDate > day || charge.Status is ChargeStatus.Cancelled or ChargeStatus.Agreement or ChargeStatus.Disputed)
        {
            return 0m;
        }

        if (charge.PaidDate is { } paid && paid > day)
        {
            return charge.Amount;
        }

        return charge.Status == ChargeStatus.Paid ? 0m : charge.Outstanding;
    }

    /// <summary>The last day of each of the <c>months − 1</c> months before <paramref name="asOf"/>'s month, then <paramref name="asOf"/>, oldest first.</summary>
    private static LocalDate[] TrendDates(LocalDate asOf, int months)
    {
        var dates = new LocalDate[months];
        dates[^1] = asOf;
        var monthEnd = asOf.With(DateAdjusters.StartOfMonth).PlusDays(-1);
        for (var i = months - 2; i >= 0; i--)
        {
            dates[i] = monthEnd;
            monthEnd = monthEnd.With(DateAdjusters.StartOfMonth).PlusDays(-1);
        }

        return dates;
    }
}

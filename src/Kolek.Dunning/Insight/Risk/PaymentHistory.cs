using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using NodaTime;

namespace Kolek.Dunning.Insight.Risk;

/// <summary>A charge reduced to the facts the risk model may use, with the outcome known on any date.</summary>
/// <remarks>
/// A charge settles on <see cref="Charge.PaidDate"/> when it is <see cref="ChargeStatus.Paid"/> or fully paid; a partial
/// payment does not settle it. A paid charge without a payment date and a cancelled charge are not <see cref="Usable"/>:
/// when they were settled is unknown, and guessing would invent history.
/// </remarks>
internal readonly record struct ChargeFacts(
    LocalDate IssueDate, LocalDate DueDate, LocalDate AdjustedDueDate, LocalDate? SettledOn, decimal Amount, bool Usable)
{
    public const int DaysLateCap = 90;

    /// <summary>Whether the outcome is known on <paramref name="date"/>, whether it is late, and how late (capped) it is then.</summary>
    public (bool Known, bool Late, int DaysLate, bool OpenOverdue) OutcomeOn(LocalDate date)
    {
        if (!Usable || IssueDate > date)
        {
            return default;
        }

        if (SettledOn is { } settled && settled <= date)
        {
            return settled > AdjustedDueDate ? (true, true, Cap(settled), false) : (true, false, 0, false);
        }

        return date > AdjustedDueDate ? (true, true, Cap(date), true) : default;
    }

    /// <summary>Whether the charge is still to be paid on <paramref name="date"/> (not settled by then).</summary>
    public bool UnsettledOn(LocalDate date) => Usable && (SettledOn is not { } settled || settled > date);

    private int Cap(LocalDate date) => Math.Min(DaysLateCap, Period.DaysBetween(DueDate, date));

    public static ChargeFacts Of(Charge charge, BusinessCalendar calendar)
    {
        var settledStatus = charge.Status == ChargeStatus.Paid || (charge.Status == ChargeStatus.Open && charge.Outstanding == 0m);
        var usable = charge.Status != ChargeStatus.Cancelled && !(settledStatus && charge.PaidDate is null);
        return new ChargeFacts(
            charge.IssueDate,
            charge.DueDate,
            calendar.NextBusinessDay(charge.DueDate),
            settledStatus ? charge.PaidDate : null,
            charge.Amount,
            usable);
    }
}

/// <summary>One customer's charges as facts, in a canonical order (due date, then the charge's fields).</summary>
internal sealed record CustomerHistory(string CustomerId, ChargeFacts[] Charges);

/// <summary>Groups a portfolio by customer in a canonical order, so that nothing downstream depends on the input order.</summary>
internal static class PaymentHistory
{
    public static IReadOnlyList<CustomerHistory> Group(IEnumerable<Charge> history, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(history);
        var byCustomer = new Dictionary<string, List<ChargeFacts>>(StringComparer.Ordinal);
        foreach (var charge in history)
        {
            if (charge is null)
            {
                throw new ArgumentException("The sequence contains a null charge.", nameof(history));
            }

            if (!byCustomer.TryGetValue(charge.CustomerId, out var list))
            {
                byCustomer[charge.CustomerId] = list = [];
            }

            list.Add(ChargeFacts.Of(charge, calendar));
        }

        return byCustomer
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new CustomerHistory(p.Key, [.. p.Value
                .OrderBy(f => f.DueDate)
                .ThenBy(f => f.IssueDate)
                .ThenBy(f => f.Amount)
                .ThenBy(f => f.SettledOn ?? LocalDate.MaxIsoValue)
                .ThenBy(f => f.Usable)]))
            .ToList();
    }

    /// <summary>The portfolio's smoothed late rate on <paramref name="date"/>: <c>(late + 1) ÷ (resolved + 2)</c>.</summary>
    public static double PortfolioLateRate(IReadOnlyList<CustomerHistory> customers, LocalDate date)
    {
        long resolved = 0, late = 0;
        foreach (var customer in customers)
        {
            foreach (var charge in customer.Charges)
            {
                var outcome = charge.OutcomeOn(date);
                if (outcome.Known)
                {
                    resolved++;
                    late += outcome.Late ? 1 : 0;
                }
            }
        }

        return (late + 1.0) / (resolved + 2.0);
    }

    /// <summary>The customer's features on <paramref name="date"/>, or <see langword="null"/> when no charge was issued by then.</summary>
    public static CustomerRiskFeatures? Features(CustomerHistory customer, LocalDate date, double portfolioRate, int recentDays)
    {
        int issued = 0, resolved = 0, late = 0, openOverdue = 0, daysSum = 0;
        int recentN = 0, recentLate = 0, earlierN = 0, earlierLate = 0;
        var amountSum = 0m;
        var firstIssue = LocalDate.MaxIsoValue;
        var recentFrom = date.PlusDays(-recentDays);
        foreach (var charge in customer.Charges)
        {
            if (charge.IssueDate > date)
            {
                continue;
            }

            issued++;
            amountSum += charge.Amount;
            firstIssue = LocalDate.Min(firstIssue, charge.IssueDate);
            var outcome = charge.OutcomeOn(date);
            if (!outcome.Known)
            {
                continue;
            }

            var lateOne = outcome.Late ? 1 : 0;
            resolved++;
            late += lateOne;
            daysSum += outcome.DaysLate;
            openOverdue += outcome.OpenOverdue ? 1 : 0;
            if (charge.DueDate > recentFrom)
            {
                recentN++;
                recentLate += lateOne;
            }
            else
            {
                earlierN++;
                earlierLate += lateOne;
            }
        }

        if (issued == 0)
        {
            return null;
        }

        return new CustomerRiskFeatures(
            customer.CustomerId,
            date,
            resolved,
            late,
            resolved == 0 ? 0 : (double)daysSum / resolved,
            (recentLate + portfolioRate) / (recentN + 1),
            (earlierLate + portfolioRate) / (earlierN + 1),
            openOverdue,
            amountSum / issued,
            Math.Max(0, Period.DaysBetween(firstIssue, date)),
            portfolioRate);
    }

    /// <summary>
    /// The label of a snapshot: whether the customer's next charge still to be paid on <paramref name="date"/>, due in
    /// <c>(date, date + horizon]</c>, was paid late, as known on <paramref name="knownOn"/>; <see langword="null"/> when there
    /// is no such charge or its outcome is not known yet.
    /// </summary>
    public static bool? NextChargeLate(CustomerHistory customer, LocalDate date, int horizonDays, LocalDate knownOn)
    {
        var until = date.PlusDays(horizonDays);
        foreach (var charge in customer.Charges)
        {
            if (charge.DueDate <= date || !charge.UnsettledOn(date))
            {
                continue;
            }

            if (charge.DueDate > until)
            {
                return null;
            }

            var outcome = charge.OutcomeOn(knownOn);
            return outcome.Known ? outcome.Late : null;
        }

        return null;
    }
}

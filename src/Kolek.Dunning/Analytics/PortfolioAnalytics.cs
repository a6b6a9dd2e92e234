using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>Portfolio insight as of a date: each charge's standing, the aging of the open items and the delinquent customers.</summary>
/// <remarks>
/// <para>Every method is a pure function of its arguments: no clock, no I/O, and the result does not depend on the order
/// of the input. Money is summed exactly in <see cref="decimal"/>; only <see cref="AgingReport.DelinquencyRate"/> is rounded.</para>
/// <para>Lateness follows the boleto rule (Lei 7.089/83) used by <see cref="LateCharges.LateChargeCalculator"/>: a due date on a
/// non-business day moves to the next business day, so a charge is late only once that <em>adjusted</em> due date has passed; the
/// days late are then counted from the <em>original</em> due date. Pass the calendar the due dates are shifted by, usually
/// <see cref="BusinessCalendar.BrazilBanking"/>.</para>
/// <para>The payment status is taken as the host reports it now: <c>asOf</c> is the date lateness is measured at, not a
/// reconstruction of the portfolio's past (a charge paid after <c>asOf</c> is still reported paid).</para>
/// <para>This type is stateless and thread-safe.</para>
/// </remarks>
public static class PortfolioAnalytics
{
    /// <summary>Where <paramref name="charge"/> stands on <paramref name="asOf"/>.</summary>
    /// <param name="charge">The charge.</param>
    /// <param name="asOf">The date of the report.</param>
    /// <param name="calendar">The business calendar of the due-date shift.</param>
    /// <returns>
    /// <para>With <c>adjusted = calendar.NextBusinessDay(DueDate)</c> and <c>late(d) = d &gt; adjusted ? d − DueDate (calendar days) : 0</c>,
    /// the first matching row wins:</para>
    /// <list type="table">
    /// <listheader><term>condition</term><description>state; outstanding; days late</description></listheader>
    /// <item><term><c>PaidDate &gt; asOf</c>, <c>Status</c> Paid or Open</term><description>as on <c>asOf</c>, before that payment: Late when <c>late(asOf) &gt; 0</c>, else Open; <c>Charge.Amount</c>; <c>late(asOf)</c></description></item>
    /// <item><term><c>Status</c> Cancelled</term><description>Cancelled; <c>Charge.Outstanding</c>; 0</description></item>
    /// <item><term><c>Status</c> Agreement</term><description>Agreement; <c>Charge.Outstanding</c>; 0</description></item>
    /// <item><term><c>Status</c> Disputed</term><description>Disputed; <c>Charge.Outstanding</c>; <c>late(asOf)</c></description></item>
    /// <item><term><c>Status</c> Paid, or <c>Outstanding = 0</c></term><description>Paid; 0; <c>late(min(PaidDate, asOf))</c> when <c>PaidDate</c> is known, else 0</description></item>
    /// <item><term><c>PaidAmount &gt; 0</c></term><description>PartiallyPaid; <c>Charge.Outstanding</c>; <c>late(asOf)</c></description></item>
    /// <item><term><c>late(asOf) &gt; 0</c></term><description>Late; <c>Charge.Outstanding</c>; <c>late(asOf)</c></description></item>
    /// <item><term>otherwise</term><description>Open; <c>Charge.Outstanding</c>; 0</description></item>
    /// </list>
    /// <para>So a charge due on Saturday 14 Nov 2026 (Sunday 15 a holiday) is 0 days late on Monday 16 and 3 days late on Tuesday 17.
    /// A paid charge's days late say how late it was paid; a cancelled or agreement charge is owed no more, so it is never late.</para>
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="charge"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The charge's status is not a defined <see cref="ChargeStatus"/>.</exception>
    public static ChargeStanding Standing(Charge charge, LocalDate asOf, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(calendar);

        var adjusted = calendar.NextBusinessDay(charge.DueDate);
        int LateOn(LocalDate date) => date > adjusted ? Period.DaysBetween(charge.DueDate, date) : 0;

        if (charge.PaidDate is { } paidLater && paidLater > asOf && charge.Status is ChargeStatus.Paid or ChargeStatus.Open)
        {
            // Not yet paid on asOf (the past is rebuilt as the trend does): the whole amount was still owed.
            return LateOn(asOf) is var lateThen && lateThen > 0
                ? new ChargeStanding(charge.Id, charge.CustomerId, ChargeState.Late, charge.Amount, lateThen, adjusted)
                : new ChargeStanding(charge.Id, charge.CustomerId, ChargeState.Open, charge.Amount, 0, adjusted);
        }

        var (state, outstanding, daysLate) = charge.Status switch
        {
            ChargeStatus.Cancelled => (ChargeState.Cancelled, 0m, 0),
            ChargeStatus.Agreement => (ChargeState.Agreement, charge.Outstanding, 0),
            ChargeStatus.Disputed => (ChargeState.Disputed, charge.Outstanding, LateOn(asOf)),
            ChargeStatus.Paid => Settled(),
            ChargeStatus.Open when charge.Outstanding == 0m => Settled(),
            ChargeStatus.Open when charge.PaidAmount > 0m => (ChargeState.PartiallyPaid, charge.Outstanding, LateOn(asOf)),
            ChargeStatus.Open => LateOn(asOf) is var late && late > 0
                ? (ChargeState.Late, charge.Outstanding, late)
                : (ChargeState.Open, charge.Outstanding, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(charge), charge.Status, "The charge's status is not a defined ChargeStatus."),
        };

        return new ChargeStanding(charge.Id, charge.CustomerId, state, outstanding, daysLate, adjusted);

        (ChargeState, decimal, int) Settled() =>
            (ChargeState.Paid, 0m, charge.PaidDate is { } paid ? LateOn(LocalDate.Min(paid, asOf)) : 0);
    }

    /// <summary>The aging of the open items among <paramref name="charges"/> on <paramref name="asOf"/>.</summary>
    /// <param name="charges">The portfolio; any order. Charges that are not open items are ignored.</param>
    /// <param name="asOf">The date of the report.</param>
    /// <param name="calendar">The business calendar of the due-date shift.</param>
    /// <returns>
    /// <para>Over the open items <c>O</c> = charges whose <see cref="Standing"/> is Open, Late or PartiallyPaid (paid, cancelled,
    /// disputed and agreement charges are left out), with <c>o(c)</c> the outstanding and <c>d(c)</c> the days late:</para>
    /// <list type="bullet">
    /// <item><description>bucket <c>b</c>: <c>Count = |{c ∈ O : d(c) ∈ b}|</c>, <c>Amount = Σ o(c)</c> over those, where <c>current</c> is
    /// <c>d = 0</c>, then <c>1-30</c>, <c>31-60</c>, <c>61-90</c>, and <c>90+</c> is <c>d ≥ 91</c>; all five always present, in that order;</description></item>
    /// <item><description><c>OpenCharges = |O|</c>, <c>Outstanding = Σ_O o(c)</c>, <c>Overdue = Σ_{c ∈ O, d(c) &gt; 0} o(c)</c>;</description></item>
    /// <item><description><c>DelinquencyRate = round₄(Overdue ÷ Outstanding)</c>, 0 when <c>Outstanding = 0</c>.</description></item>
    /// </list>
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="charges"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="charges"/> contains a <see langword="null"/> charge.</exception>
    public static AgingReport Aging(IEnumerable<Charge> charges, LocalDate asOf, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentNullException.ThrowIfNull(calendar);

        var tally = new AgingTally();
        foreach (var charge in charges)
        {
            if ((charge ?? throw NullElement(nameof(charges))).IssueDate <= asOf)
            {
                tally.Add(Standing(charge, asOf, calendar));
            }
        }

        return tally.Result();
    }

    /// <summary>The customers with overdue items on <paramref name="asOf"/>, largest overdue amount first.</summary>
    /// <param name="charges">The portfolio with each charge's customer; any order.</param>
    /// <param name="asOf">The date of the report.</param>
    /// <param name="calendar">The business calendar of the due-date shift.</param>
    /// <returns>
    /// <para>Charges are grouped by <see cref="Charge.CustomerId"/> (ordinal). With <c>L(k)</c> the customer's overdue items (open
    /// items with days late &gt; 0, see <see cref="Aging"/>): <c>Overdue = Σ_{L(k)} outstanding</c>,
    /// <c>OldestDaysLate = max_{L(k)} days late</c>, <c>Charges = |L(k)|</c>. Only customers with <c>Overdue &gt; 0</c> are listed,
    /// sorted by <c>Overdue</c> descending, then <c>CustomerId</c> ordinal ascending.</para>
    /// <para><c>Name</c> is the ordinally smallest non-empty <see cref="Customer.Name"/> among the customer's overdue items, so that it
    /// does not depend on the input order when the host sends inconsistent copies of a customer.</para>
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="charges"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="charges"/> contains a <see langword="null"/> item.</exception>
    public static IReadOnlyList<DelinquentCustomer> Delinquents(IEnumerable<CustomerCharge> charges, LocalDate asOf, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentNullException.ThrowIfNull(calendar);

        var tally = new DelinquentTally();
        foreach (var item in charges)
        {
            if (item?.Charge is null)
            {
                throw NullElement(nameof(charges));
            }

            if (item.Charge.IssueDate <= asOf)
            {
                tally.Add(Standing(item.Charge, asOf, calendar), item.Customer?.Name);
            }
        }

        return tally.Result();
    }

    /// <summary>Everything portfolio insight computes, in one pass over <paramref name="charges"/>.</summary>
    /// <param name="charges">The portfolio with each charge's customer; any order; enumerated once, so a streamed sequence is fine.</param>
    /// <param name="asOf">The date of the report.</param>
    /// <param name="calendar">The business calendar of the due-date shift.</param>
    /// <param name="options">The settings; <see langword="null"/> for <see cref="InsightOptions.Default"/>.</param>
    /// <param name="journal">The dunning journal, for step effectiveness; <see langword="null"/> for none.</param>
    /// <returns>The aging, states, due-soon items, delinquents, DSO and CEI, the delinquency trend and step effectiveness
    /// (see <see cref="PortfolioAccumulator"/> and <c>docs/insight.md</c> for the formulas). Its aging equals <see cref="Aging"/>
    /// and its delinquents equal <see cref="Delinquents"/> over the same charges.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="charges"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="charges"/> contains a <see langword="null"/> item.</exception>
    public static PortfolioInsight Insight(IEnumerable<CustomerCharge> charges, LocalDate asOf, BusinessCalendar calendar,
        InsightOptions? options = null, IEnumerable<JournalEntry>? journal = null)
    {
        ArgumentNullException.ThrowIfNull(charges);
        return new PortfolioAccumulator(asOf, calendar, options, journal).AddRange(charges).Result();
    }

    private static ArgumentException NullElement(string paramName) =>
        new("The sequence contains a null item.", paramName);
}

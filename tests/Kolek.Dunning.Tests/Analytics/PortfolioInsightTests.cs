using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using NodaTime;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Analytics;

/// <summary>DSO, CEI, aging, trend and step effectiveness of a small portfolio, computed by hand (docs/insight.md, worked example 2).</summary>
public sealed class PortfolioInsightTests
{
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.BrazilBanking;

    // As of Thursday 2026-12-03, a 30-day period: (2026-11-03, 2026-12-03], so PeriodStart = 2026-11-03.
    private static readonly LocalDate s_asOf = Date(2026, 12, 3);
    private static readonly InsightOptions s_options = new() { PeriodDays = 30, TrendMonths = 3, DueSoonDays = 7 };

    private static CustomerCharge[] Portfolio() =>
    [
        // A: issued 1 Oct, due Fri 30 Oct, unpaid. Owed 1000 on 3 Nov and on 3 Dec; 1 + 30 + 3 = 34 days late → 31-60.
        Charge("A", Date(2026, 10, 30), 1000m, "K-1", issue: Date(2026, 10, 1)),
        // B: issued 15 Oct, due Mon 16 Nov, paid in full on 20 Nov. Owed 2000 on 3 Nov (paid later), 0 on 3 Dec.
        Paid(Charge("B", Date(2026, 11, 16), 2000m, "K-2", ChargeStatus.Paid, paid: 2000m, issue: Date(2026, 10, 15)), Date(2026, 11, 20)),
        // C: issued 10 Nov (in the period), due Thu 10 Dec: 3000 current on 3 Dec, due within 7 days.
        Charge("C", Date(2026, 12, 10), 3000m, "K-3", issue: Date(2026, 11, 10)),
        // D: issued 5 Nov (in the period), due Wed 25 Nov, 200 paid without a date (counts from issue): 300 owed, 8 days late → 1-30.
        Charge("D", Date(2026, 11, 25), 500m, "K-1", paid: 200m, issue: Date(2026, 11, 5)),
        // E: cancelled: neither a sale nor a receivable.
        Charge("E", Date(2026, 11, 27), 800m, "K-4", ChargeStatus.Cancelled, issue: Date(2026, 11, 12)),
    ];

    private static CustomerCharge Paid(CustomerCharge charge, LocalDate paidDate) => charge with { Charge = charge.Charge with { PaidDate = paidDate } };

    [Fact]
    public void Collection_SmallPortfolio_HandComputedDsoAndCei()
    {
        var c = PortfolioAnalytics.Insight(Portfolio(), s_asOf, s_calendar, s_options).Collection;

        Assert.Equal(Date(2026, 11, 3), c.PeriodStart);
        Assert.Equal(3000m, c.BeginReceivables);       // A 1000 + B 2000 (paid only on 20 Nov)
        Assert.Equal(3500m, c.CreditSales);            // C 3000 + D 500 (E cancelled; A and B issued before the period)
        Assert.Equal(4300m, c.EndReceivables);         // A 1000 + C 3000 + D 300
        Assert.Equal(3000m, c.EndCurrentReceivables);  // C only (A and D are past due)
        Assert.Equal(36.9m, c.Dso);                    // 4300 / 3500 × 30 = 36.857… → 36.9
        Assert.Equal(0.6286m, c.Cei);                  // (3000 + 3500 − 4300) / (3000 + 3500 − 3000) = 2200 / 3500 = 0.628571… → 0.6286
    }

    [Fact]
    public void AgingTrendAndStates_SmallPortfolio_HandComputed()
    {
        var insight = PortfolioAnalytics.Insight(Portfolio(), s_asOf, s_calendar, s_options);

        // current: C 3000; 1-30: D 300 (8 days); 31-60: A 1000 (34 days). Overdue 1300 / 4300 = 0.30232… → 0.3023.
        Assert.Equal([(1, 3000m), (1, 300m), (1, 1000m), (0, 0m), (0, 0m)], insight.Aging.Buckets.Select(b => (b.Count, b.Amount)));
        Assert.Equal((3, 4300m, 1300m, 0.3023m), (insight.Aging.OpenCharges, insight.Aging.Outstanding, insight.Aging.Overdue, insight.Aging.DelinquencyRate));
        // 31 Oct: A 1000 (overdue since 30 Oct) + B 2000 (not due) = 3000, overdue 1000.
        // 30 Nov: A 1000 overdue + C 3000 current + D 300 overdue (due 25 Nov) = 4300, overdue 1300; B paid on 20 Nov.
        Assert.Equal(
            [(Date(2026, 10, 31), 3000m, 1000m), (Date(2026, 11, 30), 4300m, 1300m), (Date(2026, 12, 3), 4300m, 1300m)],
            insight.Trend.Select(p => (p.Date, p.Receivables, p.Overdue)));
        Assert.Equal(0.3333m, insight.Trend[0].Rate);
        Assert.Equal((1, 3000m), (insight.DueSoon, insight.DueSoonAmount)); // C: adjusted due 10 Dec ≤ 3 Dec + 7
        var states = insight.States.ToDictionary(s => s.State, s => s.Count);
        Assert.Equal((1, 1, 1, 1, 1), (states[ChargeState.Open], states[ChargeState.Late], states[ChargeState.PartiallyPaid], states[ChargeState.Paid], states[ChargeState.Cancelled]));
        Assert.Equal(["K-1"], insight.Delinquents.Select(d => d.CustomerId)); // A 1000 + D 300, oldest 34
        Assert.Equal((1300m, 34, 2), (insight.Delinquents[0].Overdue, insight.Delinquents[0].OldestDaysLate, insight.Delinquents[0].Charges));
    }

    [Fact]
    public void Steps_FromTheJournal_CountMessagesAndChargesPaidWithinSevenDays()
    {
        JournalEntry[] journal =
        [
            Sent("A", "d5", "whatsapp", "m1", Utc(2026, 11, 4, 13)),   // A never paid
            Sent("B", "d5", "whatsapp", "m2", Utc(2026, 11, 16, 13)),  // B paid 20 Nov: 4 days later → counts
            Sent("B", "d5", "email", "m3", Utc(2026, 11, 16, 13)),     // idem
            Sent("B", "d-3", "email", "m4", Utc(2026, 11, 12, 12)),    // paid 8 days later → does not count
            Sent("D", "d-3", "email", "m5", Utc(2026, 11, 20, 12)),    // D only partially paid → does not count
            Entry("A", "d10", "email", "m6", Utc(2026, 11, 9, 12), JournalOutcome.Failed(true, "timeout", Utc(2026, 11, 9, 12))), // not sent
            Sent("C", "d0", "email", "m7", Utc(2026, 12, 4, 12)),      // after the as-of date → ignored
        ];

        var steps = PortfolioAnalytics.Insight(Portfolio(), s_asOf, s_calendar, s_options, journal).Steps;

        // Steps in the order of their first send (d5 on 4 Nov, d-3 on 12 Nov), channels by name.
        Assert.Equal(
            [("d5", "email", 1, 1, 1, 1m), ("d5", "whatsapp", 2, 2, 1, 0.5m), ("d-3", "email", 2, 2, 0, 0m)],
            steps.Select(s => (s.StepId, s.Channel, s.Sent, s.Charges, s.PaidWithin, s.Rate)));
        Assert.All(steps, s => Assert.Equal(7, s.Days));
    }

    [Fact]
    public void Steps_OneConsolidatedMessageForTwoCharges_CountsOneMessageAndTwoCharges()
    {
        JournalEntry[] journal = [Sent("A", "d5", "email", "m1", Utc(2026, 11, 16, 13)), Sent("B", "d5", "email", "m1", Utc(2026, 11, 16, 13))];

        var step = Assert.Single(PortfolioAnalytics.Insight(Portfolio(), s_asOf, s_calendar, s_options, journal).Steps);

        Assert.Equal((1, 2, 1, 0.5m), (step.Sent, step.Charges, step.PaidWithin, step.Rate));
    }

    [Fact]
    public void Collection_NoSalesInThePeriod_DsoAndCeiAreNull()
    {
        var c = PortfolioAnalytics.Insight([], s_asOf, s_calendar, s_options).Collection;

        Assert.Null(c.Dso);
        Assert.Null(c.Cei);
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InsightOptions { PeriodDays = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new InsightOptions { PaidWithinDays = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new InsightOptions { TrendMonths = 61 });
        Assert.Equal((90, 7, 3, 6), (InsightOptions.Default.PeriodDays, InsightOptions.Default.PaidWithinDays, InsightOptions.Default.DueSoonDays, InsightOptions.Default.TrendMonths));
    }

    internal static JournalEntry Sent(string chargeId, string step, string channel, string messageId, Instant at) =>
        Entry(chargeId, step, channel, messageId, at, JournalOutcome.Sent("p-" + messageId, at));

    internal static JournalEntry Entry(string chargeId, string step, string channel, string messageId, Instant at, JournalOutcome? outcome) =>
        new(new JournalKey(chargeId, step, channel), "claim-" + messageId + channel, messageId, "K", 1, at, outcome);
}

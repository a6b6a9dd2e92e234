using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using NodaTime;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Analytics;

public sealed class PortfolioAnalyticsTests
{
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.BrazilBanking;

    // As of Thursday 2026-12-03. Days late are counted by hand from the original due date.
    private static readonly LocalDate s_asOf = Date(2026, 12, 3);

    private static CustomerCharge[] Portfolio() =>
    [
        Charge("C-01", Date(2026, 12, 10), 1000.00m, "K-1"),                                     // not yet due → current
        Charge("C-02", Date(2026, 11, 28), 500.00m, "K-1"),                                      // Saturday, adjusted Mon 30 Nov; 5 days late → 1-30
        Charge("C-03", Date(2026, 10, 20), 800.00m, "K-2", paid: 300.00m),                       // partial: 500.00 owed; 11 + 30 + 3 = 44 days → 31-60
        Charge("C-04", Date(2026, 8, 31), 1200.00m, "K-2"),                                      // 30 + 31 + 30 + 3 = 94 days → 90+
        Charge("C-05", Date(2026, 9, 15), 300.00m, "K-3", status: ChargeStatus.Cancelled),       // left out
        Paid(Charge("C-06", Date(2026, 11, 5), 450.00m, "K-3", status: ChargeStatus.Paid, paid: 450.00m), Date(2026, 11, 10)), // left out
        Charge("C-07", Date(2026, 9, 30), 250.00m, "K-3"),                                       // 31 + 30 + 3 = 64 days → 61-90
        Charge("C-08", Date(2026, 10, 1), 700.00m, "K-4", status: ChargeStatus.Disputed),        // left out
        Charge("C-09", Date(2026, 12, 3), 150.00m, "K-4"),                                       // due today: not late → current
    ];

    private static CustomerCharge Paid(CustomerCharge charge, LocalDate paidDate) => charge with { Charge = charge.Charge with { PaidDate = paidDate } };

    private static ChargeStanding StandingOf(CustomerCharge charge, LocalDate asOf) => PortfolioAnalytics.Standing(charge.Charge, asOf, s_calendar);

    [Fact]
    public void Aging_SmallPortfolio_HandComputedBucketsAndTotals()
    {
        var report = PortfolioAnalytics.Aging(Portfolio().Select(c => c.Charge), s_asOf, s_calendar);

        Assert.Equal(
            [
                new AgingBucket("current", 2, 1150.00m),
                new AgingBucket("1-30", 1, 500.00m),
                new AgingBucket("31-60", 1, 500.00m),
                new AgingBucket("61-90", 1, 250.00m),
                new AgingBucket("90+", 1, 1200.00m),
            ],
            report.Buckets);
        Assert.Equal(6, report.OpenCharges);
        Assert.Equal(3600.00m, report.Outstanding);
        Assert.Equal(2450.00m, report.Overdue);
        Assert.Equal(0.6806m, report.DelinquencyRate); // 2450 / 3600 = 0.680555…
    }

    [Fact]
    public void Aging_NoCharges_FiveEmptyBucketsAndZeroRate()
    {
        var report = PortfolioAnalytics.Aging([], s_asOf, s_calendar);

        Assert.Equal(AgingBucket.Names, report.Buckets.Select(b => b.Bucket));
        Assert.All(report.Buckets, b => Assert.Equal((0, 0m), (b.Count, b.Amount)));
        Assert.Equal((0, 0m, 0m, 0m), (report.OpenCharges, report.Outstanding, report.Overdue, report.DelinquencyRate));
    }

    [Fact]
    public void Aging_OnlyPaidCancelledDisputedAndAgreement_NothingOpen()
    {
        var closed = Portfolio().Where(c => c.Charge.Status != ChargeStatus.Open)
            .Append(Charge("C-10", Date(2026, 9, 1), 90m, "K-5", status: ChargeStatus.Agreement))
            .Append(Charge("C-11", Date(2026, 9, 1), 90m, "K-5", paid: 90m)); // status still Open, fully paid
        var report = PortfolioAnalytics.Aging(closed.Select(c => c.Charge), s_asOf, s_calendar);

        Assert.Equal(0, report.OpenCharges);
        Assert.Equal(0m, report.Outstanding);
    }

    [Fact]
    public void Delinquents_SmallPortfolio_HandComputedAndSortedByOverdue()
    {
        var delinquents = PortfolioAnalytics.Delinquents(Portfolio(), s_asOf, s_calendar);

        Assert.Equal(
            [
                new DelinquentCustomer("K-2", "Cliente K-2", 1700.00m, 94, 2),
                new DelinquentCustomer("K-1", "Cliente K-1", 500.00m, 5, 1),
                new DelinquentCustomer("K-3", "Cliente K-3", 250.00m, 64, 1),
            ],
            delinquents);
    }

    [Fact]
    public void Delinquents_EqualOverdue_TieBrokenByCustomerIdOrdinal()
    {
        var due = Date(2026, 11, 2);
        CustomerCharge[] charges = [Charge("A", due, 100m, "k-1"), Charge("B", due, 100m, "K-2"), Charge("C", due, 100m, "K-10")];

        var ids = PortfolioAnalytics.Delinquents(charges, s_asOf, s_calendar).Select(d => d.CustomerId);

        Assert.Equal(["K-10", "K-2", "k-1"], ids);
    }

    [Fact]
    public void Delinquents_InconsistentCustomerNames_SmallestNonEmptyNameWhateverTheOrder()
    {
        var due = Date(2026, 11, 2);
        CustomerCharge[] charges =
        [
            Charge("A", due, 100m, "K-1", customer: Customer("K-1") with { Name = "" }),
            Charge("B", due, 100m, "K-1", customer: Customer("K-1") with { Name = "Zeta Ltda" }),
            Charge("C", due, 100m, "K-1", customer: Customer("K-1") with { Name = "Alfa Ltda" }),
        ];

        var forward = PortfolioAnalytics.Delinquents(charges, s_asOf, s_calendar);
        var backward = PortfolioAnalytics.Delinquents(charges.Reverse(), s_asOf, s_calendar);

        Assert.Equal("Alfa Ltda", Assert.Single(forward).Name);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Standing_DueSaturdayCheckedMonday_NotLate()
    {
        // 2026-11-14 is a Saturday and 15 Nov a Sunday holiday: payable on Monday 16 without being late (Lei 7.089/83).
        var standing = PortfolioAnalytics.Standing(Charge("S", Date(2026, 11, 14)).Charge, Date(2026, 11, 16), s_calendar);

        Assert.Equal(new ChargeStanding("S", "K-1", ChargeState.Open, 1000m, 0, Date(2026, 11, 16)), standing);
        Assert.Equal("open", standing.StateName);
    }

    [Fact]
    public void Standing_DueSaturdayCheckedTuesday_ThreeDaysLateFromTheOriginalDueDate()
    {
        var standing = PortfolioAnalytics.Standing(Charge("S", Date(2026, 11, 14)).Charge, Date(2026, 11, 17), s_calendar);

        Assert.Equal(new ChargeStanding("S", "K-1", ChargeState.Late, 1000m, 3, Date(2026, 11, 16)), standing);
        Assert.Equal("late", standing.StateName);
    }

    [Theory]
    [InlineData("2026-02-18", 0)] // Carnival Monday 16 and Tuesday 17 are bank holidays: Ash Wednesday is the adjusted due date
    [InlineData("2026-02-19", 3)]
    public void Standing_DueOnCarnivalMonday_LateOnlyAfterAshWednesday(string asOf, int daysLate)
    {
        var standing = PortfolioAnalytics.Standing(Charge("S", Date(2026, 2, 16)).Charge, Parse(asOf), s_calendar);

        Assert.Equal(Date(2026, 2, 18), standing.AdjustedDueDate);
        Assert.Equal(daysLate, standing.DaysLate);
    }

    [Theory]
    [InlineData("2026-11-10", ChargeState.PartiallyPaid, 0)]
    [InlineData("2026-11-25", ChargeState.PartiallyPaid, 15)]
    public void Standing_PartialPayment_PartiallyPaidWithDaysLateStillCounted(string asOf, ChargeState state, int daysLate)
    {
        var standing = PortfolioAnalytics.Standing(Charge("P", Date(2026, 11, 10), 1000m, paid: 400m).Charge, Parse(asOf), s_calendar);

        Assert.Equal((state, 600m, daysLate), (standing.State, standing.Outstanding, standing.DaysLate));
        Assert.True(standing.IsOpenItem);
        Assert.Equal(daysLate > 0, standing.IsOverdue);
    }

    [Fact]
    public void Standing_PaidLate_PaidWithNothingOutstandingAndDaysLateAtPayment()
    {
        var charge = Paid(Charge("P", Date(2026, 11, 10), 1000m, status: ChargeStatus.Paid, paid: 1000m), Date(2026, 11, 20)).Charge;

        var standing = PortfolioAnalytics.Standing(charge, s_asOf, s_calendar);

        Assert.Equal((ChargeState.Paid, 0m, 10), (standing.State, standing.Outstanding, standing.DaysLate));
        Assert.False(standing.IsOpenItem);
    }

    [Fact]
    public void Standing_PaidDateAfterAsOf_DaysLateCountedToAsOf()
    {
        var charge = Paid(Charge("P", Date(2026, 11, 10), status: ChargeStatus.Paid, paid: 1000m), Date(2026, 12, 20)).Charge;

        Assert.Equal(23, PortfolioAnalytics.Standing(charge, s_asOf, s_calendar).DaysLate);
    }

    [Theory]
    [InlineData(0)]     // marked paid by the host with no amount recorded (e.g. an abatimento)
    [InlineData(1000)]
    public void Standing_StatusPaidWithoutPaidDate_PaidAndNotLate(int paid)
    {
        var standing = PortfolioAnalytics.Standing(Charge("P", Date(2026, 9, 1), 1000m, status: ChargeStatus.Paid, paid: paid).Charge, s_asOf, s_calendar);

        Assert.Equal((ChargeState.Paid, 0m, 0), (standing.State, standing.Outstanding, standing.DaysLate));
    }

    [Fact]
    public void Standing_OpenButFullyPaid_Paid()
    {
        var standing = PortfolioAnalytics.Standing(Charge("P", Date(2026, 9, 1), 1000m, paid: 1200m).Charge, s_asOf, s_calendar);

        Assert.Equal((ChargeState.Paid, 0m), (standing.State, standing.Outstanding));
    }

    [Theory]
    [InlineData(ChargeStatus.Cancelled, ChargeState.Cancelled, 0, 0)]
    [InlineData(ChargeStatus.Agreement, ChargeState.Agreement, 900, 0)]
    [InlineData(ChargeStatus.Disputed, ChargeState.Disputed, 900, 93)]
    public void Standing_ClosedOrPausedStatus_KeepsItsStateAndIsNoOpenItem(ChargeStatus status, ChargeState state, int outstanding, int daysLate)
    {
        var standing = PortfolioAnalytics.Standing(Charge("X", Date(2026, 9, 1), 1000m, status: status, paid: 100m).Charge, s_asOf, s_calendar);

        // A cancelled charge owes nothing (found by a user trial: `states` showed R$ 900 outstanding for it); disputed and
        // agreement charges keep the balance that is contested or renegotiated.
        Assert.Equal((state, (decimal)outstanding, daysLate), (standing.State, standing.Outstanding, standing.DaysLate));
        Assert.False(standing.IsOpenItem);
        Assert.False(standing.IsOverdue);
    }

    [Theory]
    [InlineData(ChargeState.Open, "open")]
    [InlineData(ChargeState.Late, "late")]
    [InlineData(ChargeState.PartiallyPaid, "partially-paid")]
    [InlineData(ChargeState.Paid, "paid")]
    [InlineData(ChargeState.Cancelled, "cancelled")]
    [InlineData(ChargeState.Disputed, "disputed")]
    [InlineData(ChargeState.Agreement, "agreement")]
    public void StateName_EachState_KolekJsonName(ChargeState state, string name)
    {
        var standing = new ChargeStanding("C", "K", state, 0m, 0, s_asOf);

        Assert.Equal(name, standing.StateName);
    }

    [Fact]
    public void Standing_UndefinedStatus_Throws()
    {
        var charge = Charge("X", s_asOf).Charge with { Status = (ChargeStatus)0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioAnalytics.Standing(charge, s_asOf, s_calendar));
    }

    [Fact]
    public void Methods_NullArguments_Throw()
    {
        var charge = Charge("X", s_asOf);

        Assert.Throws<ArgumentNullException>(() => PortfolioAnalytics.Standing(null!, s_asOf, s_calendar));
        Assert.Throws<ArgumentNullException>(() => PortfolioAnalytics.Standing(charge.Charge, s_asOf, null!));
        Assert.Throws<ArgumentNullException>(() => PortfolioAnalytics.Aging(null!, s_asOf, s_calendar));
        Assert.Throws<ArgumentException>(() => PortfolioAnalytics.Aging([charge.Charge, null!], s_asOf, s_calendar));
        Assert.Throws<ArgumentNullException>(() => PortfolioAnalytics.Delinquents(null!, s_asOf, s_calendar));
        Assert.Throws<ArgumentException>(() => PortfolioAnalytics.Delinquents([charge, null!], s_asOf, s_calendar));
    }

    private static LocalDate Parse(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}

using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Planning;
using static Kolek.Dunning.Tests.Analytics.PortfolioInsightTests;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Analytics;

/// <summary>The status of a charge and a customer at an instant, with the last action from the journal and the next from the planner.</summary>
public sealed class CollectionStatusQueryTests
{
    private static readonly DunningPlanner s_planner = new(BusinessCalendar.BrazilBanking);

    [Fact]
    public void Charge_NotYetDue_LastIsTheIssueMessageAndNextIsTheReminderThreeBusinessDaysBefore()
    {
        var charge = Charge("C-1", Date(2026, 12, 10), 500m, issue: Date(2026, 11, 20));
        var query = new CollectionStatusQuery(s_planner, CliRuler,
            [Sent("C-1", "d0", "email", "m1", Utc(2026, 11, 20, 11)), Sent("C-1", "d0", "whatsapp", "m1", Utc(2026, 11, 20, 11))]);

        var status = query.Charge(charge, Utc(2026, 12, 3, 15));

        Assert.Equal(ChargeState.Open, status.Standing.State);
        Assert.False(status.DueSoon); // due 10 Dec: 7 days away, beyond the default 3
        Assert.Equal(("d0", Utc(2026, 11, 20, 11)), (status.LastAction!.StepId, status.LastAction.At));
        Assert.Equal(["email", "whatsapp"], status.LastAction.Channels);
        // d-3 in business days before Thu 10 Dec: Wed 9, Tue 8, Mon 7 Dec, at the 08:00 window opening in São Paulo (11:00 UTC).
        Assert.Equal(("d-3", Utc(2026, 12, 7, 11)), (status.NextAction!.StepId, status.NextAction.At));
        Assert.Equal(["email"], status.NextAction.Channels);
    }

    [Fact]
    public void Charge_LateWithAStepMissed_NextIsTheStepDueNow()
    {
        var charge = Charge("C-2", Date(2026, 11, 25), 500m, issue: Date(2026, 11, 1));
        var query = new CollectionStatusQuery(s_planner, CliRuler, [Sent("C-2", "d2", "whatsapp", "m1", Utc(2026, 11, 27, 12))]);

        var status = query.Charge(charge, Utc(2026, 12, 1, 15));

        Assert.Equal((ChargeState.Late, 6), (status.Standing.State, status.Standing.DaysLate)); // due Wed 25 Nov
        Assert.Equal("d2", status.LastAction!.StepId);
        Assert.Equal("d5", status.NextAction!.StepId); // due Mon 30 Nov, not sent yet: due now
        Assert.True(status.NextAction.At <= Utc(2026, 12, 1, 15));
    }

    [Fact]
    public void Charge_Paid_HasNoNextAction()
    {
        var charge = Charge("C-3", Date(2026, 11, 25), 500m, status: ChargeStatus.Paid, paid: 500m, issue: Date(2026, 11, 1));
        var query = new CollectionStatusQuery(s_planner, CliRuler, []);

        var status = query.Charge(charge, Utc(2026, 12, 1, 15));

        Assert.Equal(ChargeState.Paid, status.Standing.State);
        Assert.Null(status.LastAction);
        Assert.Null(status.NextAction);
    }

    [Fact]
    public void Customer_TotalsAndEarliestNextAction_OverTheirChargesOnly()
    {
        CustomerCharge[] charges =
        [
            Charge("C-1", Date(2026, 12, 10), 500m, "K-1", issue: Date(2026, 11, 20)),
            Charge("C-2", Date(2026, 11, 25), 300m, "K-1", issue: Date(2026, 11, 1)),
            Charge("C-9", Date(2026, 11, 2), 900m, "K-2", issue: Date(2026, 10, 1)),
        ];
        var query = new CollectionStatusQuery(s_planner, CliRuler, [Sent("C-2", "d2", "whatsapp", "m1", Utc(2026, 11, 27, 12))]);

        var status = query.Customer("K-1", charges, Utc(2026, 12, 1, 15));

        Assert.Equal(["C-1", "C-2"], status.Charges.Select(c => c.Standing.ChargeId));
        Assert.Equal((800m, 300m, 6), (status.Outstanding, status.Overdue, status.OldestDaysLate));
        Assert.Equal("d2", status.LastAction!.StepId);
        Assert.Equal("d5", status.NextAction!.StepId); // C-2's d5 is due now, before C-1's d-3 on 7 Dec
    }
}

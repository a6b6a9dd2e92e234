using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using NodaTime;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Planning;

/// <summary>Step conditions, frequency caps, early-payment discounts and ruler books in the planner.</summary>
public sealed class DunningPlannerRulesTests
{
    private static readonly DunningPlanner s_planner = new(BusinessCalendar.BrazilBanking);
    private static readonly HashSet<SentKey> s_nothingDone = [];

    // Monday 2026-12-07 08:00 São Paulo: D+2 of C-1 (due Friday 4) and D+0 of C-2 (issued that day) are both due.
    private static readonly Instant s_monday = Utc(2026, 12, 7, 11, 0);

    private static CustomerCharge C1(decimal paid = 0m, Customer? customer = null) => Charge("C-1", Date(2026, 12, 4), paid: paid, customer: customer);

    private static CustomerCharge C2() => Charge("C-2", Date(2026, 12, 28), issue: Date(2026, 12, 7));

    private static DunningRuler WithD2(StepConditions when) =>
        CliRuler with { Steps = [.. CliRuler.Steps.Select(s => s.Id == "d2" ? s with { When = when } : s)] };

    [Theory]
    [InlineData(null, 999.99, false)]
    [InlineData(1000.00, null, true)]
    [InlineData(500.00, 1000.00, true)]
    [InlineData(1000.01, 5000.00, false)]
    public void Plan_AmountCondition_OnTheOutstandingBalance(double? min, double? max, bool due)
    {
        var ruler = WithD2(new StepConditions { MinAmount = (decimal?)min, MaxAmount = (decimal?)max });
        var plan = s_planner.Plan([C1()], ruler, s_nothingDone, s_monday);
        Assert.Equal(due, plan.Due.Any(a => a.StepId == "d2"));
        Assert.Equal(!due, plan.Skipped.Any(s => s is { StepId: "d2", Cause: SkipCause.ConditionNotMet }));
    }

    [Fact]
    public void Plan_SegmentConsumerAndUnpaidConditions_HoldOrSkipWithTheReason()
    {
        var varejo = Customer() with { Segment = "Varejo" };
        var bySegment = WithD2(new StepConditions { Segments = ["varejo", "atacado"] });
        Assert.Single(s_planner.Plan([C1(customer: varejo)], bySegment, s_nothingDone, s_monday).Due);
        var other = s_planner.Plan([C1(customer: Customer() with { Segment = "industria" })], bySegment, s_nothingDone, s_monday);
        Assert.Empty(other.Due);
        Assert.Contains("segmento 'industria'", other.Skipped.Single(s => s.Cause == SkipCause.ConditionNotMet).Reason);

        var consumersOnly = WithD2(new StepConditions { Customer = CustomerKind.Consumer });
        Assert.Empty(s_planner.Plan([C1()], consumersOnly, s_nothingDone, s_monday).Due);
        Assert.Single(s_planner.Plan([C1(customer: Customer(consumer: true))], consumersOnly, s_nothingDone, s_monday).Due);

        var unpaidOnly = WithD2(new StepConditions { UnpaidOnly = true });
        Assert.Single(s_planner.Plan([C1()], unpaidOnly, s_nothingDone, s_monday).Due);
        var partial = s_planner.Plan([C1(paid: 100m)], unpaidOnly, s_nothingDone, s_monday);
        Assert.Empty(partial.Due);
        Assert.Contains(partial.Skipped, s => s is { StepId: "d2", Cause: SkipCause.ConditionNotMet });
    }

    [Fact]
    public void Preview_ConditionNotMet_ListedAsSkippedAndNoticeBlocksTheEscalation()
    {
        var ruler = CliRuler with { Steps = [.. CliRuler.Steps.Select(s => s.Id == "d10" ? s with { When = new StepConditions { MaxAmount = 10m } } : s)] };
        var preview = s_planner.Preview([C1()], ruler, Date(2026, 11, 1), 90);
        Assert.DoesNotContain(preview.Events, e => e.StepId is "d10" or "protesto");
        Assert.Contains(preview.Skipped, s => s is { StepId: "d10", Cause: SkipCause.ConditionNotMet });
        Assert.Contains(preview.Skipped, s => s is { StepId: "protesto", Cause: SkipCause.NoticeNotDone });
    }

    [Fact]
    public void Plan_CapOneADay_AdmitsTheEarlierStepOfTheRulerAndDefersTheOther()
    {
        var ruler = CliRuler with { Consolidate = Consolidation.Charge, FrequencyCaps = [new FrequencyCap(1, FrequencyPeriod.Day)] };
        var uncapped = s_planner.Plan([C1(), C2()], CliRuler with { Consolidate = Consolidation.Charge }, s_nothingDone, s_monday);
        Assert.Equal(["d0", "d2"], uncapped.Due.Select(a => a.StepId).Order());

        var plan = s_planner.Plan([C2(), C1()], ruler, s_nothingDone, s_monday);
        var action = Assert.Single(plan.Due);
        Assert.Equal(("C-2", "d0"), (action.ChargeIds[0], action.StepId)); // d0 comes before d2 in the ruler
        var capped = plan.Skipped.Single(s => s.Cause == SkipCause.FrequencyCap);
        Assert.Equal(("C-1", "d2"), (capped.ChargeId, capped.StepId));
        Assert.Equal(Utc(2026, 12, 8, 11, 0), plan.NextWakeUp);

        // Later that day the journal holds the d0 message: still capped. The next day d2 goes out (caught up).
        var sentAt = s_monday.Plus(Duration.FromMinutes(1));
        Instant? Done(SentKey k) => k.ChargeId == "C-2" && k.StepId == "d0" ? sentAt : null;
        Assert.Empty(s_planner.Plan([C1(), C2()], ruler, Done, Utc(2026, 12, 7, 15, 0)).Due);
        Assert.Equal("d2", Assert.Single(s_planner.Plan([C1(), C2()], ruler, Done, Utc(2026, 12, 8, 11, 0)).Due).StepId);
    }

    [Fact]
    public void Plan_WeeklyChannelCap_CountsTheJournalOfTheLastSevenDays()
    {
        var ruler = CliRuler with { FrequencyCaps = [new FrequencyCap(2, FrequencyPeriod.Week, "email")] };
        // Two earlier e-mails to K-1 on 2 and 3 December (other charges), both within the 7 days ending on Wednesday 9.
        var old1 = Charge("C-8", Date(2026, 11, 20), status: ChargeStatus.Paid);
        var old2 = Charge("C-9", Date(2026, 11, 21), status: ChargeStatus.Paid);
        Instant? Done(SentKey k) => (k.ChargeId, k.StepId, k.Channel) switch
        {
            ("C-8", "d10", "email") => Utc(2026, 12, 2, 11, 0),
            ("C-9", "d10", "email") => Utc(2026, 12, 3, 11, 0),
            ("C-1", "d2", _) => Utc(2026, 12, 7, 11, 0),
            _ => null,
        };

        var wednesday = Utc(2026, 12, 9, 11, 0); // d5 of C-1 goes by e-mail and WhatsApp
        var plan = s_planner.Plan([C1(), old1, old2], ruler, Done, wednesday);
        Assert.Empty(plan.Due);
        Assert.Contains(plan.Skipped, s => s is { ChargeId: "C-1", StepId: "d5", Cause: SkipCause.FrequencyCap });

        // On Thursday 10 the e-mail of 2 December has left the rolling week.
        Assert.Equal("d5", Assert.Single(s_planner.Plan([C1(), old1, old2], ruler, Done, Utc(2026, 12, 10, 11, 0)).Due).StepId);
    }

    [Fact]
    public void Plan_CapsWithConsolidation_OneMessageForSeveralCharges()
    {
        var ruler = CliRuler with { FrequencyCaps = [new FrequencyCap(1, FrequencyPeriod.Day)] };
        var twin = Charge("C-3", Date(2026, 12, 4));
        var action = Assert.Single(s_planner.Plan([C1(), twin], ruler, s_nothingDone, s_monday).Due);
        Assert.Equal(["C-1", "C-3"], action.ChargeIds);
    }

    [Fact]
    public void Plan_EarlyPaymentDiscount_InTheAmountBeforeTheDueDateOnly()
    {
        var ruler = CliRuler with { LateCharges = CliRuler.LateCharges with { EarlyPayment = new EarlyPaymentDiscount(5m, 10) } };
        var preview = s_planner.Preview([C1()], ruler, Date(2026, 11, 1), 40);
        var amounts = preview.Events.ToDictionary(e => e.StepId, e => e.AmountDue);
        Assert.Equal(950.00m, amounts["d0"]);   // 14 November, up to 24 November: 5% off
        Assert.Equal(1000.00m, amounts["d-3"]); // 1 December: offer over, not late
        Assert.Equal(1021.00m, amounts["d2"]);  // late charges after the due date

        var own = C1() with { Charge = C1().Charge with { EarlyPayment = new EarlyPaymentDiscount(2m) } };
        Assert.Equal(980.00m, s_planner.Preview([own], ruler, Date(2026, 11, 1), 40).Events.Single(e => e.StepId == "d-3").AmountDue);
    }

    [Fact]
    public void Plan_RulerBook_EachChargeWithItsRuler()
    {
        var gentle = CliRuler with { Id = "gentil", Steps = [new RulerStep { Id = "g2", OffsetDays = 2, Channels = ["email"] }] };
        var book = new RulerBook
        {
            Rulers = [CliRuler, gentle],
            Rules = [new RulerSelection("gentil") { Segments = ["vip"] }],
            DefaultRulerId = "padrao",
        };
        var vip = Charge("C-5", Date(2026, 12, 4), customerId: "K-5", customer: Customer("K-5") with { Segment = "VIP" });
        var plan = s_planner.Plan([C1(), vip], book, _ => null, s_monday);
        Assert.Equal(["C-1:d2", "C-5:g2"], plan.Due.Select(a => $"{a.ChargeIds[0]}:{a.StepId}").Order());
        Assert.Equal(plan.Due.Select(a => a.Instant).Order(), plan.Due.Select(a => a.Instant));
    }
}

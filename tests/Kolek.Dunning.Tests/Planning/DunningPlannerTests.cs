using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using NodaTime;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Planning;

public sealed class DunningPlannerTests
{
    private static readonly DunningPlanner s_planner = new(BusinessCalendar.BrazilBanking);
    private static readonly HashSet<SentKey> s_nothingDone = [];

    // C-1: R$ 1.000,00 due Friday 2026-12-04, issued Saturday 2026-11-14.
    private static CustomerCharge C1(ChargeStatus status = ChargeStatus.Open, decimal paid = 0m, LocalDate? promise = null, Customer? customer = null) =>
        Charge("C-1", Date(2026, 12, 4), status: status, paid: paid, promise: promise, customer: customer);

    [Fact]
    public void Plan_DPlus2OnSunday_MovesToMonday0800SaoPaulo()
    {
        var plan = s_planner.Plan([C1()], CliRuler, s_nothingDone, Utc(2026, 12, 7, 11, 0));

        var action = Assert.Single(plan.Due);
        Assert.Equal("d2", action.StepId);
        Assert.Equal(new LocalDateTime(2026, 12, 7, 8, 0), action.Local);
        Assert.Equal(Utc(2026, 12, 7, 11, 0), action.Instant);
        Assert.Equal("America/Sao_Paulo", action.Zone.Id);
        Assert.Equal(["whatsapp", "email"], action.Channels);
        Assert.True(action.Fallback);
        Assert.Equal("atraso", action.Template);
        Assert.Equal(1021.00m, action.AmountDue); // 3 days late: fine 20.00 + interest 1.00
        Assert.Contains("adiada de 2026-12-06", action.Reason);
        Assert.Equal(Utc(2026, 12, 9, 11, 0), plan.NextWakeUp); // d5 on Wednesday 08:00
    }

    [Fact]
    public void Plan_OneMinuteBeforeTheWindow_NothingDueAndWakesAtTheOpening()
    {
        var plan = s_planner.Plan([C1()], CliRuler, s_nothingDone, Utc(2026, 12, 7, 10, 59));
        Assert.Empty(plan.Due);
        Assert.Equal(Utc(2026, 12, 7, 11, 0), plan.NextWakeUp);
    }

    [Fact]
    public void Plan_AfterTheWindowClosed_DefersToTheNextOpening()
    {
        var late = Utc(2026, 12, 7, 23, 30); // 20:30 in São Paulo
        var plan = s_planner.Plan([C1()], CliRuler, s_nothingDone, late);
        Assert.Empty(plan.Due);
        Assert.Equal(Utc(2026, 12, 8, 11, 0), plan.NextWakeUp);

        var eager = new DunningPlanner(BusinessCalendar.BrazilBanking, new KolekDunningOptions { DeferOutsideSendWindow = false });
        Assert.Equal("d2", Assert.Single(eager.Plan([C1()], CliRuler, s_nothingDone, late).Due).StepId);
    }

    [Fact]
    public void Schedule_BusinessDayReminderBeforeCarnival_CountsBackOverTheHolidays()
    {
        var charge = Charge("C-9", Date(2026, 2, 19));
        var schedule = s_planner.Schedule(charge, CliRuler.FindStep("d-3")!, CliRuler);
        Assert.Equal(new LocalDateTime(2026, 2, 12, 8, 0), schedule!.Local); // Thursday: 18, (17, 16 Carnival), 13, 12
        Assert.Equal(Utc(2026, 2, 12, 11, 0), schedule.Instant);
    }

    [Fact]
    public void Schedule_PreDueReminderOnSunday_MovesBackToSaturday()
    {
        var ruler = CliRuler with { Steps = [new RulerStep { Id = "d-1", OffsetDays = -1, Channels = ["email"] }] };
        var schedule = s_planner.Schedule(Charge("C-2", Date(2026, 12, 7)), ruler.Steps[0], ruler)!;
        Assert.Equal(Date(2026, 12, 6), schedule.NominalDate);
        Assert.Equal(new LocalDateTime(2026, 12, 5, 9, 0), schedule.Local); // Saturday window opens at 09:00
        Assert.True(schedule.Shifted);
    }

    [Fact]
    public void Schedule_LateStepAfterWeekendDueDate_CountsFromTheAdjustedDueDate()
    {
        // Due Saturday 2026-11-14; Sunday 15 is a holiday; payable on Monday 16 → D+2 is Wednesday 18, not Monday 16.
        var schedule = s_planner.Schedule(Charge("C-3", Date(2026, 11, 14)), CliRuler.FindStep("d2")!, CliRuler)!;
        Assert.Equal(Date(2026, 11, 18), schedule.Date);
        Assert.False(schedule.Shifted);
    }

    [Fact]
    public void Plan_PaidCharge_NothingDueAndSkippedAsPaid()
    {
        var plan = s_planner.Plan([C1(ChargeStatus.Paid, paid: 1000m)], CliRuler, s_nothingDone, Utc(2026, 12, 7, 11, 0));
        Assert.Empty(plan.Due);
        Assert.Contains(plan.Skipped, s => s is { ChargeId: "C-1", StepId: "d2", Cause: SkipCause.ChargePaid });
        Assert.Null(plan.NextWakeUp);
    }

    [Theory]
    [InlineData(ChargeStatus.Cancelled, SkipCause.ChargeCancelled)]
    [InlineData(ChargeStatus.Disputed, SkipCause.ChargeDisputed)]
    [InlineData(ChargeStatus.Agreement, SkipCause.ChargeInAgreement)]
    public void Plan_StoppedCharge_SkippedWithItsCause(ChargeStatus status, SkipCause cause)
    {
        var plan = s_planner.Plan([C1(status)], CliRuler, s_nothingDone, Utc(2026, 12, 7, 11, 0));
        Assert.Empty(plan.Due);
        Assert.Contains(plan.Skipped, s => s.StepId == "d2" && s.Cause == cause);
    }

    [Fact]
    public void Plan_FallbackStepDoneOnOneChannel_NotDueAgain()
    {
        var done = new HashSet<SentKey> { new("C-1", "d2", "whatsapp") };
        var plan = s_planner.Plan([C1()], CliRuler, done, Utc(2026, 12, 7, 15, 0));
        Assert.Empty(plan.Due);
        // The reminder before the due date is not sent late instead.
        Assert.Contains(plan.Skipped, s => s is { StepId: "d-3", Cause: SkipCause.Missed });
    }

    [Fact]
    public void Plan_StepDoneOnOneOfTwoChannels_OnlyTheOtherChannelIsDue()
    {
        var done = new HashSet<SentKey> { new("C-1", "d2", "whatsapp"), new("C-1", "d5", "email") };
        var action = Assert.Single(s_planner.Plan([C1()], CliRuler, done, Utc(2026, 12, 9, 11, 0)).Due);
        Assert.Equal("d5", action.StepId);
        Assert.Equal(["whatsapp"], action.Channels);
        Assert.Equal([new SentKey("C-1", "d5", "whatsapp")], action.Keys);
    }

    [Fact]
    public void Plan_OptedOutChannel_RemovedAndAllOptedOutSkipped()
    {
        var done = new HashSet<SentKey> { new("C-1", "d2", "email") };
        var one = s_planner.Plan([C1(customer: Customer(optOut: "whatsapp"))], CliRuler, done, Utc(2026, 12, 9, 11, 0));
        Assert.Equal(["email"], Assert.Single(one.Due).Channels);

        var all = s_planner.Plan([C1(customer: Customer(optOut: ["WhatsApp", "email"]))], CliRuler, done, Utc(2026, 12, 9, 11, 0));
        Assert.Empty(all.Due);
        Assert.Contains(all.Skipped, s => s is { StepId: "d5", Cause: SkipCause.OptedOut });
    }

    [Fact]
    public void Plan_PromiseToPay_SkippedUntilThePromiseEnds()
    {
        var during = s_planner.Plan([C1(promise: Date(2026, 12, 10))], CliRuler, s_nothingDone, Utc(2026, 12, 9, 11, 0));
        Assert.Empty(during.Due);
        Assert.Contains(during.Skipped, s => s is { StepId: "d5", Cause: SkipCause.PromiseToPay });
        Assert.Equal(Utc(2026, 12, 11, 11, 0), during.NextWakeUp);

        var after = s_planner.Plan([C1(promise: Date(2026, 12, 10))], CliRuler, s_nothingDone, Utc(2026, 12, 11, 12, 0));
        Assert.Equal("d5", Assert.Single(after.Due).StepId);
    }

    [Fact]
    public void Plan_PartiallyPaid_CollectsTheBalancePlusLateCharges()
    {
        var done = new HashSet<SentKey> { new("C-1", "d2", "whatsapp") };
        var action = Assert.Single(s_planner.Plan([C1(paid: 400m)], CliRuler, done, Utc(2026, 12, 9, 11, 0)).Due);
        Assert.Equal(613.00m, action.AmountDue); // 600 + fine 12.00 + 5 days of interest 1.00
    }

    [Theory]
    [InlineData(CatchUpMode.Latest, "d5")]
    [InlineData(CatchUpMode.All, "d2 d5")]
    [InlineData(CatchUpMode.Skip, "")]
    public void Plan_MissedSteps_FollowTheCatchUpMode(CatchUpMode mode, string expected)
    {
        var ruler = CliRuler with { CatchUp = new CatchUpPolicy(mode) };
        var plan = s_planner.Plan([C1()], ruler, s_nothingDone, Utc(2026, 12, 10, 12, 0)); // Thursday; d2 on Monday, d5 on Wednesday
        Assert.Equal(expected, string.Join(' ', plan.Due.Select(a => a.StepId)));
        var expectedSkip = mode switch { CatchUpMode.Latest => SkipCause.Superseded, _ => SkipCause.Missed };
        if (mode != CatchUpMode.All)
        {
            Assert.Contains(plan.Skipped, s => s.StepId == "d2" && s.Cause == expectedSkip);
        }
    }

    [Fact]
    public void Plan_CatchUpAtTheStalenessLimit_SentThenStaleOneDayLater()
    {
        var done = Done("d0", "d2", "d5");
        // d10 falls on Monday 2026-12-14; the limit is 7 days.
        Assert.Equal("d10", Assert.Single(s_planner.Plan([C1()], CliRuler, done, Utc(2026, 12, 21, 12, 0)).Due).StepId);
        var later = s_planner.Plan([C1()], CliRuler, done, Utc(2026, 12, 22, 12, 0));
        Assert.Empty(later.Due);
        Assert.Contains(later.Skipped, s => s is { StepId: "d10", Cause: SkipCause.Stale });
    }

    [Fact]
    public void Plan_EscalationWithItsNoticeDone_DueOnTheNextAllowedDay()
    {
        // D+30 = Sunday 2027-01-03 → Monday 2027-01-04 08:00.
        var plan = s_planner.Plan([C1()], CliRuler, Done("d-3", "d0", "d2", "d5", "d10"), Utc(2027, 1, 4, 12, 0));
        var action = Assert.Single(plan.Due);
        Assert.Equal((StepActionKind.Protest, "protest"), (action.Action, action.ActionName));
        Assert.Empty(action.Channels);
        Assert.Equal([new SentKey("C-1", "protesto", "protest")], action.Keys);
        Assert.Equal(new LocalDateTime(2027, 1, 4, 8, 0), action.Local);
    }

    [Fact]
    public void Plan_EscalationWithoutItsNotice_Skipped()
    {
        var plan = s_planner.Plan([C1()], CliRuler, Done("d-3", "d0", "d2", "d5"), Utc(2027, 1, 4, 12, 0));
        Assert.DoesNotContain(plan.Due, a => a.StepId == "protesto");
        Assert.Contains(plan.Skipped, s => s is { StepId: "protesto", Cause: SkipCause.NoticeNotDone });
    }

    [Fact]
    public void Plan_EscalationWhoseNoticeWentOutLate_WaitsTheNoticeDays()
    {
        var sentLate = Utc(2026, 12, 28, 12, 0);
        Instant? DoneAt(SentKey key) => key.StepId == "d10" ? sentLate : key.StepId == "protesto" ? null : Instant.MinValue;

        var plan = s_planner.Plan([C1()], CliRuler, DoneAt, Utc(2027, 1, 4, 12, 0));
        Assert.Empty(plan.Due);
        Assert.Contains(plan.Skipped, s => s is { StepId: "protesto", Cause: SkipCause.NoticeTooRecent });
        Assert.Equal(new LocalDate(2027, 1, 7).AtStartOfDayInZone(SaoPaulo).ToInstant(), plan.NextWakeUp);
    }

    [Fact]
    public void Plan_TwoChargesOfOneCustomerSameDay_ConsolidatedPerCustomerDay()
    {
        CustomerCharge[] charges = [Charge("C-2", Date(2026, 12, 4), amount: 500m), C1(), Charge("C-3", Date(2026, 12, 4), customerId: "K-2")];

        var plan = s_planner.Plan(charges, CliRuler, s_nothingDone, Utc(2026, 12, 7, 11, 0));

        Assert.Equal(2, plan.Due.Count);
        var merged = plan.Due.Single(a => a.CustomerId == "K-1");
        Assert.Equal(["C-1", "C-2"], merged.ChargeIds);
        Assert.Equal(1021.00m + 510.50m, merged.AmountDue);
        var perCharge = s_planner.Plan(charges, CliRuler with { Consolidate = Consolidation.Charge }, s_nothingDone, Utc(2026, 12, 7, 11, 0));
        Assert.Equal(3, perCharge.Due.Count);
    }

    [Fact]
    public void Plan_StepCaughtUpForOneChargeAndDueTodayForAnother_OneMessagePerCustomerDay()
    {
        // K-1: C-6 due Thursday 2026-12-03, its d5 on Tuesday 8 was missed; C-1 due Friday 4, d5 on Wednesday 9. A run on
        // Wednesday 9 at 10:00 sends d5 for both now: one message listing both charges, not two the same day.
        CustomerCharge[] charges = [C1(), Charge("C-6", Date(2026, 12, 3), amount: 500m)];
        var done = charges.SelectMany(c => CliRuler.Steps.Where(s => s.Id is "d-3" or "d0" or "d2").SelectMany(s => s.Channels.Select(ch => new SentKey(c.Charge.Id, s.Id, ch))))
            .ToHashSet();

        var plan = s_planner.Plan(charges, CliRuler, done, Utc(2026, 12, 9, 13, 0));

        var merged = Assert.Single(plan.Due);
        Assert.Equal(("d5", "K-1"), (merged.StepId, merged.CustomerId));
        Assert.Equal(["C-1", "C-6"], merged.ChargeIds);
        Assert.Equal(new LocalDateTime(2026, 12, 8, 8, 0), merged.Local); // the earlier schedule: C-6's, caught up
        Assert.Contains("consolidada com 1 outra(s) cobrança(s)", merged.Reason);
        Assert.Equal(2, s_planner.Plan(charges, CliRuler with { Consolidate = Consolidation.Charge }, done, Utc(2026, 12, 9, 13, 0)).Due.Count);
    }

    [Fact]
    public void Plan_DuplicateChargeIds_Throws() =>
        Assert.Throws<ArgumentException>(() => s_planner.Plan([C1(), C1()], CliRuler, s_nothingDone, Utc(2026, 12, 7, 11, 0)));

    [Fact]
    public void Plan_InvalidRuler_ThrowsWithTheErrors()
    {
        var ex = Assert.Throws<ArgumentException>(() => s_planner.Plan([C1()], new DunningRuler { Id = "" }, s_nothingDone, Utc(2026, 12, 7, 11, 0)));
        Assert.Contains(RulerErrorCodes.IdMissing, ex.Message);
        Assert.Contains(RulerErrorCodes.StepsEmpty, ex.Message);
    }

    [Fact]
    public void Plan_CustomerInAnotherZone_WindowResolvedInThatZone()
    {
        var manaus = Customer() with { TimeZone = DateTimeZoneProviders.Tzdb["America/Manaus"] }; // UTC−4
        var action = Assert.Single(s_planner.Plan([C1(customer: manaus)], CliRuler, s_nothingDone, Utc(2026, 12, 7, 12, 0)).Due);
        Assert.Equal(Utc(2026, 12, 7, 12, 0), action.Instant);
        Assert.Empty(s_planner.Plan([C1(customer: manaus)], CliRuler, s_nothingDone, Utc(2026, 12, 7, 11, 30)).Due);
    }

    [Fact]
    public void Preview_OneCharge_TimelineInOrder()
    {
        var preview = s_planner.Preview([C1()], CliRuler, Date(2026, 11, 1), 90);

        Assert.Equal(["d0", "d-3", "d2", "d5", "d10", "protesto"], preview.Events.Select(e => e.StepId));
        Assert.Equal([Date(2026, 11, 14), Date(2026, 12, 1), Date(2026, 12, 7), Date(2026, 12, 9), Date(2026, 12, 14), Date(2027, 1, 4)],
            preview.Events.Select(e => e.Local.Date));
        Assert.Equal([1000m, 1000m, 1021.00m, 1021.67m], preview.Events.Take(4).Select(e => e.AmountDue));
        Assert.Empty(preview.Skipped);
    }

    [Fact]
    public void Preview_PaidAndOptedOut_SkippedInRange()
    {
        var preview = s_planner.Preview(
            [Charge("P-1", Date(2026, 12, 4), status: ChargeStatus.Paid), Charge("O-1", Date(2026, 12, 4), customerId: "K-9", customer: Customer("K-9", optOut: ["email"]))],
            CliRuler, Date(2026, 12, 1), 7);

        Assert.Equal(["d-3", "d2"], preview.Skipped.Where(s => s.ChargeId == "P-1").Select(s => s.StepId));
        Assert.All(preview.Skipped.Where(s => s.ChargeId == "P-1"), s => Assert.Equal(SkipCause.ChargePaid, s.Cause));
        Assert.Contains(preview.Skipped, s => s is { ChargeId: "O-1", StepId: "d-3", Cause: SkipCause.OptedOut });
        Assert.Equal(["whatsapp"], preview.Events.Single(e => e.StepId == "d2").Channels);
    }

    private static HashSet<SentKey> Done(params string[] steps) =>
        [.. from id in steps
            let step = CliRuler.FindStep(id)!
            from channel in step.IsEscalation ? [step.EscalationKey] : step.Channels
            select new SentKey("C-1", id, channel)];
}

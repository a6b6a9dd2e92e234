using Kolek.Dunning.Calendar;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using NodaTime;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Planning;

/// <summary>The seed's ruler (D+0, D+2, D+5, D+10, protest) over holiday weekends, midnight-crossing windows and historical DST dates.</summary>
public sealed class DunningPlannerCalendarTests
{
    private static readonly DunningPlanner s_planner = new(BusinessCalendar.BrazilBanking);

    private static string Timeline(LocalDate due, LocalDate issue, int days = 70) =>
        string.Join(" ", s_planner.Preview([Charge("C-1", due, issue: issue)], CliRuler, issue, days).Events
            .Select(e => $"{e.StepId}@{e.Local:uuuu-MM-dd'T'HH:mm}"));

    [Fact]
    public void Preview_DueOnGoodFriday_LateStepsCountFromEasterMonday()
    {
        // Friday 2026-04-03 is Good Friday: payable on Monday 6 without charges, so D+2 is Wednesday 8 and D+5 Saturday 11 (09:00).
        // The reminder counts 3 business days back from the printed due date: 2, 1 April, 31 March.
        Assert.Equal(
            "d0@2026-03-14T09:00 d-3@2026-03-31T08:00 d2@2026-04-08T08:00 d5@2026-04-11T09:00 d10@2026-04-16T08:00 protesto@2026-05-06T08:00",
            Timeline(Date(2026, 4, 3), Date(2026, 3, 14)));
    }

    [Fact]
    public void Preview_DueOnTiradentes_AdjustedToWednesdayAndReminderSkipsTheHoliday()
    {
        // Tuesday 2026-04-21 (Tiradentes): payable on Wednesday 22; D+2 Friday 24; reminder: 20, 17, 16 April.
        Assert.Equal(
            "d0@2026-04-01T08:00 d-3@2026-04-16T08:00 d2@2026-04-24T08:00 d5@2026-04-27T08:00 d10@2026-05-02T09:00 protesto@2026-05-22T08:00",
            Timeline(Date(2026, 4, 21), Date(2026, 4, 1)));
    }

    [Fact]
    public void Preview_DueOnChristmas_LateStepsAfterTheBankHolidaysOfYearEnd()
    {
        // Friday 2026-12-25: payable on Monday 28; D+2 Wednesday 30, D+5 Saturday 2 January (09:00), D+10 Thursday 7 January.
        Assert.Equal(
            "d0@2026-12-05T09:00 d-3@2026-12-22T08:00 d2@2026-12-30T08:00 d5@2027-01-02T09:00 d10@2027-01-07T08:00 protesto@2027-01-27T08:00",
            Timeline(Date(2026, 12, 25), Date(2026, 12, 5)));
    }

    [Fact]
    public void Preview_LateStepOnChristmasDay_MovesForwardToSaturday()
    {
        // Due Wednesday 2026-12-23: D+2 is Friday 25 (no holiday window) → Saturday 26 at 09:00.
        var d2 = s_planner.Preview([Charge("C-1", Date(2026, 12, 23))], CliRuler, Date(2026, 12, 20), 10).Events.Single(e => e.StepId == "d2");
        Assert.Equal(new LocalDateTime(2026, 12, 26, 9, 0), d2.Local);
        Assert.Contains("adiada de 2026-12-25", d2.Reason);
    }

    [Fact]
    public void Preview_DueBeforeCarnival_DPlus2OnSundayWaitsForAshWednesday()
    {
        // Due Friday 2026-02-13: D+2 Sunday 15 → Carnival Monday 16 and Tuesday 17 have no window → Ash Wednesday 18 at 08:00.
        var d2 = s_planner.Preview([Charge("C-1", Date(2026, 2, 13))], CliRuler, Date(2026, 2, 10), 10).Events.Single(e => e.StepId == "d2");
        Assert.Equal(new LocalDateTime(2026, 2, 18, 8, 0), d2.Local);
    }

    [Fact]
    public void Schedule_PreDueReminderBeforeCarnival_MovesBackNotForward()
    {
        // Calendar-day reminder D-1 for a charge due Wednesday 2026-02-18 falls on Carnival Tuesday: moves back to Saturday 14.
        var ruler = CliRuler with { Steps = [new RulerStep { Id = "d-1", OffsetDays = -1, Channels = ["email"] }] };
        var schedule = s_planner.Schedule(Charge("C-1", Date(2026, 2, 18)), ruler.Steps[0], ruler)!;
        Assert.Equal(new LocalDateTime(2026, 2, 14, 9, 0), schedule.Local);
        Assert.True(schedule.Local.Date < Date(2026, 2, 18));
    }

    // --- Escalations (protest, credit bureau, suspension) are handed to the host on business days only ---

    /// <summary>Every message step of the seed's ruler done for the charge: only the protest can be due.</summary>
    private static HashSet<SentKey> MessagesDone(string chargeId) =>
        [.. CliRuler.Steps.Where(s => !s.IsEscalation).SelectMany(s => s.Channels.Select(c => new SentKey(chargeId, s.Id, c)))];

    [Fact]
    public void Preview_ProtestOnTheSaturdayBeforeCarnival_WaitsForAshWednesday()
    {
        // Due Thursday 2027-01-07: D+30 is Saturday 6 February, which has a message window but is no business day;
        // Carnival Monday 8 and Tuesday 9 are bank holidays, so the protest goes on Ash Wednesday 10 at 08:00.
        var protest = s_planner.Preview([Charge("C-1", Date(2027, 1, 7), issue: Date(2026, 12, 20))], CliRuler, Date(2027, 1, 1), 60).Events
            .Single(e => e.StepId == "protesto");
        Assert.Equal(new LocalDateTime(2027, 2, 10, 8, 0), protest.Local);
        Assert.Contains("adiada de 2027-02-06 (sábado), que não é dia útil (escalações aguardam um)", protest.Reason);
    }

    [Fact]
    public void Plan_ProtestDueBeforeCarnival_RunOnCarnivalTuesday_WaitsForAshWednesdayWithTheReason()
    {
        // Due Wednesday 2027-01-06: the protest fell on Friday 5 February; the runs of Friday to Monday were missed and the
        // next one comes on Carnival Tuesday 9 at 10:00. The protest is not handed over on the holiday but on Wednesday 10.
        var charge = Charge("C-1", Date(2027, 1, 6), issue: Date(2026, 12, 20));
        var done = MessagesDone("C-1");
        var tuesday = Utc(2027, 2, 9, 13);
        var plan = s_planner.Plan([charge], CliRuler, done, tuesday);
        Assert.Empty(plan.Due);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal(SkipCause.NotBusinessDay, skipped.Cause);
        Assert.Equal("protesto: a escalação 'protest' aguarda um dia útil: 2027-02-09 é feriado (Carnaval); entregue em 2027-02-10.", skipped.Reason);
        Assert.Equal(Utc(2027, 2, 10, 11), plan.NextWakeUp); // 08:00 in São Paulo

        var view = new JournalView(done.Select(k => KeyValuePair.Create(k, Instant.MinValue)));
        var evaluator = s_planner.CreateEvaluator(CliRuler);
        Assert.False(evaluator.MayBeDue(charge, view, tuesday));
        var protest = Assert.Single(evaluator.Evaluate(charge, view, Utc(2027, 2, 10, 11)));
        Assert.Equal("protest", protest.ActionName);
        Assert.Equal(new LocalDateTime(2027, 2, 5, 8, 0), protest.Local);
    }

    [Fact]
    public void Plan_ProtestDueOnChristmasEve_RulerSendingOnHolidays_EscalationStillWaitsForMonday()
    {
        // A ruler that sends messages on Sundays and holidays: messages may go out on Christmas, escalations may not.
        var ruler = CliRuler with
        {
            SendWindows = CliRuler.SendWindows with { Sunday = SendWindow.Parse("10:00-16:00"), Holidays = SendWindow.Parse("10:00-16:00") },
        };
        // Due Tuesday 2026-11-24: the protest falls on Thursday 24 December; the run of that day was missed, the next is on
        // Christmas Day (Friday) at 11:00. Saturday 26 and Sunday 27 are no business days: it waits for Monday 28.
        var plan = s_planner.Plan([Charge("C-1", Date(2026, 11, 24))], ruler, MessagesDone("C-1"), Utc(2026, 12, 25, 14));
        Assert.Empty(plan.Due);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal(SkipCause.NotBusinessDay, skipped.Cause);
        Assert.Equal("protesto: a escalação 'protest' aguarda um dia útil: 2026-12-25 é feriado (Natal); entregue em 2026-12-28.", skipped.Reason);
        Assert.Equal(Utc(2026, 12, 28, 11), plan.NextWakeUp);
        Assert.Equal("protest", Assert.Single(s_planner.Plan([Charge("C-1", Date(2026, 11, 24))], ruler, MessagesDone("C-1"), Utc(2026, 12, 28, 11)).Due).ActionName);

        // And scheduled on Christmas Day, it is previewed on Monday 28, while a message step on the same day stays on the holiday.
        var preview = s_planner.Preview([Charge("C-2", Date(2026, 11, 25))], ruler, Date(2026, 12, 1), 40).Events;
        Assert.Equal(new LocalDateTime(2026, 12, 28, 8, 0), preview.Single(e => e.StepId == "protesto").Local);
        var withMessage = ruler with { Steps = [.. ruler.Steps, new RulerStep { Id = "d30", Anchor = StepAnchor.Due, OffsetDays = 30, Channels = ["email"] }] };
        Assert.Equal(new LocalDateTime(2026, 12, 25, 10, 0),
            s_planner.Preview([Charge("C-2", Date(2026, 11, 25))], withMessage, Date(2026, 12, 1), 40).Events.Single(e => e.StepId == "d30").Local);
    }

    // --- Historical daylight saving time in America/Sao_Paulo (abolished in 2019) ---

    private static DunningRuler NightRuler(string sunday, string saturday) => CliRuler with
    {
        SendWindows = new SendWindows { Weekdays = SendWindow.Parse("08:00-20:00"), Saturday = SendWindow.Parse(saturday), Sunday = SendWindow.Parse(sunday) },
        Steps = [new RulerStep { Id = "d0", Anchor = StepAnchor.Issue, Channels = ["email"] }],
    };

    [Fact]
    public void Schedule_WindowOpeningInTheDstGapOf2018_11_04_OpensWhenTheClockJumps()
    {
        // On Sunday 2018-11-04 São Paulo clocks jumped from 00:00 to 01:00 (-03 → -02): 00:00–00:59 never existed.
        var ruler = NightRuler(sunday: "00:00-06:00", saturday: "09:00-14:00");
        var charge = Charge("C-1", Date(2018, 11, 20), issue: Date(2018, 11, 4));
        var schedule = s_planner.Schedule(charge, ruler.Steps[0], ruler)!;

        Assert.Equal(new LocalDateTime(2018, 11, 4, 1, 0), schedule.Local);
        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), schedule.Instant);
        Assert.Equal(1, SaoPaulo.MapLocal(schedule.Local).Count);
    }

    [Fact]
    public void Plan_MidnightCrossingWindowOnTheNightOfTheDstJump_DueInsideTheWindow()
    {
        // Saturday 2018-11-03 window 23:30–02:00 opens at 23:30 -03 (02:30Z) and runs across the jump.
        var ruler = NightRuler(sunday: "10:00-12:00", saturday: "23:30-02:00");
        var charge = Charge("C-1", Date(2018, 11, 20), issue: Date(2018, 11, 3));
        var done = new HashSet<SentKey>();

        var before = s_planner.Plan([charge], ruler, done, Instant.FromUtc(2018, 11, 4, 2, 29));
        Assert.Empty(before.Due);
        Assert.Equal(Instant.FromUtc(2018, 11, 4, 2, 30), before.NextWakeUp);

        var action = Assert.Single(s_planner.Plan([charge], ruler, done, Instant.FromUtc(2018, 11, 4, 3, 30)).Due); // 01:30 -02, after the jump
        Assert.Equal(new LocalDateTime(2018, 11, 3, 23, 30), action.Local);
        Assert.True(ruler.SendWindows.IsOpen(Instant.FromUtc(2018, 11, 4, 3, 30).InZone(SaoPaulo).LocalDateTime, BusinessCalendar.BrazilBanking));
    }

    [Fact]
    public void Schedule_WindowOpeningInTheRepeatedHourOf2019_02_16_UsesTheFirstOccurrence()
    {
        // At 00:00 -02 on 2019-02-17 clocks went back to 23:00 -03 on the 16th: 23:00–23:59 happened twice.
        var ruler = NightRuler(sunday: "10:00-12:00", saturday: "23:00-01:00");
        var charge = Charge("C-1", Date(2019, 3, 1), issue: Date(2019, 2, 16));
        var schedule = s_planner.Schedule(charge, ruler.Steps[0], ruler)!;

        Assert.Equal(new LocalDateTime(2019, 2, 16, 23, 0), schedule.Local);
        Assert.Equal(Instant.FromUtc(2019, 2, 17, 1, 0), schedule.Instant); // 23:00 -02, the earlier of the two

        var plan = s_planner.Plan([charge], ruler, new HashSet<SentKey>(), Instant.FromUtc(2019, 2, 17, 0, 59));
        Assert.Empty(plan.Due);
        Assert.Equal(Instant.FromUtc(2019, 2, 17, 1, 0), plan.NextWakeUp);
        Assert.Single(s_planner.Plan([charge], ruler, new HashSet<SentKey>(), Instant.FromUtc(2019, 2, 17, 2, 30)).Due); // 23:30 -03, second pass
    }

    [Fact]
    public void Schedule_EveryDayAroundTheDstYears_NeverInASkippedLocalTimeAndConsistent()
    {
        // Windows opening at midnight on every kind of day, from 2017-10 to 2019-03 (two DST starts, two ends).
        var ruler = CliRuler with
        {
            SendWindows = new SendWindows
            {
                Weekdays = SendWindow.Parse("00:00-02:00"), Saturday = SendWindow.Parse("00:00-02:00"),
                Sunday = SendWindow.Parse("00:00-02:00"), Holidays = SendWindow.Parse("00:00-02:00"),
            },
            Steps = [new RulerStep { Id = "d0", Anchor = StepAnchor.Issue, Channels = ["email"] }],
        };
        for (var day = Date(2017, 10, 1); day < Date(2019, 3, 31); day = day.PlusDays(1))
        {
            var s = s_planner.Schedule(Charge("C-1", day.PlusDays(10), issue: day), ruler.Steps[0], ruler)!;
            Assert.Equal(day, s.Local.Date);
            Assert.Equal(1, SaoPaulo.MapLocal(s.Local).Count);
            Assert.Equal(s.Local, s.Instant.InZone(SaoPaulo).LocalDateTime);
            Assert.True(ruler.SendWindows.IsOpen(s.Local, BusinessCalendar.BrazilBanking), day.ToString());
        }
    }
}

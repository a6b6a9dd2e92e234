using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Planning;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Ruler;
using NodaTime;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Escalation steps handed to the host's handler.</summary>
public sealed partial class DunningRunnerTests
{
    private static readonly LateChargeTerms s_terms = new() { FinePercent = 2m, InterestPercentPerMonth = 1m };

    /// <summary>D+10 notice (Thursday 26 March 2026), then protest at D+20 (Sunday 5 April, so Monday 6 April).</summary>
    private static readonly DunningRuler s_protest = RulerOf(Consolidation.Charge, s_terms,
        MessageStep("d10", 10, ["email"], template: "aviso-final"),
        new RulerStep { Id = "protesto", Anchor = StepAnchor.Due, OffsetDays = 20, Action = StepActionKind.Protest, RequiresNotice = "d10" });

    private static readonly LocalDate s_protestDay = new(2026, 4, 6);

    [Fact]
    public async Task RunAsync_EscalationWithHandler_CalledExactlyOnceAcrossRuns()
    {
        var h = new RunnerHarness(escalations: new RecordingEscalationHandler());
        h.Source.Put(Charge("C-1"));
        await h.RunAsync(s_protest, At(Due.PlusDays(10), 9));

        var result = await h.RunAsync(s_protest, At(s_protestDay, 9));
        foreach (var later in new[] { At(s_protestDay, 10), At(s_protestDay.PlusDays(1), 9), At(s_protestDay.PlusDays(4), 9) })
        {
            await h.RunAsync(s_protest, later);
        }

        var request = Assert.Single(h.Escalations!.Requests);
        Assert.Equal(("K-1", "protesto", StepActionKind.Protest, "protest"), (request.CustomerId, request.StepId, request.Action, request.ActionName));
        Assert.Equal(["C-1"], request.ChargeIds);
        Assert.Equal(MessageIdempotency.CreateKey(["C-1"], "protesto", "protest"), request.IdempotencyKey);
        var sent = Assert.Single(result.Sent);
        Assert.Equal(("protest", "esc-1"), (sent.Channel, sent.ProviderMessageId));
        Assert.Equal(JournalEntryState.Sent, (await h.EntryAsync("C-1", "protesto", "protest"))?.State);
    }

    [Fact]
    public async Task RunAsync_EscalationAmount_IncludesLateChargesLikeThePlan()
    {
        var h = new RunnerHarness(escalations: new RecordingEscalationHandler());
        h.Source.Put(Charge("C-1"));
        await h.RunAsync(s_protest, At(Due.PlusDays(10), 9));
        var now = At(s_protestDay, 9);
        var journal = await ToListAsync(h.Journal.ListAsync());
        var plan = Planner.Plan([Charge("C-1")], s_protest, journal.Select(e => new SentKey(e.Key.ChargeId, e.Key.StepId, e.Key.Channel)).ToHashSet(), now);

        await h.RunAsync(s_protest, now);

        var expected = Assert.Single(plan.Due).AmountDue;
        Assert.True(expected > 1000m, "the protest day is 21 days late: fine and interest apply");
        Assert.Equal(expected, Assert.Single(h.Escalations!.Requests).AmountDue);
    }

    /// <summary>Found by a user trial: on the protest day, a protest blocked because its notice was never sent appeared
    /// nowhere in the run's result (nor in <c>kolek run</c>'s JSON), so an operator could not tell why nothing went to the notary.</summary>
    [Fact]
    public async Task RunAsync_EscalationBlockedByItsNotice_IsListedAsSkippedWithTheReason()
    {
        var h = new RunnerHarness(escalations: new RecordingEscalationHandler());
        h.Source.Put(Charge("C-1"));

        var result = await h.RunAsync(s_protest, At(s_protestDay, 9));

        Assert.Empty(h.Escalations!.Requests);
        var skipped = Assert.Single(result.Skipped, s => s.StepId == "protesto");
        Assert.Equal(["C-1"], skipped.ChargeIds);
        Assert.Equal("protest", skipped.Channel);
        Assert.Contains("etapa de aviso d10 não foi enviada", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EscalationCaughtUpOnASaturday_IsListedAsSkippedUntilTheBusinessDay()
    {
        var h = new RunnerHarness(escalations: new RecordingEscalationHandler());
        h.Source.Put(Charge("C-1"));
        await h.RunAsync(s_protest, At(Due.PlusDays(10), 9));

        // No run from Monday 6 April (the protest day) to Saturday 11 April: the protest waits for Monday 13.
        var result = await h.RunAsync(s_protest, At(s_protestDay.PlusDays(5), 10));

        Assert.Empty(h.Escalations!.Requests);
        var skipped = Assert.Single(result.Skipped, s => s.StepId == "protesto");
        Assert.Contains("entregue em 2026-04-13", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EscalationWithoutHandler_SkippedAndNotClaimed()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        await h.RunAsync(s_protest, At(Due.PlusDays(10), 9));

        var result = await h.RunAsync(s_protest, At(s_protestDay, 9));

        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("protesto", "protest"), (skipped.StepId, skipped.Channel));
        Assert.Empty(result.Sent);
        Assert.Null(await h.EntryAsync("C-1", "protesto", "protest"));
    }

    [Fact]
    public async Task RunAsync_EscalationHandlerAddedAfterRunsWithoutOne_StillEscalatesOnce()
    {
        var journal = new InMemoryDunningJournal();
        var without = new RunnerHarness(journal);
        without.Source.Put(Charge("C-1"));
        await without.RunAsync(s_protest, At(Due.PlusDays(10), 9));
        await without.RunAsync(s_protest, At(s_protestDay, 9));

        var with = new RunnerHarness(journal, new RecordingEscalationHandler());
        with.Source.Put(Charge("C-1"));
        await with.RunAsync(s_protest, At(s_protestDay, 10));
        await with.RunAsync(s_protest, At(s_protestDay, 11));

        Assert.Single(with.Escalations!.Requests);
    }

    [Fact]
    public async Task RunAsync_EscalationHandlerThrows_OtherActionsStillRunAndItIsNeverRepeated()
    {
        var handler = new RecordingEscalationHandler().Then(_ => throw new InvalidOperationException("bureau API down"));
        var h = new RunnerHarness(escalations: handler);
        h.Source.Put(Charge("C-1"));
        h.Source.Put(Charge("C-2"));
        await h.RunAsync(s_protest, At(Due.PlusDays(10), 9));

        var result = await h.RunAsync(s_protest, At(s_protestDay, 9));
        await h.RunAsync(s_protest, At(s_protestDay.PlusDays(1), 9));

        Assert.Equal(["C-1", "C-2"], handler.Requests.SelectMany(r => r.ChargeIds));
        Assert.Contains(result.Failed, f => f.ChargeIds.SequenceEqual(["C-1"]) && f.Channel == "protest" && !f.Transient);
        Assert.Contains(result.Sent, s => s.ChargeIds.SequenceEqual(["C-2"]));
        // Left in doubt by the throw, then settled by the next day's run as "treated as sent": never handed over again.
        Assert.Equal(JournalEntryState.Skipped, (await h.EntryAsync("C-1", "protesto", "protest"))?.State);
    }

    [Fact]
    public async Task RunAsync_ChargePaidBeforeEscalating_HandlerNotCalled()
    {
        var h = new RunnerHarness(escalations: new RecordingEscalationHandler());
        h.Source.Put(Charge("C-1"));
        await h.RunAsync(s_protest, At(Due.PlusDays(10), 9));
        h.Source.ChangeAtSendTime("C-1", c => c with { Status = ChargeStatus.Paid, PaidAmount = c.Amount });

        var result = await h.RunAsync(s_protest, At(s_protestDay, 9));

        Assert.Empty(h.Escalations!.Requests);
        Assert.Contains(result.Skipped, s => s.StepId == "protesto");
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

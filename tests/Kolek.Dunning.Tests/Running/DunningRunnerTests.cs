using Kolek.Channels;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Ruler;
using NodaTime;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Sending, the journal and channel outcomes: DESIGN.md rule 1 (never twice).</summary>
public sealed partial class DunningRunnerTests
{
    private static readonly DunningRuler s_dueDay = RulerOf(MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto"));

    private static readonly DunningRuler s_fallback = RulerOf(MessageStep("d2", 2, ["whatsapp", "email"], fallback: true, template: "atraso"));

    /// <summary>The D+2 step falls on Wednesday 18 March 2026 at 08:00 in São Paulo.</summary>
    private static readonly Instant s_d2 = At(Due.PlusDays(2), 9);

    [Fact]
    public async Task RunAsync_DueDayWithEmailAndWhatsApp_SendsBothAndJournalsThem()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));

        var result = await h.RunAsync(s_dueDay, At(Due, 9));

        Assert.Equal(["email", "whatsapp"], result.Sent.Select(s => s.Channel).Order(StringComparer.Ordinal));
        Assert.Empty(result.Failed);
        Assert.Equal("K-1@example.com", Assert.Single(h.Email.Accepted).Recipient.Value);
        Assert.Equal("+5511999990000", Assert.Single(h.WhatsApp.Accepted).Recipient.Value);
        Assert.Equal(JournalEntryState.Sent, (await h.EntryAsync("C-1", "d0", "email"))?.State);
        Assert.Equal(JournalEntryState.Sent, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);
        Assert.Equal(MessageIdempotency.CreateKey(["C-1"], "d0", "email"), h.Email.Accepted[0].IdempotencyKey);
        Assert.All(result.Sent, s => Assert.Equal(At(Due, 8), s.DueAt));
    }

    [Fact]
    public async Task RunAsync_BeforeTheSendWindowOpens_SendsNothing()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));

        var result = await h.RunAsync(s_dueDay, At(Due, 7, 59));

        Assert.Empty(result.Sent);
        Assert.Equal(0, h.Calls);
        Assert.Equal(At(Due, 8), result.NextWakeUp);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(180)]
    [InlineData(2 * 24 * 60)]
    [InlineData(6 * 24 * 60)]
    public async Task RunAsync_AgainAtSameOrLaterInstant_SendsNothingNew(int minutesLater)
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var first = At(Due, 9);
        await h.RunAsync(s_dueDay, first);

        var again = await h.RunAsync(s_dueDay, first.Plus(Duration.FromMinutes(minutesLater)));

        Assert.Empty(again.Sent);
        Assert.Empty(again.Failed);
        Assert.Equal(2, h.Calls);
    }

    [Fact]
    public async Task RunAsync_FallbackFirstChannelAccepted_SecondNotSentRecordedSkippedAndNeverPlannedAgain()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));

        var result = await h.RunAsync(s_fallback, s_d2);

        Assert.Equal("whatsapp", Assert.Single(result.Sent).Channel);
        Assert.Empty(h.Email.Calls);
        var skipped = Assert.Single(result.Skipped, s => s.Channel == "email");
        Assert.Equal(["C-1"], skipped.ChargeIds);
        Assert.Contains("whatsapp", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(JournalEntryState.Skipped, (await h.EntryAsync("C-1", "d2", "email"))?.State);

        foreach (var later in new[] { s_d2.Plus(Duration.FromHours(1)), At(Due.PlusDays(3), 9), At(Due.PlusDays(6), 9) })
        {
            var again = await h.RunAsync(s_fallback, later);
            Assert.Empty(again.Sent);
            Assert.Empty(again.Skipped);
        }

        Assert.Single(h.WhatsApp.Calls);
        Assert.Empty(h.Email.Calls);
    }

    [Fact]
    public async Task RunAsync_FallbackFirstChannelPermanentFailure_SendsTheSecondOnce()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.WhatsApp.Then(SendResult.PermanentFailure("number is not on WhatsApp"));

        var result = await h.RunAsync(s_fallback, s_d2);
        await h.RunAsync(s_fallback, At(Due.PlusDays(3), 9));

        var failed = Assert.Single(result.Failed);
        Assert.Equal(("whatsapp", false), (failed.Channel, failed.Transient));
        Assert.Equal("email", Assert.Single(result.Sent).Channel);
        Assert.Single(h.Email.Calls);
        Assert.Single(h.WhatsApp.Calls);
        Assert.Equal(JournalEntryState.PermanentFailure, (await h.EntryAsync("C-1", "d2", "whatsapp"))?.State);
    }

    [Fact]
    public async Task RunAsync_FallbackFirstChannelTransientFailure_SendsTheSecondAndDoesNotRetryTheFirst()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.WhatsApp.Then(SendResult.TransientFailure("throttled", TimeSpan.FromMinutes(5)));

        var result = await h.RunAsync(s_fallback, s_d2);
        await h.RunAsync(s_fallback, s_d2.Plus(Duration.FromHours(1)));

        Assert.Equal("email", Assert.Single(result.Sent).Channel);
        Assert.Single(h.WhatsApp.Calls);
        Assert.Single(h.Email.Calls);
    }

    [Fact]
    public async Task RunAsync_TransientFailure_RecordsRetryTimeAndRetriesExactlyOnceAfterIt()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.WhatsApp.Then(SendResult.TransientFailure("provider timeout", TimeSpan.FromHours(2)));
        var t0 = At(Due, 9);

        var first = await h.RunAsync(s_dueDay, t0);

        var failed = Assert.Single(first.Failed);
        Assert.Equal(("whatsapp", true), (failed.Channel, failed.Transient));
        var entry = await h.EntryAsync("C-1", "d0", "whatsapp");
        Assert.Equal(JournalEntryState.TransientFailure, entry?.State);
        Assert.Equal(t0.Plus(Duration.FromHours(2)), entry?.Outcome?.RetryNotBefore);
        Assert.NotNull(first.NextWakeUp);
        Assert.True(first.NextWakeUp <= t0.Plus(Duration.FromHours(2)), $"the host must wake up for the retry, not at {first.NextWakeUp}");

        var early = await h.RunAsync(s_dueDay, t0.Plus(Duration.FromMinutes(119)));
        Assert.Empty(early.Sent);
        Assert.Single(h.WhatsApp.Calls);

        var retry = await h.RunAsync(s_dueDay, t0.Plus(Duration.FromHours(2)));
        Assert.Equal("whatsapp", Assert.Single(retry.Sent).Channel);
        Assert.Equal(2, h.WhatsApp.Calls.Count);
        Assert.Equal(h.WhatsApp.Calls[0].Message.IdempotencyKey, h.WhatsApp.Calls[1].Message.IdempotencyKey);
        var retried = await h.EntryAsync("C-1", "d0", "whatsapp");
        Assert.Equal((JournalEntryState.Sent, 2), (retried?.State, retried?.Attempt));

        var after = await h.RunAsync(s_dueDay, t0.Plus(Duration.FromHours(3)));
        Assert.Empty(after.Sent);
        Assert.Equal(2, h.WhatsApp.Calls.Count);
        Assert.Single(h.Email.Calls);
    }

    [Fact]
    public async Task RunAsync_TransientFailureWithoutRetryAfter_RetriesAfterFifteenMinutes()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.WhatsApp.Then(SendResult.TransientFailure("provider timeout"));
        var t0 = At(Due, 9);

        await h.RunAsync(s_dueDay, t0);
        await h.RunAsync(s_dueDay, t0.Plus(Duration.FromMinutes(14)));
        Assert.Single(h.WhatsApp.Calls);
        await h.RunAsync(s_dueDay, t0.Plus(Duration.FromMinutes(15)));

        Assert.Equal(2, h.WhatsApp.Calls.Count);
        Assert.Single(h.WhatsApp.Accepted);
    }

    [Fact]
    public async Task RunAsync_ChannelThrows_KeyInDoubtReportedFailedThenTreatedAsSentAndNeverResent()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.WhatsApp.ThenThrow(new InvalidOperationException("socket closed after the request was written"));

        var result = await h.RunAsync(s_dueDay, At(Due, 9));

        var failed = Assert.Single(result.Failed);
        Assert.Equal(("whatsapp", false), (failed.Channel, failed.Transient));
        Assert.Contains("em dúvida", failed.Reason, StringComparison.Ordinal);
        Assert.Equal("email", Assert.Single(result.Sent).Channel);
        Assert.Equal(JournalEntryState.InDoubt, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);

        foreach (var later in new[] { At(Due, 10), At(Due.PlusDays(1), 9), At(Due.PlusDays(5), 9) })
        {
            var again = await h.RunAsync(s_dueDay, later);
            Assert.Empty(again.Sent);
        }

        Assert.Single(h.WhatsApp.Calls);
        Assert.Single(h.Email.Calls);
        var settled = await h.EntryAsync("C-1", "d0", "whatsapp");
        Assert.Equal(JournalEntryState.Skipped, settled?.State);
        Assert.Contains("treated as sent", settled!.Outcome!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ChannelTimesOutWithTaskCanceled_RunGoesOnAndKeyStaysInDoubt()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.Source.Put(Charge("C-2", customerId: "K-2"));
        var ruler = RulerOf(MessageStep("d0", 0, ["whatsapp", "email"]));
        h.WhatsApp.ThenThrow(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."));

        var result = await h.RunAsync(ruler, At(Due, 9));

        Assert.Contains(result.Failed, f => f.ChargeIds.SequenceEqual(["C-1"]) && f.Channel == "whatsapp" && !f.Transient);
        Assert.Equal(3, result.Sent.Count);
        Assert.Equal(JournalEntryState.InDoubt, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);
    }

    [Fact]
    public async Task RunAsync_CancelledDuringASend_RecordsTheAcceptedSendAndStops()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        using var cts = new CancellationTokenSource();
        h.Email.Then(_ =>
        {
            cts.Cancel();
            return SendResult.Accepted("email-accepted");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Runner().RunAsync(s_dueDay, At(Due, 9), cancellationToken: cts.Token));

        Assert.Equal(JournalEntryState.Sent, (await h.EntryAsync("C-1", "d0", "email"))?.State);
        Assert.Empty(h.WhatsApp.Calls);
        await h.RunAsync(s_dueDay, At(Due, 10));
        Assert.Single(h.Email.Calls);
        Assert.Single(h.WhatsApp.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("123")]
    [InlineData("não tem")]
    public async Task RunAsync_NoValidWhatsAppNumber_RecordsPermanentFailureAndNeverRetries(string? phone)
    {
        var h = new RunnerHarness();
        var customer = Fixtures.Customer("K-1") with { Phone = phone, WhatsApp = null };
        h.Source.Put(Charge("C-1", customer: customer));

        var result = await h.RunAsync(s_dueDay, At(Due, 9));
        var again = await h.RunAsync(s_dueDay, At(Due.PlusDays(1), 9));

        var failed = Assert.Single(result.Failed);
        Assert.Equal(("whatsapp", false), (failed.Channel, failed.Transient));
        Assert.Empty(h.WhatsApp.Calls);
        Assert.Equal(JournalEntryState.PermanentFailure, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);
        Assert.Equal("email", Assert.Single(result.Sent).Channel);
        Assert.Empty(again.Failed);
        Assert.Empty(again.Sent);
    }

    [Fact]
    public async Task RunAsync_CustomerOptedOutOfWhatsApp_OnlyEmailIsUsed()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", customer: Fixtures.Customer("K-1", optOut: ["WhatsApp"])));

        var result = await h.RunAsync(s_dueDay, At(Due, 9));
        await h.RunAsync(s_dueDay, At(Due.PlusDays(1), 9));

        Assert.Empty(h.WhatsApp.Calls);
        Assert.Null(await h.EntryAsync("C-1", "d0", "whatsapp"));
        Assert.Equal("email", Assert.Single(result.Sent).Channel);
        Assert.Single(h.Email.Calls);
    }

    [Fact]
    public async Task RunAsync_ChannelRefusesByPolicy_ReportedSkippedAndFinal()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.WhatsApp.Then(SendResult.RefusedByPolicy("frequency cap"));

        var result = await h.RunAsync(s_dueDay, At(Due, 9));
        await h.RunAsync(s_dueDay, At(Due.PlusDays(1), 9));

        Assert.Contains(result.Skipped, s => s.Channel == "whatsapp" && s.Reason == "frequency cap");
        Assert.Equal(JournalEntryState.Skipped, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);
        Assert.Single(h.WhatsApp.Calls);
    }

    [Fact]
    public async Task RunAsync_StepNamesAnUnregisteredChannel_ReportsFailedWithoutClaiming()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var ruler = RulerOf(MessageStep("d0", 0, ["sms", "email"]));

        var result = await h.RunAsync(ruler, At(Due, 9));

        Assert.Contains(result.Failed, f => f.Channel == "sms" && !f.Transient);
        Assert.Null(await h.EntryAsync("C-1", "d0", "sms"));
        Assert.Equal("email", Assert.Single(result.Sent).Channel);
    }
}

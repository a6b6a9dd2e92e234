using System.Globalization;
using Kolek.Channels;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Ruler;
using NodaTime;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Overlapping runs sharing one journal: the journal alone must keep rule 1.</summary>
public sealed class DunningRunnerConcurrencyTests
{
    /// <summary>D+2 (fallback) of charges due on Monday 16 March and D+0 (issue) of charges issued that Wednesday.</summary>
    private static readonly Instant s_now = At(Due.PlusDays(2), 10);

    [Fact]
    public async Task RunAsync_TwoRunnersOneJournalSameInstant_EveryKeySentAtMostOnceAndNothingLost()
    {
        var solo = new RunnerHarness();
        Fill(solo.Source);
        await solo.RunAsync(Fixtures.CliRuler, s_now);
        var expected = solo.AcceptedKeys.ToHashSet();
        Assert.True(expected.Count >= 20, $"the portfolio should have plenty due, not {expected.Count}");

        for (var round = 0; round < 25; round++)
        {
            var journal = new InMemoryDunningJournal();
            var a = new RunnerHarness(journal, jitter: round);
            var b = new RunnerHarness(journal, jitter: round + 1000);
            Fill(a.Source);
            Fill(b.Source);

            await Task.WhenAll(Task.Run(() => a.RunAsync(Fixtures.CliRuler, s_now)), Task.Run(() => b.RunAsync(Fixtures.CliRuler, s_now)));

            var keys = a.AcceptedKeys.Concat(b.AcceptedKeys).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.Equal(expected.OrderBy(k => k.ToString(), StringComparer.Ordinal), keys.OrderBy(k => k.ToString(), StringComparer.Ordinal));
            Assert.All(keys.Where(k => k.StepId == "d2").GroupBy(k => k.ChargeId), g => Assert.Single(g));
        }
    }

    [Fact]
    public async Task RunAsync_OtherRunHoldsTheFirstFallbackChannel_DoesNotFallBackBehindItsBack()
    {
        var journal = new InMemoryDunningJournal();
        var ruler = RulerOf(MessageStep("d2", 2, ["whatsapp", "email"], fallback: true, template: "atraso"));
        var a = new RunnerHarness(journal);
        var b = new RunnerHarness(journal);
        a.Source.Put(Charge("C-1"));
        b.Source.Put(Charge("C-1"));
        var bPlanned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aSending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Source.BeforeReRead = () =>
        {
            bPlanned.TrySetResult();
            return aSending.Task;
        };
        a.WhatsApp.ThenAsync(async _ =>
        {
            aSending.SetResult();
            await release.Task;
            return SendResult.Accepted("wa-a");
        });

        // B plans while the journal is empty, A claims WhatsApp and is mid-send when B tries to claim.
        var secondTask = Task.Run(() => b.RunAsync(ruler, s_now));
        await bPlanned.Task;
        var firstTask = Task.Run(() => a.RunAsync(ruler, s_now));
        var second = await secondTask;
        release.SetResult();
        var first = await firstTask;

        Assert.Equal("whatsapp", Assert.Single(first.Sent).Channel);
        Assert.Empty(b.WhatsApp.Calls);
        Assert.Empty(b.Email.Calls);
        Assert.Empty(a.Email.Calls);
        Assert.Empty(second.Sent);
        Assert.Equal(["email", "whatsapp"], second.Skipped.Select(s => s.Channel).Order(StringComparer.Ordinal));
        Assert.Equal(JournalEntryState.Skipped, (await journal.GetAsync(new JournalKey("C-1", "d2", "email")))?.State);
    }

    /// <summary>Twelve customers with two charges due on Monday 16 March 2026 (D+2 today) and one issued today (D+0).</summary>
    private static void Fill(FakeReceivableSource source)
    {
        for (var k = 0; k < 12; k++)
        {
            var customer = "K-" + k.ToString("D2", CultureInfo.InvariantCulture);
            source.Put(Charge(customer + "-a", 100m + k, customer));
            source.Put(Charge(customer + "-b", 200m + k, customer));
            source.Put(Charge(customer + "-c", 300m + k, customer, due: Due.PlusDays(22)));
        }
    }
}

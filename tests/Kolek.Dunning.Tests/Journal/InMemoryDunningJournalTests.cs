using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Dunning.Tests.Journal;

public class InMemoryDunningJournalTests
{
    private static readonly Instant s_t0 = Instant.FromUtc(2026, 12, 7, 11, 0);

    private static JournalKey Key(string charge, string step = "d2", string channel = "email") => new(charge, step, channel);

    private static JournalClaim Claim(Instant at, params JournalKey[] keys) => new(keys, "msg-" + keys[0].ChargeId, "K-1", at);

    [Fact]
    public async Task TryClaimAsync_SameKeyTwice_SecondIsAlreadyClaimedWithExistingEntry()
    {
        var journal = new InMemoryDunningJournal();

        var first = await journal.TryClaimAsync(Claim(s_t0, Key("C-1")));
        var second = await journal.TryClaimAsync(Claim(s_t0 + Duration.FromHours(1), Key("C-1")));

        Assert.Equal(ClaimStatus.Claimed, first.Status);
        Assert.NotNull(first.Receipt);
        Assert.Equal(ClaimStatus.AlreadyClaimed, second.Status);
        Assert.Null(second.Receipt);
        var conflict = Assert.Single(second.Conflicts);
        Assert.Equal(Key("C-1"), conflict.Key);
        Assert.Equal(JournalEntryState.InDoubt, conflict.State);
        Assert.Equal(s_t0, conflict.ClaimedAt);
    }

    [Fact]
    public async Task TryClaimAsync_DifferentStepOrChannel_AreIndependentKeys()
    {
        var journal = new InMemoryDunningJournal();

        Assert.True((await journal.TryClaimAsync(Claim(s_t0, Key("C-1", "d2", "email")))).IsClaimed);
        Assert.True((await journal.TryClaimAsync(Claim(s_t0, Key("C-1", "d2", "whatsapp")))).IsClaimed);
        Assert.True((await journal.TryClaimAsync(Claim(s_t0, Key("C-1", "d5", "email")))).IsClaimed);
        Assert.True((await journal.TryClaimAsync(Claim(s_t0, Key("C-2", "d2", "email")))).IsClaimed);
    }

    [Fact]
    public async Task TryClaimAsync_ConsolidatedClaimOverlappingAnExistingKey_ReservesNothing()
    {
        var journal = new InMemoryDunningJournal();
        await journal.TryClaimAsync(Claim(s_t0, Key("C-2")));

        var result = await journal.TryClaimAsync(Claim(s_t0, Key("C-1"), Key("C-2"), Key("C-3")));

        Assert.Equal(ClaimStatus.AlreadyClaimed, result.Status);
        Assert.Equal([Key("C-2")], result.Conflicts.Select(c => c.Key));
        Assert.Null(await journal.GetAsync(Key("C-1")));
        Assert.Null(await journal.GetAsync(Key("C-3")));

        var retry = await journal.TryClaimAsync(Claim(s_t0, Key("C-1"), Key("C-3")));
        Assert.True(retry.IsClaimed);
    }

    [Fact]
    public async Task RecordOutcomeAsync_Sent_AppliesToEveryKeyOfTheClaim()
    {
        var journal = new InMemoryDunningJournal();
        var claim = await journal.TryClaimAsync(Claim(s_t0, Key("C-1"), Key("C-2")));

        var recorded = await journal.RecordOutcomeAsync(claim.Receipt!, JournalOutcome.Sent("wamid.1", s_t0 + Duration.FromSeconds(2)));

        Assert.True(recorded);
        foreach (var charge in new[] { "C-1", "C-2" })
        {
            var entry = await journal.GetAsync(Key(charge));
            Assert.NotNull(entry);
            Assert.Equal(JournalEntryState.Sent, entry.State);
            Assert.Equal("wamid.1", entry.Outcome!.ProviderMessageId);
            Assert.Equal(claim.Receipt!.ClaimId, entry.ClaimId);
        }
    }

    [Fact]
    public async Task RecordOutcomeAsync_Twice_SecondIsRejectedAndFirstKept()
    {
        var journal = new InMemoryDunningJournal();
        var receipt = (await journal.TryClaimAsync(Claim(s_t0, Key("C-1")))).Receipt!;

        Assert.True(await journal.RecordOutcomeAsync(receipt, JournalOutcome.Sent("p-1", s_t0)));
        Assert.False(await journal.RecordOutcomeAsync(receipt, JournalOutcome.Failed(false, "bounce", s_t0)));

        Assert.Equal(JournalEntryState.Sent, (await journal.GetAsync(Key("C-1")))!.State);
    }

    [Fact]
    public async Task RecordOutcomeAsync_UnknownClaimId_ChangesNothing()
    {
        var journal = new InMemoryDunningJournal();
        await journal.TryClaimAsync(Claim(s_t0, Key("C-1")));

        var recorded = await journal.RecordOutcomeAsync(new ClaimReceipt("claim-999", [Key("C-1")]), JournalOutcome.Skipped("x", s_t0));

        Assert.False(recorded);
        Assert.Equal(JournalEntryState.InDoubt, (await journal.GetAsync(Key("C-1")))!.State);
    }

    [Fact]
    public async Task TryClaimAsync_InDoubtKey_IsNeverClaimableAgain()
    {
        var journal = new InMemoryDunningJournal();
        await journal.TryClaimAsync(Claim(s_t0, Key("C-1")));

        var muchLater = await journal.TryClaimAsync(Claim(s_t0 + Duration.FromDays(30), Key("C-1")));

        Assert.False(muchLater.IsClaimed);
        Assert.Equal(JournalEntryState.InDoubt, muchLater.Conflicts[0].State);
    }

    [Fact]
    public async Task InDoubtEntry_ResolvedWithReceiptFromEntry_BecomesFinal()
    {
        var journal = new InMemoryDunningJournal();
        await journal.TryClaimAsync(Claim(s_t0, Key("C-1"), Key("C-2")));

        var inDoubt = new List<JournalEntry>();
        await foreach (var entry in journal.ListAsync())
        {
            if (entry.State == JournalEntryState.InDoubt)
            {
                inDoubt.Add(entry);
            }
        }

        foreach (var group in inDoubt.GroupBy(e => e.ClaimId))
        {
            var receipt = new ClaimReceipt(group.Key, [.. group.Select(e => e.Key)]);
            Assert.True(await journal.RecordOutcomeAsync(receipt, JournalOutcome.Skipped("in doubt after crash; not resent", s_t0 + Duration.FromHours(2))));
        }

        Assert.Equal(JournalEntryState.Skipped, (await journal.GetAsync(Key("C-2")))!.State);
        Assert.False((await journal.TryClaimAsync(Claim(s_t0 + Duration.FromDays(1), Key("C-1")))).IsClaimed);
    }

    [Fact]
    public async Task TryClaimAsync_TransientFailure_ClaimableOnlyFromRetryTime()
    {
        var journal = new InMemoryDunningJournal();
        var first = (await journal.TryClaimAsync(Claim(s_t0, Key("C-1")))).Receipt!;
        await journal.RecordOutcomeAsync(first, JournalOutcome.Failed(true, "timeout", s_t0, Duration.FromMinutes(30)));

        var tooEarly = await journal.TryClaimAsync(Claim(s_t0 + Duration.FromMinutes(29), Key("C-1")));
        var onTime = await journal.TryClaimAsync(Claim(s_t0 + Duration.FromMinutes(30), Key("C-1")));

        Assert.False(tooEarly.IsClaimed);
        Assert.Equal(JournalEntryState.TransientFailure, tooEarly.Conflicts[0].State);
        Assert.True(onTime.IsClaimed);
        Assert.NotEqual(first.ClaimId, onTime.Receipt!.ClaimId);
        var entry = (await journal.GetAsync(Key("C-1")))!;
        Assert.Equal(2, entry.Attempt);
        Assert.Equal(JournalEntryState.InDoubt, entry.State);

        // The superseded attempt can no longer write its outcome.
        Assert.False(await journal.RecordOutcomeAsync(first, JournalOutcome.Sent("late", s_t0)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TryClaimAsync_FinalOutcomes_AreNeverClaimableAgain(bool sent)
    {
        var journal = new InMemoryDunningJournal();
        var receipt = (await journal.TryClaimAsync(Claim(s_t0, Key("C-1")))).Receipt!;
        await journal.RecordOutcomeAsync(receipt, sent ? JournalOutcome.Sent("p", s_t0) : JournalOutcome.Failed(false, "no such number", s_t0));

        Assert.False((await journal.TryClaimAsync(Claim(s_t0 + Duration.FromDays(365), Key("C-1")))).IsClaimed);
    }

    [Fact]
    public async Task ListAsync_OrdersByClaimInstantThenKey()
    {
        var journal = new InMemoryDunningJournal();
        await journal.TryClaimAsync(Claim(s_t0 + Duration.FromHours(1), Key("C-1")));
        await journal.TryClaimAsync(Claim(s_t0, Key("C-3"), Key("C-2")));

        var keys = new List<string>();
        await foreach (var entry in journal.ListAsync())
        {
            keys.Add(entry.Key.ChargeId);
        }

        Assert.Equal(["C-2", "C-3", "C-1"], keys);
    }

    [Fact]
    public void JournalClaim_InvalidKeys_Throw()
    {
        Assert.Throws<ArgumentException>(() => new JournalClaim([], "m", "K-1", s_t0));
        Assert.Throws<ArgumentException>(() => new JournalClaim([Key("C-1"), Key("C-1")], "m", "K-1", s_t0));
        Assert.Throws<ArgumentException>(() => new JournalClaim([default], "m", "K-1", s_t0));
        Assert.Throws<ArgumentException>(() => new JournalKey("C-1", " ", "email"));
    }

    [Fact]
    public async Task TryClaimAsync_ManyConcurrentTasks_ExactlyOneWinnerPerKey()
    {
        var journal = new InMemoryDunningJournal();
        var keys = Enumerable.Range(1, 50).Select(i => Key("C-" + i)).ToArray();
        using var start = new ManualResetEventSlim(false);

        var tasks = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            start.Wait();
            var wins = new List<JournalKey>();
            // Each worker goes through the keys in its own order, sometimes claiming two at once.
            foreach (var i in Enumerable.Range(0, keys.Length).Select(i => (i * (worker + 1) * 7) % keys.Length))
            {
                var batch = worker % 3 == 0 ? new[] { keys[i], keys[(i + 1) % keys.Length] } : new[] { keys[i] };
                var result = await journal.TryClaimAsync(new JournalClaim(batch, "m", "K-1", s_t0));
                if (result.IsClaimed)
                {
                    wins.AddRange(batch);
                }
            }

            return wins;
        })).ToArray();
        start.Set();
        var winners = (await Task.WhenAll(tasks)).SelectMany(w => w).ToList();

        Assert.Equal(keys.Length, winners.Count);
        Assert.Equal(keys.OrderBy(k => k.ChargeId, StringComparer.Ordinal), winners.OrderBy(k => k.ChargeId, StringComparer.Ordinal));
    }

    [Property(MaxTest = 200)]
    public Property TryClaimAsync_AnyInterleavingOfClaims_EachKeyClaimedExactlyOnce()
    {
        // A claim is a non-empty set of keys drawn from a small universe, so overlaps are frequent.
        var keyGen = Gen.Elements(
            Key("C-1"), Key("C-2"), Key("C-3"), Key("C-1", "d5"), Key("C-2", "d2", "whatsapp"), Key("C-4", "d10", "sms"));
        var claimGen = Gen.NonEmptyListOf(keyGen).Select(ks => ks.Distinct().ToArray());
        var claimsGen = Gen.ListOf(claimGen);

        return Prop.ForAll(claimsGen.ToArbitrary(), claims =>
        {
            var journal = new InMemoryDunningJournal();
            var wins = new List<JournalKey>();
            foreach (var keys in claims)
            {
                var result = journal.TryClaimAsync(new JournalClaim(keys, "m", "K-1", s_t0)).AsTask().GetAwaiter().GetResult();
                if (result.IsClaimed)
                {
                    wins.AddRange(keys);
                }
                else
                {
                    // A lost claim names only keys that were really taken, and reserved none of its free keys.
                    if (!result.Conflicts.All(c => wins.Contains(c.Key)))
                    {
                        return false;
                    }
                }
            }

            var requested = claims.SelectMany(k => k).Distinct().ToList();
            var everyWinIsUnique = wins.Count == wins.Distinct().Count();
            var claimedNowInJournal = requested.Count(k => journal.GetAsync(k).AsTask().GetAwaiter().GetResult() is not null);
            // A key ever claimed on its own cannot have been lost: it was won exactly once (by that claim or an earlier one).
            var offeredAlone = claims.Where(k => k.Length == 1).Select(k => k[0]).Distinct();
            return everyWinIsUnique
                && claimedNowInJournal == wins.Count
                && wins.All(requested.Contains)
                && offeredAlone.All(k => wins.Count(w => w == k) == 1);
        });
    }
}

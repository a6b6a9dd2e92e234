using Kolek.Cli.Storage;
using Kolek.Dunning.Journal;
using Kolek.Reconciliation.Matching;
using NodaTime;

namespace Kolek.Cli.Tests.Storage;

/// <summary>
/// The SQLite journal and ledger keep their guarantees through the database, not a lock in the process: every test
/// uses separate connections to one file, as separate worker processes would.
/// </summary>
public sealed class SqliteStorageTests : IDisposable
{
    private static readonly Instant s_now = Instant.FromUtc(2026, 12, 3, 16, 0);
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("kolek-sqlite-").FullName, "state.db");

    [Fact]
    public async Task Journal_ConcurrentClaimsFromSeparateConnections_OneWinnerPerKey()
    {
        var keys = Enumerable.Range(1, 20).Select(i => new JournalKey($"NF-{i}", "d2", "email")).ToList();
        using (new SqliteDatabase(_file))
        {
            // create the schema once before the race
        }

        var wins = await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            using var db = new SqliteDatabase(_file);
            var journal = new SqliteDunningJournal(db);
            var won = new List<JournalKey>();
            foreach (var key in keys.OrderBy(k => (k.ChargeId.GetHashCode(StringComparison.Ordinal) ^ worker) & 0xFF))
            {
                if ((await ClaimWithRetryAsync(journal, new JournalClaim([key], $"m-{key.ChargeId}", "K-1", s_now))).IsClaimed)
                {
                    won.Add(key);
                }
            }

            return won;
        })));

        var all = wins.SelectMany(w => w).ToList();
        Assert.Equal(keys.Count, all.Count);
        Assert.Equal(keys.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task Journal_OutcomeSurvivesReopen_AndSentKeyIsNeverClaimableAgain()
    {
        var key = new JournalKey("NF-1", "d0", "whatsapp");
        using (var db = new SqliteDatabase(_file))
        {
            var journal = new SqliteDunningJournal(db);
            var claim = await journal.TryClaimAsync(new JournalClaim([key], "m-1", "K-1", s_now));
            Assert.True(await journal.RecordOutcomeAsync(claim.Receipt!, JournalOutcome.Sent("provider-1", s_now)));
            Assert.False(await journal.RecordOutcomeAsync(claim.Receipt!, JournalOutcome.Sent("provider-2", s_now)));
        }

        using (var db = new SqliteDatabase(_file))
        {
            var journal = new SqliteDunningJournal(db);
            var entry = await journal.GetAsync(key);
            Assert.Equal(JournalEntryState.Sent, entry!.State);
            Assert.Equal("provider-1", entry.Outcome!.ProviderMessageId);
            Assert.False((await journal.TryClaimAsync(new JournalClaim([key], "m-1", "K-1", s_now + Duration.FromDays(30)))).IsClaimed);
        }
    }

    [Fact]
    public async Task Journal_TransientFailure_ClaimableOnlyAfterRetryTime_WithTheNextAttempt()
    {
        using var db = new SqliteDatabase(_file);
        var journal = new SqliteDunningJournal(db);
        var key = new JournalKey("NF-1", "d5", "email");
        var first = await journal.TryClaimAsync(new JournalClaim([key], "m-1", "K-1", s_now));
        await journal.RecordOutcomeAsync(first.Receipt!, JournalOutcome.Failed(true, "smtp timeout", s_now, Duration.FromMinutes(10)));

        Assert.False((await journal.TryClaimAsync(new JournalClaim([key], "m-1", "K-1", s_now + Duration.FromMinutes(5)))).IsClaimed);
        var retry = await journal.TryClaimAsync(new JournalClaim([key], "m-1", "K-1", s_now + Duration.FromMinutes(11)));
        Assert.True(retry.IsClaimed);
        Assert.Equal(2, (await journal.GetAsync(key))!.Attempt);
        Assert.Equal(JournalEntryState.InDoubt, (await journal.GetAsync(key))!.State);
    }

    [Fact]
    public async Task Journal_ConsolidatedClaim_IsAllOrNothing()
    {
        using var db = new SqliteDatabase(_file);
        var journal = new SqliteDunningJournal(db);
        var taken = new JournalKey("NF-2", "d2", "email");
        await journal.TryClaimAsync(new JournalClaim([taken], "m-2", "K-1", s_now));

        var result = await journal.TryClaimAsync(new JournalClaim([new JournalKey("NF-1", "d2", "email"), taken], "m-12", "K-1", s_now));

        Assert.False(result.IsClaimed);
        Assert.Equal(taken, Assert.Single(result.Conflicts).Key);
        Assert.Null(await journal.GetAsync(new JournalKey("NF-1", "d2", "email")));
    }

    [Fact]
    public async Task Ledger_SameTransactionTwice_RecordsOncePaysOnce()
    {
        using var db = new SqliteDatabase(_file);
        var ledger = new SqliteReconciliationLedger(db);
        var entry = new ReconciliationLedgerEntry("cnab-1", s_now, "nosso-numero", [new Allocation("NF-1", 102.50m, 2.50m, 0m)]);

        Assert.True(await ledger.TryRecordAsync(entry));
        Assert.False(await ledger.TryRecordAsync(entry));
        using var other = new SqliteDatabase(_file);
        Assert.False(await new SqliteReconciliationLedger(other).TryRecordAsync(entry));

        Assert.Equal(new SettledPayment(100.00m, s_now), ledger.SettledByCharge()["NF-1"]);
        Assert.Equal(["cnab-1"], (await ledger.FindRecordedAsync(["cnab-1", "cnab-2"])).ToList());
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    private static async Task<ClaimResult> ClaimWithRetryAsync(SqliteDunningJournal journal, JournalClaim claim)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await journal.TryClaimAsync(claim);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 5 && attempt < 50)
            {
                await Task.Delay(10); // SQLITE_BUSY: another connection holds the write lock; a worker retries
            }
        }
    }
}

using Kolek.Channels;
using Kolek.Cli.Storage;
using Kolek.Dunning.Journal;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Kolek.Cli.Tests.Storage;

/// <summary>Delivery reports on the SQLite journal, and a journal file made by the previous schema.</summary>
public sealed class SqliteJournalDeliveryTests : IDisposable
{
    private static readonly Instant s_at = Instant.FromUtc(2026, 3, 16, 12, 0);
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("kolek-delivery-").FullName, "state.db");

    [Fact]
    public async Task ApplyDeliveryStatusAsync_MonotonicByProviderIdOrKey_AndSurvivesReopen()
    {
        using (var db = new SqliteDatabase(_file))
        {
            var journal = new SqliteDunningJournal(db);
            var claim = await journal.TryClaimAsync(new JournalClaim([new JournalKey("C-1", "d0", "email"), new JournalKey("C-2", "d0", "email")], "kolek-abc", "K-1", s_at)
            {
                Recipient = "a@example.com",
            });
            await journal.RecordOutcomeAsync(claim.Receipt!, JournalOutcome.Sent("prov-1", s_at));

            Assert.Equal(DeliveryUpdateResult.UnknownMessage, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("other", DeliveryStatus.Read, null), s_at));
            Assert.Equal(DeliveryUpdateResult.Applied, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("prov-1", DeliveryStatus.Delivered, null), s_at));
            Assert.Equal(DeliveryUpdateResult.Applied, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("kolek-abc", DeliveryStatus.Read, null, "opened"), s_at + Duration.FromMinutes(5)));
            Assert.Equal(DeliveryUpdateResult.Superseded, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("prov-1", DeliveryStatus.Delivered, null), s_at + Duration.FromMinutes(6)));
        }

        using (var db = new SqliteDatabase(_file))
        {
            var journal = new SqliteDunningJournal(db);
            foreach (var charge in new[] { "C-1", "C-2" })
            {
                var entry = await journal.GetAsync(new JournalKey(charge, "d0", "email"));
                Assert.Equal(new JournalDelivery(DeliveryStatus.Read, s_at + Duration.FromMinutes(5), "opened"), entry!.Delivery);
                Assert.Equal("a@example.com", entry.Recipient);
            }
        }
    }

    [Fact]
    public async Task Open_JournalOfThePreviousSchema_GainsTheNewColumnsAndKeepsItsRows()
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE dunning_journal (
                    charge_id TEXT NOT NULL, step_id TEXT NOT NULL, channel TEXT NOT NULL,
                    claim_id TEXT NOT NULL, message_id TEXT NOT NULL, customer_id TEXT NOT NULL,
                    attempt INTEGER NOT NULL, claimed_at TEXT NOT NULL,
                    outcome_kind INTEGER NULL, outcome_at TEXT NULL, provider_message_id TEXT NULL,
                    reason TEXT NULL, retry_not_before TEXT NULL,
                    PRIMARY KEY (charge_id, step_id, channel));
                INSERT INTO dunning_journal VALUES ('C-1', 'd0', 'email', 'claim-1', 'kolek-1', 'K-1', 1, '2026-03-16T12:00:00Z', 1, '2026-03-16T12:00:01Z', 'prov-1', NULL, NULL);
                """;
            command.ExecuteNonQuery();
        }

        using var db = new SqliteDatabase(_file);
        var journal = new SqliteDunningJournal(db);

        var entry = await journal.GetAsync(new JournalKey("C-1", "d0", "email"));
        Assert.Equal((JournalEntryState.Sent, null), (entry!.State, entry.Recipient));
        Assert.Equal(DeliveryUpdateResult.Applied, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("prov-1", DeliveryStatus.Bounced, null), s_at));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
}

using System.Runtime.CompilerServices;
using Kolek.Dunning.Journal;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Cli.Storage;

/// <summary>
/// The dunning journal on SQLite. A claim takes the database's write lock (<c>BEGIN IMMEDIATE</c>), checks every key
/// and inserts them all or none, so two processes sharing the file can never both claim the same
/// (charge, step, channel). On PostgreSQL the same contract is an <c>INSERT … ON CONFLICT DO NOTHING</c> per key in
/// one transaction, rolled back when any key was taken.
/// </summary>
public sealed class SqliteDunningJournal(SqliteDatabase db) : IDunningJournal
{
    private const string Columns =
        "charge_id, step_id, channel, claim_id, message_id, customer_id, attempt, claimed_at, outcome_kind, outcome_at, provider_message_id, reason, retry_not_before";

    /// <inheritdoc />
    public ValueTask<ClaimResult> TryClaimAsync(JournalClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using var tx = db.Connection.BeginTransaction(deferred: false);
        var conflicts = new List<JournalEntry>();
        var attempts = new Dictionary<JournalKey, int>();
        foreach (var key in claim.Keys)
        {
            var existing = Get(key, tx);
            if (existing is not null && !existing.IsClaimableAt(claim.ClaimedAt))
            {
                conflicts.Add(existing);
            }

            attempts[key] = (existing?.Attempt ?? 0) + 1;
        }

        if (conflicts.Count > 0)
        {
            tx.Rollback();
            return ValueTask.FromResult(ClaimResult.AlreadyClaimed(conflicts));
        }

        var claimId = "claim-" + Guid.NewGuid().ToString("N");
        foreach (var key in claim.Keys)
        {
            var command = db.Command(
                $"INSERT OR REPLACE INTO dunning_journal ({Columns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, NULL, NULL, NULL, NULL, NULL)",
                key.ChargeId, key.StepId, key.Channel, claimId, claim.MessageId, claim.CustomerId, attempts[key], Format(claim.ClaimedAt));
            command.Transaction = tx;
            command.ExecuteNonQuery();
        }

        tx.Commit();
        return ValueTask.FromResult(ClaimResult.Claimed(new ClaimReceipt(claimId, claim.Keys)));
    }

    /// <inheritdoc />
    public ValueTask<bool> RecordOutcomeAsync(ClaimReceipt receipt, JournalOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(outcome);
        using var tx = db.Connection.BeginTransaction(deferred: false);
        foreach (var key in receipt.Keys)
        {
            var command = db.Command(
                """
                UPDATE dunning_journal SET outcome_kind = $p4, outcome_at = $p5, provider_message_id = $p6, reason = $p7, retry_not_before = $p8
                WHERE charge_id = $p0 AND step_id = $p1 AND channel = $p2 AND claim_id = $p3 AND outcome_kind IS NULL
                """,
                key.ChargeId, key.StepId, key.Channel, receipt.ClaimId, (int)outcome.Kind, Format(outcome.At),
                outcome.ProviderMessageId, outcome.Reason, outcome.RetryNotBefore is { } r ? Format(r) : null);
            command.Transaction = tx;
            if (command.ExecuteNonQuery() != 1)
            {
                tx.Rollback();
                return ValueTask.FromResult(false);
            }
        }

        tx.Commit();
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Get(key, null));

    /// <inheritdoc />
    public async IAsyncEnumerable<JournalEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = db.Command($"SELECT {Columns} FROM dunning_journal ORDER BY claimed_at, charge_id, step_id, channel").ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Read(reader);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private JournalEntry? Get(JournalKey key, SqliteTransaction? tx)
    {
        var command = db.Command($"SELECT {Columns} FROM dunning_journal WHERE charge_id = $p0 AND step_id = $p1 AND channel = $p2",
            key.ChargeId, key.StepId, key.Channel);
        command.Transaction = tx;
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static JournalEntry Read(SqliteDataReader r)
    {
        JournalOutcome? outcome = null;
        if (!r.IsDBNull(8))
        {
            var at = Parse(r.GetString(9));
            outcome = (JournalOutcomeKind)r.GetInt32(8) switch
            {
                JournalOutcomeKind.Sent => JournalOutcome.Sent(r.GetString(10), at),
                JournalOutcomeKind.TransientFailure => JournalOutcome.Failed(true, r.GetString(11), at,
                    r.IsDBNull(12) ? null : Parse(r.GetString(12)) - at),
                JournalOutcomeKind.PermanentFailure => JournalOutcome.Failed(false, r.GetString(11), at),
                _ => JournalOutcome.Skipped(r.GetString(11), at),
            };
        }

        return new JournalEntry(new JournalKey(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetString(3), r.GetString(4),
            r.GetString(5), r.GetInt32(6), Parse(r.GetString(7)), outcome);
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Instant Parse(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();
}

using System.Runtime.CompilerServices;
using Kolek.Channels;
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
/// <remarks>
/// <para>Statements are prepared once per journal and reused (the connection disposes them when it closes).</para>
/// <para>
/// Durability: a claim commits with <c>synchronous = FULL</c> (flushed to disk before the message may go out: a claim lost
/// to a power cut after its message was sent would let it be sent again). Outcomes and delivery reports commit with
/// <c>NORMAL</c> (WAL mode: no flush of their own; the next claim's flush carries them). A power cut can only lose
/// outcomes, and a key whose outcome was lost is back "in doubt", which the runner settles without a duplicate. This halves
/// the disk flushes of a run.
/// </para>
/// <para>The lock only serialises this instance's use of its one connection (a connection is not thread-safe);
/// exclusivity between runs and processes comes from the database.</para>
/// </remarks>
public sealed class SqliteDunningJournal : IDunningJournal
{
    private const string Columns =
        "charge_id, step_id, channel, claim_id, message_id, customer_id, attempt, claimed_at, outcome_kind, outcome_at, provider_message_id, reason, retry_not_before, recipient, delivery_status, delivery_at, delivery_reason";

    private readonly SqliteDatabase _db;
    private readonly Lock _gate = new();
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _record;
    private readonly SqliteCommand _durable;
    private readonly SqliteCommand _relaxed;
    private bool? _isDurable;

    /// <summary>Creates the journal over an open database.</summary>
    public SqliteDunningJournal(SqliteDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _get = Prepared($"SELECT {Columns} FROM dunning_journal WHERE charge_id = $p0 AND step_id = $p1 AND channel = $p2", 3);
        _insert = Prepared(
            $"INSERT OR REPLACE INTO dunning_journal ({Columns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, NULL, NULL, NULL, NULL, NULL, $p8, NULL, NULL, NULL)", 9);
        _record = Prepared(
            """
            UPDATE dunning_journal SET outcome_kind = $p4, outcome_at = $p5, provider_message_id = $p6, reason = $p7, retry_not_before = $p8
            WHERE charge_id = $p0 AND step_id = $p1 AND channel = $p2 AND claim_id = $p3 AND outcome_kind IS NULL
            """, 9);
        _durable = Prepared("PRAGMA synchronous = FULL", 0);
        _relaxed = Prepared("PRAGMA synchronous = NORMAL", 0);
    }

    /// <inheritdoc />
    public ValueTask<ClaimResult> TryClaimAsync(JournalClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            Durable(true);
            using var tx = _db.Connection.BeginTransaction(deferred: false);
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
                Execute(_insert, tx, key.ChargeId, key.StepId, key.Channel, claimId, claim.MessageId, claim.CustomerId, attempts[key],
                    Format(claim.ClaimedAt), claim.Recipient);
            }

            tx.Commit();
            return ValueTask.FromResult(ClaimResult.Claimed(new ClaimReceipt(claimId, claim.Keys)));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RecordOutcomeAsync(ClaimReceipt receipt, JournalOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            Durable(false);
            using var tx = _db.Connection.BeginTransaction(deferred: false);
            foreach (var key in receipt.Keys)
            {
                var changed = Execute(_record, tx, key.ChargeId, key.StepId, key.Channel, receipt.ClaimId, (int)outcome.Kind, Format(outcome.At),
                    outcome.ProviderMessageId, outcome.Reason, outcome.RetryNotBefore is { } r ? Format(r) : null);
                if (changed != 1)
                {
                    tx.Rollback();
                    return ValueTask.FromResult(false);
                }
            }

            tx.Commit();
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<DeliveryUpdateResult> ApplyDeliveryStatusAsync(DeliveryStatusUpdate update, Instant receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var at = update.At is { } reported ? Instant.FromDateTimeOffset(reported) : receivedAt;
        lock (_gate)
        {
            Durable(false);
            using var tx = _db.Connection.BeginTransaction(deferred: false);
            var sent = $"outcome_kind = {(int)JournalOutcomeKind.Sent}";
            var where = $"{sent} AND provider_message_id = $p0";
            var current = Scalar(tx, $"SELECT COUNT(*), MAX(delivery_status) FROM dunning_journal WHERE {where}", update.ProviderMessageId);
            if (current.Count == 0)
            {
                where = $"{sent} AND message_id = $p0";
                current = Scalar(tx, $"SELECT COUNT(*), MAX(delivery_status) FROM dunning_journal WHERE {where}", update.ProviderMessageId);
            }

            if (current.Count == 0)
            {
                return ValueTask.FromResult(DeliveryUpdateResult.UnknownMessage);
            }

            if (!JournalDelivery.Supersedes(current.Status, update.Status))
            {
                return ValueTask.FromResult(DeliveryUpdateResult.Superseded);
            }

            var command = _db.Command($"UPDATE dunning_journal SET delivery_status = $p1, delivery_at = $p2, delivery_reason = $p3 WHERE {where}",
                update.ProviderMessageId, (int)update.Status, Format(at), update.Reason);
            command.Transaction = tx;
            command.ExecuteNonQuery();
            tx.Commit();
            return ValueTask.FromResult(DeliveryUpdateResult.Applied);
        }
    }

    /// <inheritdoc />
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(Get(key, null));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JournalEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<JournalEntry> entries = [];
        lock (_gate)
        {
            using var reader = _db.Command($"SELECT {Columns} FROM dunning_journal ORDER BY claimed_at, charge_id, step_id, channel").ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                entries.Add(Read(reader));
            }
        }

        foreach (var entry in entries)
        {
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Sets whether the next commits flush to disk (claims) or not (outcomes); only when it changes.</summary>
    private void Durable(bool durable)
    {
        if (_isDurable != durable)
        {
            (durable ? _durable : _relaxed).ExecuteNonQuery();
            _isDurable = durable;
        }
    }

    private SqliteCommand Prepared(string sql, int parameters)
    {
        var command = _db.Command(sql, new object?[parameters]);
        command.Prepare();
        return command;
    }

    private static int Execute(SqliteCommand command, SqliteTransaction? tx, params object?[] values)
    {
        command.Transaction = tx;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    private (long Count, DeliveryStatus? Status) Scalar(SqliteTransaction tx, string sql, string value)
    {
        var command = _db.Command(sql, value);
        command.Transaction = tx;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : (DeliveryStatus)reader.GetInt32(1));
    }

    private JournalEntry? Get(JournalKey key, SqliteTransaction? tx)
    {
        _get.Transaction = tx;
        _get.Parameters[0].Value = key.ChargeId;
        _get.Parameters[1].Value = key.StepId;
        _get.Parameters[2].Value = key.Channel;
        using var reader = _get.ExecuteReader();
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
            r.GetString(5), r.GetInt32(6), Parse(r.GetString(7)), outcome)
        {
            Recipient = r.IsDBNull(13) ? null : r.GetString(13),
            Delivery = r.IsDBNull(14) ? null
                : new JournalDelivery((DeliveryStatus)r.GetInt32(14), Parse(r.GetString(15)), r.IsDBNull(16) ? null : r.GetString(16)),
        };
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Instant Parse(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();
}

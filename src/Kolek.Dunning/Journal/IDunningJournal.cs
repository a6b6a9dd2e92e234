using Kolek.Channels;
using NodaTime;

namespace Kolek.Dunning.Journal;

/// <summary>The durable record that makes "never twice" hold: a (charge, step, channel) is claimed before sending and its outcome recorded after.</summary>
/// <remarks>
/// <para><b>Protocol.</b> The runner, for each message it is about to send:</para>
/// <list type="number">
/// <item><see cref="TryClaimAsync"/> with one <see cref="JournalKey"/> per charge the message covers. Only a
/// <see cref="ClaimStatus.Claimed"/> answer allows sending; on <see cref="ClaimStatus.AlreadyClaimed"/> it drops the
/// conflicting charges (or the whole message) and never sends them.</item>
/// <item>sends through the channel;</item>
/// <item><see cref="RecordOutcomeAsync"/> with the receipt: sent, failed (transient or permanent) or skipped.</item>
/// </list>
/// <para>
/// <b>Correctness comes from the store, not from a lock.</b> Implementations must make a claim atomic and exclusive
/// across processes and machines with the database's unique key, so that overlapping runs, retries and catch-ups cannot
/// both win. On PostgreSQL or SQLite, with a primary key <c>(charge_id, step_id, channel)</c>, a claim is one transaction:
/// </para>
/// <code>
/// BEGIN;  -- SQLite: BEGIN IMMEDIATE
/// -- once per key of the claim:
/// INSERT INTO kolek_journal (charge_id, step_id, channel, claim_id, message_id, customer_id, attempt, claimed_at)
/// VALUES (@charge, @step, @channel, @claim, @message, @customer, 1, @at)
/// ON CONFLICT (charge_id, step_id, channel) DO UPDATE
///   SET claim_id = excluded.claim_id, message_id = excluded.message_id, customer_id = excluded.customer_id,
///       attempt = kolek_journal.attempt + 1, claimed_at = excluded.claimed_at,
///       outcome = NULL, outcome_at = NULL, provider_message_id = NULL, reason = NULL, retry_not_before = NULL
///   WHERE kolek_journal.outcome = 'transient'
///     AND (kolek_journal.retry_not_before IS NULL OR kolek_journal.retry_not_before &lt;= excluded.claimed_at);
/// -- every statement must report 1 affected row; if any reports 0, ROLLBACK, read the conflicting rows and answer
/// -- AlreadyClaimed(conflicts); otherwise COMMIT and answer Claimed.
/// </code>
/// <para>
/// A concurrent transaction inserting the same key waits on the unique index until the first commits or rolls back, then
/// sees the row and does nothing, so exactly one claimant wins each key, and the keys of one consolidated message are
/// reserved all together or not at all. Recording an outcome is, in one transaction per receipt,
/// <c>UPDATE kolek_journal SET outcome = … WHERE charge_id = … AND step_id = … AND channel = … AND claim_id = @claim AND outcome IS NULL</c>
/// for each key, committed only if every key was updated.
/// </para>
/// <para>
/// <b>Crash semantics.</b> A key claimed without an outcome is <see cref="JournalEntryState.InDoubt"/>. The journal
/// cannot tell "died before sending" from "sent, then died before recording", so an in-doubt key is never claimable
/// again: the next run sees it as a conflict and must resolve it deliberately, never by resending blindly. It can ask the
/// provider about the message's idempotency key, resend only through a provider that deduplicates on that key, or record
/// <see cref="JournalOutcome.Skipped"/> and report it. Entries claimed moments ago may belong to a run still in
/// progress: resolve only entries older than a grace period. Resolution uses a <see cref="ClaimReceipt"/> built from
/// <see cref="JournalEntry.ClaimId"/> and the keys that share it. <see cref="Running.DunningRunner"/> does this itself at the
/// start of every run (see <see cref="Running.DunningRunnerOptions.InDoubt"/>).
/// </para>
/// <para>
/// <b>Retries.</b> Only a <see cref="JournalOutcomeKind.TransientFailure"/> makes its keys claimable again, from its
/// <see cref="JournalOutcome.RetryNotBefore"/> on; the new claim gets a new claim id and the next
/// <see cref="JournalEntry.Attempt"/>. Sent, permanently failed and skipped keys are final. How many attempts to make is
/// the runner's policy.
/// </para>
/// <para>Implementations must be safe to call concurrently.</para>
/// </remarks>
public interface IDunningJournal
{
    /// <summary>Reserves all the keys of a message, or none.</summary>
    /// <param name="claim">The keys, message and instant of the claim.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled claim either reserved everything or nothing.</param>
    /// <returns><see cref="ClaimStatus.Claimed"/> with a receipt, or <see cref="ClaimStatus.AlreadyClaimed"/> with the entries that blocked it.</returns>
    ValueTask<ClaimResult> TryClaimAsync(JournalClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Records how a claimed message ended, for every key of the claim at once.</summary>
    /// <param name="receipt">The receipt from <see cref="TryClaimAsync"/> (or built from in-doubt entries).</param>
    /// <param name="outcome">How the message ended.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see langword="true"/> when every key of the receipt was in doubt under that claim and now carries the outcome;
    /// <see langword="false"/>, changing nothing, when any key is not (never claimed, already resolved, or taken over by a
    /// newer attempt).
    /// </returns>
    ValueTask<bool> RecordOutcomeAsync(ClaimReceipt receipt, JournalOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Records a provider's delivery report (delivered, read, bounced, failed) on every key of the sent message it concerns.</summary>
    /// <param name="update">The report; <see cref="DeliveryStatusUpdate.ProviderMessageId"/> is matched against the provider's
    /// message id of sent entries and, failing that, against their idempotency key.</param>
    /// <param name="receivedAt">When the report arrived; used as the status instant when the provider gave none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="DeliveryUpdateResult.Applied"/> when the status moved forward (see <see cref="JournalDelivery.Supersedes"/>),
    /// <see cref="DeliveryUpdateResult.Superseded"/> when the message already had it or a later one, or
    /// <see cref="DeliveryUpdateResult.UnknownMessage"/>. Applying the same report twice changes nothing the second time.
    /// </returns>
    /// <remarks>A bounced address (<see cref="JournalEntry.Recipient"/>) is not used again by the runner on that channel for
    /// that customer: later steps fall back to the next channel, or are skipped with the reason.</remarks>
    ValueTask<DeliveryUpdateResult> ApplyDeliveryStatusAsync(DeliveryStatusUpdate update, Instant receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Gets the entry of one key.</summary>
    /// <param name="key">The (charge, step, channel).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, or <see langword="null"/> when the key was never claimed.</returns>
    ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken = default);

    /// <summary>Enumerates every entry, for reports (messages per step and channel, step effectiveness) and for resolving in-doubt entries.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries, ordered by claim instant, then charge, step and channel (ordinal).</returns>
    IAsyncEnumerable<JournalEntry> ListAsync(CancellationToken cancellationToken = default);
}

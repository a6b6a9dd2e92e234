using System.Globalization;
using System.Runtime.CompilerServices;
using Kolek.Channels;
using NodaTime;

namespace Kolek.Dunning.Journal;

/// <summary>An <see cref="IDunningJournal"/> kept in memory: for tests, previews and single-process hosts that accept losing the journal on restart.</summary>
/// <remarks>
/// <para>
/// Follows the same contract as the database implementations (all-or-nothing claims, receipts, retry of transient
/// failures). Atomicity comes from one lock around the dictionary, which is the in-memory stand-in for the database
/// transaction; it guards nothing across processes, so two processes must never share this journal's role.
/// </para>
/// <para>Claim ids are <c>claim-1</c>, <c>claim-2</c>… in claim order within the instance.</para>
/// <threadsafety>Thread-safe: every member may be called concurrently.</threadsafety>
/// </remarks>
public sealed class InMemoryDunningJournal : IDunningJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<JournalKey, JournalEntry> _entries = [];
    private long _claims;

    /// <inheritdoc/>
    public ValueTask<ClaimResult> TryClaimAsync(JournalClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var conflicts = new List<JournalEntry>();
            foreach (var key in claim.Keys)
            {
                if (_entries.TryGetValue(key, out var existing) && !existing.IsClaimableAt(claim.ClaimedAt))
                {
                    conflicts.Add(existing);
                }
            }

            if (conflicts.Count > 0)
            {
                return ValueTask.FromResult(ClaimResult.AlreadyClaimed(conflicts));
            }

            var claimId = "claim-" + (++_claims).ToString(CultureInfo.InvariantCulture);
            foreach (var key in claim.Keys)
            {
                var attempt = _entries.TryGetValue(key, out var previous) ? previous.Attempt + 1 : 1;
                _entries[key] = new JournalEntry(key, claimId, claim.MessageId, claim.CustomerId, attempt, claim.ClaimedAt, null)
                {
                    Recipient = claim.Recipient,
                };
            }

            return ValueTask.FromResult(ClaimResult.Claimed(new ClaimReceipt(claimId, claim.Keys)));
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RecordOutcomeAsync(ClaimReceipt receipt, JournalOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(outcome);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var key in receipt.Keys)
            {
                if (!_entries.TryGetValue(key, out var entry) || entry.ClaimId != receipt.ClaimId || entry.Outcome is not null)
                {
                    return ValueTask.FromResult(false);
                }
            }

            foreach (var key in receipt.Keys)
            {
                _entries[key] = _entries[key] with { Outcome = outcome };
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<DeliveryUpdateResult> ApplyDeliveryStatusAsync(DeliveryStatusUpdate update, Instant receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        var at = update.At is { } reported ? Instant.FromDateTimeOffset(reported) : receivedAt;
        lock (_gate)
        {
            var sent = _entries.Values.Where(e => e.Outcome?.Kind == JournalOutcomeKind.Sent && e.Outcome.ProviderMessageId == update.ProviderMessageId).ToList();
            if (sent.Count == 0)
            {
                sent = [.. _entries.Values.Where(e => e.Outcome?.Kind == JournalOutcomeKind.Sent && e.MessageId == update.ProviderMessageId)];
            }

            if (sent.Count == 0)
            {
                return ValueTask.FromResult(DeliveryUpdateResult.UnknownMessage);
            }

            if (!JournalDelivery.Supersedes(sent[0].Delivery?.Status, update.Status))
            {
                return ValueTask.FromResult(DeliveryUpdateResult.Superseded);
            }

            foreach (var entry in sent)
            {
                _entries[entry.Key] = entry with { Delivery = new JournalDelivery(update.Status, at, update.Reason) };
            }

            return ValueTask.FromResult(DeliveryUpdateResult.Applied);
        }
    }

    /// <inheritdoc/>
    public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<JournalEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JournalEntry[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _entries.Values];
        }

        var ordered = snapshot
            .OrderBy(e => e.ClaimedAt)
            .ThenBy(e => e.Key.ChargeId, StringComparer.Ordinal)
            .ThenBy(e => e.Key.StepId, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Channel, StringComparer.Ordinal);
        foreach (var entry in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}

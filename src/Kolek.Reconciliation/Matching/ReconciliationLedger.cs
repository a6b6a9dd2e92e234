using System.Collections.Concurrent;
using NodaTime;

namespace Kolek.Reconciliation.Matching;

/// <summary>Remembers which bank transactions were reconciled, so that importing the same file again pays nothing twice.</summary>
/// <remarks>
/// Implementations keep one row per transaction id under a unique key: on PostgreSQL or SQLite,
/// <c>INSERT … ON CONFLICT (transaction_id) DO NOTHING</c> and report whether a row was inserted. The database, not an
/// in-process lock, carries the guarantee, so concurrent runs on several machines record a transaction once.
/// </remarks>
public interface IReconciliationLedger
{
    /// <summary>Records a reconciled transaction unless its id is already recorded.</summary>
    /// <param name="entry">What was reconciled.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when this call recorded it; <see langword="false"/> when it was already there
    /// (the earlier entry is kept unchanged).</returns>
    ValueTask<bool> TryRecordAsync(ReconciliationLedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Which of the given transaction ids are recorded.</summary>
    /// <param name="transactionIds">The ids to look up (typically every transaction of the files being imported).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The recorded ones, to pass to <see cref="ReconciliationMatcher.Reconcile"/>.</returns>
    ValueTask<IReadOnlySet<string>> FindRecordedAsync(IEnumerable<string> transactionIds, CancellationToken cancellationToken = default);
}

/// <summary>One reconciled transaction as a ledger keeps it.</summary>
/// <param name="TransactionId">The transaction's stable id; the ledger's unique key.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Rule">The rule that matched it (one of <see cref="MatchRules"/>, or a host's own, e.g. <c>manual</c>).</param>
/// <param name="Allocations">How it was allocated to items.</param>
public sealed record ReconciliationLedgerEntry(string TransactionId, Instant RecordedAt, string Rule, IReadOnlyList<Allocation> Allocations)
{
    /// <summary>The part of the credit allocated to no item (overpayment), as the match reported it.</summary>
    /// <value>The default value is 0.</value>
    public decimal Remainder { get; init; }

    /// <summary>The match's confidence in [0, 1]; 1 for a manual reconciliation.</summary>
    /// <value>The default value is 1.</value>
    public double Confidence { get; init; } = 1.0;

    /// <summary>The match's explanation, so a report made later can still say why the credit paid those items.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Explanation { get; init; }

    /// <summary>The entry for a match.</summary>
    /// <param name="match">The match to record.</param>
    /// <param name="recordedAt">When it is recorded (from the host's <see cref="IClock"/>).</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is null.</exception>
    public static ReconciliationLedgerEntry From(TransactionMatch match, Instant recordedAt)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new ReconciliationLedgerEntry(match.TransactionId, recordedAt, match.Rule, match.Allocations)
        {
            Remainder = match.Remainder,
            Confidence = match.Confidence,
            Explanation = match.Explanation,
        };
    }
}

/// <summary>A ledger held in memory: for tests, samples and single-process hosts that rebuild it at start-up.</summary>
/// <remarks>Thread-safe; the first entry for a transaction id wins.</remarks>
public sealed class InMemoryReconciliationLedger : IReconciliationLedger
{
    private readonly ConcurrentDictionary<string, ReconciliationLedgerEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>A snapshot of the entries, sorted by transaction id.</summary>
    public IReadOnlyList<ReconciliationLedgerEntry> Entries =>
        [.. _entries.Values.OrderBy(e => e.TransactionId, StringComparer.Ordinal)];

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public ValueTask<bool> TryRecordAsync(ReconciliationLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_entries.TryAdd(entry.TransactionId, entry));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="transactionIds"/> is null.</exception>
    public ValueTask<IReadOnlySet<string>> FindRecordedAsync(IEnumerable<string> transactionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionIds);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlySet<string> found = transactionIds.Where(_entries.ContainsKey).ToHashSet(StringComparer.Ordinal);
        return ValueTask.FromResult(found);
    }
}

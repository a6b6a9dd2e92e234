namespace Kolek.Dunning.Journal;

/// <summary>Whether a claim won.</summary>
public enum ClaimStatus
{
    /// <summary>Every key of the claim is now reserved for this caller, who may send.</summary>
    Claimed = 1,

    /// <summary>At least one key was already claimed (sent, in doubt, failed for good, skipped, or not yet retryable); nothing was reserved and nothing may be sent.</summary>
    AlreadyClaimed = 2,
}

/// <summary>The answer to <see cref="IDunningJournal.TryClaimAsync"/>.</summary>
/// <remarks>
/// Either <see cref="Receipt"/> is set (claimed) or <see cref="Conflicts"/> lists the existing entries that blocked the
/// claim. A consolidated claim that conflicts on some charges can be retried with the remaining keys.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record ClaimResult
{
    private ClaimResult(ClaimStatus status, ClaimReceipt? receipt, IReadOnlyList<JournalEntry> conflicts)
    {
        Status = status;
        Receipt = receipt;
        Conflicts = conflicts;
    }

    /// <summary>Gets whether the claim won.</summary>
    public ClaimStatus Status { get; }

    /// <summary>Gets a value indicating whether the claim won and the message may be sent.</summary>
    public bool IsClaimed => Status == ClaimStatus.Claimed;

    /// <summary>Gets the receipt to record the outcome with; <see langword="null"/> unless claimed.</summary>
    public ClaimReceipt? Receipt { get; }

    /// <summary>Gets the existing entries that blocked the claim, one per conflicting key; empty when claimed.</summary>
    public IReadOnlyList<JournalEntry> Conflicts { get; }

    /// <summary>Creates a winning result.</summary>
    /// <param name="receipt">The receipt of the claim.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="receipt"/> is null.</exception>
    public static ClaimResult Claimed(ClaimReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new ClaimResult(ClaimStatus.Claimed, receipt, []);
    }

    /// <summary>Creates a losing result.</summary>
    /// <param name="conflicts">The existing entries that blocked the claim, at least one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="conflicts"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="conflicts"/> is null.</exception>
    public static ClaimResult AlreadyClaimed(IReadOnlyList<JournalEntry> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 0)
        {
            throw new ArgumentException("A lost claim names at least one existing entry.", nameof(conflicts));
        }

        return new ClaimResult(ClaimStatus.AlreadyClaimed, null, [.. conflicts]);
    }
}

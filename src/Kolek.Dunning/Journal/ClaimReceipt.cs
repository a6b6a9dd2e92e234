namespace Kolek.Dunning.Journal;

/// <summary>Proof of a successful claim, needed to record its outcome: the claim's id and the keys it reserved.</summary>
/// <remarks>
/// The claim id is chosen by the journal and differs for every claim, including a new attempt after a transient failure,
/// so an outcome reported late by a superseded attempt cannot overwrite the current one. A run resolving in-doubt
/// entries builds a receipt from <see cref="JournalEntry.ClaimId"/> and the keys that share it.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record ClaimReceipt
{
    /// <summary>Initializes a new receipt.</summary>
    /// <param name="claimId">The claim id given by the journal.</param>
    /// <param name="keys">The keys the claim reserved.</param>
    /// <exception cref="ArgumentException"><paramref name="claimId"/> is empty, or <paramref name="keys"/> is empty or holds a default or duplicate key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    public ClaimReceipt(string claimId, IReadOnlyList<JournalKey> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimId);
        ArgumentNullException.ThrowIfNull(keys);
        ClaimId = claimId;
        Keys = JournalClaim.ValidateKeys(keys);
    }

    /// <summary>Gets the claim id given by the journal.</summary>
    public string ClaimId { get; }

    /// <summary>Gets the keys the claim reserved.</summary>
    public IReadOnlyList<JournalKey> Keys { get; }
}

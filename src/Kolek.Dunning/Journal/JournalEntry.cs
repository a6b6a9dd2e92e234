using NodaTime;

namespace Kolek.Dunning.Journal;

/// <summary>Where a journal key stands.</summary>
public enum JournalEntryState
{
    /// <summary>Claimed with no outcome recorded: being sent right now, or the sender died; it may or may not have gone out. Never resend blindly.</summary>
    InDoubt = 1,

    /// <summary>Sent (accepted by the provider). Final.</summary>
    Sent = 2,

    /// <summary>Failed for a reason that may go away; claimable again from <see cref="JournalOutcome.RetryNotBefore"/>.</summary>
    TransientFailure = 3,

    /// <summary>Failed for good. Final.</summary>
    PermanentFailure = 4,

    /// <summary>Deliberately not sent. Final.</summary>
    Skipped = 5,
}

/// <summary>The journal's record of one key: who claimed it, when, in which attempt, and how it ended.</summary>
/// <param name="Key">The (charge, step, channel).</param>
/// <param name="ClaimId">The id of the claim that holds the key; shared by the keys of one consolidated message.</param>
/// <param name="MessageId">The message's idempotency key.</param>
/// <param name="CustomerId">The customer the message was for.</param>
/// <param name="Attempt">1 for the first claim, plus one for every new claim after a transient failure.</param>
/// <param name="ClaimedAt">When the current attempt was claimed.</param>
/// <param name="Outcome">How the current attempt ended; <see langword="null"/> while in doubt.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record JournalEntry(
    JournalKey Key,
    string ClaimId,
    string MessageId,
    string CustomerId,
    int Attempt,
    Instant ClaimedAt,
    JournalOutcome? Outcome)
{
    /// <summary>Gets where the key stands, derived from <see cref="Outcome"/>.</summary>
    public JournalEntryState State => Outcome?.Kind switch
    {
        null => JournalEntryState.InDoubt,
        JournalOutcomeKind.Sent => JournalEntryState.Sent,
        JournalOutcomeKind.TransientFailure => JournalEntryState.TransientFailure,
        JournalOutcomeKind.PermanentFailure => JournalEntryState.PermanentFailure,
        _ => JournalEntryState.Skipped,
    };

    /// <summary>Gets the address the message went to (e-mail, or E.164 phone), as given in <see cref="JournalClaim.Recipient"/>.</summary>
    /// <value>The default value is <see langword="null"/>: not known (escalations, no valid contact).</value>
    public string? Recipient { get; init; }

    /// <summary>Gets what the provider last reported about the sent message; see <see cref="IDunningJournal.ApplyDeliveryStatusAsync"/>.</summary>
    /// <value>The default value is <see langword="null"/>: no report yet.</value>
    public JournalDelivery? Delivery { get; init; }

    /// <summary>Tells whether a new claim made at <paramref name="at"/> may take this key over: only a transient failure whose retry time has come.</summary>
    /// <param name="at">The instant of the new claim.</param>
    /// <returns><see langword="true"/> when the key may be claimed again.</returns>
    public bool IsClaimableAt(Instant at) =>
        Outcome is { Kind: JournalOutcomeKind.TransientFailure } outcome && (outcome.RetryNotBefore is not { } retry || retry <= at);
}

using NodaTime;

namespace Kolek.Dunning.Journal;

/// <summary>How a claimed message ended.</summary>
public enum JournalOutcomeKind
{
    /// <summary>The provider accepted the message.</summary>
    Sent = 1,

    /// <summary>The send failed but may succeed later; the keys become claimable again from <see cref="JournalOutcome.RetryNotBefore"/>.</summary>
    TransientFailure = 2,

    /// <summary>The send can never succeed as addressed; final.</summary>
    PermanentFailure = 3,

    /// <summary>Deliberately not sent after the claim (refused by policy, paid meanwhile, in-doubt entry resolved without sending); final.</summary>
    Skipped = 4,
}

/// <summary>The recorded end of a claimed message: sent, failed (transient or permanent) or skipped.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record JournalOutcome
{
    private JournalOutcome(JournalOutcomeKind kind, Instant at, string? providerMessageId, string? reason, Instant? retryNotBefore)
    {
        Kind = kind;
        At = at;
        ProviderMessageId = providerMessageId;
        Reason = reason;
        RetryNotBefore = retryNotBefore;
    }

    /// <summary>Gets how the message ended.</summary>
    public JournalOutcomeKind Kind { get; }

    /// <summary>Gets when the outcome was known.</summary>
    public Instant At { get; }

    /// <summary>Gets the provider's message id when sent.</summary>
    public string? ProviderMessageId { get; }

    /// <summary>Gets why the message failed or was skipped.</summary>
    public string? Reason { get; }

    /// <summary>Gets the earliest instant a transient failure may be claimed again; <see langword="null"/> means at once (next run).</summary>
    public Instant? RetryNotBefore { get; }

    /// <summary>Creates the outcome of an accepted message.</summary>
    /// <param name="providerMessageId">The provider's id of the message.</param>
    /// <param name="at">When the provider accepted it.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerMessageId"/> is empty.</exception>
    public static JournalOutcome Sent(string providerMessageId, Instant at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerMessageId);
        return new JournalOutcome(JournalOutcomeKind.Sent, at, providerMessageId, null, null);
    }

    /// <summary>Creates the outcome of a failed send.</summary>
    /// <param name="transient">Whether the failure may go away (the keys become claimable again).</param>
    /// <param name="reason">Why it failed.</param>
    /// <param name="at">When it failed.</param>
    /// <param name="retryAfter">For a transient failure, how long to wait before another attempt; ignored for a permanent one.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    public static JournalOutcome Failed(bool transient, string reason, Instant at, Duration? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (retryAfter is { } delay && delay < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), delay, "The retry delay cannot be negative.");
        }

        return transient
            ? new JournalOutcome(JournalOutcomeKind.TransientFailure, at, null, reason, retryAfter is { } d ? at + d : null)
            : new JournalOutcome(JournalOutcomeKind.PermanentFailure, at, null, reason, null);
    }

    /// <summary>Creates the outcome of a claimed message that was deliberately not sent.</summary>
    /// <param name="reason">Why it was not sent.</param>
    /// <param name="at">When that was decided.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static JournalOutcome Skipped(string reason, Instant at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new JournalOutcome(JournalOutcomeKind.Skipped, at, null, reason, null);
    }
}

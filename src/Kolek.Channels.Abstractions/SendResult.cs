namespace Kolek.Channels;

/// <summary>What a channel's provider did with a message.</summary>
public enum SendStatus
{
    /// <summary>The provider accepted the message and gave it an id; delivery may still fail later (see <see cref="DeliveryStatusUpdate"/>).</summary>
    Accepted = 1,

    /// <summary>The provider could not take the message now (timeout, throttling, outage); trying again later may succeed.</summary>
    TransientFailure = 2,

    /// <summary>The message can never be delivered as addressed (invalid address, number not on WhatsApp, rejected content).</summary>
    PermanentFailure = 3,

    /// <summary>The message was not sent on purpose: the recipient opted out, the send window is closed, a frequency cap was hit.</summary>
    RefusedByPolicy = 4,
}

/// <summary>The outcome of <see cref="IMessageChannel.SendAsync"/>: accepted, transient failure, permanent failure or refused by policy.</summary>
/// <remarks>
/// <para>
/// A closed set: the constructor is private and the properties have no setters, so a result can only be made by the four
/// factory methods and always satisfies their invariants (an accepted result has a provider id, a failure has a reason).
/// Switch on <see cref="Status"/>.
/// </para>
/// <para>
/// The distinction matters to the runner: a transient failure may be retried (no earlier than <see cref="RetryAfter"/>),
/// a permanent failure and a refusal are final for that (charge, step, channel).
/// </para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record SendResult
{
    private SendResult(SendStatus status, string? providerMessageId, string? reason, TimeSpan? retryAfter)
    {
        Status = status;
        ProviderMessageId = providerMessageId;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets what the provider did with the message.</summary>
    public SendStatus Status { get; }

    /// <summary>Gets the provider's id for the accepted message; <see langword="null"/> unless <see cref="Status"/> is <see cref="SendStatus.Accepted"/>.</summary>
    public string? ProviderMessageId { get; }

    /// <summary>Gets a human-readable reason for a failure or refusal; <see langword="null"/> when accepted.</summary>
    public string? Reason { get; }

    /// <summary>Gets how long the provider asked to wait before trying again, when it said; only set for transient failures.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets a value indicating whether the provider accepted the message.</summary>
    public bool IsAccepted => Status == SendStatus.Accepted;

    /// <summary>Creates the result of a message the provider accepted.</summary>
    /// <param name="providerMessageId">The provider's id for the message, used to correlate later <see cref="DeliveryStatusUpdate"/>s.</param>
    /// <returns>An accepted result.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerMessageId"/> is null, empty or white space.</exception>
    public static SendResult Accepted(string providerMessageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerMessageId);
        return new SendResult(SendStatus.Accepted, providerMessageId, null, null);
    }

    /// <summary>Creates the result of a send that failed for a reason that may go away.</summary>
    /// <param name="reason">Why it failed, for logs and reports.</param>
    /// <param name="retryAfter">How long to wait before trying again, when the provider said (for example an HTTP <c>Retry-After</c>).</param>
    /// <returns>A transient failure.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    public static SendResult TransientFailure(string reason, TimeSpan? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        return new SendResult(SendStatus.TransientFailure, null, reason, retryAfter);
    }

    /// <summary>Creates the result of a send that can never succeed as addressed (bad address, unknown number, rejected content).</summary>
    /// <param name="reason">Why it failed.</param>
    /// <returns>A permanent failure.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null, empty or white space.</exception>
    public static SendResult PermanentFailure(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new SendResult(SendStatus.PermanentFailure, null, reason, null);
    }

    /// <summary>Creates the result of a message deliberately not sent (opt-out, closed send window, frequency cap).</summary>
    /// <param name="reason">Which policy refused it.</param>
    /// <returns>A refusal.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null, empty or white space.</exception>
    public static SendResult RefusedByPolicy(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new SendResult(SendStatus.RefusedByPolicy, null, reason, null);
    }
}

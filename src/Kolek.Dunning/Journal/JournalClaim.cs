using NodaTime;

namespace Kolek.Dunning.Journal;

/// <summary>A request to reserve one message's keys before sending it: all the keys are claimed together or none is.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record JournalClaim
{
    /// <summary>Initializes a new claim.</summary>
    /// <param name="keys">One key per charge the message covers, all distinct; usually the same step and channel.</param>
    /// <param name="messageId">The message's idempotency key (<c>OutboundMessage.IdempotencyKey</c>), kept to correlate the entry with the provider.</param>
    /// <param name="customerId">The customer the message is for, kept for reports.</param>
    /// <param name="claimedAt">The instant of the claim, from the runner's clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keys"/> is empty, holds a default key or a duplicate; or an id is empty.</exception>
    public JournalClaim(IReadOnlyList<JournalKey> keys, string messageId, string customerId, Instant claimedAt)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        Keys = ValidateKeys(keys);
        MessageId = messageId;
        CustomerId = customerId;
        ClaimedAt = claimedAt;
    }

    /// <summary>Gets the keys to reserve, at least one, all distinct.</summary>
    public IReadOnlyList<JournalKey> Keys { get; }

    /// <summary>Gets the message's idempotency key.</summary>
    public string MessageId { get; }

    /// <summary>Gets the customer the message is for.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the instant of the claim; a transient failure is claimable again once this reaches its retry time.</summary>
    public Instant ClaimedAt { get; }

    /// <summary>Gets the address the message goes to, kept so that a later bounce marks that address (not the customer's next one).</summary>
    /// <value>The default value is <see langword="null"/>: no address (an escalation, or a customer with no valid contact).</value>
    public string? Recipient { get; init; }

    internal static JournalKey[] ValidateKeys(IReadOnlyList<JournalKey> keys)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("A claim needs at least one key.", nameof(keys));
        }

        if (keys.Any(k => k.IsDefault))
        {
            throw new ArgumentException("A key is the default value; build keys with new JournalKey(charge, step, channel).", nameof(keys));
        }

        if (keys.Distinct().Count() != keys.Count)
        {
            throw new ArgumentException("The same key appears twice in one claim.", nameof(keys));
        }

        return [.. keys];
    }
}

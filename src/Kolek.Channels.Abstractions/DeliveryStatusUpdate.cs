namespace Kolek.Channels;

/// <summary>What a provider later reported about a message it had accepted.</summary>
public enum DeliveryStatus
{
    /// <summary>The message reached the recipient's mailbox or device.</summary>
    Delivered = 1,

    /// <summary>The recipient opened or read the message (WhatsApp blue ticks, e-mail open tracking).</summary>
    Read = 2,

    /// <summary>The recipient's server refused the message (hard bounce); the address should not be used again as is.</summary>
    Bounced = 3,

    /// <summary>Delivery failed for another reason after acceptance (expired, blocked, undeliverable).</summary>
    Failed = 4,
}

/// <summary>A delivery receipt from a provider (webhook, polling), correlated by the id returned in <see cref="SendResult.Accepted"/>.</summary>
/// <param name="ProviderMessageId">The provider's id of the message, as in <see cref="SendResult.ProviderMessageId"/>.</param>
/// <param name="Status">What happened to the message.</param>
/// <param name="At">When the provider says it happened, with its offset; <see langword="null"/> when the provider did not say.</param>
/// <param name="Reason">The provider's explanation for a bounce or failure, when given.</param>
/// <remarks>
/// The timestamp is a <see cref="DateTimeOffset"/>, not a NodaTime <c>Instant</c>: this package depends on the BCL only so
/// that channel adapters need not take NodaTime. Convert with <c>Instant.FromDateTimeOffset(update.At.Value)</c>.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record DeliveryStatusUpdate(string ProviderMessageId, DeliveryStatus Status, DateTimeOffset? At, string? Reason = null);

namespace Kolek.Channels;

/// <summary>A transport that delivers <see cref="OutboundMessage"/>s: the plug point that hosts and adapter packages implement.</summary>
/// <remarks>
/// <para>
/// Implementations report every expected outcome (accepted, transient or permanent failure, refusal by policy) as a
/// <see cref="SendResult"/>; they throw only for programmer errors and for cancellation.
/// </para>
/// <para>
/// Kolek claims a message in its journal before calling <see cref="SendAsync"/>, so a channel is normally called once per
/// (charge, step, channel). A channel should still pass <see cref="OutboundMessage.IdempotencyKey"/> to providers that
/// deduplicate (many e-mail and WhatsApp APIs accept such a key), which closes the gap when a process dies between the
/// provider's acceptance and the journal's record of it.
/// </para>
/// <para>Implementations must be safe to call concurrently from several runs.</para>
/// </remarks>
public interface IMessageChannel
{
    /// <summary>Gets the family of transport this channel speaks.</summary>
    ChannelKind Kind { get; }

    /// <summary>Gets the channel name used in rulers, consent and journal keys, for example <c>"email"</c> or <c>"whatsapp"</c>.</summary>
    /// <value>A lower-case, stable identifier; it never changes for the lifetime of the channel.</value>
    string Name { get; }

    /// <summary>Gets a value indicating whether the provider drops a second message with the same <see cref="OutboundMessage.IdempotencyKey"/>.</summary>
    /// <value>
    /// The default value is <see langword="false"/>. Return <see langword="true"/> only when the provider really
    /// deduplicates on the key (for as long as a run may take to come back); the runner then may resend a message left in
    /// doubt by a crash, under <c>InDoubtPolicy.ResendWithSameKey</c>, without risking a duplicate.
    /// </value>
    bool DeduplicatesByIdempotencyKey => false;

    /// <summary>Sends one message.</summary>
    /// <param name="message">The message to send; its <see cref="OutboundMessage.Channel"/> names this channel.</param>
    /// <param name="cancellationToken">Cancels the send; a cancelled send leaves the journal entry in doubt.</param>
    /// <returns>The provider's verdict: accepted (with its message id), a transient or permanent failure, or a refusal by policy.</returns>
    ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}

namespace Kolek.Channels;

/// <summary>A channel whose provider can say whether it accepted a message, found by its idempotency key.</summary>
/// <remarks>
/// <para>
/// Implemented by channels (alongside <see cref="IMessageChannel"/>) whose provider keeps messages searchable by the key
/// Kolek sent. The runner uses it to resolve a message left in doubt by a crash between the claim and the record of the
/// outcome: accepted means it went out (recorded as sent), not found means it never reached the provider (sent again with
/// the same key).
/// </para>
/// <para>Implementations must answer "not found" only when the provider is sure; when it cannot tell, throw, and the
/// message stays in doubt for a later run.</para>
/// </remarks>
public interface IMessageLookup
{
    /// <summary>Asks the provider whether it accepted the message with this idempotency key.</summary>
    /// <param name="idempotencyKey">The <see cref="OutboundMessage.IdempotencyKey"/> of the message.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The provider's message id when it accepted the message; <see langword="null"/> when it never received it.</returns>
    ValueTask<string?> FindAcceptedAsync(string idempotencyKey, CancellationToken cancellationToken = default);
}

using Kolek.Channels;

namespace Kolek.Dunning.Tests.Running;

/// <summary>A <see cref="FakeChannel"/> whose provider can be asked about a message by its idempotency key, and may deduplicate.</summary>
internal sealed class LookupChannel(FakeChannel inner, Func<string, string?>? lookup = null, bool deduplicates = false) : IMessageChannel, IMessageLookup
{
    public ChannelKind Kind => inner.Kind;

    public string Name => inner.Name;

    public bool DeduplicatesByIdempotencyKey => deduplicates;

    /// <summary>The idempotency keys asked about.</summary>
    public List<string> LookedUp { get; } = [];

    public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) => inner.SendAsync(message, cancellationToken);

    public ValueTask<string?> FindAcceptedAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        LookedUp.Add(idempotencyKey);
        return ValueTask.FromResult(lookup is null
            ? inner.Accepted.FirstOrDefault(m => m.IdempotencyKey == idempotencyKey) is { } m ? "found-" + m.IdempotencyKey : null
            : lookup(idempotencyKey));
    }
}

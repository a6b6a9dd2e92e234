namespace Kolek.Channels;

/// <summary>A message ready to hand to an <see cref="IMessageChannel"/>: rendered content, recipient and the keys that tie it to the dunning journal.</summary>
/// <remarks>
/// <para>
/// Collection properties hold read-only views; callers should not mutate the lists they pass in after constructing a
/// message. Record equality compares collections by reference, as for any record.
/// </para>
/// <threadsafety>Immutable when built from collections nobody mutates; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record OutboundMessage
{
    /// <summary>Initializes a new message.</summary>
    /// <param name="idempotencyKey">A key stable for the (charges, step, channel) the message is for; see <see cref="MessageIdempotency.CreateKey"/>.</param>
    /// <param name="channel">The name of the channel that sends it (<see cref="IMessageChannel.Name"/>).</param>
    /// <param name="recipient">Where the message goes.</param>
    /// <param name="textBody">The plain-text body (the whole message for WhatsApp and SMS).</param>
    /// <param name="metadata">Which customer, charges and step the message is about.</param>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> or <paramref name="channel"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/>, <paramref name="textBody"/> or <paramref name="metadata"/> is null.</exception>
    public OutboundMessage(string idempotencyKey, string channel, ContactPoint recipient, string textBody, MessageMetadata metadata)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(textBody);
        ArgumentNullException.ThrowIfNull(metadata);
        IdempotencyKey = idempotencyKey;
        Channel = channel;
        Recipient = recipient;
        TextBody = textBody;
        Metadata = metadata;
    }

    /// <summary>Gets the key providers use to drop a duplicate of this message; the same for every attempt at the same (charges, step, channel).</summary>
    public string IdempotencyKey { get; }

    /// <summary>Gets the name of the channel that sends the message, such as <c>"email"</c>.</summary>
    public string Channel { get; }

    /// <summary>Gets where the message goes.</summary>
    public ContactPoint Recipient { get; }

    /// <summary>Gets the subject line, for channels that have one (e-mail).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Subject { get; init; }

    /// <summary>Gets the plain-text body.</summary>
    public string TextBody { get; }

    /// <summary>Gets the HTML body, for e-mail; a channel that has none sends <see cref="TextBody"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? HtmlBody { get; init; }

    /// <summary>Gets the files sent with the message (a boleto PDF, for example).</summary>
    /// <value>The default value is an empty list.</value>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>Gets the provider template to use instead of free text (WhatsApp requires an approved template outside the 24-hour service window).</summary>
    /// <value>The default value is <see langword="null"/>: send <see cref="TextBody"/>.</value>
    public TemplateReference? Template { get; init; }

    /// <summary>Gets which customer, charges and step the message is about, for logs, journals and delivery receipts.</summary>
    public MessageMetadata Metadata { get; }
}

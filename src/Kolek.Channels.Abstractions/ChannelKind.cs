namespace Kolek.Channels;

/// <summary>The family of transport a <see cref="IMessageChannel"/> speaks.</summary>
/// <remarks>
/// There is deliberately no zero member: <c>default(ChannelKind)</c> is not a valid kind, so a value that was never
/// set is caught by validation instead of silently meaning "e-mail".
/// </remarks>
public enum ChannelKind
{
    /// <summary>E-mail: subject, text body, optional HTML body and attachments.</summary>
    Email = 1,

    /// <summary>WhatsApp Business: short text, or a pre-approved template outside the 24-hour service window.</summary>
    WhatsApp = 2,

    /// <summary>SMS: short plain text, billed per segment (see <see cref="SmsText"/>).</summary>
    Sms = 3,

    /// <summary>Any other transport provided by the host (push notification, letter, phone call queue…).</summary>
    Custom = 4,
}

using System.Collections.Frozen;
using NodaTime;

namespace Kolek.Dunning.Charges;

/// <summary>The customer (pagador) who owes charges, with the contact points and preferences the ruler needs.</summary>
/// <remarks>
/// Channel names are plain lowercase strings (<c>"email"</c>, <c>"whatsapp"</c>, <c>"sms"</c> or a host's custom channel),
/// compared ordinally without regard to case. Instances are immutable and thread-safe.
/// </remarks>
public sealed record Customer
{
    private readonly FrozenSet<string> _optOut = FrozenSet<string>.Empty;

    /// <summary>The host's identifier of the customer.</summary>
    public required string Id { get; init; }

    /// <summary>The customer's name (razão social or person's name).</summary>
    public string Name { get; init; } = "";

    /// <summary>The customer's CPF or CNPJ, bare characters without mask.</summary>
    public string Document { get; init; } = "";

    /// <summary>The e-mail address, when known.</summary>
    public string? Email { get; init; }

    /// <summary>The phone number (E.164 or national), used for SMS and as the WhatsApp number when <see cref="WhatsApp"/> is absent.</summary>
    public string? Phone { get; init; }

    /// <summary>The WhatsApp number, when it differs from <see cref="Phone"/>.</summary>
    public string? WhatsApp { get; init; }

    /// <summary>When the customer last wrote to the creditor on WhatsApp, as the host's WhatsApp provider reported it.</summary>
    /// <value>
    /// The default value is <see langword="null"/> (never, or unknown). Inside 24 hours after it (WhatsApp's customer
    /// service window) the runner sends free text; outside it only an approved template (<see cref="Running.WhatsAppTemplate"/>).
    /// </value>
    public Instant? LastWhatsAppInboundAt { get; init; }

    /// <summary>Whether the debt is a consumer debt (CDC): the late fine is then capped at 2% and the default interest at
    /// 1% a month (<see cref="LateCharges.LateChargeTerms.Consumer"/>); a ruler step's <c>when.customer</c> tests it.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Consumer { get; init; }

    /// <summary>A free segment label (e.g. <c>"varejo"</c>): it chooses the customer's ruler in a <see cref="Ruler.RulerBook"/>
    /// (<c>select[].segments</c>), restricts steps (<c>when.segments</c>) and groups reports; compared without regard to case.</summary>
    public string? Segment { get; init; }

    /// <summary>The customer's time zone, in which send windows are resolved.</summary>
    /// <value>The default value is <see langword="null"/>: the ruler's zone, else the planner's default (America/Sao_Paulo).</value>
    public DateTimeZone? TimeZone { get; init; }

    /// <summary>The channels the customer opted out of (case-insensitive names, kept trimmed and lower-case in a copy;
    /// null and blank entries are ignored, as <see cref="Kolek.Channels.ChannelConsent.OptedOut"/> does).</summary>
    /// <value>The default value is the empty set. A <see cref="Kolek.Channels.ChannelConsent"/>'s
    /// <see cref="Kolek.Channels.ChannelConsent.OptedOutChannels"/> can be given as <c>consent.OptedOutChannels.ToHashSet()</c>.</value>
    /// <exception cref="ArgumentNullException">The set is <see langword="null"/>.</exception>
    public IReadOnlySet<string> OptOut
    {
        get => _optOut;
        init => _optOut = (value ?? throw new ArgumentNullException(nameof(OptOut)))
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c.Trim().ToLowerInvariant())
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the customer opted out of <paramref name="channel"/>.</summary>
    /// <param name="channel">A channel name; compared without regard to case.</param>
    /// <returns><see langword="true"/> when the channel must not be used for this customer.</returns>
    public bool HasOptedOut(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return _optOut.Contains(channel.Trim().ToLowerInvariant());
    }
}

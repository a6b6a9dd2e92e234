namespace Kolek.Channels;

/// <summary>Whether a customer accepts messages on a channel.</summary>
public enum ConsentStatus
{
    /// <summary>Messages may be sent (no opt-out recorded).</summary>
    Allowed = 1,

    /// <summary>The customer opted out; nothing may be sent on the channel.</summary>
    OptedOut = 2,
}

/// <summary>A customer's opt-outs, per channel: everything is allowed except the channels listed.</summary>
/// <remarks>
/// <para>
/// Channel names are compared case-insensitively (<c>"WhatsApp"</c> and <c>"whatsapp"</c> are the same channel) and kept
/// lower-case. Equality is by the set of opted-out channels.
/// </para>
/// <para>
/// Consent is opt-out, because a collection message about an existing debt is a legitimate interest of the creditor
/// (LGPD art. 7, IX); still, a customer who asked not to be contacted on a channel is never contacted there.
/// </para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed class ChannelConsent : IEquatable<ChannelConsent>
{
    private readonly SortedSet<string> _optedOut;

    private ChannelConsent(SortedSet<string> optedOut)
    {
        _optedOut = optedOut;
    }

    /// <summary>Gets a consent that allows every channel.</summary>
    public static ChannelConsent AllowAll { get; } = new(new SortedSet<string>(StringComparer.Ordinal));

    /// <summary>Gets the lower-case names of the channels the customer opted out of, in ordinal order.</summary>
    public IReadOnlyCollection<string> OptedOutChannels => _optedOut;

    /// <summary>Creates a consent with the given channels opted out.</summary>
    /// <param name="channels">Channel names; blank entries are ignored.</param>
    /// <returns>The consent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    public static ChannelConsent OptedOut(params IEnumerable<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (!string.IsNullOrWhiteSpace(channel))
            {
                set.Add(Normalise(channel));
            }
        }

        return set.Count == 0 ? AllowAll : new ChannelConsent(set);
    }

    /// <summary>Parses an opt-out list written as channel names separated by <c>|</c> (the <c>opt_out</c> column of <c>CUSTOMERS.csv</c>).</summary>
    /// <param name="optOutList">For example <c>"whatsapp|sms"</c>; null or empty means no opt-out.</param>
    /// <returns>The consent.</returns>
    public static ChannelConsent Parse(string? optOutList) =>
        string.IsNullOrWhiteSpace(optOutList) ? AllowAll : OptedOut(optOutList.Split('|', StringSplitOptions.TrimEntries));

    /// <summary>Tells whether a message may be sent on a channel.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns><see langword="true"/> unless the customer opted out of <paramref name="channel"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty.</exception>
    public bool Allows(string channel) => StatusOf(channel) == ConsentStatus.Allowed;

    /// <summary>Gets the consent status for a channel.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns><see cref="ConsentStatus.OptedOut"/> when the customer opted out of <paramref name="channel"/>, else <see cref="ConsentStatus.Allowed"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty.</exception>
    public ConsentStatus StatusOf(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        return _optedOut.Contains(Normalise(channel)) ? ConsentStatus.OptedOut : ConsentStatus.Allowed;
    }

    /// <summary>Returns a consent with one more channel opted out.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns>The new consent.</returns>
    public ChannelConsent WithOptOut(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        return OptedOut(_optedOut.Append(channel));
    }

    /// <summary>Returns a consent with a channel allowed again.</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns>The new consent.</returns>
    public ChannelConsent WithOptIn(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var name = Normalise(channel);
        return OptedOut(_optedOut.Where(c => c != name));
    }

    /// <inheritdoc/>
    public bool Equals(ChannelConsent? other) => other is not null && _optedOut.SetEquals(other._optedOut);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ChannelConsent);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var channel in _optedOut)
        {
            hash.Add(channel, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the opt-out list in the <c>|</c>-separated form <see cref="Parse"/> reads.</summary>
    /// <returns>For example <c>"sms|whatsapp"</c>, or an empty string.</returns>
    public override string ToString() => string.Join('|', _optedOut);

    private static string Normalise(string channel) => channel.Trim().ToLowerInvariant();
}

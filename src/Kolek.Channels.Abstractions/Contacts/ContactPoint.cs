namespace Kolek.Channels;

/// <summary>Which kind of address a <see cref="ContactPoint"/> holds.</summary>
public enum ContactPointKind
{
    /// <summary>An <see cref="Channels.EmailAddress"/>.</summary>
    Email = 1,

    /// <summary>A <see cref="Channels.PhoneNumber"/> (WhatsApp, SMS).</summary>
    Phone = 2,
}

/// <summary>Where a message goes: an e-mail address or a phone number, already validated.</summary>
/// <remarks>
/// Exactly one of <see cref="EmailAddress"/> and <see cref="PhoneNumber"/> is set, matching <see cref="Kind"/>; create one
/// with <see cref="Email"/> or <see cref="Phone"/>.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record ContactPoint
{
    private ContactPoint(ContactPointKind kind, EmailAddress? email, PhoneNumber? phone)
    {
        Kind = kind;
        EmailAddress = email;
        PhoneNumber = phone;
    }

    /// <summary>Gets which kind of address this is.</summary>
    public ContactPointKind Kind { get; }

    /// <summary>Gets the e-mail address when <see cref="Kind"/> is <see cref="ContactPointKind.Email"/>.</summary>
    public EmailAddress? EmailAddress { get; }

    /// <summary>Gets the phone number when <see cref="Kind"/> is <see cref="ContactPointKind.Phone"/>.</summary>
    public PhoneNumber? PhoneNumber { get; }

    /// <summary>Gets the address as text: the e-mail address, or the phone number in E.164 form.</summary>
    public string Value => Kind == ContactPointKind.Email ? EmailAddress!.Value.Value : PhoneNumber!.Value.Value;

    /// <summary>Gets the address masked for logs, where personal data must not appear (LGPD): <c>j***@d***.com.br</c> or <c>+55 11 9****-**34</c>.</summary>
    public string Masked => Kind == ContactPointKind.Email ? EmailAddress!.Value.Masked : PhoneNumber!.Value.Masked;

    /// <summary>Creates an e-mail contact point.</summary>
    /// <param name="address">A valid address (see <see cref="Channels.EmailAddress.Parse"/>).</param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentException"><paramref name="address"/> is <see langword="default"/>.</exception>
    public static ContactPoint Email(EmailAddress address)
    {
        if (address.Value is null)
        {
            throw new ArgumentException("The e-mail address is the default value; parse one with EmailAddress.Parse.", nameof(address));
        }

        return new ContactPoint(ContactPointKind.Email, address, null);
    }

    /// <summary>Creates a phone contact point.</summary>
    /// <param name="number">A valid number (see <see cref="Channels.PhoneNumber.ParseBrazilian"/>).</param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is <see langword="default"/>.</exception>
    public static ContactPoint Phone(PhoneNumber number)
    {
        if (number.Value is null)
        {
            throw new ArgumentException("The phone number is the default value; parse one with PhoneNumber.ParseBrazilian.", nameof(number));
        }

        return new ContactPoint(ContactPointKind.Phone, null, number);
    }

    /// <summary>Returns the address as text.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}

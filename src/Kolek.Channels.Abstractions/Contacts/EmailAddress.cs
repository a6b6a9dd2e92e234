using System.Diagnostics.CodeAnalysis;

namespace Kolek.Channels;

/// <summary>An e-mail address checked for the basic RFC 5321/5322 shape: <c>local@domain.tld</c>.</summary>
/// <remarks>
/// <para>
/// Accepted: a local part of 1–64 characters from the RFC 5322 "atext" set and dots (no leading, trailing or doubled dot);
/// a domain of at least two dot-separated labels, each 1–63 letters, digits or hyphens, not starting or ending with a
/// hyphen, the last one alphabetic and at least two letters; 254 characters in all. Surrounding white space is trimmed and
/// the domain is lower-cased (domains are case-insensitive; the local part is kept as typed).
/// </para>
/// <para>
/// Not accepted, on purpose: quoted local parts, comments, IP-literal domains and non-ASCII (internationalised) addresses.
/// They are legal but rare in billing data and usually a typing mistake; the host can still send to them through a
/// custom channel. Whether the mailbox exists is only known after sending (a bounce).
/// </para>
/// <para><c>default(EmailAddress)</c> has a <see langword="null"/> <see cref="Value"/> and is not a valid address.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct EmailAddress
{
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    private EmailAddress(string value)
    {
        Value = value;
    }

    /// <summary>Gets the normalised address.</summary>
    public string Value { get; }

    /// <summary>Parses an e-mail address.</summary>
    /// <param name="text">The address as typed, for example <c>" Maria.Silva@Example.COM.br "</c>.</param>
    /// <returns>The normalised address (<c>Maria.Silva@example.com.br</c>) or the reason it is not one.</returns>
    public static ContactParseResult<EmailAddress> Parse(string? text)
    {
        var error = Validate(text, out var normalised);
        return error is null
            ? ContactParseResult<EmailAddress>.Ok(new EmailAddress(normalised!))
            : ContactParseResult<EmailAddress>.Fail(error);
    }

    /// <summary>Parses an e-mail address, reporting only whether it is valid.</summary>
    /// <param name="text">The address as typed.</param>
    /// <param name="address">The normalised address when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out EmailAddress address) => Parse(text).TryGetValue(out address);

    /// <summary>Returns the normalised address.</summary>
    /// <returns>The address.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Gets the address masked for logs: the first character of the local part and of the domain's first label, then the rest of the domain.</summary>
    /// <value>For example <c>j***@d***.com.br</c> for <c>joao.silva@dominio.com.br</c>; empty for <see langword="default"/>.</value>
    public string Masked
    {
        get
        {
            if (Value is null)
            {
                return string.Empty;
            }

            var at = Value.LastIndexOf('@');
            var domain = Value[(at + 1)..];
            var dot = domain.IndexOf('.', StringComparison.Ordinal);
            return $"{Value[0]}***@{domain[0]}***{(dot < 0 ? "" : domain[dot..])}";
        }
    }

    private static string? Validate(string? text, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "the e-mail address is empty";
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 254)
        {
            return "the e-mail address is longer than 254 characters";
        }

        var at = trimmed.LastIndexOf('@');
        if (at < 0)
        {
            return $"'{trimmed}' has no '@'";
        }

        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..];
        var localError = ValidateLocalPart(local);
        if (localError is not null)
        {
            return $"'{trimmed}': {localError}";
        }

        var domainError = ValidateDomain(domain);
        if (domainError is not null)
        {
            return $"'{trimmed}': {domainError}";
        }

        normalised = local + "@" + domain.ToLowerInvariant();
        return null;
    }

    private static string? ValidateLocalPart(string local)
    {
        if (local.Length is 0 or > 64)
        {
            return "the part before '@' must have 1 to 64 characters";
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return "the part before '@' cannot start or end with a dot or contain two dots in a row";
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && !AtextSymbols.Contains(c, StringComparison.Ordinal))
            {
                return $"the character '{c}' is not allowed before '@'";
            }
        }

        return null;
    }

    private static string? ValidateDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return "the domain needs at least two parts, as in example.com";
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63)
            {
                return "each part of the domain must have 1 to 63 characters";
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return "a part of the domain cannot start or end with a hyphen";
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return $"the character '{c}' is not allowed in the domain";
                }
            }
        }

        var tld = labels[^1];
        if (tld.Length < 2 || !tld.All(char.IsAsciiLetter))
        {
            return "the domain must end in an alphabetic top-level domain such as .br or .com";
        }

        return null;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kolek.Channels;

/// <summary>A phone number in E.164 form (<c>+5511987654321</c>), normalised from the ways Brazilians write numbers.</summary>
/// <remarks>
/// <para>Brazilian numbers (<see cref="ParseBrazilian"/>) follow the Anatel numbering plan:</para>
/// <list type="bullet">
/// <item>Formatting is ignored: spaces, dots, hyphens, slashes and parentheses.</item>
/// <item>Accepted prefixes: the country code (<c>+55</c>, <c>55</c> when followed by a full 10- or 11-digit national
/// number, or the international prefix <c>0055</c>), the trunk prefix <c>0</c> (<c>0 11 …</c>), and a long-distance carrier
/// code after the trunk prefix (<c>0 21 11 …</c>, <c>015</c>, <c>041</c>…; two digits, the first not zero), and the
/// written placeholder <c>0XX</c> (<c>(0XX21) 3456-7890</c>, "dial 0, your carrier, then 21").</item>
/// <item>The area code (DDD) must be one of the 67 DDDs in service (11–19, 21, 22, 24, 27, 28, 31–35, 37, 38, 41–49,
/// 51, 53–55, 61–69, 71, 73–75, 77, 79, 81–89, 91–99). A number without an area code is rejected: Kolek cannot guess it.</item>
/// <item>Mobile numbers have 9 digits and start with 9. Landlines have 8 digits and start with 2–5.</item>
/// <item>Legacy 8-digit mobile numbers (first digit 6–9, written before the nationwide "ninth digit" migration that
/// Anatel completed in 2016) are upgraded by putting a 9 in front: <c>(11) 8765-4321</c> becomes <c>+5511987654321</c>;
/// <see cref="ContactParseResult{T}.Note"/> says so.</item>
/// <item>Anything else (service numbers such as 0800 or 190, 8 digits starting with 0 or 1, 9 digits not starting with 9) is rejected.</item>
/// </list>
/// <para>Other countries (<see cref="ParseE164"/>) are only checked for the E.164 shape: <c>+</c>, a country code, 8–15 digits in all.</para>
/// <para><c>default(PhoneNumber)</c> has a <see langword="null"/> <see cref="Value"/> and is not a valid number.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct PhoneNumber
{
    private const string BrazilCountryCode = "55";

    private static readonly HashSet<int> s_areaCodes =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19,
        21, 22, 24, 27, 28,
        31, 32, 33, 34, 35, 37, 38,
        41, 42, 43, 44, 45, 46, 47, 48, 49,
        51, 53, 54, 55,
        61, 62, 63, 64, 65, 66, 67, 68, 69,
        71, 73, 74, 75, 77, 79,
        81, 82, 83, 84, 85, 86, 87, 88, 89,
        91, 92, 93, 94, 95, 96, 97, 98, 99,
    ];

    private PhoneNumber(string value)
    {
        Value = value;
    }

    /// <summary>Gets the number in E.164 form: <c>+</c>, country code and national number, digits only.</summary>
    public string Value { get; }

    /// <summary>Gets a value indicating whether this is a Brazilian number (country code 55).</summary>
    public bool IsBrazilian => Value is not null && Value.StartsWith("+" + BrazilCountryCode, StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether this is a Brazilian mobile number (9 digits after the area code), the only kind WhatsApp and SMS can reach reliably.</summary>
    public bool IsBrazilianMobile => IsBrazilian && Value.Length == 14;

    /// <summary>Parses a Brazilian phone number as people write it and normalises it to E.164.</summary>
    /// <param name="text">The number, for example <c>"(11) 98765-4321"</c>, <c>"+55 11 98765 4321"</c> or <c>"0 21 11 8765-4321"</c>.</param>
    /// <returns>The number (<c>+5511987654321</c>) or the reason it is not a valid Brazilian number.</returns>
    public static ContactParseResult<PhoneNumber> ParseBrazilian(string? text)
    {
        if (StripCarrierPlaceholder(text) is { } withoutPlaceholder)
        {
            // "0XX21 3456-7890": XX stands for "your carrier's code"; what follows is the area code and number.
            return TryExtractDigits(withoutPlaceholder, out var rest, out var plus) && !plus
                ? ParseNational(text!, rest)
                : ContactParseResult<PhoneNumber>.Fail($"'{text}' is not a phone number");
        }

        if (!TryExtractDigits(text, out var digits, out var hasPlus))
        {
            return ContactParseResult<PhoneNumber>.Fail($"'{text}' is not a phone number");
        }

        string national;
        if (hasPlus)
        {
            if (!digits.StartsWith(BrazilCountryCode, StringComparison.Ordinal))
            {
                return ContactParseResult<PhoneNumber>.Fail($"'{text}' is not a Brazilian number (+55)");
            }

            national = digits[2..];
        }
        else if (digits.StartsWith("0055", StringComparison.Ordinal))
        {
            national = digits[4..];
        }
        else if (digits.Length is 12 or 13 && digits.StartsWith(BrazilCountryCode, StringComparison.Ordinal))
        {
            national = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            // 0 + DDD + 8/9 digits (11/12 digits) or 0 + carrier code + DDD + 8/9 digits (13/14 digits).
            switch (digits.Length)
            {
                case 11 or 12:
                    national = digits[1..];
                    break;
                case 13 or 14 when digits[1] != '0':
                    national = digits[3..];
                    break;
                default:
                    return ContactParseResult<PhoneNumber>.Fail($"'{text}' has a trunk prefix 0 but a wrong number of digits");
            }
        }
        else
        {
            national = digits;
        }

        return ParseNational(text!, national);
    }

    /// <summary>Parses a Brazilian phone number, reporting only whether it is valid.</summary>
    /// <param name="text">The number as typed.</param>
    /// <param name="number">The normalised number when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid Brazilian number.</returns>
    public static bool TryParseBrazilian([NotNullWhen(true)] string? text, out PhoneNumber number) => ParseBrazilian(text).TryGetValue(out number);

    /// <summary>Parses a number already in international form (<c>+</c> and country code); Brazilian numbers get the full Brazilian checks.</summary>
    /// <param name="text">The number, for example <c>"+351 912 345 678"</c>; formatting characters are ignored.</param>
    /// <returns>The number in E.164 form or the reason it is not one.</returns>
    public static ContactParseResult<PhoneNumber> ParseE164(string? text)
    {
        if (!TryExtractDigits(text, out var digits, out var hasPlus) || !hasPlus)
        {
            return ContactParseResult<PhoneNumber>.Fail($"'{text}' is not an international number starting with '+'");
        }

        if (digits.StartsWith(BrazilCountryCode, StringComparison.Ordinal))
        {
            return ParseBrazilian(text);
        }

        if (digits.Length is < 8 or > 15 || digits[0] == '0')
        {
            return ContactParseResult<PhoneNumber>.Fail($"'{text}' does not have the E.164 shape (country code not starting with 0, 8 to 15 digits)");
        }

        return ContactParseResult<PhoneNumber>.Ok(new PhoneNumber("+" + digits));
    }

    /// <summary>Returns the number in E.164 form.</summary>
    /// <returns>The number.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Gets the number masked for logs: country and area codes, the mobile 9 and the last two digits.</summary>
    /// <value>
    /// For example <c>+55 11 9****-**34</c> for <c>+5511987654334</c> and <c>+55 11 ****-**44</c> for a landline; other
    /// countries keep the first two and the last two digits (<c>+35*******89</c>); empty for <see langword="default"/>.
    /// </value>
    public string Masked
    {
        get
        {
            if (Value is null)
            {
                return string.Empty;
            }

            var last = Value[^2..];
            return IsBrazilianMobile ? $"+55 {Value[3..5]} 9****-**{last}"
                : IsBrazilian ? $"+55 {Value[3..5]} ****-**{last}"
                : Value[..3] + new string('*', Math.Max(Value.Length - 5, 0)) + last;
        }
    }

    private static ContactParseResult<PhoneNumber> ParseNational(string text, string national)
    {
        if (national.Length is not (10 or 11))
        {
            return ContactParseResult<PhoneNumber>.Fail($"'{text}' must have an area code (DDD) and 8 or 9 digits");
        }

        var areaCode = int.Parse(national.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (!s_areaCodes.Contains(areaCode))
        {
            return ContactParseResult<PhoneNumber>.Fail($"'{text}': {areaCode:00} is not a Brazilian area code (DDD)");
        }

        var subscriber = national[2..];
        var ddd = national[..2];
        if (subscriber.Length == 9)
        {
            return subscriber[0] == '9'
                ? ContactParseResult<PhoneNumber>.Ok(new PhoneNumber("+55" + ddd + subscriber))
                : ContactParseResult<PhoneNumber>.Fail($"'{text}': a 9-digit Brazilian number must be a mobile starting with 9");
        }

        return subscriber[0] switch
        {
            >= '2' and <= '5' => ContactParseResult<PhoneNumber>.Ok(new PhoneNumber("+55" + ddd + subscriber)),
            >= '6' and <= '9' => ContactParseResult<PhoneNumber>.Ok(
                new PhoneNumber("+55" + ddd + "9" + subscriber),
                "legacy 8-digit mobile number: the ninth digit 9 was added"),
            _ => ContactParseResult<PhoneNumber>.Fail($"'{text}': an 8-digit number starting with {subscriber[0]} is not a subscriber number"),
        };
    }

    private static string? StripCarrierPlaceholder(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var span = text.AsSpan().TrimStart(" (");
        return span.StartsWith("0xx", StringComparison.OrdinalIgnoreCase)
            ? string.Concat(text.AsSpan(0, text.Length - span.Length), span[3..])
            : null;
    }

    private static bool TryExtractDigits(string? text, out string digits, out bool hasPlus)
    {
        digits = string.Empty;
        hasPlus = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        hasPlus = trimmed[0] == '+';
        var buffer = new System.Text.StringBuilder(trimmed.Length);
        foreach (var c in hasPlus ? trimmed.AsSpan(1) : trimmed.AsSpan())
        {
            if (char.IsAsciiDigit(c))
            {
                buffer.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return false;
            }
        }

        digits = buffer.ToString();
        return digits.Length > 0;
    }
}

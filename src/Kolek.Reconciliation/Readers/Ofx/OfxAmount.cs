using System.Globalization;
using System.Text;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>The decimal separator one file shows in its unambiguous amounts.</summary>
internal enum OfxDecimalSeparator
{
    /// <summary>The file shows no convention, or contradicts itself.</summary>
    Unknown = 0,

    /// <summary>The dot is the decimal separator (a comma, if any, separates thousands).</summary>
    Dot = 1,

    /// <summary>The comma is the decimal separator (a dot, if any, separates thousands).</summary>
    Comma = 2,
}

/// <summary>Parses OFX amounts as Brazilian banks write them.</summary>
/// <remarks>
/// <para>Accepted: padding spaces anywhere, a leading <c>+</c> or <c>-</c>, whole numbers and any number of decimals,
/// dot or comma as the decimal separator, and thousands separators. When both <c>.</c> and <c>,</c> appear the
/// last one is the decimal separator; when only one of them appears once it is the decimal separator (the OFX
/// rule, and the Brazilian habit for the comma); when it appears more than once it separates thousands (groups of
/// three digits). At least one digit is required: <c>.</c> alone is invalid, never zero.</para>
/// <para>Ambiguity: one separator followed by exactly three digits, after one to three digits that do not start with
/// zero (<c>1,234</c>, <c>-12.500</c>), reads as a thousands group as well as three decimals. Such an amount follows
/// the file's own convention (<see cref="OfxPrescan.Convention"/>): the separator the file's other, unambiguous amounts use as
/// decimal separator (<c>-530,86</c> shows a decimal comma, <c>1.234,56</c> or <c>1.234.567</c> a decimal comma too,
/// <c>99.90</c> a decimal dot); the same separator is then the decimal one, the other separates thousands. When the
/// file shows no convention, or shows both, the OFX reading (the separator is decimal) is kept and the caller is told
/// the value is ambiguous, to warn. <c>1234.567</c> and <c>0,125</c> are not ambiguous: they cannot be thousands.</para>
/// </remarks>
internal static class OfxAmount
{
    /// <summary>Parses with the OFX reading of a lone separator (decimal), ignoring any file convention.</summary>
    public static bool TryParse(string? raw, out decimal amount) =>
        TryParse(raw, OfxDecimalSeparator.Unknown, out amount, out _);

    /// <summary>Parses an amount; <paramref name="ambiguous"/> is true when it was read by the OFX rule for lack of a file convention.</summary>
    public static bool TryParse(string? raw, OfxDecimalSeparator convention, out decimal amount, out bool ambiguous)
    {
        amount = 0m;
        ambiguous = false;
        if (!TryNormalize(raw, out var text, out var negative))
        {
            return false;
        }

        var (decimalAt, thousands) = Separators(text, convention, out ambiguous);
        var integer = decimalAt >= 0 ? text[..decimalAt] : text;
        var fraction = decimalAt >= 0 ? text[(decimalAt + 1)..] : string.Empty;
        if (fraction.Any(c => !char.IsAsciiDigit(c)) || !TryStripThousands(integer, thousands, out integer))
        {
            return false;
        }

        var normal = (integer.Length == 0 ? "0" : integer) + (fraction.Length > 0 ? "." + fraction : string.Empty);
        if (!decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        amount = negative ? -amount : amount;
        return true;
    }

    /// <summary><see cref="TryParse(string?, OfxDecimalSeparator, out decimal, out bool)"/> on a span: amounts written plainly
    /// (an optional sign, digits and at most one separator that is not ambiguous) are parsed without allocating, the rest
    /// through the string form, with the same result.</summary>
    public static bool TryParse(ReadOnlySpan<char> raw, OfxDecimalSeparator convention, out decimal amount, out bool ambiguous)
    {
        ambiguous = false;
        var body = raw;
        var negative = false;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        var at = body.IndexOfAny('.', ',');
        if (body.Length == 0 || body.Length > 40 || body.IndexOfAnyExcept(PlainChars) >= 0
            || (at >= 0 && (body[(at + 1)..].IndexOfAny('.', ',') >= 0 || IsAmbiguous(body, at)))
            || body.IndexOfAnyInRange('0', '9') < 0)
        {
            return TryParse(raw.ToString(), convention, out amount, out ambiguous);
        }

        // Up to 18 digits: the decimal the parser would give (every digit kept, the scale = the fraction's digits), built
        // from the digits directly.
        var integerPart = at >= 0 ? body[..at] : body;
        var fractionPart = at >= 0 ? body[(at + 1)..] : [];
        if (integerPart.Length + fractionPart.Length <= 18)
        {
            var digits = 0L;
            foreach (var c in integerPart)
            {
                digits = (digits * 10) + (c - '0');
            }

            foreach (var c in fractionPart)
            {
                digits = (digits * 10) + (c - '0');
            }

            amount = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, isNegative: false, (byte)fractionPart.Length);
            amount = negative ? -amount : amount;
            return true;
        }

        // The same normal form as the string path: "0" for an empty integer part, the fraction (if any) after a dot.
        Span<char> normal = stackalloc char[body.Length + 1];
        var length = 0;
        var integer = at >= 0 ? body[..at] : body;
        var fraction = at >= 0 ? body[(at + 1)..] : [];
        if (integer.IsEmpty)
        {
            normal[length++] = '0';
        }
        else
        {
            integer.CopyTo(normal);
            length = integer.Length;
        }

        if (!fraction.IsEmpty)
        {
            normal[length++] = '.';
            fraction.CopyTo(normal[length..]);
            length += fraction.Length;
        }

        if (!decimal.TryParse(normal[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            amount = 0m;
            return false;
        }

        amount = negative ? -amount : amount;
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PlainChars = System.Buffers.SearchValues.Create("0123456789.,");

    /// <summary>The decimal separator one amount shows unambiguously, or null.</summary>
    public static char? DecimalSeparatorOf(string? raw) =>
        TryNormalize(raw, out var text, out _) ? DecimalEvidence(text) : null;

    /// <summary><see cref="DecimalSeparatorOf(string?)"/> on Latin-1 bytes, without allocating for amounts of up to 64 bytes.</summary>
    public static char? DecimalSeparatorOf(ReadOnlySpan<byte> latin1)
    {
        if (latin1.Length > 64)
        {
            return DecimalSeparatorOf(Encoding.Latin1.GetString(latin1));
        }

        Span<char> chars = stackalloc char[latin1.Length];
        var length = 0;
        foreach (var b in latin1)
        {
            var c = (char)b;
            if (!char.IsWhiteSpace(c))
            {
                chars[length++] = c;
            }
        }

        ReadOnlySpan<char> text = chars[..length];
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            text = text[1..];
        }

        return text.Length == 0 || text.IndexOfAnyInRange('0', '9') < 0 || text.IndexOfAnyExcept(PlainChars) >= 0
            ? null
            : DecimalEvidence(text);
    }

    /// <summary>Removes blanks and the sign; false when what is left is not digits with dots and commas.</summary>
    private static bool TryNormalize(string? raw, out string text, out bool negative)
    {
        text = string.Empty;
        negative = false;
        if (raw is null)
        {
            return false;
        }

        var s = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (!char.IsWhiteSpace(c))
            {
                s.Append(c);
            }
        }

        text = s.ToString();
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        return text.Length > 0 && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '.' or ',');
    }

    /// <summary>Where the decimal separator is (-1 for none) and which character separates thousands.</summary>
    private static (int DecimalAt, char? Thousands) Separators(string text, OfxDecimalSeparator convention, out bool ambiguous)
    {
        ambiguous = false;
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            return (Math.Max(lastDot, lastComma), lastDot > lastComma ? ',' : '.');
        }

        if (lastDot < 0 && lastComma < 0)
        {
            return (-1, null);
        }

        var separator = lastDot >= 0 ? '.' : ',';
        var at = Math.Max(lastDot, lastComma);
        if (text.Count(c => c == separator) > 1)
        {
            return (-1, separator);
        }

        if (!IsAmbiguous(text, at))
        {
            return (at, null);
        }

        var decimalSeparator = convention switch
        {
            OfxDecimalSeparator.Dot => '.',
            OfxDecimalSeparator.Comma => ',',
            _ => (char?)null,
        };
        ambiguous = decimalSeparator is null;
        return decimalSeparator is null || decimalSeparator == separator ? (at, null) : (-1, separator);
    }

    /// <summary>The decimal separator an amount proves, if it proves one (ambiguous amounts and whole numbers do not).</summary>
    private static char? DecimalEvidence(ReadOnlySpan<char> text)
    {
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            return lastDot > lastComma ? '.' : ',';
        }

        if (lastDot < 0 && lastComma < 0)
        {
            return null;
        }

        var separator = lastDot >= 0 ? '.' : ',';
        var at = Math.Max(lastDot, lastComma);
        if (text.Count(separator) > 1)
        {
            return separator == '.' ? ',' : '.';
        }

        return at == text.Length - 1 || IsAmbiguous(text, at) ? null : separator;
    }

    /// <summary>A lone separator at <paramref name="at"/> with exactly three digits after it and one to three digits
    /// (not starting with zero) before it: a thousands group as much as three decimals.</summary>
    private static bool IsAmbiguous(ReadOnlySpan<char> text, int at) =>
        text.Length - at - 1 == 3 && at is >= 1 and <= 3 && text[0] != '0';

    private static bool TryStripThousands(string integer, char? thousands, out string digits)
    {
        digits = integer;
        if (thousands is not { } separator || !integer.Contains(separator, StringComparison.Ordinal))
        {
            return integer.All(char.IsAsciiDigit);
        }

        var groups = integer.Split(separator);
        if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3) || groups.Any(g => !g.All(char.IsAsciiDigit)))
        {
            return false;
        }

        digits = string.Concat(groups);
        return true;
    }
}

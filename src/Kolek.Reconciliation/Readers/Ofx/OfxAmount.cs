using System.Globalization;
using System.Text;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Parses OFX amounts as Brazilian banks write them.</summary>
/// <remarks>
/// Accepted: padding spaces anywhere, a leading <c>+</c> or <c>-</c>, whole numbers and any number of decimals,
/// dot or comma as the decimal separator, and thousands separators. When both <c>.</c> and <c>,</c> appear the
/// last one is the decimal separator; when only one of them appears once it is the decimal separator (the OFX
/// rule, and the Brazilian habit for the comma); when it appears more than once it separates thousands (groups of
/// three digits). At least one digit is required: <c>.</c> alone is invalid, never zero.
/// </remarks>
internal static class OfxAmount
{
    public static bool TryParse(string? raw, out decimal amount)
    {
        amount = 0m;
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

        var text = s.ToString();
        var negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        if (text.Length == 0 || !text.Any(char.IsAsciiDigit) || text.Any(c => !char.IsAsciiDigit(c) && c is not '.' and not ','))
        {
            return false;
        }

        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        int decimalAt;
        char? thousands;
        if (lastDot >= 0 && lastComma >= 0)
        {
            decimalAt = Math.Max(lastDot, lastComma);
            thousands = lastDot > lastComma ? ',' : '.';
        }
        else
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var count = text.Count(c => c == separator);
            (decimalAt, thousands) = count switch
            {
                0 => (-1, null),
                1 => (Math.Max(lastDot, lastComma), (char?)null),
                _ => (-1, separator),
            };
        }

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

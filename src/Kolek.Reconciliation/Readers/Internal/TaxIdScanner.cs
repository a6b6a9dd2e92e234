using System.Text.RegularExpressions;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Finds a complete CPF or CNPJ in free text (a MEMO) and returns it as bare characters.</summary>
/// <remarks>
/// Recognised: formatted CPF <c>123.456.789-09</c>, formatted CNPJ <c>12.345.678/0001-95</c> (also the
/// alphanumeric CNPJ of July 2026), and bare runs of exactly 11 or 14 digits. Every candidate must have valid
/// check digits and not be one repeated digit. Masked fragments such as <c>•••.456.789-••</c> are not complete
/// documents and are never returned.
/// </remarks>
internal static partial class TaxIdScanner
{
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Match m in Formatted().Matches(text))
        {
            var bare = string.Concat(m.Value.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
            if ((bare.Length == 11 && IsCpf(bare)) || (bare.Length == 14 && IsCnpj(bare)))
            {
                return bare;
            }
        }

        foreach (Match m in Bare().Matches(text))
        {
            if ((m.Length == 11 && IsCpf(m.Value)) || (m.Length == 14 && IsCnpj(m.Value)))
            {
                return m.Value;
            }
        }

        return null;
    }

    /// <summary>Whether 11 digits form a CPF with valid check digits.</summary>
    public static bool IsCpf(string digits)
    {
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit) || digits.All(c => c == digits[0]))
        {
            return false;
        }

        return CheckDigit(digits, 9, 10) == digits[9] - '0' && CheckDigit(digits, 10, 11) == digits[10] - '0';

        static int CheckDigit(string d, int count, int firstWeight)
        {
            var sum = 0;
            for (var i = 0; i < count; i++)
            {
                sum += (d[i] - '0') * (firstWeight - i);
            }

            var rest = sum % 11;
            return rest < 2 ? 0 : 11 - rest;
        }
    }

    /// <summary>Whether 14 characters form a CNPJ (numeric or alphanumeric) with valid check digits.</summary>
    public static bool IsCnpj(string value)
    {
        if (value.Length != 14 || !value[..12].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            || !value[12..].All(char.IsAsciiDigit) || value.All(c => c == value[0]))
        {
            return false;
        }

        return CheckDigit(value, 12) == value[12] - '0' && CheckDigit(value, 13) == value[13] - '0';

        static int CheckDigit(string v, int count)
        {
            var sum = 0;
            var weight = count - 7;
            for (var i = 0; i < count; i++)
            {
                sum += (v[i] - '0') * weight;
                weight = weight == 2 ? 9 : weight - 1;
            }

            var rest = sum % 11;
            return rest < 2 ? 0 : 11 - rest;
        }
    }

    [GeneratedRegex(@"(?<![\w•*])(?:\d{3}\.\d{3}\.\d{3}-\d{2}|[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-\d{2})(?![\w•*])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Formatted();

    [GeneratedRegex(@"(?<![\w•*.,/-])(?:\d{14}|\d{11})(?![\w•*]|[.,/-]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Bare();
}

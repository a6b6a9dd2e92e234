using System.Text.RegularExpressions;
using Kolek.Reconciliation.Identifiers;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Finds a complete CPF or CNPJ in free text (a MEMO) and returns it as bare characters.</summary>
/// <remarks>
/// Recognised: formatted CPF <c>123.456.789-09</c>, formatted CNPJ <c>12.345.678/0001-95</c> (also the
/// alphanumeric CNPJ of July 2026), and bare runs of exactly 11 or 14 digits. Every candidate must have valid
/// check digits and not be one repeated digit. Masked fragments such as <c>•••.456.789-••</c> are not complete
/// documents and are never returned.
/// The patterns are linear (no nested quantifiers) and run without a match timeout: a wall-clock timeout only ever fired
/// from scheduling noise on a loaded machine, and then threw out of a reader that must never throw.
/// </remarks>
internal static partial class TaxIdScanner
{
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Both formatted layouts hold a dot and a hyphen: without them only the bare numbers are looked for.
        if (text.Contains('.', StringComparison.Ordinal) && text.Contains('-', StringComparison.Ordinal))
        {
            Span<char> kept = stackalloc char[32];
            foreach (var m in Formatted().EnumerateMatches(text))
            {
                // The match's letters and digits, upper-cased (a match is at most 18 characters).
                var length = 0;
                foreach (var c in text.AsSpan(m.Index, m.Length))
                {
                    if (char.IsAsciiLetterOrDigit(c) && length < kept.Length)
                    {
                        kept[length++] = char.ToUpperInvariant(c);
                    }
                }

                if (length is 11 or 14 && new string(kept[..length]) is var bare
                    && ((length == 11 && IsCpf(bare)) || (length == 14 && IsCnpj(bare))))
                {
                    return bare;
                }
            }
        }

        foreach (var m in Bare().EnumerateMatches(text))
        {
            var value = m.Length is 11 or 14 ? text.Substring(m.Index, m.Length) : string.Empty;
            if ((m.Length == 11 && IsCpf(value)) || (m.Length == 14 && IsCnpj(value)))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Whether 11 digits form a CPF with valid check digits.</summary>
    public static bool IsCpf(string digits) => digits.Length == Cpf.Length && Cpf.TryParse(digits, out _);

    /// <summary>Whether 14 bare characters form a CNPJ (numeric or upper-case alphanumeric) with valid check digits.</summary>
    public static bool IsCnpj(string value) =>
        value.Length == Cnpj.Length && !value.Any(char.IsAsciiLetterLower) && Cnpj.TryParse(value, out _);

    [GeneratedRegex(@"(?<![\w•*])(?:\d{3}\.\d{3}\.\d{3}-\d{2}|[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-\d{2})(?![\w•*])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    internal static partial Regex Formatted();

    [GeneratedRegex(@"(?<![\w•*.,/-])(?:\d{14}|\d{11})(?![\w•*]|[.,/-]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    internal static partial Regex Bare();
}

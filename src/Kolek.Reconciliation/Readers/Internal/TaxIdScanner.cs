using System.Text.RegularExpressions;
using System.Text;
using Kolek.Reconciliation.Identifiers;
using Kolek.Reconciliation.Identifiers.Internal;

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

        if (Ascii.IsValid(text))
        {
            return FindBareAscii(text);
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

    /// <summary><see cref="Bare"/>'s matches in ASCII text, in its order, without the regular expression: a run of exactly
    /// 11 or 14 digits, not preceded by a word character or <c>* . , / -</c>, not followed by a word character or
    /// <c>*</c>, nor by <c>. , / -</c> and a digit (in ASCII, <c>\w</c> is <c>[A-Za-z0-9_]</c> and <c>\d</c> is
    /// <c>[0-9]</c>; other text goes to the pattern). The first that is a valid CPF or CNPJ is returned.</summary>
    private static string? FindBareAscii(string text)
    {
        var at = text.AsSpan().IndexOfAnyInRange('0', '9');
        while (at >= 0)
        {
            var end = text.AsSpan(at).IndexOfAnyExceptInRange('0', '9');
            end = end < 0 ? text.Length : at + end;
            var length = end - at;
            if (length is 11 or 14
                && (at == 0 || !IsBareBefore(text[at - 1]))
                && (end == text.Length || !IsBareAfter(text[end], end + 1 < text.Length ? text[end + 1] : '\0')))
            {
                var run = text.AsSpan(at, length);
                if (length == 11 ? IsCpfDigits(run) : IsCnpj(run.ToString()))
                {
                    return run.ToString();
                }
            }

            if (end == text.Length)
            {
                break;
            }

            var next = text.AsSpan(end).IndexOfAnyInRange('0', '9');
            at = next < 0 ? -1 : end + next;
        }

        return null;
    }

    private static bool IsBareBefore(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '*' or '.' or ',' or '/' or '-';

    private static bool IsBareAfter(char c, char then) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '*' || (c is '.' or ',' or '/' or '-' && char.IsAsciiDigit(then));

    /// <summary><see cref="IsCpf"/> of 11 ASCII digits, without allocating: not one repeated digit, both check digits right.</summary>
    private static bool IsCpfDigits(ReadOnlySpan<char> digits) =>
        !Modulo.AllSame(digits)
        && Modulo.TaxIdDigit(digits[..9], 11) == digits[9] - '0'
        && Modulo.TaxIdDigit(digits[..10], 11) == digits[10] - '0';

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

using System.Text;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Normalisation of references and tax ids so that equal things compare equal.</summary>
internal static class Keys
{
    /// <summary>The character standing for a hidden position of a masked CPF/CNPJ.</summary>
    public const char Hidden = '?';

    /// <summary>Upper-case letters and digits only, leading zeros removed; <see langword="null"/> when nothing is left.</summary>
    public static string? Reference(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) && !(c == '0' && builder.Length == 0))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>A CPF/CNPJ as bare upper-case characters, hidden positions (•, *, ●, x) as <see cref="Hidden"/>;
    /// <see langword="null"/> unless it has 11 or 14 positions.</summary>
    public static string? Document(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(14);
        foreach (var c in value)
        {
            if (IsMask(c))
            {
                builder.Append(Hidden);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (c is '.' or '-' or '/' or ' ')
            {
                continue;
            }
            else
            {
                return null;
            }
        }

        return builder.Length is 11 or 14 ? builder.ToString() : null;
    }

    /// <summary>How many positions of a document pattern are visible.</summary>
    public static int VisibleCount(string pattern) => pattern.Count(c => c != Hidden);

    private static bool IsMask(char c) => c is '•' or '*' or '●' or '∙' or '·' or 'x';
}

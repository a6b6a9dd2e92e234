using System.Text;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Normalisation of references and tax ids so that equal things compare equal.</summary>
internal static class Keys
{
    /// <summary>The character standing for a hidden position of a masked CPF/CNPJ.</summary>
    public const char Hidden = '?';

    /// <summary>The characters of a bare document: digits and upper-case letters.</summary>
    private static readonly System.Buffers.SearchValues<char> s_bare = System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Upper-case letters and digits only, leading zeros removed; <see langword="null"/> when nothing is left.</summary>
    /// <remarks>Runs for every reference of every open item, so it avoids a builder: a value that is already a key
    /// (the usual case for nosso números, txids and invoice numbers) is returned as is, without allocating.</remarks>
    public static string? Reference(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var length = 0;
        var unchanged = true;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) && !(c == '0' && length == 0))
            {
                unchanged &= !char.IsAsciiLetterLower(c);
                length++;
            }
            else
            {
                unchanged = false;
            }
        }

        if (length == 0)
        {
            return null;
        }

        return unchanged ? value : string.Create(length, value, static (span, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiLetterOrDigit(c) && !(c == '0' && written == 0))
                {
                    span[written++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    /// <summary>A cheap hash of a key's characters (FNV-1a), the same in every process.</summary>
    public static uint Hash(string key) => HashOf(key);

    /// <summary>The <see cref="Hash"/> of the characters.</summary>
    public static uint HashOf(ReadOnlySpan<char> key)
    {
        var hash = FnvOffset;
        foreach (var c in key)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    /// <summary>The <see cref="Hash"/> of <see cref="Reference"/>(<paramref name="value"/>), computed without building
    /// the key; <see langword="null"/> when the value has no key.</summary>
    public static uint? ReferenceHash(string value)
    {
        var hash = FnvOffset;
        var length = 0;
        foreach (var c in value)
        {
            // The same characters and upper-casing as Reference, tested by ranges: this runs for every reference of
            // every open item.
            uint upper = c;
            if (upper - '0' <= 9)
            {
                if (upper == '0' && length == 0)
                {
                    continue;
                }
            }
            else if (upper - 'A' > 25)
            {
                if (upper - 'a' > 25)
                {
                    continue;
                }

                upper -= 'a' - 'A';
            }

            hash = (hash ^ upper) * FnvPrime;
            length++;
        }

        return length == 0 ? null : hash;
    }

    /// <summary>Whether <paramref name="value"/> is already a bare document (11 or 14 digits and upper-case letters,
    /// what <see cref="Document"/> returns unchanged), with its <see cref="Hash"/> computed on the way.</summary>
    public static bool IsBareDocument(string value, out uint hash)
    {
        hash = FnvOffset;
        if (value.Length is not (11 or 14))
        {
            return false;
        }

        foreach (var c in value)
        {
            if ((uint)(c - '0') > 9 && (uint)(c - 'A') > 25)
            {
                return false;
            }

            hash = (hash ^ c) * FnvPrime;
        }

        return true;
    }

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>A CPF/CNPJ as bare upper-case characters, hidden positions (•, *, ●, x) as <see cref="Hidden"/>;
    /// <see langword="null"/> unless it has 11 or 14 positions.</summary>
    /// <remarks>Runs for every payer document of every open item: a value that is already bare (the usual case) is
    /// returned as is, without allocating.</remarks>
    public static string? Document(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length is 11 or 14 && !value.AsSpan().ContainsAnyExcept(s_bare))
        {
            return value;
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
    public static int VisibleCount(string pattern) => pattern.Length - pattern.AsSpan().Count(Hidden);

    private static bool IsMask(char c) => c is '•' or '*' or '●' or '∙' or '·' or 'x';
}

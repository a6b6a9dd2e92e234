using System.Diagnostics.CodeAnalysis;
using Kolek.Reconciliation.Identifiers.Internal;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>A CNPJ (Cadastro Nacional da Pessoa Jurídica), the 14-character tax id of a company, numeric or alphanumeric,
/// with verified check digits.</summary>
/// <remarks>
/// <para>
/// Accepted input: 14 bare characters (<c>12345678000195</c>, <c>12ABC34501DE35</c>) or the usual mask
/// (<c>12.345.678/0001-95</c>, <c>12.ABC.345/01DE-35</c>), surrounding white space trimmed. Since July 2026 the Receita
/// Federal issues alphanumeric CNPJs (Nota Técnica conjunta COCAD/SUARA/RFB nº 49/2024): the first 12 positions are
/// <c>A</c>–<c>Z</c> or <c>0</c>–<c>9</c>, the last two are digits. Lower-case letters are accepted and upper-cased.
/// </para>
/// <para>
/// Check digits: each character is worth its ASCII code minus 48 (digits keep their value, <c>A</c> = 17 … <c>Z</c> = 42);
/// the first digit is the modulo 11 digit of the 12 characters with weights 5,4,3,2,9,8,7,6,5,4,3,2, the second that of
/// the 13 characters with weights 6,5,4,3,2,9,8,7,6,5,4,3,2; a remainder of 0 or 1 gives 0, otherwise 11 − remainder.
/// For numeric CNPJs this is the rule that has always applied. One repeated digit (<c>00.000.000/0000-00</c>) is rejected.
/// </para>
/// <para><c>default(Cnpj)</c> has a <see langword="null"/> <see cref="Value"/> and is not a valid CNPJ.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct Cnpj
{
    /// <summary>The number of characters of a bare CNPJ.</summary>
    public const int Length = 14;

    private Cnpj(string value)
    {
        Value = value;
    }

    /// <summary>Gets the 14 bare upper-case characters, for example <c>12ABC34501DE35</c>.</summary>
    public string Value { get; }

    /// <summary>Gets the masked form, for example <c>12.ABC.345/01DE-35</c>.</summary>
    public string Formatted =>
        Value is null ? string.Empty : $"{Value[..2]}.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-{Value[12..]}";

    /// <summary>Gets the first 8 characters (the "raiz"), shared by a company's head office and branches.</summary>
    public string Root => Value is null ? string.Empty : Value[..8];

    /// <summary>Gets characters 9–12 (the "ordem"): <c>0001</c> for the head office, otherwise a branch.</summary>
    public string Branch => Value is null ? string.Empty : Value[8..12];

    /// <summary>Gets a value indicating whether the CNPJ has a letter in its first 12 positions (issued from July 2026).</summary>
    public bool IsAlphanumeric => Value is not null && Value.AsSpan(0, 12).ContainsAnyInRange('A', 'Z');

    /// <summary>Parses a CNPJ, bare or masked, numeric or alphanumeric.</summary>
    /// <param name="text">The CNPJ as typed, for example <c>12.345.678/0001-95</c>.</param>
    /// <returns>The CNPJ, or why the text is not one (codes <c>cnpj.empty</c>, <c>cnpj.format</c>, <c>cnpj.repeated</c>, <c>cnpj.check_digits</c>).</returns>
    public static IdentifierParseResult<Cnpj> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdentifierParseResult<Cnpj>.Fail("cnpj.empty", "the CNPJ is empty");
        }

        var trimmed = text.Trim();
        var bare = Unmask(trimmed);
        if (bare is null)
        {
            return IdentifierParseResult<Cnpj>.Fail(
                "cnpj.format",
                $"'{trimmed}' is not a CNPJ: expected 12 letters or digits and 2 digits, bare or as 00.000.000/0000-00");
        }

        if (Modulo.AllSame(bare))
        {
            return IdentifierParseResult<Cnpj>.Fail("cnpj.repeated", $"'{trimmed}' repeats one character; no such CNPJ is issued");
        }

        var expected = CheckDigits(bare.AsSpan(0, 12));
        return bare.AsSpan(12).SequenceEqual(expected)
            ? IdentifierParseResult<Cnpj>.Ok(new Cnpj(bare))
            : IdentifierParseResult<Cnpj>.Fail(
                "cnpj.check_digits", $"'{trimmed}' has check digits {bare[12..]} but its first 12 characters give {expected}");
    }

    /// <summary>Parses a CNPJ, reporting only whether it is valid.</summary>
    /// <param name="text">The CNPJ, bare or masked.</param>
    /// <param name="cnpj">The CNPJ when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid CNPJ.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Cnpj cnpj) => Parse(text).TryGetValue(out cnpj);

    /// <summary>Returns the masked form.</summary>
    /// <returns><see cref="Formatted"/>.</returns>
    public override string ToString() => Formatted;

    /// <summary>The two check digits of a 12-character CNPJ base (upper-case letters and digits).</summary>
    internal static string CheckDigits(ReadOnlySpan<char> base12)
    {
        Span<char> thirteen = stackalloc char[13];
        base12.CopyTo(thirteen);
        thirteen[12] = (char)('0' + Modulo.TaxIdDigit(base12, 9));
        return string.Concat(thirteen[12].ToString(), ((char)('0' + Modulo.TaxIdDigit(thirteen, 9))).ToString());
    }

    private static string? Unmask(string text)
    {
        string bare;
        if (text.Length == Length)
        {
            bare = text;
        }
        else if (text.Length == 18 && text[2] == '.' && text[6] == '.' && text[10] == '/' && text[15] == '-')
        {
            bare = string.Concat(
                string.Concat(text.AsSpan(0, 2), text.AsSpan(3, 3), text.AsSpan(7, 3)), text.AsSpan(11, 4), text.AsSpan(16, 2));
        }
        else
        {
            return null;
        }

        bare = bare.ToUpperInvariant();
        return ContainsNonAlphanumeric(bare.AsSpan(0, 12)) || !Modulo.AllDigits(bare.AsSpan(12)) ? null : bare;
    }

    private static bool ContainsNonAlphanumeric(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Diagnostics.CodeAnalysis;
using Kolek.Reconciliation.Identifiers.Internal;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>A CPF (Cadastro de Pessoas Físicas), the 11-digit tax id of a person, with verified check digits.</summary>
/// <remarks>
/// <para>
/// Accepted input: 11 bare digits (<c>12345678909</c>) or the usual mask (<c>123.456.789-09</c>), with surrounding white
/// space trimmed. The two check digits are the modulo 11 digits over weights 10–2 and 11–2 (remainder 0 or 1 gives 0).
/// Numbers made of one repeated digit (<c>111.111.111-11</c>) pass that arithmetic but are not issued, and are rejected.
/// </para>
/// <para><c>default(Cpf)</c> has a <see langword="null"/> <see cref="Value"/> and is not a valid CPF.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct Cpf
{
    /// <summary>The number of characters of a bare CPF.</summary>
    public const int Length = 11;

    private Cpf(string value)
    {
        Value = value;
    }

    /// <summary>Gets the 11 bare digits, for example <c>12345678909</c>.</summary>
    public string Value { get; }

    /// <summary>Gets the masked form, for example <c>123.456.789-09</c>.</summary>
    public string Formatted => Value is null ? string.Empty : $"{Value[..3]}.{Value[3..6]}.{Value[6..9]}-{Value[9..]}";

    /// <summary>Parses a CPF, bare or masked.</summary>
    /// <param name="text">The CPF as typed, for example <c>123.456.789-09</c>.</param>
    /// <returns>The CPF, or why the text is not one (codes <c>cpf.empty</c>, <c>cpf.format</c>, <c>cpf.repeated</c>, <c>cpf.check_digits</c>).</returns>
    public static IdentifierParseResult<Cpf> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdentifierParseResult<Cpf>.Fail("cpf.empty", "the CPF is empty");
        }

        var trimmed = text.Trim();
        var bare = Unmask(trimmed);
        if (bare is null)
        {
            return IdentifierParseResult<Cpf>.Fail(
                "cpf.format", $"'{trimmed}' is not a CPF: expected 11 digits, bare or as 000.000.000-00");
        }

        if (Modulo.AllSame(bare))
        {
            return IdentifierParseResult<Cpf>.Fail("cpf.repeated", $"'{trimmed}' repeats one digit; no such CPF is issued");
        }

        var expected = CheckDigits(bare.AsSpan(0, 9));
        return bare.AsSpan(9).SequenceEqual(expected)
            ? IdentifierParseResult<Cpf>.Ok(new Cpf(bare))
            : IdentifierParseResult<Cpf>.Fail(
                "cpf.check_digits", $"'{trimmed}' has check digits {bare[9..]} but its first 9 digits give {expected}");
    }

    /// <summary>Parses a CPF, reporting only whether it is valid.</summary>
    /// <param name="text">The CPF, bare or masked.</param>
    /// <param name="cpf">The CPF when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid CPF.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Cpf cpf) => Parse(text).TryGetValue(out cpf);

    /// <summary>Returns the masked form.</summary>
    /// <returns><see cref="Formatted"/>.</returns>
    public override string ToString() => Formatted;

    /// <summary>The two check digits of a 9-digit CPF base.</summary>
    internal static string CheckDigits(ReadOnlySpan<char> base9)
    {
        Span<char> ten = stackalloc char[10];
        base9.CopyTo(ten);
        ten[9] = (char)('0' + Modulo.TaxIdDigit(base9, 11));
        return string.Concat(ten[9].ToString(), ((char)('0' + Modulo.TaxIdDigit(ten, 11))).ToString());
    }

    private static string? Unmask(string text)
    {
        if (text.Length == Length)
        {
            return Modulo.AllDigits(text) ? text : null;
        }

        if (text.Length == 14 && text[3] == '.' && text[7] == '.' && text[11] == '-')
        {
            var bare = string.Concat(text.AsSpan(0, 3), text.AsSpan(4, 3), text.AsSpan(8, 3), text.AsSpan(12, 2));
            return Modulo.AllDigits(bare) ? bare : null;
        }

        return null;
    }
}

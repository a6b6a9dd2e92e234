using System.Diagnostics.CodeAnalysis;
using Kolek.Reconciliation.Identifiers.Internal;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>A nosso número: the bank's number of a boleto within the company's agreement (convênio/carteira).</summary>
/// <remarks>
/// <para>
/// Kept small on purpose: the value is 1–20 digits as written (leading zeros kept; the length and meaning depend on the
/// bank and the agreement, so no bank layout is assumed). Check digits are bank-specific; only Bradesco's is provided
/// (<see cref="BradescoCheckDigit"/>). A check digit printed after the number (<c>40101-7</c>, <c>…0004P</c>) is not
/// part of the value: strip it before parsing, or verify it with the bank's helper.
/// </para>
/// <para><c>default(NossoNumero)</c> has a <see langword="null"/> <see cref="Value"/> and is not a valid number.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct NossoNumero
{
    /// <summary>The longest nosso número accepted (CNAB 240 segment T gives it 20 positions).</summary>
    public const int MaxLength = 20;

    private NossoNumero(string value)
    {
        Value = value;
    }

    /// <summary>Gets the digits as written, for example <c>00000040101</c>.</summary>
    public string Value { get; }

    /// <summary>Parses a nosso número: 1–20 digits, surrounding white space trimmed.</summary>
    /// <param name="text">The number.</param>
    /// <returns>The number, or why the text is not one (codes <c>nosso_numero.empty</c>, <c>nosso_numero.format</c>).</returns>
    public static IdentifierParseResult<NossoNumero> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdentifierParseResult<NossoNumero>.Fail("nosso_numero.empty", "the nosso número is empty");
        }

        var trimmed = text.Trim();
        return trimmed.Length <= MaxLength && Modulo.AllDigits(trimmed)
            ? IdentifierParseResult<NossoNumero>.Ok(new NossoNumero(trimmed))
            : IdentifierParseResult<NossoNumero>.Fail(
                "nosso_numero.format", $"'{trimmed}' is not a nosso número: expected 1–{MaxLength} digits");
    }

    /// <summary>Parses a nosso número, reporting only whether it is valid.</summary>
    /// <param name="text">The number.</param>
    /// <param name="nossoNumero">The number when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is 1–20 digits.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out NossoNumero nossoNumero) => Parse(text).TryGetValue(out nossoNumero);

    /// <summary>Bradesco's check digit of a nosso número: modulo 11 with weights 2–7 from the right over the carteira
    /// (2 digits) and the number (11 digits); remainder 0 gives <c>0</c>, remainder 1 gives <c>P</c>, otherwise 11 − remainder.</summary>
    /// <param name="carteira">The 2-digit carteira, for example <c>09</c>.</param>
    /// <param name="number">The 11-digit nosso número.</param>
    /// <returns>The check character, <c>0</c>–<c>9</c> or <c>P</c>.</returns>
    /// <exception cref="ArgumentException">The carteira is not 2 digits or the number not 11 digits.</exception>
    public static char BradescoCheckDigit(string carteira, string number)
    {
        ArgumentNullException.ThrowIfNull(carteira);
        ArgumentNullException.ThrowIfNull(number);
        if (carteira.Length != 2 || !Modulo.AllDigits(carteira))
        {
            throw new ArgumentException("The Bradesco carteira must be 2 digits.", nameof(carteira));
        }

        if (number.Length != 11 || !Modulo.AllDigits(number))
        {
            throw new ArgumentException("The Bradesco nosso número must be 11 digits.", nameof(number));
        }

        var rest = Modulo.WeightedSum(carteira + number, 7) % 11;
        return rest switch
        {
            0 => '0',
            1 => 'P',
            _ => (char)('0' + (11 - rest)),
        };
    }

    /// <summary>Returns the digits.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}

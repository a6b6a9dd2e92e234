using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kolek.Reconciliation.Identifiers.Internal;
using NodaTime;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>The 44-digit barcode ("código de barras") of a bank boleto, with its general check digit verified.</summary>
/// <remarks>
/// <para>
/// Layout (FEBRABAN, positions 1-based): 1–3 bank code, 4 currency code (9 = real), 5 general check digit (modulo 11),
/// 6–9 due-date factor (<see cref="BoletoDueFactor"/>), 10–19 amount in cents, 20–44 the bank's free field ("campo
/// livre": agency, carteira, nosso número… in a bank-specific layout).
/// </para>
/// <para>
/// The check digit is the modulo 11 of the other 43 digits with weights 2–9 from the right; 11 − remainder, where 0, 10
/// and 11 become 1. Barcodes that start with 8 are concessionária/arrecadação slips (utilities, taxes) with another layout:
/// they are rejected with <c>boleto.not_bank_slip</c>.
/// </para>
/// <para><c>default(BoletoBarcode)</c> has a <see langword="null"/> <see cref="Value"/> and is not a valid barcode.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct BoletoBarcode
{
    /// <summary>The number of digits of a barcode.</summary>
    public const int Length = 44;

    private BoletoBarcode(string value)
    {
        Value = value;
    }

    /// <summary>Gets the 44 digits.</summary>
    public string Value { get; }

    /// <summary>Gets the bank's 3-digit COMPE code, for example <c>237</c> (Bradesco).</summary>
    public string BankCode => Value[..3];

    /// <summary>Gets the currency code: 9 for the real (BRL), 0 for another currency.</summary>
    public int CurrencyCode => Value[3] - '0';

    /// <summary>Gets the general check digit (position 5).</summary>
    public int CheckDigit => Value[4] - '0';

    /// <summary>Gets the due-date factor (positions 6–9).</summary>
    public BoletoDueFactor DueFactor => BoletoDueFactor.FromValue(int.Parse(Value.AsSpan(5, 4), CultureInfo.InvariantCulture));

    /// <summary>Gets the due date, read with <see cref="BoletoDueFactor.ToDate()"/>; <see langword="null"/> when the boleto has none.</summary>
    public LocalDate? DueDate => DueFactor.ToDate();

    /// <summary>Gets the amount (positions 10–19, in cents); 0 when the payer types the amount.</summary>
    public decimal Amount => long.Parse(Value.AsSpan(9, 10), CultureInfo.InvariantCulture) / 100m;

    /// <summary>Gets the 25-digit free field (positions 20–44), laid out by the issuing bank.</summary>
    public string FreeField => Value[19..];

    /// <summary>Parses 44 barcode digits (surrounding white space trimmed).</summary>
    /// <param name="text">The barcode, for example as read by a scanner.</param>
    /// <returns>The barcode, or why the text is not one (codes <c>boleto.empty</c>, <c>boleto.format</c>,
    /// <c>boleto.not_bank_slip</c>, <c>boleto.check_digit</c>).</returns>
    public static IdentifierParseResult<BoletoBarcode> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdentifierParseResult<BoletoBarcode>.Fail("boleto.empty", "the barcode is empty");
        }

        var trimmed = text.Trim();
        if (trimmed.Length != Length || !Modulo.AllDigits(trimmed))
        {
            return IdentifierParseResult<BoletoBarcode>.Fail("boleto.format", $"'{trimmed}' is not a boleto barcode: expected 44 digits");
        }

        return FromDigits(trimmed);
    }

    /// <summary>Parses 44 barcode digits, reporting only whether they are valid.</summary>
    /// <param name="text">The barcode.</param>
    /// <param name="barcode">The barcode when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid bank boleto barcode.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out BoletoBarcode barcode) => Parse(text).TryGetValue(out barcode);

    /// <summary>Builds a barcode, computing its check digit.</summary>
    /// <param name="bankCode">The bank's 3-digit code, for example <c>237</c>.</param>
    /// <param name="dueDate">The due date (on or after 2000-07-03), or <see langword="null"/> for none (factor 0000).</param>
    /// <param name="amount">The amount in reais, 0 to 99,999,999.99, at most two decimal places.</param>
    /// <param name="freeField">The bank's 25-digit free field.</param>
    /// <param name="currencyCode">The currency code; 9 (real) unless the bank says otherwise.</param>
    /// <returns>The barcode.</returns>
    /// <exception cref="ArgumentException">An argument does not fit the layout.</exception>
    public static BoletoBarcode Create(string bankCode, LocalDate? dueDate, decimal amount, string freeField, int currencyCode = 9)
    {
        ArgumentNullException.ThrowIfNull(bankCode);
        ArgumentNullException.ThrowIfNull(freeField);
        if (bankCode.Length != 3 || !Modulo.AllDigits(bankCode))
        {
            throw new ArgumentException("The bank code must be 3 digits.", nameof(bankCode));
        }

        if (freeField.Length != 25 || !Modulo.AllDigits(freeField))
        {
            throw new ArgumentException("The free field must be 25 digits.", nameof(freeField));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(currencyCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(currencyCode, 9);
        var cents = amount * 100m;
        if (amount < 0m || cents >= 10_000_000_000m || cents != decimal.Truncate(cents))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be 0 to 99,999,999.99 with at most two decimal places.");
        }

        if (bankCode[0] == '8')
        {
            throw new ArgumentException("A bank code starting with 8 would make a concessionária slip.", nameof(bankCode));
        }

        var factor = dueDate is { } date ? BoletoDueFactor.FromDate(date) : BoletoDueFactor.None;
        var body = string.Create(
            CultureInfo.InvariantCulture, $"{bankCode}{currencyCode}{factor}{(long)cents:D10}{freeField}");
        return new BoletoBarcode(body.Insert(4, CheckDigitOf(body).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Converts the barcode into its 47-digit linha digitável.</summary>
    /// <returns>The linha digitável.</returns>
    public LinhaDigitavel ToLinhaDigitavel() => LinhaDigitavel.FromBarcode(this);

    /// <summary>The due date in the window around a reference date (see <see cref="BoletoDueFactor"/>).</summary>
    /// <param name="reference">The processing date the boleto is read on.</param>
    /// <returns>The due date, or <see langword="null"/> when the boleto has none.</returns>
    public LocalDate? DueDateNear(LocalDate reference) => DueFactor.ToDate(reference);

    /// <summary>Returns the 44 digits.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Checks 44 digits for the bank-slip layout and the general check digit.</summary>
    internal static IdentifierParseResult<BoletoBarcode> FromDigits(string digits)
    {
        if (digits[0] == '8')
        {
            return NotBankSlip(digits);
        }

        var expected = CheckDigitOf(string.Concat(digits.AsSpan(0, 4), digits.AsSpan(5)));
        return digits[4] - '0' == expected
            ? IdentifierParseResult<BoletoBarcode>.Ok(new BoletoBarcode(digits))
            : IdentifierParseResult<BoletoBarcode>.Fail(
                "boleto.check_digit", $"'{digits}' has general check digit {digits[4]} but its other digits give {expected}");
    }

    /// <summary>The failure for a concessionária/arrecadação slip (first digit 8).</summary>
    internal static IdentifierParseResult<BoletoBarcode> NotBankSlip(string digits) =>
        IdentifierParseResult<BoletoBarcode>.Fail(
            "boleto.not_bank_slip",
            $"'{digits}' starts with 8: it is a concessionária/arrecadação slip (utility bill, tax), not a bank boleto");

    private static int CheckDigitOf(string digits43) => Modulo.BarcodeMod11(digits43);
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Kolek.Reconciliation.Identifiers.Internal;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>The 47-digit typeable line ("linha digitável") of a bank boleto, with its three field check digits and its
/// general check digit verified.</summary>
/// <remarks>
/// <para>
/// Layout: field 1 = bank, currency and barcode positions 20–24, plus a modulo 10 digit (10 digits); field 2 = barcode
/// positions 25–34 plus a modulo 10 digit (11); field 3 = positions 35–44 plus a modulo 10 digit (11); field 4 = the
/// barcode's general check digit (1); field 5 = due-date factor and amount, barcode positions 6–19 (14). The modulo 10
/// uses weights 2, 1, 2, … from the right, adding the digits of products above 9; 10 − (sum mod 10), where 10 becomes 0.
/// </para>
/// <para>
/// Accepted input: the 47 digits bare or with the usual dots and spaces (<c>23793.38102 90000.004011 01002.745105 8
/// 15710000008022</c>). A line that starts with 8 (48 digits) is a concessionária/arrecadação slip and is rejected with
/// <c>boleto.not_bank_slip</c>.
/// </para>
/// <para><c>default(LinhaDigitavel)</c> has a <see langword="null"/> <see cref="Value"/> and is not a valid line.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct LinhaDigitavel
{
    /// <summary>The number of digits of a linha digitável.</summary>
    public const int Length = 47;

    private LinhaDigitavel(string value)
    {
        Value = value;
    }

    /// <summary>Gets the 47 bare digits.</summary>
    public string Value { get; }

    /// <summary>Gets the line as printed on the slip: <c>AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE</c>.</summary>
    public string Formatted => Value is null
        ? string.Empty
        : $"{Value[..5]}.{Value[5..10]} {Value[10..15]}.{Value[15..21]} {Value[21..26]}.{Value[26..32]} {Value[32]} {Value[33..]}";

    /// <summary>Parses a linha digitável, bare or with dots and spaces.</summary>
    /// <param name="text">The line as typed or printed.</param>
    /// <returns>The line, or why the text is not one (codes <c>boleto.empty</c>, <c>boleto.format</c>,
    /// <c>boleto.not_bank_slip</c>, <c>boleto.field_check_digit</c>, <c>boleto.check_digit</c>).</returns>
    public static IdentifierParseResult<LinhaDigitavel> Parse(string? text)
    {
        var digits = Boleto.Digits(text, out var failure);
        if (digits is null)
        {
            return IdentifierParseResult<LinhaDigitavel>.Fail(failure.Code, failure.Message);
        }

        if (digits[0] == '8')
        {
            var notBankSlip = BoletoBarcode.NotBankSlip(digits);
            return IdentifierParseResult<LinhaDigitavel>.Fail(notBankSlip.ErrorCode!, notBankSlip.Error!);
        }

        if (digits.Length != Length)
        {
            return IdentifierParseResult<LinhaDigitavel>.Fail(
                "boleto.format", $"'{text!.Trim()}' is not a linha digitável: expected 47 digits, found {digits.Length}");
        }

        var fieldError = CheckFields(digits);
        if (fieldError is not null)
        {
            return IdentifierParseResult<LinhaDigitavel>.Fail("boleto.field_check_digit", fieldError);
        }

        var barcode = BoletoBarcode.FromDigits(ToBarcodeDigits(digits));
        return barcode.Success
            ? IdentifierParseResult<LinhaDigitavel>.Ok(new LinhaDigitavel(digits))
            : IdentifierParseResult<LinhaDigitavel>.Fail(barcode.ErrorCode, barcode.Error);
    }

    /// <summary>Parses a linha digitável, reporting only whether it is valid.</summary>
    /// <param name="text">The line, bare or with dots and spaces.</param>
    /// <param name="line">The line when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid linha digitável of a bank boleto.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out LinhaDigitavel line) => Parse(text).TryGetValue(out line);

    /// <summary>Converts the line into the 44-digit barcode it was made from.</summary>
    /// <returns>The barcode (with the bank code, due date, amount and free field).</returns>
    public BoletoBarcode ToBarcode() => BoletoBarcode.Parse(ToBarcodeDigits(Value)).Value;

    /// <summary>Returns the line as printed.</summary>
    /// <returns><see cref="Formatted"/>.</returns>
    public override string ToString() => Formatted;

    internal static LinhaDigitavel FromBarcode(BoletoBarcode barcode)
    {
        var bar = barcode.Value;
        var field1 = string.Concat(bar.AsSpan(0, 4), bar.AsSpan(19, 5));
        var field2 = bar.Substring(24, 10);
        var field3 = bar.Substring(34, 10);
        return new LinhaDigitavel(string.Concat(WithDigit(field1), WithDigit(field2), WithDigit(field3), bar[4..19]));

        static string WithDigit(string field) => field + Modulo.Mod10(field).ToString(CultureInfo.InvariantCulture);
    }

    private static string? CheckFields(string digits)
    {
        ReadOnlySpan<(int Start, int Length)> fields = [(0, 9), (10, 10), (21, 10)];
        for (var i = 0; i < fields.Length; i++)
        {
            var (start, length) = fields[i];
            var expected = Modulo.Mod10(digits.AsSpan(start, length));
            if (digits[start + length] - '0' != expected)
            {
                return $"field {i + 1} of '{digits}' has check digit {digits[start + length]} but its digits give {expected}";
            }
        }

        return null;
    }

    private static string ToBarcodeDigits(string line) => string.Concat(
        string.Concat(line.AsSpan(0, 4), line.AsSpan(32, 1), line.AsSpan(33, 14)),
        string.Concat(line.AsSpan(4, 5), line.AsSpan(10, 10), line.AsSpan(21, 10)));
}

using Kolek.Reconciliation.Identifiers.Internal;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>Reads a bank boleto from either of its printed forms: the 44-digit barcode or the 47-digit linha digitável.</summary>
/// <remarks>
/// The form is chosen by the number of digits (dots and white space ignored): 44 is a barcode, 47 a linha digitável.
/// Text starting with 8 (48-digit lines, 44-digit barcodes) is a concessionária/arrecadação slip and is rejected with
/// <c>boleto.not_bank_slip</c>.
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
/// </remarks>
public static class Boleto
{
    /// <summary>Parses a barcode or a linha digitável into the barcode, verifying every check digit.</summary>
    /// <param name="text">44 barcode digits, or a linha digitável bare or with dots and spaces.</param>
    /// <returns>The barcode, or why the text is not a bank boleto (the codes of <see cref="BoletoBarcode.Parse"/> and
    /// <see cref="LinhaDigitavel.Parse"/>).</returns>
    public static IdentifierParseResult<BoletoBarcode> Parse(string? text)
    {
        var digits = Digits(text, out var failure);
        if (digits is null)
        {
            return IdentifierParseResult<BoletoBarcode>.Fail(failure.Code, failure.Message);
        }

        if (digits[0] == '8')
        {
            return BoletoBarcode.NotBankSlip(digits);
        }

        switch (digits.Length)
        {
            case BoletoBarcode.Length:
                return BoletoBarcode.FromDigits(digits);
            case LinhaDigitavel.Length:
                var line = LinhaDigitavel.Parse(digits);
                return line.Success
                    ? IdentifierParseResult<BoletoBarcode>.Ok(line.Value.ToBarcode())
                    : IdentifierParseResult<BoletoBarcode>.Fail(line.ErrorCode, line.Error);
            default:
                return IdentifierParseResult<BoletoBarcode>.Fail(
                    "boleto.format",
                    $"'{text!.Trim()}' is not a boleto: expected a 44-digit barcode or a 47-digit linha digitável, found {digits.Length} digits");
        }
    }

    /// <summary>The digits of a boleto text with dots and white space removed; null (with the failure) when empty or
    /// when another character appears.</summary>
    internal static string? Digits(string? text, out (string Code, string Message) failure)
    {
        failure = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            failure = ("boleto.empty", "the boleto is empty");
            return null;
        }

        var digits = string.Concat(text.Where(c => c != '.' && !char.IsWhiteSpace(c)));
        if (!Modulo.AllDigits(digits))
        {
            failure = ("boleto.format", $"'{text.Trim()}' is not a boleto: only digits, dots and spaces are allowed");
            return null;
        }

        return digits;
    }
}

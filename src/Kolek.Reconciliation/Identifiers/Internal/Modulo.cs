namespace Kolek.Reconciliation.Identifiers.Internal;

/// <summary>The check-digit arithmetic shared by the identifiers (modulo 10 and modulo 11 with cycling weights).</summary>
internal static class Modulo
{
    /// <summary>
    /// The weighted sum of <paramref name="text"/> read right to left with weights 2, 3, … <paramref name="maxWeight"/>,
    /// 2, 3, …; each character is worth its code minus 48 (so '0'–'9' are 0–9 and 'A' is 17, as in the alphanumeric CNPJ).
    /// </summary>
    public static int WeightedSum(ReadOnlySpan<char> text, int maxWeight)
    {
        var sum = 0;
        var weight = 2;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            sum += (text[i] - '0') * weight;
            weight = weight == maxWeight ? 2 : weight + 1;
        }

        return sum;
    }

    /// <summary>The CPF/CNPJ rule: remainder of the weighted sum by 11; 0 or 1 give 0, otherwise 11 − remainder.</summary>
    public static int TaxIdDigit(ReadOnlySpan<char> text, int maxWeight)
    {
        var rest = WeightedSum(text, maxWeight) % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    /// <summary>The FEBRABAN modulo 10 of a linha digitável field: weights 2, 1, 2, … from the right, products above 9
    /// reduced to the sum of their digits; the digit is 10 − (sum mod 10), and 10 becomes 0.</summary>
    public static int Mod10(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var product = (digits[i] - '0') * weight;
            sum += (product / 10) + (product % 10);
            weight = weight == 2 ? 1 : 2;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>The FEBRABAN modulo 11 general check digit of a bank barcode (43 digits without the DV): weights 2–9 from
    /// the right; the digit is 11 − (sum mod 11), and 0, 10 and 11 become 1.</summary>
    public static int BarcodeMod11(ReadOnlySpan<char> digits)
    {
        var digit = 11 - (WeightedSum(digits, 9) % 11);
        return digit is 0 or 1 or 10 or 11 ? 1 : digit;
    }

    /// <summary>Whether every character is an ASCII digit (and there is at least one).</summary>
    public static bool AllDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>Whether every character is the same one.</summary>
    public static bool AllSame(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExcept(text[0]);
}

namespace Kolek.Dunning.Templates;

/// <summary>CNPJ shape and check digits, numeric or alphanumeric (Receita Federal, IN RFB 2.229/2024).</summary>
internal static class CnpjNumber
{
    internal static string StripMask(string cnpj)
    {
        ArgumentNullException.ThrowIfNull(cnpj);
        return string.Concat(cnpj.Trim().Where(c => c is not ('.' or '/' or '-' or ' '))).ToUpperInvariant();
    }

    /// <summary>Checks a bare 14-character CNPJ: 12 letters or digits, then two check digits computed modulo 11 from the character codes minus 48.</summary>
    internal static bool IsValid(string bare)
    {
        if (bare.Length != 14 || !bare[..12].All(char.IsAsciiLetterOrDigit) || !bare[12..].All(char.IsAsciiDigit))
        {
            return false;
        }

        if (bare.All(c => c == bare[0]))
        {
            return false;
        }

        return CheckDigit(bare.AsSpan(0, 12)) == bare[12] - '0' && CheckDigit(bare.AsSpan(0, 13)) == bare[13] - '0';
    }

    private static int CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        var weight = 2;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            sum += (body[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }

        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}

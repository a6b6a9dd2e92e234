using System.Text.RegularExpressions;

namespace Kolek.Dunning.Internal;

/// <summary>Masks personal data (LGPD) in text bound for logs: e-mail addresses, phone numbers, CPFs and CNPJs.</summary>
/// <remarks>
/// Customer ids and provider reasons are free text: an ERP may use the CPF as the customer id, and a provider's error may
/// quote the address. Whatever looks like one of these is masked; the rest is kept so logs stay useful.
/// </remarks>
internal static partial class LogMasking
{
    /// <summary>Masks every e-mail address, phone number, CPF and CNPJ found in <paramref name="text"/>.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var masked = Email().Replace(text, m => m.Value[0] + "***@" + m.Groups["d"].Value[0] + "***" + m.Groups["rest"].Value);
        masked = Cnpj().Replace(masked, m => "**.***.***/" + m.Groups["branch"].Value + "-**");
        masked = Cpf().Replace(masked, m => "***." + m.Groups["mid"].Value + ".***-**");
        return Digits().Replace(masked, m => MaskDigits(m.Value));
    }

    /// <summary>Keeps the non-digits, the first three and the last two digits of a long digit run (a phone or an unformatted document).</summary>
    private static string MaskDigits(string run)
    {
        var digits = run.Count(char.IsAsciiDigit);
        var seen = 0;
        return string.Concat(run.Select(c =>
        {
            if (!char.IsAsciiDigit(c))
            {
                return c;
            }

            seen++;
            return seen <= 3 || seen > digits - 2 ? c : '*';
        }));
    }

    [GeneratedRegex(@"[^\s@<>""'(),;:]+@(?<d>[^\s@.<>""'(),;:]+)(?<rest>(\.[^\s@.<>""'(),;:]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/(?<branch>[0-9A-Z]{4})-[0-9]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Cnpj();

    [GeneratedRegex(@"\b[0-9]{3}\.(?<mid>[0-9]{3})\.[0-9]{3}-[0-9]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Cpf();

    /// <summary>Ten or more digits, possibly with a leading +, spaces, dots, dashes or parentheses between them.</summary>
    [GeneratedRegex(@"\+?\(?[0-9](?:[ .\-()]{0,2}[0-9]){9,}", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}

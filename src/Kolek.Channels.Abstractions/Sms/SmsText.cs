namespace Kolek.Channels;

/// <summary>How an SMS text is encoded on the air.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit default alphabet (with its extension table): 160 characters in one SMS, 153 per part when split.</summary>
    Gsm7 = 1,

    /// <summary>UCS-2 (UTF-16): 70 characters in one SMS, 67 per part when split. Used as soon as one character is outside GSM-7.</summary>
    Ucs2 = 2,
}

/// <summary>How an SMS text will be encoded and into how many billed segments it splits.</summary>
/// <param name="Encoding">The encoding the text needs.</param>
/// <param name="Units">The length in encoding units: septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2.</param>
/// <param name="Segments">The number of SMS the text is sent as (0 for an empty text).</param>
/// <param name="UnitsPerSegment">The capacity of each segment: 160 or 70 for a single SMS, 153 or 67 for a concatenated one.</param>
/// <param name="NonGsmCharacters">The distinct characters that forced UCS-2, in order of first appearance; empty for GSM-7.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record SmsAnalysis(SmsEncoding Encoding, int Units, int Segments, int UnitsPerSegment, IReadOnlyList<string> NonGsmCharacters)
{
    /// <summary>The members, with the non-GSM characters listed.</summary>
    /// <returns>For example <c>SmsAnalysis { Encoding = Ucs2, Units = 75, Segments = 2, UnitsPerSegment = 67, NonGsmCharacters = [ç, õ] }</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"SmsAnalysis {{ Encoding = {Encoding}, Units = {Units}, Segments = {Segments}, UnitsPerSegment = {UnitsPerSegment}, NonGsmCharacters = [{string.Join(", ", NonGsmCharacters)}] }}");
}

/// <summary>Analyses SMS texts: GSM-7 or UCS-2, and how many segments (and so how many billed messages) they need.</summary>
/// <remarks>
/// <para>
/// GSM-7 is the GSM 03.38 (3GPP TS 23.038) default alphabet, basic table plus the extension table
/// (<c>^ { } \ [ ~ ] | €</c> and form feed), whose characters take two septets (escape + character). Of the Portuguese
/// letters only <c>à é É Ç Ä Ö Ü ä ö ü Ñ ñ</c> are in it; <c>á â ã ç ê í ó ô õ ú Á Ã Ê Í Ó Õ Ú</c> are not, so a text
/// with any of them is sent in UCS-2 and fits only 70 characters. A non-breaking space (U+00A0) is not GSM-7 either,
/// which is one more reason Kolek formats money with a plain space.
/// </para>
/// <para>
/// Concatenated messages spend 7 bytes of each segment on the user data header, leaving 153 septets or 67 UCS-2 units.
/// Segments are filled the way handsets and gateways do: an escape pair is never split across two segments, nor is a
/// UTF-16 surrogate pair (an emoji), so a segment may carry one unit less than its capacity.
/// </para>
/// </remarks>
public static class SmsText
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "\f^{}\\[~]|€";

    /// <summary>Analyses a text.</summary>
    /// <param name="text">The text as it will be sent.</param>
    /// <returns>Its encoding, length in units and segment count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static SmsAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nonGsm = new List<string>();
        var septets = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Gsm7Basic.Contains(c, StringComparison.Ordinal))
            {
                septets.Add(1);
            }
            else if (Gsm7Extension.Contains(c, StringComparison.Ordinal))
            {
                septets.Add(2);
            }
            else
            {
                var isPair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                var character = isPair ? text.Substring(i, 2) : c.ToString();
                if (!nonGsm.Contains(character))
                {
                    nonGsm.Add(character);
                }

                if (isPair)
                {
                    i++;
                }
            }
        }

        if (nonGsm.Count == 0)
        {
            return Build(SmsEncoding.Gsm7, septets, single: 160, multi: 153, nonGsm);
        }

        var units = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var isPair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            units.Add(isPair ? 2 : 1);
            if (isPair)
            {
                i++;
            }
        }

        return Build(SmsEncoding.Ucs2, units, single: 70, multi: 67, nonGsm);
    }

    private static SmsAnalysis Build(SmsEncoding encoding, List<int> characterUnits, int single, int multi, List<string> nonGsm)
    {
        var total = characterUnits.Sum();
        if (total == 0)
        {
            return new SmsAnalysis(encoding, 0, 0, single, nonGsm);
        }

        if (total <= single)
        {
            return new SmsAnalysis(encoding, total, 1, single, nonGsm);
        }

        var segments = 1;
        var used = 0;
        foreach (var size in characterUnits)
        {
            if (used + size > multi)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SmsAnalysis(encoding, total, segments, multi, nonGsm);
    }
}

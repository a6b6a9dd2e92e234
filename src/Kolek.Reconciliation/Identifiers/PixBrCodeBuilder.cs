using System.Globalization;
using System.Text;
using Kolek.Reconciliation.Identifiers.Internal;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>The fields of a PIX BR Code to build: a static code (a <see cref="Key"/>) or a dynamic one (a <see cref="Url"/>).</summary>
/// <remarks>
/// <para>
/// <see cref="Build"/> writes the payload in the canonical field order (00, 01, 26 with GUI <c>br.gov.bcb.pix</c>, 52, 53,
/// 54, 58 <c>BR</c>, 59, 60, 61, 62-05, 63), computes the CRC and then validates the result with
/// <see cref="PixBrCode.Parse"/>, so a built code obeys exactly the rules a parsed one does; the amount is written with two
/// decimals (<c>10.00</c>) and a missing txid as <c>***</c>.
/// </para>
/// <example>
/// <code>
/// var code = new PixBrCodeBuilder { Key = "pix@example.com.br", MerchantName = "Loja Exemplo", MerchantCity = "SAO PAULO", Amount = 10.5m }
///     .Build().Value;
/// </code>
/// </example>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record PixBrCodeBuilder
{
    /// <summary>Gets the point of initiation method (field 01).</summary>
    /// <value>The default value is <see langword="null"/>: field 01 is left out.</value>
    public PixInitiationMethod? InitiationMethod { get; init; }

    /// <summary>Gets the PIX key of a static code.</summary>
    /// <value>The default value is <see langword="null"/>; set exactly one of <see cref="Key"/> and <see cref="Url"/>.</value>
    public string? Key { get; init; }

    /// <summary>Gets the description of a static code (sub-field 26-02).</summary>
    /// <value>The default value is <see langword="null"/>: no description.</value>
    public string? Description { get; init; }

    /// <summary>Gets the location URL of a dynamic code, without <c>https://</c>.</summary>
    /// <value>The default value is <see langword="null"/>; set exactly one of <see cref="Key"/> and <see cref="Url"/>.</value>
    public string? Url { get; init; }

    /// <summary>Gets the merchant category code (field 52).</summary>
    /// <value>The default value is <c>0000</c>.</value>
    public string MerchantCategoryCode { get; init; } = "0000";

    /// <summary>Gets the amount (field 54), at most two decimal places.</summary>
    /// <value>The default value is <see langword="null"/>: the payer chooses the amount.</value>
    public decimal? Amount { get; init; }

    /// <summary>Gets the merchant name, 1–25 characters.</summary>
    /// <value>The default value is the empty string, which does not build.</value>
    public string MerchantName { get; init; } = string.Empty;

    /// <summary>Gets the merchant city, 1–15 characters.</summary>
    /// <value>The default value is the empty string, which does not build.</value>
    public string MerchantCity { get; init; } = string.Empty;

    /// <summary>Gets the postal code (CEP, field 61).</summary>
    /// <value>The default value is <see langword="null"/>: field 61 is left out.</value>
    public string? PostalCode { get; init; }

    /// <summary>Gets the txid (field 62-05), up to 25 letters and digits.</summary>
    /// <value>The default value is <see langword="null"/>: written as <c>***</c>.</value>
    public string? Txid { get; init; }

    /// <summary>Builds and validates the payload.</summary>
    /// <returns>The code, or why these fields do not make a valid BR Code (the codes of <see cref="PixBrCode.Parse"/>).</returns>
    public IdentifierParseResult<PixBrCode> Build()
    {
        if (Amount is { } amount && amount != decimal.Round(amount, 2))
        {
            return IdentifierParseResult<PixBrCode>.Fail("pix.amount", $"the amount {amount.ToString(CultureInfo.InvariantCulture)} has more than two decimal places");
        }

        var account = new StringBuilder();
        EmvTlv.Append(account, "00", "br.gov.bcb.pix");
        AppendIfSet(account, "01", Key);
        AppendIfSet(account, "02", Description);
        AppendIfSet(account, "25", Url);

        var additional = EmvTlv.Append(new StringBuilder(), "05", Txid ?? "***");
        var payload = new StringBuilder();
        EmvTlv.Append(payload, "00", "01");
        AppendIfSet(payload, "01", InitiationMethod is { } method ? ((int)method).ToString(CultureInfo.InvariantCulture) : null);
        AppendIfSet(payload, "26", account.ToString());
        AppendIfSet(payload, "52", MerchantCategoryCode);
        EmvTlv.Append(payload, "53", "986");
        AppendIfSet(payload, "54", Amount?.ToString("0.00", CultureInfo.InvariantCulture));
        EmvTlv.Append(payload, "58", "BR");
        AppendIfSet(payload, "59", MerchantName);
        AppendIfSet(payload, "60", MerchantCity);
        AppendIfSet(payload, "61", PostalCode);
        AppendIfSet(payload, "62", additional.ToString());
        payload.Append("6304");

        var tooLong = FirstTooLong(account.ToString(), additional.ToString());
        if (tooLong is not null)
        {
            return IdentifierParseResult<PixBrCode>.Fail("pix.field_length", tooLong);
        }

        var text = payload.ToString();
        return PixBrCode.Parse(text + Crc16Ccitt.Of(text));
    }

    private static void AppendIfSet(StringBuilder builder, string id, string? value)
    {
        if (!string.IsNullOrEmpty(value) && value.Length <= 99)
        {
            EmvTlv.Append(builder, id, value);
        }
    }

    private string? FirstTooLong(string account, string additional)
    {
        (string Name, string? Value)[] fields =
        [
            ("the merchant account (26)", account), ("the additional data (62)", additional), ("the key", Key),
            ("the description", Description), ("the URL", Url), ("the merchant category code", MerchantCategoryCode),
            ("the merchant name", MerchantName), ("the merchant city", MerchantCity), ("the postal code", PostalCode),
        ];
        foreach (var (name, value) in fields)
        {
            if (value is { Length: > 99 })
            {
                return $"{name} has {value.Length} characters; an EMV field holds at most 99";
            }
        }

        return null;
    }
}

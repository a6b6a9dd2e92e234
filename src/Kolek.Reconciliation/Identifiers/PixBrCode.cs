using System.Diagnostics.CodeAnalysis;
using Kolek.Reconciliation.Identifiers.Internal;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>A PIX BR Code ("copia e cola"): the EMV QR payload of a PIX charge, split into its fields, with its CRC verified.</summary>
/// <remarks>
/// <para>
/// Fields read (EMV MPM as profiled by the Banco Central's BR Code manual): 00 payload format (<c>01</c>, first);
/// 01 point of initiation (<c>11</c> static, <c>12</c> dynamic; optional); a merchant account template (26–51) whose
/// sub-field 00 is the GUI <c>br.gov.bcb.pix</c> (any letter case), holding the key (01) and an optional description (02)
/// of a static code, or the location URL without scheme (25) of a dynamic one; 52 merchant category code; 53 currency
/// (<c>986</c>); 54 amount (optional; <c>100</c>, <c>10.</c>, <c>0.9</c>, <c>0.00</c> are all valid); 58 country
/// (<c>BR</c>); 59 merchant name (at most 25 characters); 60 merchant city (at most 15); 61 postal code (optional);
/// 62 additional data with the txid in 05 (<c>***</c> means none; 62 itself is tolerated when missing); 63 CRC (last).
/// Unknown fields are skipped.
/// </para>
/// <para>
/// Lengths count characters (UTF-16 code units); the CRC16-CCITT (polynomial 0x1021, initial 0xFFFF) runs over the UTF-8
/// bytes of everything before the last 4 characters, normally ending in <c>6304</c>, so <c>BRASÍLIA</c> counts 8
/// characters but 9 bytes. The CRC is checked before anything else, so a corrupted payload reports the stated and the
/// computed CRC.
/// </para>
/// <para>Build a payload with <see cref="PixBrCodeBuilder"/>.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record PixBrCode
{
    internal PixBrCode()
    {
    }

    /// <summary>Gets the whole payload, as parsed or built.</summary>
    public required string Payload { get; init; }

    /// <summary>Gets the point of initiation method (field 01), or <see langword="null"/> when the code does not state it.</summary>
    public PixInitiationMethod? InitiationMethod { get; init; }

    /// <summary>Gets the GUI as written in the merchant account template, for example <c>br.gov.bcb.pix</c> or <c>BR.GOV.BCB.PIX</c>.</summary>
    public required string Gui { get; init; }

    /// <summary>Gets the PIX key of a static code (sub-field 01): an e-mail, phone, CPF/CNPJ or random key, as written.</summary>
    public string? Key { get; init; }

    /// <summary>Gets the free description of a static code (sub-field 02), when present.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the location URL of a dynamic code (sub-field 25), without scheme, for example <c>pix.example.com/qr/v2/…</c>.</summary>
    public string? Url { get; init; }

    /// <summary>Gets a value indicating whether the code points to a location URL (a dynamic charge) rather than carrying a key.</summary>
    public bool IsDynamic => Url is not null;

    /// <summary>Gets the merchant category code (field 52), normally <c>0000</c>.</summary>
    public required string MerchantCategoryCode { get; init; }

    /// <summary>Gets the amount (field 54), or <see langword="null"/> when the payer chooses it.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Gets the merchant (receiver) name (field 59), 1–25 characters.</summary>
    public required string MerchantName { get; init; }

    /// <summary>Gets the merchant city (field 60), 1–15 characters.</summary>
    public required string MerchantCity { get; init; }

    /// <summary>Gets the postal code (CEP, field 61), when present.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Gets the txid (field 62-05), or <see langword="null"/> when absent or <c>***</c>.</summary>
    public string? Txid { get; init; }

    /// <summary>Gets the CRC as stated in field 63 (4 hexadecimal digits, verified).</summary>
    public required string Crc { get; init; }

    /// <summary>Parses a BR Code payload.</summary>
    /// <param name="payload">The "copia e cola" text; surrounding white space is trimmed.</param>
    /// <returns>The code, or why the payload is not a valid PIX BR Code (codes <c>pix.empty</c>, <c>pix.crc_mismatch</c>,
    /// <c>pix.tlv</c>, <c>pix.duplicate_field</c>, <c>pix.crc_field</c>, <c>pix.missing_field</c>, <c>pix.payload_format</c>,
    /// <c>pix.initiation_method</c>, <c>pix.not_pix</c>, <c>pix.key_or_url</c>, <c>pix.url_has_scheme</c>,
    /// <c>pix.field_length</c>, <c>pix.merchant_name_too_long</c>, <c>pix.merchant_city_too_long</c>,
    /// <c>pix.currency</c>, <c>pix.country</c>, <c>pix.amount</c>, <c>pix.txid</c>, <c>pix.merchant_category</c>).</returns>
    public static IdentifierParseResult<PixBrCode> Parse(string? payload) => PixBrCodeReader.Read(payload);

    /// <summary>Parses a BR Code payload, reporting only whether it is valid.</summary>
    /// <param name="payload">The "copia e cola" text.</param>
    /// <param name="code">The code when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="payload"/> is a valid PIX BR Code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? payload, [NotNullWhen(true)] out PixBrCode? code) =>
        Parse(payload).TryGetValue(out code);

    /// <summary>Returns a builder holding this code's fields, to change some and build a new payload.</summary>
    /// <returns>The builder.</returns>
    public PixBrCodeBuilder ToBuilder() => new()
    {
        InitiationMethod = InitiationMethod,
        Key = Key,
        Description = Description,
        Url = Url,
        MerchantCategoryCode = MerchantCategoryCode,
        Amount = Amount,
        MerchantName = MerchantName,
        MerchantCity = MerchantCity,
        PostalCode = PostalCode,
        Txid = Txid,
    };

    /// <summary>Returns the payload.</summary>
    /// <returns><see cref="Payload"/>.</returns>
    public override string ToString() => Payload;
}

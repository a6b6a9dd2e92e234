using System.Globalization;

namespace Kolek.Reconciliation.Identifiers.Internal;

/// <summary>Reads and validates a BR Code payload (rules in <see cref="PixBrCode"/>'s remarks).</summary>
internal static class PixBrCodeReader
{
    private const string PixGui = "br.gov.bcb.pix";
    private const int MaxMerchantName = 25;
    private const int MaxMerchantCity = 15;
    private const int MaxKeyOrUrl = 77;
    private const int MaxTxid = 25;
    private const int MaxAmount = 13;

    public static IdentifierParseResult<PixBrCode> Read(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return Fail("pix.empty", "the BR Code is empty");
        }

        var text = payload.Trim();
        if (text.Length < 8)
        {
            return Fail("pix.tlv", $"'{text}' is too short to be a BR Code");
        }

        var stated = text[^4..];
        var computed = Crc16Ccitt.Of(text[..^4]);
        if (!string.Equals(stated, computed, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("pix.crc_mismatch", $"the CRC16 does not match: the code states {stated} but its content gives {computed}");
        }

        var fields = EmvTlv.Split(text, out var tlvError);
        if (fields is null)
        {
            return Fail("pix.tlv", "the BR Code is not well formed: " + tlvError);
        }

        var duplicate = fields.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return Fail("pix.duplicate_field", $"field {duplicate.Key} appears {duplicate.Count()} times");
        }

        if (fields[^1].Id != "63" || fields[^1].Value.Length != 4)
        {
            return Fail("pix.crc_field", "the last field must be the CRC: 63, length 04");
        }

        if (fields[0] != ("00", "01"))
        {
            return Fail("pix.payload_format", "the first field must be the payload format indicator 000201");
        }

        var byId = fields.ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal);
        return Fields(text, byId);
    }

    private static IdentifierParseResult<PixBrCode> Fields(string text, Dictionary<string, string> byId)
    {
        foreach (var (id, name) in new[] { ("52", "merchant category code"), ("53", "currency"), ("58", "country"), ("59", "merchant name"), ("60", "merchant city") })
        {
            if (!byId.ContainsKey(id))
            {
                return Fail("pix.missing_field", $"field {id} ({name}) is missing");
            }
        }

        PixInitiationMethod? method = null;
        if (byId.TryGetValue("01", out var poi))
        {
            if (poi is not ("11" or "12"))
            {
                return Fail("pix.initiation_method", $"field 01 (point of initiation) is '{poi}'; expected 11 (static) or 12 (dynamic)");
            }

            method = poi == "11" ? PixInitiationMethod.Static : PixInitiationMethod.Dynamic;
        }

        var account = MerchantAccount(byId, out var accountError);
        if (account is null)
        {
            return accountError!;
        }

        var error = Check(byId, account);
        if (error is not null)
        {
            return error;
        }

        var amount = byId.TryGetValue("54", out var amountText)
            ? decimal.Parse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : (decimal?)null;
        var txid = Txid(byId, out var txidError);
        if (txidError is not null)
        {
            return txidError;
        }

        return IdentifierParseResult<PixBrCode>.Ok(new PixBrCode
        {
            Payload = text,
            InitiationMethod = method,
            Gui = account["00"],
            Key = account.GetValueOrDefault("01"),
            Description = account.GetValueOrDefault("02"),
            Url = account.GetValueOrDefault("25"),
            MerchantCategoryCode = byId["52"],
            Amount = amount,
            MerchantName = byId["59"],
            MerchantCity = byId["60"],
            PostalCode = byId.GetValueOrDefault("61"),
            Txid = txid,
            Crc = byId["63"],
        });
    }

    private static Dictionary<string, string>? MerchantAccount(Dictionary<string, string> byId, out IdentifierParseResult<PixBrCode>? error)
    {
        error = null;
        for (var id = 26; id <= 51; id++)
        {
            if (!byId.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var template))
            {
                continue;
            }

            var sub = EmvTlv.Split(template, out var subError);
            if (sub is null)
            {
                error = Fail("pix.tlv", $"field {id} (merchant account) is not well formed: {subError}");
                return null;
            }

            var account = sub.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            if (account.TryGetValue("00", out var gui) && string.Equals(gui, PixGui, StringComparison.OrdinalIgnoreCase))
            {
                return account;
            }
        }

        error = Fail("pix.not_pix", "no merchant account field (26–51) carries the PIX GUI br.gov.bcb.pix");
        return null;
    }

    private static IdentifierParseResult<PixBrCode>? Check(Dictionary<string, string> byId, Dictionary<string, string> account)
    {
        var key = account.GetValueOrDefault("01");
        var url = account.GetValueOrDefault("25");
        if ((key is null) == (url is null))
        {
            return Fail("pix.key_or_url", key is null
                ? "the PIX merchant account has neither a key (01) nor a URL (25)"
                : "the PIX merchant account has both a key (01) and a URL (25)");
        }

        if (url is not null && url.Contains("://", StringComparison.Ordinal))
        {
            return Fail("pix.url_has_scheme", $"the URL '{url}' must not carry a scheme such as https://");
        }

        if ((key ?? url)!.Length > MaxKeyOrUrl)
        {
            return Fail("pix.field_length", $"the {(key is null ? "URL" : "key")} has {(key ?? url)!.Length} characters; at most {MaxKeyOrUrl}");
        }

        if (byId["52"].Length != 4 || !Modulo.AllDigits(byId["52"]))
        {
            return Fail("pix.merchant_category", $"field 52 (merchant category code) is '{byId["52"]}'; expected 4 digits");
        }

        if (byId["53"] != "986")
        {
            return Fail("pix.currency", $"field 53 (currency) is '{byId["53"]}'; a PIX code is in reais (986)");
        }

        if (byId["58"] != "BR")
        {
            return Fail("pix.country", $"field 58 (country) is '{byId["58"]}'; expected BR");
        }

        if (byId.TryGetValue("54", out var amount) && !IsAmount(amount))
        {
            return Fail("pix.amount", $"field 54 (amount) is '{amount}'; expected digits with an optional point and at most two decimals, up to {MaxAmount} characters");
        }

        return byId["59"].Length > MaxMerchantName
            ? Fail("pix.merchant_name_too_long", $"the merchant name '{byId["59"]}' has {byId["59"].Length} characters; at most {MaxMerchantName}")
            : byId["60"].Length > MaxMerchantCity
                ? Fail("pix.merchant_city_too_long", $"the merchant city '{byId["60"]}' has {byId["60"].Length} characters; at most {MaxMerchantCity}")
                : null;
    }

    private static string? Txid(Dictionary<string, string> byId, out IdentifierParseResult<PixBrCode>? error)
    {
        error = null;
        if (!byId.TryGetValue("62", out var additional))
        {
            return null;
        }

        var sub = EmvTlv.Split(additional, out var subError);
        if (sub is null)
        {
            error = Fail("pix.tlv", $"field 62 (additional data) is not well formed: {subError}");
            return null;
        }

        var txid = sub.FirstOrDefault(f => f.Id == "05").Value;
        if (txid is null or "***")
        {
            return null;
        }

        if (txid.Length > MaxTxid || !txid.All(char.IsAsciiLetterOrDigit))
        {
            error = Fail("pix.txid", $"the txid '{txid}' must be 1–{MaxTxid} letters and digits (or ***)");
            return null;
        }

        return txid;
    }

    private static bool IsAmount(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        return text.Length <= MaxAmount && Modulo.AllDigits(whole) && fraction.Length <= 2 && (fraction.Length == 0 || Modulo.AllDigits(fraction));
    }

    private static IdentifierParseResult<PixBrCode> Fail(string code, string message) => IdentifierParseResult<PixBrCode>.Fail(code, message);
}

using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Identifiers;
using Kolek.Reconciliation.Tests.Corpus;

namespace Kolek.Reconciliation.Tests.Identifiers;

public class PixBrCodeTests
{
    private static readonly Dictionary<string, string> s_invalid = new(StringComparer.Ordinal)
    {
        ["invalid-crc"] = "pix.crc_mismatch",
        ["invalid-merchant-name-too-long"] = "pix.merchant_name_too_long",
        ["invalid-url-with-protocol"] = "pix.url_has_scheme",
    };

    public static IEnumerable<object[]> SampleIds() =>
        Corpus.Corpus.Root is null
            ? [["(corpus missing)"]]
            : Samples().Select(s => new object[] { s.GetProperty("id").GetString()! });

    [CorpusTheory]
    [MemberData(nameof(SampleIds))]
    public void Parse_CorpusSample_AgreesWithItsTlvBreakdown(string id)
    {
        var sample = Samples().Single(s => s.GetProperty("id").GetString() == id);
        var result = PixBrCode.Parse(sample.GetProperty("payload").GetString());
        if (s_invalid.TryGetValue(id, out var code))
        {
            Assert.False(result.Success, id);
            Assert.Equal(code, result.ErrorCode);
            return;
        }

        Assert.True(result.Success, $"{id}: {result.Error}");
        var code2 = result.Value;
        var top = Pairs(sample, "tlv_top_level");
        var account = Pairs(sample, "merchant_account_26");
        var additional = Pairs(sample, "additional_data_62");
        Assert.Equal(sample.GetProperty("crc_stated").GetString(), code2.Crc);
        Assert.Equal(top["59"], code2.MerchantName);
        Assert.Equal(top["60"], code2.MerchantCity);
        Assert.Equal(top["52"], code2.MerchantCategoryCode);
        Assert.Equal(top.TryGetValue("54", out var amount) ? decimal.Parse(amount, CultureInfo.InvariantCulture) : null, code2.Amount);
        Assert.Equal(top.GetValueOrDefault("61"), code2.PostalCode);
        Assert.Equal(account["00"], code2.Gui);
        Assert.Equal(account.GetValueOrDefault("01"), code2.Key);
        Assert.Equal(account.GetValueOrDefault("02"), code2.Description);
        Assert.Equal(account.GetValueOrDefault("25"), code2.Url);
        Assert.Equal(additional["05"] == "***" ? null : additional["05"], code2.Txid);
        Assert.Equal(top.GetValueOrDefault("01") switch { "11" => PixInitiationMethod.Static, "12" => PixInitiationMethod.Dynamic, _ => (PixInitiationMethod?)null }, code2.InitiationMethod);
    }

    [CorpusFact]
    public void Parse_CopiaEColaFile_ThirteenValidAndTheThreeInvalidFailForTheirReason()
    {
        var lines = File.ReadAllLines(Corpus.Corpus.PathOf("pix", "brcode-copia-e-cola.txt")).Where(l => l.Length > 0).ToList();
        var results = lines.Select(PixBrCode.Parse).ToList();
        Assert.Equal(16, lines.Count);
        Assert.Equal(13, results.Count(r => r.Success));
        Assert.Equal(
            ["pix.crc_mismatch", "pix.merchant_name_too_long", "pix.url_has_scheme"],
            results.Where(r => !r.Success).Select(r => r.ErrorCode!).Order(StringComparer.Ordinal));
    }

    [CorpusFact]
    public void Parse_InvalidCrc_StatesBothCrcs()
    {
        var payload = Samples().Single(s => s.GetProperty("id").GetString() == "invalid-crc").GetProperty("payload").GetString();
        var error = PixBrCode.Parse(payload).Error;
        Assert.Contains("states EFB2", error, StringComparison.Ordinal);
        Assert.Contains("gives 2BFE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BacenManualExample_HasTheDocumentedFields()
    {
        var code = PixBrCode.Parse("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D").Value;
        Assert.Equal("123e4567-e12b-12d1-a456-426655440000", code.Key);
        Assert.Equal("Fulano de Tal", code.MerchantName);
        Assert.Equal("BRASILIA", code.MerchantCity);
        Assert.Null(code.Amount);
        Assert.Null(code.Txid);
        Assert.False(code.IsDynamic);
        Assert.Equal("1D3D", code.Crc);
    }

    [Fact]
    public void Parse_NonAsciiCity_CountsCharactersButCrcsUtf8Bytes()
    {
        var code = PixBrCode.Parse("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASÍLIA62070503***6304B4F6").Value;
        Assert.Equal("BRASÍLIA", code.MerchantCity);
    }

    [Theory]
    [InlineData("100", "100")]
    [InlineData("10.", "10")]
    [InlineData("0.9", "0.9")]
    [InlineData("0.00", "0")]
    public void Build_ThenParse_AmountForms(string written, string expected)
    {
        // Write the amount exactly as given, with a fresh CRC, to check the reader's amount forms.
        var body = $"00020126300014br.gov.bcb.pix0108a@b.c.de52040000530398654{written.Length:D2}{written}5802BR5901X6001Y62070503***6304";
        var code = PixBrCode.Parse(body + Crc(body)).Value;
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), code.Amount);
    }

    [Theory]
    [InlineData("1.234", "pix.amount")]
    [InlineData("-1.00", "pix.amount")]
    [InlineData("1,00", "pix.amount")]
    public void Parse_BadAmount_IsRejected(string written, string errorCode)
    {
        var body = $"00020126300014br.gov.bcb.pix0108a@b.c.de52040000530398654{written.Length:D2}{written}5802BR5901X6001Y62070503***6304";
        Assert.Equal(errorCode, PixBrCode.Parse(body + Crc(body)).ErrorCode);
    }

    [Theory]
    [InlineData("", "pix.empty")]
    [InlineData("000201", "pix.tlv")]
    [InlineData("0002019904", "pix.crc_field")]
    [InlineData("00020101021326300014br.gov.bcb.pix0108a@b.c.de5204000053039865802BR5901X6001Y62070503***6304", "pix.initiation_method")]
    [InlineData("00020126300014br.gov.bcb.pix0108a@b.c.de5204000053039845802BR5901X6001Y62070503***6304", "pix.currency")]
    [InlineData("00020126300014br.gov.bcb.pia0108a@b.c.de5204000053039865802BR5901X6001Y62070503***6304", "pix.not_pix")]
    [InlineData("00020126300014br.gov.bcb.pix0108a@b.c.de5204000053039865802BR5901X6001Y62070503*-*6304", "pix.txid")]
    public void Parse_Malformed_ReportsWhy(string body, string errorCode)
    {
        var payload = body.Length == 0 ? body : body + Crc(body);
        Assert.Equal(errorCode, PixBrCode.Parse(payload).ErrorCode);
    }

    [Fact]
    public void Build_Static_ProducesTheCorpusPayload()
    {
        // derived-static-no-amount-tag in the corpus, built from its fields.
        var built = new PixBrCodeBuilder
        {
            Key = "pix@exemplo.com.br",
            Description = "Pedido 123",
            MerchantName = "Loja Exemplo Ltda",
            MerchantCity = "SAO MIGUEL DO O",
        }.Build();
        Assert.Equal(
            "00020126540014br.gov.bcb.pix0118pix@exemplo.com.br0210Pedido 1235204000053039865802BR5917Loja Exemplo Ltda6015SAO MIGUEL DO O62070503***630427B4",
            built.Value.Payload);
    }

    [Theory]
    [InlineData(null, null, "Loja", "SP", "pix.key_or_url")]
    [InlineData("k", "pix.example.com/qr/1", "Loja", "SP", "pix.key_or_url")]
    [InlineData(null, "https://pix.example.com/qr/1", "Loja", "SP", "pix.url_has_scheme")]
    [InlineData("k", null, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "SP", "pix.merchant_name_too_long")]
    [InlineData("k", null, "Loja", "SAO JOSE DOS CAMPOS", "pix.merchant_city_too_long")]
    [InlineData("k", null, "", "SP", "pix.missing_field")]
    public void Build_InvalidFields_ReportsTheParsersReason(string? key, string? url, string name, string city, string code) =>
        Assert.Equal(code, new PixBrCodeBuilder { Key = key, Url = url, MerchantName = name, MerchantCity = city }.Build().ErrorCode);

    [Fact]
    public void Build_AmountWithThreeDecimals_IsRejected() =>
        Assert.Equal("pix.amount", new PixBrCodeBuilder { Key = "k", MerchantName = "A", MerchantCity = "B", Amount = 1.005m }.Build().ErrorCode);

    [Property(MaxTest = 300)]
    public Property ParseOfBuild_GivesBackTheFields() => Prop.ForAll(Builders(), builder =>
    {
        var built = builder.Build();
        var parsed = PixBrCode.Parse(built.Value.Payload).Value;
        return parsed == built.Value && parsed.ToBuilder() == builder;
    });

    private static Arbitrary<PixBrCodeBuilder> Builders()
    {
        var text = Gen.Elements("Loja", "Ção Paulo", "BRASÍLIA", "Maria & Filhos", "X", "Distribuidora Aurora Ltd");
        var alnum = Gen.ArrayOf(Gen.Elements("abcXYZ0123456789".ToCharArray())).Where(a => a.Length is > 0 and <= 25).Select(a => new string(a));
        return (from dynamic in Gen.Elements(true, false)
                from method in Gen.Elements<PixInitiationMethod?>(null, PixInitiationMethod.Static, PixInitiationMethod.Dynamic)
                from name in text
                from city in Gen.Elements("SAO PAULO", "BRASÍLIA", "RIO DE JANEIRO", "X")
                from cents in Gen.Choose(-1, 100_000_000)
                from txid in Gen.OneOf(Gen.Constant<string?>(null), alnum.Select(t => (string?)t))
                from postal in Gen.Elements<string?>(null, "01310100")
                from description in Gen.Elements<string?>(null, "Pedido 123")
                select new PixBrCodeBuilder
                {
                    InitiationMethod = method,
                    Key = dynamic ? null : "123e4567-e12b-12d1-a456-426655440000",
                    Url = dynamic ? "pix.example.com.br/qr/v2/cobv/" + (txid ?? "abc") : null,
                    Description = dynamic ? null : description,
                    MerchantName = name,
                    MerchantCity = city,
                    Amount = cents < 0 ? null : cents / 100m,
                    PostalCode = postal,
                    Txid = txid,
                }).ToArbitrary();
    }

    private static string Crc(string text)
    {
        // An independent bitwise CRC16-CCITT-FALSE for hand-made payloads.
        ushort crc = 0xFFFF;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Pairs(JsonElement sample, string property) =>
        sample.TryGetProperty(property, out var pairs)
            ? pairs.EnumerateArray().ToDictionary(p => p[0].GetString()!, p => p[1].GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["05"] = "***" };

    private static List<JsonElement> Samples()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Corpus.Corpus.PathOf("pix", "brcode-samples.json")));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}

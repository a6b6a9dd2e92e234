namespace Kolek.Channels.Tests.Sms;

public class SmsTextTests
{
    [Theory]
    [InlineData("Hello", 5)]
    [InlineData("Ola, sua fatura vence hoje.", 27)]
    [InlineData("Café à noite: É Ç ß Ø ñ ü @£$¥", 30)]
    [InlineData("Valor: €10", 11)]
    [InlineData("{x}", 5)]
    [InlineData("a[b]|c~d^e\\f", 18)]
    [InlineData("linha 1\nlinha 2", 15)]
    public void Analyze_Gsm7Text_CountsSeptetsWithExtensionAsTwo(string text, int septets)
    {
        var analysis = SmsText.Analyze(text);

        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Equal(septets, analysis.Units);
        Assert.Equal(1, analysis.Segments);
        Assert.Equal(160, analysis.UnitsPerSegment);
        Assert.Empty(analysis.NonGsmCharacters);
    }

    [Theory]
    [InlineData("Olá", "á", 3)]
    [InlineData("Cobrança", "ç", 8)]
    [InlineData("Não", "ã", 3)]
    [InlineData("Você", "ê", 4)]
    [InlineData("Cartões", "õ", 7)]
    [InlineData("Número", "ú", 6)]
    [InlineData("R$\u00A010,00", "\u00A0", 8)]
    [InlineData("ok 👍", "👍", 5)]
    public void Analyze_PortugueseAccentsOrNbsp_ForceUcs2(string text, string culprit, int units)
    {
        var analysis = SmsText.Analyze(text);

        Assert.Equal(SmsEncoding.Ucs2, analysis.Encoding);
        Assert.Equal(units, analysis.Units);
        Assert.Equal(70, analysis.UnitsPerSegment);
        Assert.Equal([culprit], analysis.NonGsmCharacters);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Analyze_Gsm7Length_SegmentsAt160Then153(int length, int segments)
    {
        var analysis = SmsText.Analyze(new string('a', length));

        Assert.Equal(segments, analysis.Segments);
        Assert.Equal(length, analysis.Units);
        Assert.Equal(segments == 1 ? 160 : 153, analysis.UnitsPerSegment);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Analyze_Ucs2Length_SegmentsAt70Then67(int length, int segments)
    {
        var analysis = SmsText.Analyze(new string('ã', length));

        Assert.Equal(segments, analysis.Segments);
        Assert.Equal(segments == 1 ? 70 : 67, analysis.UnitsPerSegment);
    }

    [Fact]
    public void Analyze_EscapePairAtSegmentBoundary_IsNotSplit()
    {
        // 152 + 2 + 152 = 306 septets would fit two segments of 153, but the euro sign (escape + e) cannot start at
        // septet 153 of the first part, so it moves to the second, whose last 'a' spills into a third.
        var text = new string('a', 152) + "€" + new string('a', 152);

        var analysis = SmsText.Analyze(text);

        Assert.Equal(306, analysis.Units);
        Assert.Equal(3, analysis.Segments);
    }

    [Fact]
    public void Analyze_SurrogatePairAtSegmentBoundary_IsNotSplit()
    {
        var text = new string('ã', 66) + "👍" + new string('ã', 66);

        var analysis = SmsText.Analyze(text);

        Assert.Equal(134, analysis.Units);
        Assert.Equal(3, analysis.Segments);
    }

    [Fact]
    public void Analyze_TypicalPortugueseReminder_IsUcs2AndCostsThreeSegments()
    {
        // 135 UTF-16 units: over 134 (two parts of 67), so three SMS instead of one in GSM-7.
        const string text = "Olá Maria, sua fatura de R$ 1.234,56 da Empresa Exemplo vence em 05/01/2026. Pague pelo PIX ou boleto. Dúvidas? Responda esta mensagem.";

        var analysis = SmsText.Analyze(text);

        Assert.Equal(SmsEncoding.Ucs2, analysis.Encoding);
        Assert.Equal(135, analysis.Units);
        Assert.Equal(3, analysis.Segments);
        Assert.Equal(["á", "ú"], analysis.NonGsmCharacters);
    }

    [Fact]
    public void Analyze_Empty_HasNoSegments()
    {
        Assert.Equal(0, SmsText.Analyze(string.Empty).Segments);
    }

    [Fact]
    public void ToString_ListsTheNonGsmCharacters()
    {
        // Integrator trial (session 6): printed "NonGsmCharacters = System.Collections.Generic.List`1[System.String]".
        Assert.Equal("SmsAnalysis { Encoding = Ucs2, Units = 8, Segments = 1, UnitsPerSegment = 70, NonGsmCharacters = [ç] }",
            SmsText.Analyze("Cobrança").ToString());
    }
}

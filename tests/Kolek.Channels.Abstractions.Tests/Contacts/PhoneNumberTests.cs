namespace Kolek.Channels.Tests.Contacts;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("(11) 98765-4321", "+5511987654321")]
    [InlineData("11987654321", "+5511987654321")]
    [InlineData("+55 11 98765-4321", "+5511987654321")]
    [InlineData("+55 (11) 98765.4321", "+5511987654321")]
    [InlineData("55 11 98765 4321", "+5511987654321")]
    [InlineData("0055 11 98765-4321", "+5511987654321")]
    [InlineData("0 11 98765-4321", "+5511987654321")]
    [InlineData("0 21 11 98765-4321", "+5511987654321")]
    [InlineData("015 11 98765-4321", "+5511987654321")]
    [InlineData("(0XX11) 98765-4321", "+5511987654321")]
    [InlineData("0xx21 3456-7890", "+552134567890")]
    [InlineData("(21) 3456-7890", "+552134567890")]
    [InlineData("0 21 3456-7890", "+552134567890")]
    [InlineData("041 21 3456-7890", "+552134567890")]
    [InlineData("55 21 3456-7890", "+552134567890")]
    [InlineData("(55) 3456-7890", "+555534567890")]
    [InlineData("(55) 99876-5432", "+5555998765432")]
    [InlineData("(99) 2345-6789", "+559923456789")]
    [InlineData(" (61) 5555-0000 ", "+556155550000")]
    public void ParseBrazilian_ValidNumber_NormalisesToE164(string input, string expected)
    {
        var result = PhoneNumber.ParseBrazilian(input);

        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Value.Value);
        Assert.Null(result.Note);
    }

    [Theory]
    [InlineData("(11) 8765-4321", "+5511987654321")]
    [InlineData("(21) 6123-4567", "+5521961234567")]
    [InlineData("+55 31 7123-4567", "+5531971234567")]
    [InlineData("0 41 9999-0000", "+5541999990000")]
    public void ParseBrazilian_LegacyEightDigitMobile_AddsNinthDigitWithNote(string input, string expected)
    {
        var result = PhoneNumber.ParseBrazilian(input);

        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Value.Value);
        Assert.True(result.Value.IsBrazilianMobile);
        Assert.Contains("ninth digit", result.Note);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("98765-4321")]
    [InlineData("3456-7890")]
    [InlineData("(10) 98765-4321")]
    [InlineData("(20) 3456-7890")]
    [InlineData("(23) 3456-7890")]
    [InlineData("(11) 88765-4321")]
    [InlineData("(11) 1234-5678")]
    [InlineData("(11) 0234-5678")]
    [InlineData("(11) 98765-43210")]
    [InlineData("0800 123 4567")]
    [InlineData("190")]
    [InlineData("+1 212 555 0100")]
    [InlineData("+55 11 98765-4321 ramal 2")]
    [InlineData("00 11 98765-4321")]
    [InlineData("0 11 98765-43")]
    public void ParseBrazilian_InvalidNumber_ReturnsErrorWithoutThrowing(string? input)
    {
        var result = PhoneNumber.ParseBrazilian(input);

        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.False(result.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void IsBrazilianMobile_Landline_IsFalse()
    {
        var landline = PhoneNumber.ParseBrazilian("(11) 3456-7890").Value;
        var mobile = PhoneNumber.ParseBrazilian("(11) 98765-4321").Value;

        Assert.True(landline.IsBrazilian);
        Assert.False(landline.IsBrazilianMobile);
        Assert.True(mobile.IsBrazilianMobile);
    }

    [Theory]
    [InlineData("+351 912 345 678", "+351912345678")]
    [InlineData("+1 (212) 555-0100", "+12125550100")]
    [InlineData("+55 11 98765-4321", "+5511987654321")]
    public void ParseE164_InternationalNumber_KeepsDigits(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.ParseE164(input).Value.Value);
    }

    [Theory]
    [InlineData("351 912 345 678")]
    [InlineData("+0 123 456 789")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+55 10 98765-4321")]
    public void ParseE164_NotE164_Fails(string input)
    {
        Assert.False(PhoneNumber.ParseE164(input).Success);
    }

    [Fact]
    public void TryParseBrazilian_SameNumberWrittenTwoWays_GivesEqualValues()
    {
        Assert.True(PhoneNumber.TryParseBrazilian("(11) 98765-4321", out var a));
        Assert.True(PhoneNumber.TryParseBrazilian("+5511987654321", out var b));
        Assert.Equal(a, b);
        Assert.Equal("+5511987654321", a.ToString());
    }
}

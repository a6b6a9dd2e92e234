namespace Kolek.Channels.Tests.Contacts;

public class EmailAddressTests
{
    [Theory]
    [InlineData("maria@example.com", "maria@example.com")]
    [InlineData(" Maria.Silva@Example.COM.br ", "Maria.Silva@example.com.br")]
    [InlineData("joao+cobranca@empresa-x.com.br", "joao+cobranca@empresa-x.com.br")]
    [InlineData("o'neil_99@sub.domain.io", "o'neil_99@sub.domain.io")]
    [InlineData("a@b.co", "a@b.co")]
    public void Parse_ValidAddress_Normalises(string input, string expected)
    {
        var result = EmailAddress.Parse(input);

        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("maria")]
    [InlineData("maria@")]
    [InlineData("@example.com")]
    [InlineData("maria@example")]
    [InlineData("maria@@example.com")]
    [InlineData(".maria@example.com")]
    [InlineData("maria.@example.com")]
    [InlineData("ma..ria@example.com")]
    [InlineData("maria silva@example.com")]
    [InlineData("maria@exa mple.com")]
    [InlineData("maria@-example.com")]
    [InlineData("maria@example-.com")]
    [InlineData("maria@example..com")]
    [InlineData("maria@example.c")]
    [InlineData("maria@example.123")]
    [InlineData("joão@example.com")]
    [InlineData("maria@exämple.com")]
    [InlineData("maria@example.com.")]
    public void Parse_InvalidAddress_ReturnsError(string? input)
    {
        var result = EmailAddress.Parse(input);

        Assert.False(result.Success);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Parse_LocalPartLongerThan64_Fails()
    {
        Assert.True(EmailAddress.Parse(new string('a', 64) + "@example.com").Success);
        Assert.False(EmailAddress.Parse(new string('a', 65) + "@example.com").Success);
    }

    [Fact]
    public void Parse_AddressLongerThan254_Fails()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".br";
        Assert.False(EmailAddress.Parse("maria@" + domain).Success);
    }
}

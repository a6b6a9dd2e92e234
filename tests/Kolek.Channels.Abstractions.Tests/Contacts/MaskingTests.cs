namespace Kolek.Channels.Tests.Contacts;

/// <summary>Contact points masked for logs (LGPD): enough to recognise, never enough to reach.</summary>
public sealed class MaskingTests
{
    [Theory]
    [InlineData("joao.silva@dominio.com.br", "j***@d***.com.br")]
    [InlineData("a@b.co", "a***@b***.co")]
    [InlineData("Maria+cobranca@Empresa.Example.com", "M***@e***.example.com")]
    public void EmailMasked_KeepsFirstLettersAndTheRestOfTheDomain(string address, string masked)
    {
        var email = EmailAddress.Parse(address).Value;
        Assert.Equal(masked, email.Masked);
        Assert.Equal(masked, ContactPoint.Email(email).Masked);
    }

    [Theory]
    [InlineData("(11) 98765-4334", "+55 11 9****-**34")]
    [InlineData("+55 21 3333-4444", "+55 21 ****-**44")]
    public void PhoneMasked_KeepsAreaCodeMobileNineAndLastTwoDigits(string number, string masked)
    {
        var phone = PhoneNumber.ParseBrazilian(number).Value;
        Assert.Equal(masked, phone.Masked);
        Assert.Equal(masked, ContactPoint.Phone(phone).Masked);
    }

    [Fact]
    public void Masked_Default_IsEmpty()
    {
        Assert.Equal("", default(EmailAddress).Masked);
        Assert.Equal("", default(PhoneNumber).Masked);
    }
}

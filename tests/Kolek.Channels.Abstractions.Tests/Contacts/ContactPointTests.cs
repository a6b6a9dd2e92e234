namespace Kolek.Channels.Tests.Contacts;

public class ContactPointTests
{
    [Fact]
    public void Email_ValidAddress_ExposesKindAndValue()
    {
        var point = ContactPoint.Email(EmailAddress.Parse("maria@example.com").Value);

        Assert.Equal(ContactPointKind.Email, point.Kind);
        Assert.Equal("maria@example.com", point.Value);
        Assert.Null(point.PhoneNumber);
    }

    [Fact]
    public void Phone_ValidNumber_ExposesKindAndValue()
    {
        var point = ContactPoint.Phone(PhoneNumber.ParseBrazilian("(11) 98765-4321").Value);

        Assert.Equal(ContactPointKind.Phone, point.Kind);
        Assert.Equal("+5511987654321", point.ToString());
        Assert.Null(point.EmailAddress);
    }

    [Fact]
    public void Factories_DefaultValues_Throw()
    {
        Assert.Throws<ArgumentException>(() => ContactPoint.Email(default));
        Assert.Throws<ArgumentException>(() => ContactPoint.Phone(default));
    }
}

namespace Kolek.Channels.Tests.Consent;

public class ChannelConsentTests
{
    [Fact]
    public void AllowAll_AllowsEveryChannel()
    {
        Assert.True(ChannelConsent.AllowAll.Allows("email"));
        Assert.True(ChannelConsent.AllowAll.Allows("whatsapp"));
        Assert.Empty(ChannelConsent.AllowAll.OptedOutChannels);
    }

    [Fact]
    public void Parse_PipeSeparatedList_OptsOutThoseChannelsCaseInsensitively()
    {
        var consent = ChannelConsent.Parse(" WhatsApp | sms ");

        Assert.False(consent.Allows("whatsapp"));
        Assert.False(consent.Allows("SMS"));
        Assert.True(consent.Allows("email"));
        Assert.Equal(ConsentStatus.OptedOut, consent.StatusOf("WHATSAPP"));
        Assert.Equal("sms|whatsapp", consent.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" | ")]
    public void Parse_EmptyList_AllowsAll(string? list)
    {
        Assert.Equal(ChannelConsent.AllowAll, ChannelConsent.Parse(list));
    }

    [Fact]
    public void WithOptOutThenWithOptIn_RoundTrips()
    {
        var consent = ChannelConsent.AllowAll.WithOptOut("Email");

        Assert.False(consent.Allows("email"));
        Assert.True(consent.WithOptIn("EMAIL").Allows("email"));
        Assert.Equal(ChannelConsent.AllowAll, consent.WithOptIn("email"));
        Assert.True(ChannelConsent.AllowAll.Allows("email"));
    }

    [Fact]
    public void Equals_SameChannelsInAnyOrder_AreEqual()
    {
        var a = ChannelConsent.OptedOut("sms", "whatsapp");
        var b = ChannelConsent.Parse("WHATSAPP|sms|sms");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ChannelConsent.OptedOut("sms"));
    }
}

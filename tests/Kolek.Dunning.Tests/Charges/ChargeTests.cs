using Kolek.Dunning.Charges;
using NodaTime;

namespace Kolek.Dunning.Tests.Charges;

public sealed class ChargeTests
{
    [Theory]
    [InlineData(1000, 0, 1000)]
    [InlineData(1000, 400, 600)]
    [InlineData(1000, 1000, 0)]
    [InlineData(1000, 1200, 0)]
    public void Outstanding_AfterPayments_NeverNegative(int amount, int paid, int expected)
    {
        var charge = new Charge { Id = "C", CustomerId = "K", Amount = amount, PaidAmount = paid, IssueDate = new LocalDate(2026, 1, 1), DueDate = new LocalDate(2026, 2, 1) };
        Assert.Equal(expected, charge.Outstanding);
        Assert.Equal(ChargeStatus.Open, charge.Status);
    }

    [Fact]
    public void HasOptedOut_AnyCase_Normalised()
    {
        var customer = new Customer { Id = "K", OptOut = new HashSet<string> { " WhatsApp ", "SMS" } };
        Assert.True(customer.HasOptedOut("whatsapp"));
        Assert.True(customer.HasOptedOut("Sms"));
        Assert.False(customer.HasOptedOut("email"));
        Assert.Equal(new[] { "sms", "whatsapp" }, customer.OptOut.Order());
        Assert.Null(customer.TimeZone);
        Assert.False(customer.Consumer);
    }

    [Fact]
    public void OptOut_NullOrBlankEntry_IgnoredAsChannelConsentDoes()
    {
        // tryout7: a null entry was a NullReferenceException; a blank one was kept as the channel "".
        var customer = new Customer { Id = "K", OptOut = new HashSet<string> { "SMS", null!, " " } };

        Assert.Equal(new[] { "sms" }, customer.OptOut.Order());
        Assert.Equal(Kolek.Channels.ChannelConsent.OptedOut("SMS", null!, " ").OptedOutChannels, customer.OptOut.Order());
    }

    [Theory]
    [InlineData(150, 0)]
    [InlineData(-1, 0)]
    [InlineData(5, -3)]
    [InlineData(5, 367)]
    public void EarlyPayment_OutOfRange_ArgumentOutOfRange(int percent, int daysBeforeDue)
    {
        // tryout7: a charge's own 150% discount made a negative amount due in plans and messages (a ruler rejects it).
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Charge
        {
            Id = "C", CustomerId = "K", Amount = 100m, IssueDate = new LocalDate(2026, 1, 1), DueDate = new LocalDate(2026, 2, 1),
            EarlyPayment = new Kolek.Dunning.LateCharges.EarlyPaymentDiscount(percent, daysBeforeDue),
        });
        Assert.Equal("EarlyPayment", ex.ParamName);
    }
}

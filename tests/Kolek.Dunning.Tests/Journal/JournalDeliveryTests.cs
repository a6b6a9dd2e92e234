using Kolek.Channels;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Dunning.Tests.Journal;

/// <summary>Delivery reports flowing back to the in-memory journal: matched by provider id or idempotency key, never moving back.</summary>
public sealed class JournalDeliveryTests
{
    private static readonly Instant s_at = Instant.FromUtc(2026, 3, 16, 12, 0);

    private static async Task<InMemoryDunningJournal> SentAsync(string providerId = "prov-1")
    {
        var journal = new InMemoryDunningJournal();
        var claim = await journal.TryClaimAsync(new JournalClaim([new JournalKey("C-1", "d0", "email"), new JournalKey("C-2", "d0", "email")], "kolek-abc", "K-1", s_at)
        {
            Recipient = "a@example.com",
        });
        await journal.RecordOutcomeAsync(claim.Receipt!, JournalOutcome.Sent(providerId, s_at));
        return journal;
    }

    [Fact]
    public async Task ApplyDeliveryStatusAsync_ByProviderId_EveryKeyOfTheMessageCarriesIt()
    {
        var journal = await SentAsync();

        var result = await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("prov-1", DeliveryStatus.Delivered, new DateTimeOffset(2026, 3, 16, 9, 5, 0, TimeSpan.FromHours(-3))), s_at);

        Assert.Equal(DeliveryUpdateResult.Applied, result);
        foreach (var charge in new[] { "C-1", "C-2" })
        {
            var entry = await journal.GetAsync(new JournalKey(charge, "d0", "email"));
            Assert.Equal(new JournalDelivery(DeliveryStatus.Delivered, Instant.FromUtc(2026, 3, 16, 12, 5)), entry!.Delivery);
            Assert.Equal("a@example.com", entry.Recipient);
        }
    }

    [Fact]
    public async Task ApplyDeliveryStatusAsync_ByIdempotencyKey_WhenTheProviderEchoesIt()
    {
        var journal = await SentAsync();

        Assert.Equal(DeliveryUpdateResult.Applied, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("kolek-abc", DeliveryStatus.Read, null), s_at));
        Assert.Equal(new JournalDelivery(DeliveryStatus.Read, s_at), (await journal.GetAsync(new JournalKey("C-1", "d0", "email")))!.Delivery);
    }

    [Fact]
    public async Task ApplyDeliveryStatusAsync_ReadThenDelivered_StaysRead()
    {
        var journal = await SentAsync();
        await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("prov-1", DeliveryStatus.Read, null), s_at);

        var late = await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("prov-1", DeliveryStatus.Delivered, null), s_at + Duration.FromMinutes(1));
        var again = await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("prov-1", DeliveryStatus.Read, null), s_at + Duration.FromMinutes(2));

        Assert.Equal((DeliveryUpdateResult.Superseded, DeliveryUpdateResult.Superseded), (late, again));
        Assert.Equal(new JournalDelivery(DeliveryStatus.Read, s_at), (await journal.GetAsync(new JournalKey("C-1", "d0", "email")))!.Delivery);
    }

    [Fact]
    public async Task ApplyDeliveryStatusAsync_UnknownOrNotSent_ChangesNothing()
    {
        var journal = await SentAsync();
        await journal.TryClaimAsync(new JournalClaim([new JournalKey("C-9", "d0", "email")], "kolek-in-doubt", "K-9", s_at));

        Assert.Equal(DeliveryUpdateResult.UnknownMessage, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("nope", DeliveryStatus.Bounced, null), s_at));
        Assert.Equal(DeliveryUpdateResult.UnknownMessage, await journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate("kolek-in-doubt", DeliveryStatus.Delivered, null), s_at));
        Assert.Null((await journal.GetAsync(new JournalKey("C-9", "d0", "email")))!.Delivery);
    }

    [Theory]
    [InlineData(null, DeliveryStatus.Delivered, true)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Bounced, true)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Read, true)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Bounced, false)]
    [InlineData(DeliveryStatus.Bounced, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Bounced, DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Delivered, false)]
    public void Supersedes_OnlyMovesForward(DeliveryStatus? current, DeliveryStatus next, bool expected) =>
        Assert.Equal(expected, JournalDelivery.Supersedes(current, next));
}

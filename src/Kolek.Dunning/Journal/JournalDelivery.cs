using Kolek.Channels;
using NodaTime;

namespace Kolek.Dunning.Journal;

/// <summary>What the provider last reported about a sent message (delivered, read, bounced, failed).</summary>
/// <param name="Status">The reported status.</param>
/// <param name="At">When it happened, as the provider said (or when the report arrived, when it did not say).</param>
/// <param name="Reason">The provider's explanation of a bounce or failure, when given.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record JournalDelivery(DeliveryStatus Status, Instant At, string? Reason = null)
{
    /// <summary>Tells whether a report of <paramref name="next"/> moves a message on from <paramref name="current"/>.</summary>
    /// <param name="current">The status recorded so far, if any.</param>
    /// <param name="next">The status just reported.</param>
    /// <returns>
    /// <see langword="true"/> when <paramref name="next"/> ranks higher: nothing &lt; delivered &lt; bounced or failed &lt; read.
    /// Statuses only move forward, so receipts arriving out of order (read before delivered, a late "delivered" after a
    /// bounce) never move a message back; read ranks last because it proves the message arrived.
    /// </returns>
    public static bool Supersedes(DeliveryStatus? current, DeliveryStatus next) => Rank(next) > (current is { } c ? Rank(c) : 0);

    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => 1,
        DeliveryStatus.Bounced or DeliveryStatus.Failed => 2,
        DeliveryStatus.Read => 3,
        _ => 0,
    };
}

/// <summary>What <see cref="IDunningJournal.ApplyDeliveryStatusAsync"/> did with a delivery report.</summary>
public enum DeliveryUpdateResult
{
    /// <summary>The report moved the message's delivery status forward; every key of the message now carries it.</summary>
    Applied = 1,

    /// <summary>The message was found but already had this status or a later one; nothing changed.</summary>
    Superseded = 2,

    /// <summary>No sent message has this provider id or idempotency key; nothing changed.</summary>
    UnknownMessage = 3,
}

using NodaTime;

namespace Kolek.Dunning.Running;

/// <summary>How the runner settles a message left in doubt by a crash, when the channel cannot be asked about it.</summary>
public enum InDoubtPolicy
{
    /// <summary>Record it as skipped ("treated as sent") and never send it again: a message may be lost, never duplicated.</summary>
    TreatAsSent = 1,

    /// <summary>
    /// Send it again with the same idempotency key, but only through a channel whose provider deduplicates on that key
    /// (<see cref="Channels.IMessageChannel.DeduplicatesByIdempotencyKey"/>); other channels fall back to <see cref="TreatAsSent"/>.
    /// </summary>
    ResendWithSameKey = 2,
}

/// <summary>Settings of the <see cref="DunningRunner"/>: in-doubt resolution and WhatsApp approved templates.</summary>
/// <remarks>
/// <para>Give it to the runner's constructor, or, with <c>AddKolekDunning</c>, register an instance or bind it from
/// configuration (<c>services.Configure&lt;DunningRunnerOptions&gt;(configuration.GetSection("Kolek:Runner"))</c>); it is
/// validated then at start-up, and by the constructor in any case. In configuration a NodaTime <see cref="Duration"/> is
/// written in its round-trip pattern <c>D:hh:mm:ss</c>, with the days: <c>"0:00:15:00"</c> for 15 minutes
/// (<c>"00:15:00"</c> does not convert).</para>
/// <threadsafety>Immutable when built from collections nobody mutates; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record DunningRunnerOptions
{
    /// <summary>Gets how in-doubt messages are settled when their channel does not implement <see cref="Channels.IMessageLookup"/>.</summary>
    /// <value>The default value is <see cref="InDoubtPolicy.TreatAsSent"/> (never a duplicate).</value>
    public InDoubtPolicy InDoubt { get; init; } = InDoubtPolicy.TreatAsSent;

    /// <summary>Gets how long after its claim an in-doubt entry is left alone, because the run that claimed it may still be sending.</summary>
    /// <value>The default value is 15 minutes. Set it above the longest time a send (with its provider time-out) can take.</value>
    public Duration InDoubtGracePeriod { get; init; } = Duration.FromMinutes(15);

    /// <summary>Gets how many attempts a (charges, step, channel) gets when it keeps failing transiently; the last failure is recorded as permanent.</summary>
    /// <value>The default value is 5.</value>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Gets the wait after the first transient failure when the provider did not say; it doubles with every further attempt, up to a day.</summary>
    /// <value>The default value is 15 minutes (then 30 minutes, 1 hour, 2 hours…).</value>
    public Duration RetryDelay { get; init; } = Duration.FromMinutes(15);

    /// <summary>Gets how many charges the runner plans and sends at a time, or <see langword="null"/> to plan the whole portfolio at once.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: every charge of the source is held for one plan. With a size, the runner
    /// holds one batch (at least this many charges, always whole customers), plans it, sends what is due, then reads on, so
    /// memory stays bounded by the batch; the receivable source must then yield each customer's charges together (for
    /// instance ordered by customer), since consolidation and frequency caps work per customer. A customer met again after
    /// its batch was run stops the run with an <see cref="InvalidOperationException"/> (what was sent is journaled; a new run
    /// after fixing the source sends nothing twice). The journal's entries are still read whole, once per run.
    /// </value>
    public int? BatchSize { get; init; }

    /// <summary>Gets the approved WhatsApp templates, by the name of the Kolek template they stand for (the step's <c>template</c>, such as <c>atraso</c>).</summary>
    /// <value>
    /// The default value is empty: outside the customer's 24-hour service window no WhatsApp message can be sent, and the
    /// runner skips the channel with the reason (a fallback step goes on to its next channel).
    /// </value>
    public IReadOnlyDictionary<string, WhatsAppTemplate> WhatsAppTemplates { get; init; } = new Dictionary<string, WhatsAppTemplate>(StringComparer.Ordinal);
}

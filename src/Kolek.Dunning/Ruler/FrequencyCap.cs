namespace Kolek.Dunning.Ruler;

/// <summary>At most <see cref="Max"/> messages to one customer per <see cref="Per"/>, through one channel or through all.</summary>
/// <remarks>
/// <para>Counted per customer across all their charges and steps, in the customer's local days: <see cref="FrequencyPeriod.Day"/>
/// is the local day of sending; <see cref="FrequencyPeriod.Week"/> the seven local days ending on it (a rolling week).</para>
/// <para>A message is one due action (a consolidated action is one message); a cap with a <see cref="Channel"/> counts the
/// actions that use that channel (a fallback action counts on each of its channels, since any may be used). Messages
/// already sent are read from the journal, one per (step, channel, local day), and per charge too when the ruler does not
/// consolidate. Escalations are not messages and are never capped.</para>
/// <para>When several actions compete, the planner admits them in a fixed order (instant, step order in the ruler, first
/// charge id) and skips the rest with <see cref="Planning.SkipCause.FrequencyCap"/>; they are planned again the next day.</para>
/// Instances are immutable and thread-safe.
/// </remarks>
/// <param name="Max">The maximum number of messages in the period (at least 1).</param>
/// <param name="Per">The period.</param>
/// <param name="Channel">The channel counted (lowercase), or <see langword="null"/> for every channel together.</param>
public sealed record FrequencyCap(int Max, FrequencyPeriod Per, string? Channel = null)
{
    /// <summary>Whether the cap counts messages through <paramref name="channel"/>.</summary>
    /// <param name="channel">A channel name.</param>
    /// <returns><see langword="true"/> for a cap on every channel, or on this one.</returns>
    public bool Covers(string channel) => Channel is null || string.Equals(Channel, channel, StringComparison.Ordinal);

    /// <summary>The number of local days of the period (1 or 7).</summary>
    public int Days => Per == FrequencyPeriod.Week ? 7 : 1;
}

/// <summary>The period of a <see cref="FrequencyCap"/>.</summary>
public enum FrequencyPeriod
{
    /// <summary>The customer's local day (JSON <c>"day"</c>).</summary>
    Day = 1,

    /// <summary>The seven local days ending on the day of sending (JSON <c>"week"</c>).</summary>
    Week = 2,
}

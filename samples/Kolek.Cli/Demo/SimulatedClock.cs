using NodaTime;

namespace Kolek.Cli.Demo;

/// <summary>The demo's clock: it replays days one after the other, so "now" is set by the day loop.</summary>
public sealed class SimulatedClock(Instant start) : IClock
{
    /// <summary>The simulated present.</summary>
    public Instant Now { get; set; } = start;

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;

    /// <summary>The present as a <see cref="DateTimeOffset"/> in a zone (for file headers).</summary>
    public DateTimeOffset ToDateTimeOffset(DateTimeZone zone) => Now.InZone(zone).ToDateTimeOffset();
}

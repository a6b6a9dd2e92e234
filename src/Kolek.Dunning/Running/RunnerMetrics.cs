using System.Diagnostics.Metrics;

namespace Kolek.Dunning.Running;

/// <summary>The runner's instruments on the <see cref="DunningRunner.MeterName"/> meter.</summary>
internal sealed class RunnerMetrics
{
    private static readonly Meter s_shared = new(DunningRunner.MeterName);
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _inDoubt;
    private readonly Counter<long> _inDoubtResolved;
    private readonly Histogram<double> _runDuration;

    public RunnerMetrics(IMeterFactory? factory)
    {
        var meter = factory?.Create(DunningRunner.MeterName) ?? s_shared;
        _sent = meter.CreateCounter<long>("kolek.dunning.messages.sent", "{message}", "Messages and escalations accepted by the channel or handler.");
        _failed = meter.CreateCounter<long>("kolek.dunning.messages.failed", "{message}", "Sends that failed (transient or permanent).");
        _skipped = meter.CreateCounter<long>("kolek.dunning.messages.skipped", "{message}", "Planned sends deliberately not made.");
        _inDoubt = meter.CreateCounter<long>("kolek.dunning.messages.in_doubt", "{message}", "Sends whose outcome is unknown (the channel threw).");
        _inDoubtResolved = meter.CreateCounter<long>("kolek.dunning.in_doubt.resolved", "{message}", "In-doubt messages settled by a later run.");
        _runDuration = meter.CreateHistogram<double>("kolek.dunning.run.duration", "s", "Duration of a dunning run.");
    }

    public void Sent(string channel, string step) => _sent.Add(1, Tags(channel, step));

    public void Failed(string channel, string step, bool transient) =>
        _failed.Add(1, new KeyValuePair<string, object?>("kolek.channel", channel), new KeyValuePair<string, object?>("kolek.step", step),
            new KeyValuePair<string, object?>("kolek.transient", transient));

    public void Skipped(string? channel, string step) => _skipped.Add(1, Tags(channel ?? "", step));

    public void InDoubt(string channel, string step) => _inDoubt.Add(1, Tags(channel, step));

    public void InDoubtResolved(string channel, string resolution) =>
        _inDoubtResolved.Add(1, new KeyValuePair<string, object?>("kolek.channel", channel), new KeyValuePair<string, object?>("kolek.resolution", resolution));

    public void RunDuration(TimeSpan elapsed, string rulerId) => _runDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kolek.ruler", rulerId));

    private static ReadOnlySpan<KeyValuePair<string, object?>> Tags(string channel, string step) =>
        new KeyValuePair<string, object?>[] { new("kolek.channel", channel), new("kolek.step", step) };
}

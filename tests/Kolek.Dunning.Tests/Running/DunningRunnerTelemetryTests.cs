using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using Microsoft.Extensions.Logging;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Logs carry no raw personal data; the meter counts per channel and step.</summary>
public sealed class DunningRunnerTelemetryTests
{
    private static readonly Customer s_customer = new()
    {
        Id = "123.456.789-09",
        Name = "Maria Souza",
        Document = "12345678909",
        Email = "maria.souza@dominio.com.br",
        Phone = "(11) 98765-4334",
    };

    private static readonly string[] s_raw =
        ["maria.souza", "dominio.com.br@", "98765", "987654334", "5511987654334", "123.456.789", "12345678909", "456.789-09"];

    [Fact]
    public async Task RunAsync_WithALogger_EventsHaveIdsAndNeverTheRawAddressPhoneOrCpf()
    {
        var logger = new CapturingLogger();
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", customerId: s_customer.Id, customer: s_customer));
        h.Source.Put(Charge("C-2", customerId: s_customer.Id, customer: s_customer, due: Due.PlusDays(1)));
        h.WhatsApp.Then(SendResult.PermanentFailure("number +55 11 98765-4334 is not on WhatsApp (customer maria.souza@dominio.com.br)"));
        var runner = new DunningRunner(Planner, h.Journal, h.Source, [h.Email, h.WhatsApp], TemplateSet.BuiltIn, Creditor, options: ApprovedTemplates, logger: logger);

        await runner.RunAsync(RulerOf(MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto")), At(Due, 9));

        var events = logger.Events.ToList();
        Assert.Contains(events, e => e.Id.Id == 1 && e.Id.Name == "RunStarted");
        Assert.Contains(events, e => e.Id.Id == 2 && e.Id.Name == "RunFinished");
        var sent = Assert.Single(events, e => e.Id.Id == 10);
        Assert.Contains("m***@d***.com.br", sent.Message, StringComparison.Ordinal);
        Assert.Contains("***.456.***-**", sent.Message, StringComparison.Ordinal);
        var failed = Assert.Single(events, e => e.Id.Id == 11);
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Contains("not on WhatsApp", failed.Message, StringComparison.Ordinal);
        foreach (var e in events)
        {
            var texts = e.State.Select(kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(e.Message);
            foreach (var raw in s_raw)
            {
                Assert.DoesNotContain(texts, t => t.Contains(raw, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task RunAsync_MeterListener_CountsSentFailedSkippedPerChannelAndStepAndRecordsTheDuration()
    {
        using var factory = new TestMeterFactory();
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == DunningRunner.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.Source.Put(Charge("C-2", customerId: "K-2"));
        h.WhatsApp.Then(SendResult.TransientFailure("throttled")).Then(SendResult.RefusedByPolicy("opted out at the provider"));
        var runner = new DunningRunner(Planner, h.Journal, h.Source, [h.Email, h.WhatsApp], TemplateSet.BuiltIn, Creditor, options: ApprovedTemplates, meterFactory: factory);

        await runner.RunAsync(RulerOf(MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto")), At(Due, 9));

        int Count(string name, string channel) => (int)measurements
            .Where(m => m.Instrument == name && (string?)m.Tags["kolek.channel"] == channel && (string?)m.Tags["kolek.step"] == "d0").Sum(m => m.Value);
        Assert.Equal(2, Count("kolek.dunning.messages.sent", "email"));
        Assert.Equal(0, Count("kolek.dunning.messages.sent", "whatsapp"));
        Assert.Equal(1, Count("kolek.dunning.messages.failed", "whatsapp"));
        Assert.Equal(1, Count("kolek.dunning.messages.skipped", "whatsapp"));
        Assert.True((bool)measurements.Single(m => m.Instrument == "kolek.dunning.messages.failed").Tags["kolek.transient"]!);
        var duration = Assert.Single(measurements, m => m.Instrument == "kolek.dunning.run.duration");
        Assert.Equal("teste", duration.Tags["kolek.ruler"]);
        Assert.True(duration.Value >= 0);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    private sealed class CapturingLogger : ILogger<DunningRunner>
    {
        public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Events { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Events.Enqueue((logLevel, eventId, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kolek.Benchmarks.Data;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Benchmarks.Insight;

/// <summary>Issue 7: the whole portfolio insight of <c>kolek report</c> over 1 000 000 charges of 100 000 customers, streamed
/// (the charges are generated while the accumulator reads them, so generation is inside the measurement).</summary>
/// <remarks>In process (no generated project to build): on the shared machine the generated build hit BenchmarkDotNet's
/// two-minute build timeout.</remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class InsightBenchmarks
{
    /// <summary>One launch, one warm-up, three iterations, run in this process.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3));
    }

    private StreamedPortfolio _portfolio = null!;
    private List<JournalEntry> _journal = null!;

    /// <summary>Charges; the customers are a tenth of them.</summary>
    [Params(1_000_000)]
    public int Charges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _portfolio = new StreamedPortfolio(Charges, Charges / 10, new LocalDate(2026, 12, 3));
        _journal = [.. _portfolio.Journal()];
    }

    /// <summary>Generation alone, to subtract from <see cref="Insight"/>.</summary>
    [Benchmark(Baseline = true)]
    public int GenerateOnly() => _portfolio.Charges().Count();

    [Benchmark]
    public PortfolioInsight Insight() =>
        PortfolioAnalytics.Insight(_portfolio.Charges(), _portfolio.AsOf, BusinessCalendar.BrazilBanking, InsightOptions.Default, _journal);
}

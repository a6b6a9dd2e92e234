using BenchmarkDotNet.Attributes;
using Kolek.Benchmarks.Data;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Benchmarks.Insight;

/// <summary>Issue 7: the whole portfolio insight of <c>kolek report</c> over 1 000 000 charges of 100 000 customers, streamed
/// (the charges are generated while the accumulator reads them, so generation is inside the measurement).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class InsightBenchmarks
{
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

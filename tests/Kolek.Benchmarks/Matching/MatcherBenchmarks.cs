using BenchmarkDotNet.Attributes;
using Kolek.Benchmarks.Data;
using Kolek.Reconciliation.Matching;

namespace Kolek.Benchmarks.Matching;

/// <summary>Issue 4: <see cref="ReconciliationMatcher.Reconcile"/> at three sizes (credits × open items), data generated
/// once per size and excluded from the measurement; the target is 100 000 × 1 000 000 in under 2 s and 1 GB.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class MatcherBenchmarks
{
    private readonly ReconciliationMatcher _matcher = new(new MatchingOptions());
    private ReconciliationData _data = null!;

    /// <summary>Credits × open items; the items are ten times the credits.</summary>
    [Params(10_000, 50_000, 100_000)]
    public int Credits { get; set; }

    [GlobalSetup]
    public void Setup() => _data = ReconciliationData.Generate(Credits, Credits * 10);

    [Benchmark]
    public ReconciliationResult Reconcile() => _matcher.Reconcile(_data.Credits, _data.Items);
}

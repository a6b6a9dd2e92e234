using BenchmarkDotNet.Attributes;
using Kolek.Benchmarks.Data;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Planning;
using NodaTime;

namespace Kolek.Benchmarks.Dunning;

/// <summary>
/// Issue 5: charge evaluations per second on one core. An evaluation decides, for one charge at one instant, what is due
/// (<see cref="ChargeEvaluator.Evaluate"/>); most charges of a running portfolio have nothing due. The target is
/// 5 000 000 per second per core, journal look-ups included: charges are evaluated in batches of 10 000, each with the
/// <see cref="JournalView"/> built from that batch's journal entries (building counted, reading storage not).
/// <see cref="FullPlanPerCharge"/> is the planner without the precheck, for comparison.
/// BenchmarkDotNet reports wall time per operation; the set-up therefore runs <see cref="Evaluate"/> until the tiered JIT
/// is quiet (its background worker otherwise recompiles methods on the other core during the first iterations, as it did
/// in <c>--evaluate</c>'s rounds), and the clean-up prints the CPU time of every thread of the process during the
/// iterations, so that the figure can be read per core (evaluating thread ≈ process).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PlannerBenchmarks
{
    private const int Charges = 100_000;
    private const int FullPlanCharges = 2_000;
    private const int BatchSize = 10_000;

    private DunningPlanner _planner = null!;
    private ChargeEvaluator _evaluator = null!;
    private CustomerCharge[] _charges = null!;
    private Func<SentKey, Instant?> _doneAt = null!;
    private (int Charges, System.Collections.Immutable.ImmutableArray<KeyValuePair<SentKey, Instant>> Entries)[] _batches = null!;
    private Dictionary<int, (string Name, long Nanoseconds)> _threads = [];
    private TimeSpan _process;
    private System.Diagnostics.Stopwatch _sinceSetup = new();

    [GlobalSetup]
    public void Setup()
    {
        _planner = DunningPortfolio.Planner();
        _evaluator = _planner.CreateEvaluator(DunningPortfolio.Ruler);
        _charges = [.. DunningPortfolio.Stream(Charges)];
        var journal = DunningPortfolio.Journal(_charges, _planner);
        _doneAt = k => journal.TryGetValue(k, out var at) ? at : null;
        _batches = DunningPortfolio.JournalBatches(_charges, journal, BatchSize);
        ThreadCpu.WarmUntilJitQuiet(_ => Evaluate());
        _threads = ThreadCpu.Snapshot();
        _process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        _sinceSetup = System.Diagnostics.Stopwatch.StartNew();
    }

    /// <summary>Prints the wall time since the set-up and the CPU time each thread of the process used meanwhile (BenchmarkDotNet's own work included).</summary>
    [GlobalCleanup]
    public void Cleanup() => Console.WriteLine(
        $"// Since the set-up (pilot, warm-up and measured iterations, BenchmarkDotNet's full collections between them): wall {_sinceSetup.Elapsed.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)} ms, CPU of the process {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _process).TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)} ms; "
        + string.Join(", ", ThreadCpu.Deltas(_threads, ThreadCpu.Snapshot()).Select(ThreadCpu.Format)));

    /// <summary>Evaluations of 100 000 charges in batches, each batch's journal view built from its entries; one operation is one charge.</summary>
    [Benchmark(OperationsPerInvoke = Charges)]
    public int Evaluate()
    {
        var due = 0;
        var now = DunningPortfolio.Now;
        var start = 0;
        foreach (var (charges, entries) in _batches)
        {
            var view = new JournalView(entries);
            for (var i = start; i < start + charges; i++)
            {
                due += _evaluator.Evaluate(_charges[i], view, now).Count;
            }

            start += charges;
        }

        return due;
    }

    /// <summary>The planner's full plan of each charge alone (no precheck); one operation is one charge.</summary>
    [Benchmark(OperationsPerInvoke = FullPlanCharges)]
    public int FullPlanPerCharge()
    {
        var due = 0;
        var now = DunningPortfolio.Now;
        for (var i = 0; i < FullPlanCharges; i++)
        {
            due += _planner.Plan([_charges[i]], DunningPortfolio.Ruler, _doneAt, now).Due.Count;
        }

        return due;
    }
}

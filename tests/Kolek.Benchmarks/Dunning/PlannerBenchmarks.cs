using BenchmarkDotNet.Attributes;
using Kolek.Benchmarks.Data;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Planning;
using NodaTime;

namespace Kolek.Benchmarks.Dunning;

/// <summary>
/// Issue 5: charge evaluations per second on one core. An evaluation decides, for one charge at one instant, what is due
/// (<see cref="ChargeEvaluator.Evaluate"/>); most charges of a running portfolio have nothing due. The target is
/// 5 000 000 per second per core. <see cref="FullPlanPerCharge"/> is the planner without the precheck, for comparison.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PlannerBenchmarks
{
    private const int Charges = 100_000;
    private const int FullPlanCharges = 2_000;

    private DunningPlanner _planner = null!;
    private ChargeEvaluator _evaluator = null!;
    private CustomerCharge[] _charges = null!;
    private Func<SentKey, Instant?> _doneAt = null!;

    [GlobalSetup]
    public void Setup()
    {
        _planner = DunningPortfolio.Planner();
        _evaluator = _planner.CreateEvaluator(DunningPortfolio.Ruler);
        _charges = [.. DunningPortfolio.Stream(Charges)];
        var journal = DunningPortfolio.Journal(_charges, _planner);
        _doneAt = k => journal.TryGetValue(k, out var at) ? at : null;
    }

    /// <summary>Evaluations of 100 000 charges; one operation is one charge.</summary>
    [Benchmark(OperationsPerInvoke = Charges)]
    public int Evaluate()
    {
        var due = 0;
        var now = DunningPortfolio.Now;
        foreach (var charge in _charges)
        {
            due += _evaluator.Evaluate(charge, _doneAt, now).Count;
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

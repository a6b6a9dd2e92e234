using System.Diagnostics;
using System.Globalization;
using Kolek.Dunning.Insight.Risk;
using Kolek.Dunning.Tests.Insight;
using NodaTime;

namespace Kolek.Benchmarks.Insight;

/// <summary>
/// <c>--risk [customers] [months]</c>: trains the risk model on the synthetic history, scores the portfolio and backtests
/// on the later months, printing the time of each stage (elapsed and CPU), the load average and the AUC, Brier score and
/// calibration bins. One run in a fresh process: a measurement, not a BenchmarkDotNet statistic.
/// </summary>
internal static class RiskMeasure
{
    public static void Run(string[] args)
    {
        var customers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 800;
        var months = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
        var end = SyntheticHistory.Start.PlusMonths(months).PlusDays(-1);
        var trainAsOf = end.PlusMonths(-9);
        var history = SyntheticHistory.Generate(seed: 20261203, customers, months, end);
        Console.WriteLine(Invariant($"customers={customers} months={months} charges={history.Count} end={end:yyyy-MM-dd} trainAsOf={trainAsOf:yyyy-MM-dd} loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));

        var model = Timed("train", () => RiskModel.Train(history, trainAsOf));
        Console.WriteLine(Invariant($"  examples={model.TrainingExamples} late={model.TrainingLateExamples} fallback={model.IsFallback} intercept={model.Intercept:F4}"));
        foreach (var c in model.Coefficients)
        {
            Console.WriteLine(Invariant($"  {c.Feature,-18} weight={c.Weight,8:F4} mean={c.Mean:F4} sd={c.StandardDeviation:F4}"));
        }

        var scores = Timed("score-all", () => model.ScoreAll(history, end));
        foreach (var segment in scores.GroupBy(s => s.Segment).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Invariant($"  segment {segment.Key}: {segment.Count()}"));
        }

        var e = Timed("backtest", () => model.Backtest(history, trainAsOf.PlusDays(1), end));
        Console.WriteLine(Invariant($"held-out (later months): examples={e.Examples} lateRate={e.LateRate:F4} AUC={e.Auc ?? double.NaN:F4} Brier={e.Brier:F4} noSkillBrier={e.LateRate * (1 - e.LateRate):F4} ECE={e.CalibrationError:F4}"));
        foreach (var b in e.Bins.Where(b => b.Count > 0))
        {
            Console.WriteLine(Invariant($"  [{b.Lower:F1}, {b.Upper:F1}) n={b.Count,6} predicted={b.MeanPredicted:F4} observed={b.ObservedRate:F4}"));
        }

        Console.WriteLine(Invariant($"loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    private static T Timed<T>(string stage, Func<T> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = work();
        watch.Stop();
        process.Refresh();
        Console.WriteLine(Invariant($"{stage}: elapsed={watch.Elapsed.TotalMilliseconds:F0} ms cpu={(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms"));
        return result;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

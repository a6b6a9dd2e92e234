using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Kolek.Benchmarks.Data;
using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Readers;

// `--measure-peak [credits]`: one reconcile of credits × (10 × credits) in a fresh process, printing the elapsed and CPU
// time (CPU time, GC threads included, is steadier than elapsed time on a machine shared with other work),
// the bytes allocated by the reconcile and the process's peak working set (data generation included in the latter).
// `--check-readers`: reads the generated files once and prints what the readers made of them.
if (args is ["--measure-peak", ..])
{
    var credits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var data = ReconciliationData.Generate(credits, credits * 10);
    GC.Collect();
    var before = Process.GetCurrentProcess().PeakWorkingSet64;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var pauseBefore = GC.GetTotalPauseDuration();
    var collectionsBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
    var watch = Stopwatch.StartNew();
    var result = new ReconciliationMatcher(new MatchingOptions()).Reconcile(data.Credits, data.Items);
    watch.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"credits={credits} items={credits * 10} elapsed={watch.Elapsed.TotalMilliseconds:F0} ms cpu={cpu.TotalMilliseconds:F0} ms allocated={allocated / 1048576.0:F0} MiB "
        + $"peakWorkingSet={process.PeakWorkingSet64 / 1048576.0:F0} MiB (after data generation: {before / 1048576.0:F0} MiB) "
        + $"matches={result.Matches.Count} suggestions={result.Suggestions.Count} unmatched={result.Unmatched.Count}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  gc: pause={(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F0} ms collections gen0/1/2="
        + $"{GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}"));
    foreach (var rule in result.Matches.GroupBy(m => m.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule.Key}: {rule.Count()}"));
    }

    return;
}

// `--fingerprint [credits] [feeTolerance]`: a SHA-256 of the whole result as JSON, to check that an optimisation of the
// matcher leaves every outcome, explanation and score unchanged.
if (args is ["--fingerprint", ..])
{
    var credits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
    var tolerance = args.Length > 2 ? decimal.Parse(args[2], CultureInfo.InvariantCulture) : 0m;
    var data = ReconciliationData.Generate(credits, credits * 10);
    var result = new ReconciliationMatcher(new MatchingOptions { FeeTolerance = tolerance }).Reconcile(data.Credits, data.Items);
    var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"credits={credits} tolerance={tolerance} sha256={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json))} "
        + $"matches={result.Matches.Count} suggestions={result.Suggestions.Count} unmatched={result.Unmatched.Count}"));
    return;
}

// `--stream-peak [MiB]` and `--throughput [MiB] [ofx-js script]`: see Readers/ReaderModes.cs.
if (args is ["--stream-peak", ..])
{
    Kolek.Benchmarks.Readers.ReaderModes.StreamPeak(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024,
        [.. (args.Length > 2 ? args[2] : "Cnab240,Cnab400,Ofx").Split(',').Select(f => Enum.Parse<Kolek.Reconciliation.Statements.StatementFormat>(f, ignoreCase: true))]);
    return;
}

if (args is ["--throughput", ..])
{
    Kolek.Benchmarks.Readers.ReaderModes.Throughput(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64, args.Length > 2 ? args[2] : null);
    return;
}

if (args is ["--check-readers", ..])
{
    foreach (var (name, bytes) in new[] { ("bench.ofx", StatementFiles.Ofx(50_000)), ("bench.ret", StatementFiles.Cnab400Bradesco(50_000)) })
    {
        var statement = StatementReader.Read(name, bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {bytes.Length / 1048576.0:F1} MiB format={statement.Format} transactions={statement.Transactions.Count} diagnostics={statement.Diagnostics.Count}"));
        foreach (var diagnostic in statement.Diagnostics.Take(3))
        {
            Console.WriteLine("  " + diagnostic);
        }

        Console.WriteLine("  first: " + (statement.Transactions.Count > 0 ? statement.Transactions[0] : null));
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

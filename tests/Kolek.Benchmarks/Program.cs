using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Kolek.Benchmarks.Data;
using Kolek.Benchmarks.Dunning;
using Kolek.Cli.Outbox;
using Kolek.Cli.Storage;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Readers;

// `--risk [customers] [months]`: the risk model on the synthetic history (Insight/RiskMeasure.cs).
if (args is ["--risk", ..])
{
    Kolek.Benchmarks.Insight.RiskMeasure.Run(args);
    return;
}

// `--measure-peak [credits] [runs] [threads] [gc]`: reconciles of credits × (10 × credits) in a fresh process (one by default; later runs are warm),
// with MatchingOptions.MaxDegreeOfParallelism = threads (default: the processor count), printing the elapsed and CPU
// time (CPU time, GC threads included, is steadier than elapsed time on a machine shared with other work),
// the bytes allocated by the reconcile and the process's peak working set (data generation included in the latter).
// With `gc`, also every collection of each run from the runtime's events (Matching/GcEvents.cs): what survived it, the
// pause, and the bytes allocated per type (the runtime's allocation ticks, one sample per ≈ 100 KB).
// `--check-readers`: reads the generated files once and prints what the readers made of them.
if (args is ["--measure-peak", ..])
{
    var credits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
    var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
    using var gcEvents = args is [_, _, _, _, "gc", ..] ? new Kolek.Benchmarks.Matching.GcEvents() : null;
    var data = ReconciliationData.Generate(credits, credits * 10);
    var matcher = new ReconciliationMatcher(new MatchingOptions { MaxDegreeOfParallelism = threads });
    GC.Collect();
    gcEvents?.Drain(TextWriter.Null);
    var before = Process.GetCurrentProcess().PeakWorkingSet64;
    for (var run = 1; run <= runs; run++)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var watch = Stopwatch.StartNew();
        var result = matcher.Reconcile(data.Credits, data.Items);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run={run} credits={credits} items={credits * 10} threads={threads} elapsed={watch.Elapsed.TotalMilliseconds:F0} ms cpu={cpu.TotalMilliseconds:F0} ms allocated={allocated / 1048576.0:F0} MiB "
            + $"peakWorkingSet={process.PeakWorkingSet64 / 1048576.0:F0} MiB (after data generation: {before / 1048576.0:F0} MiB) "
            + $"matches={result.Matches.Count} suggestions={result.Suggestions.Count} unmatched={result.Unmatched.Count} load={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  gc: pause={(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F0} ms collections gen0/1/2="
            + $"{GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}"));
        gcEvents?.Drain(Console.Out);
        if (run == runs)
        {
            foreach (var rule in result.Matches.GroupBy(m => m.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule.Key}: {rule.Count()}"));
            }
        }

        GC.Collect();
        gcEvents?.Drain(TextWriter.Null);
    }

    return;
}

// `--measure-report [charges] [customers] [list]`: one portfolio insight (kolek report's computation) over a generated portfolio
// streamed through the accumulator, in a fresh process: elapsed and CPU time, bytes allocated, peak working set, load average.
// With `list`, the charges are first materialized in a List (what streaming avoids), for comparison of the peak.
if (args is ["--measure-report", ..])
{
    var charges = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    var customers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : charges / 10;
    var portfolio = new Kolek.Benchmarks.Data.StreamedPortfolio(charges, customers, new NodaTime.LocalDate(2026, 12, 3));
    var journal = portfolio.Journal().ToList();
    IEnumerable<Kolek.Dunning.Charges.CustomerCharge> source = args is [_, _, _, "list", ..] ? portfolio.Charges().ToList() : portfolio.Charges();
    GC.Collect();
    using var process = Process.GetCurrentProcess();
    var before = process.PeakWorkingSet64;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var insight = Kolek.Dunning.Analytics.PortfolioAnalytics.Insight(source, portfolio.AsOf,
        Kolek.Dunning.Calendar.BusinessCalendar.BrazilBanking, Kolek.Dunning.Analytics.InsightOptions.Default, journal);
    watch.Stop();
    process.Refresh();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"charges={charges}{(source is List<Kolek.Dunning.Charges.CustomerCharge> ? " (materialized list)" : " (streamed)")} customers={customers} journal={journal.Count} elapsed={watch.Elapsed.TotalMilliseconds:F0} ms "
        + $"cpu={(process.TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms allocated={allocated / 1048576.0:F0} MiB "
        + $"peakWorkingSet={process.PeakWorkingSet64 / 1048576.0:F0} MiB (before the report: {before / 1048576.0:F0} MiB) "
        + $"loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  states={string.Join(' ', insight.States.Select(s => $"{s.StateName}:{s.Count}"))} outstanding={insight.Aging.Outstanding} "
        + $"overdue={insight.Aging.Overdue} delinquents={insight.Delinquents.Count} dso={insight.Collection.Dso} cei={insight.Collection.Cei} "
        + $"steps={string.Join(' ', insight.Steps.Select(s => $"{s.StepId}/{s.Channel}:{s.Sent}/{s.PaidWithin}"))}"));
    return;
}

// `--fingerprint [credits] [feeTolerance] [threads]`: a SHA-256 of the whole result as JSON, to check that an optimisation
// of the matcher leaves every outcome, explanation and score unchanged (threads: MaxDegreeOfParallelism, default the
// processor count; the digest must not depend on it).
if (args is ["--fingerprint", ..])
{
    var credits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
    var tolerance = args.Length > 2 ? decimal.Parse(args[2], CultureInfo.InvariantCulture) : 0m;
    var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
    var data = ReconciliationData.Generate(credits, credits * 10);
    var result = new ReconciliationMatcher(new MatchingOptions { FeeTolerance = tolerance, MaxDegreeOfParallelism = threads })
        .Reconcile(data.Credits, data.Items);
    var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"credits={credits} tolerance={tolerance} sha256={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json))} "
        + $"matches={result.Matches.Count} suggestions={result.Suggestions.Count} unmatched={result.Unmatched.Count}"));
    return;
}

// `--forecast [charges] [days] [batch]`: issue 5's portfolio forecast, streamed from a generator ordered by customer
// (nothing held but the current batch), printing elapsed and CPU time, bytes allocated, the largest managed heap seen
// while reading (sampled every 10 000 charges) and the process's peak working set.
if (args is ["--forecast", ..])
{
    var charges = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
    var batch = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
    var planner = DunningPortfolio.Planner();
    GC.Collect();
    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    long heapPeak = 0;
    IEnumerable<Kolek.Dunning.Charges.CustomerCharge> Sampled()
    {
        var n = 0;
        foreach (var c in DunningPortfolio.Stream(charges))
        {
            if (++n % 10_000 == 0)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
            }

            yield return c;
        }
    }

    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var forecast = planner.Forecast(Sampled(), DunningPortfolio.Ruler, DunningPortfolio.Today, days, batch);
    watch.Stop();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"charges={forecast.Charges} customers={forecast.Customers} days={days} batches={forecast.Batches} largestBatch={forecast.LargestBatch} "
        + $"elapsed={watch.Elapsed.TotalMilliseconds:F0} ms cpu={(process.TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms "
        + $"allocated={(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MiB heapBefore={heapBefore / 1048576.0:F1} MiB "
        + $"heapPeakSampled={heapPeak / 1048576.0:F1} MiB peakWorkingSet={process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  messages={forecast.Days.Sum(d => d.Messages)} escalations={forecast.Days.Sum(d => d.Escalations)} first days: {string.Join(" ", forecast.Days.Take(5).Select(d => d.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + ":" + d.Messages.ToString(CultureInfo.InvariantCulture)))}"));
    return;
}

// `--evaluate [charges] [rounds] [batch|portfolio]`: charge evaluations per second on one thread, outside BenchmarkDotNet.
// The charges are evaluated in batches of `batch` (default 10 000) in customer order, as a host reads them; each batch's
// journal entries are already in memory (reading storage is not measured) and the batch's JournalView is built from them
// inside the timed loop (building counted). `portfolio` builds one view of every charge once, outside the timing.
if (args is ["--evaluate", ..])
{
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    var wholePortfolio = args.Length > 3 && args[3] == "portfolio";
    var batchSize = args.Length > 3 && !wholePortfolio && args[3] != "batch" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
    var planner = DunningPortfolio.Planner();
    var evaluator = planner.CreateEvaluator(DunningPortfolio.Ruler);
    var items = DunningPortfolio.Stream(count).ToArray();
    var journal = DunningPortfolio.Journal(items, planner);
    var now = DunningPortfolio.Now;
    var batches = DunningPortfolio.JournalBatches(items, journal, wholePortfolio ? count : batchSize);
    var portfolioView = wholePortfolio ? new Kolek.Dunning.Planning.JournalView(journal) : null;
    GC.Collect(); // promote the setup data now: a host's portfolio is long-lived, and its first promotion would land in one round
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"charges={count} journal keys={journal.Count} batches={batches.Length} ({(wholePortfolio ? "one view of the portfolio, built outside the timing" : $"{batchSize} charges each, view built per batch inside the timing")})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"gc: server={System.Runtime.GCSettings.IsServerGC} concurrent={AppContext.GetData("System.GC.Concurrent") ?? "(default)"} latency={System.Runtime.GCSettings.LatencyMode} processors={Environment.ProcessorCount} tiered={AppContext.GetData("System.Runtime.TieredCompilation") ?? "(default)"}"));
    // CPU time is read per thread (ThreadCpu): the process's CPU time also counts the runtime's own threads, chiefly the
    // tiered JIT's background worker, which recompiles at tier 1 the methods called 30 times since it started counting
    // (the setup's and this loop's framework methods, the plans of the few charges due) some rounds in: a one-off cost
    // of the process, not of an evaluation, which on 2 cores ran beside the measuring thread and doubled the process's
    // CPU time of those rounds. Warm-up rounds (not printed) therefore run first until no method has been compiled for
    // 10 rounds (ThreadCpu.WarmUntilJitQuiet), and every round prints the other threads' CPU time.
    var measuringThread = ThreadCpu.CurrentId();
    var perRound = new List<(double Process, double Thread, double Others)>();
    void Round(int r, TextWriter output)
    {
        var roundThreads = ThreadCpu.Snapshot();
        var jitBefore = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var threadCpu = ThreadCpu.Current();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var roundGcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var watch = Stopwatch.StartNew();
        var due = 0;
        var maybe = 0;
        var start = 0;
        foreach (var batch in batches)
        {
            var view = portfolioView ?? new Kolek.Dunning.Planning.JournalView(batch.Entries);
            for (var i = start; i < start + batch.Charges; i++)
            {
                var actions = evaluator.Evaluate(items[i], view, now);
                due += actions.Count;
                maybe += actions.Count > 0 ? 1 : 0;
            }

            start += batch.Charges;
        }

        watch.Stop();
        var cpuNs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds;
        var threadNs = (double)(ThreadCpu.Current() - threadCpu);
        var roundOthers = ThreadCpu.Deltas(roundThreads, ThreadCpu.Snapshot(), measuringThread);
        perRound.Add((cpuNs / count, threadNs / count, roundOthers.Sum(t => t.Nanoseconds) / (double)count));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {r}: wall {count / watch.Elapsed.TotalSeconds / 1e6:F2} M/s ({watch.Elapsed.TotalNanoseconds / count:F0} ns each); process CPU {count / (cpuNs / 1e9) / 1e6:F2} M/s ({cpuNs / count:F0} ns each); measuring thread CPU {count / (threadNs / 1e9) / 1e6:F2} M/s ({threadNs / count:F0} ns each); due actions={due} on {maybe} charges; GCs gen0/1/2 {GC.CollectionCount(0) - roundGcs.Item1}/{GC.CollectionCount(1) - roundGcs.Item2}/{GC.CollectionCount(2) - roundGcs.Item3}, pauses {(GC.GetTotalPauseDuration() - roundGcs.Item4).TotalMilliseconds:F0} ms; loadavg {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}"));
        if (roundOthers.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  other threads this round: {string.Join(", ", roundOthers.Select(ThreadCpu.Format))}; methods JIT-compiled: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Item1} ({(System.Runtime.JitInfo.GetCompilationTime() - jitBefore.Item2).TotalMilliseconds:F1} ms)"));
        }
    }

    var warmThreads = ThreadCpu.Snapshot();
    var warmWatch = Stopwatch.StartNew();
    var warmJit = System.Runtime.JitInfo.GetCompiledMethodCount();
    var (warmRounds, lastCompiled) = ThreadCpu.WarmUntilJitQuiet(r => Round(r, TextWriter.Null));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"warm-up: {warmRounds} rounds, {warmWatch.Elapsed.TotalMilliseconds:F0} ms, {System.Runtime.JitInfo.GetCompiledMethodCount() - warmJit} methods JIT-compiled (the last in round {lastCompiled}), measuring thread {perRound.Sum(p => p.Thread) * count / 1e6:F0} ms; per thread: {string.Join(", ", ThreadCpu.Deltas(warmThreads, ThreadCpu.Snapshot()).Select(ThreadCpu.Format))}"));
    var firstRounds = perRound.Take(12).ToList();
    if (firstRounds.Count > 1)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  (what the first 12 rounds of a process look like, per evaluation: process CPU {string.Join(' ', firstRounds.Select(p => p.Process.ToString("F0", CultureInfo.InvariantCulture)))} ns; other threads {string.Join(' ', firstRounds.Select(p => p.Others.ToString("F0", CultureInfo.InvariantCulture)))} ns)"));
    }

    perRound.Clear();
    var threadsBefore = ThreadCpu.Snapshot();
    var allRounds = Stopwatch.StartNew();
    var processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var r = 0; r < rounds; r++)
    {
        Round(r, Console.Out);
    }

    allRounds.Stop();
    var threadsAfter = ThreadCpu.Snapshot();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"all {rounds} rounds (their Console output included): wall {allRounds.Elapsed.TotalMilliseconds:F1} ms, process CPU {(Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore).TotalMilliseconds:F1} ms; per thread: {string.Join(", ", ThreadCpu.Deltas(threadsBefore, threadsAfter).Select(ThreadCpu.Format))}"));
    if (rounds > 0)
    {
        // "Steady" rounds are those in which no other thread of the process used more than 1% of the measuring thread's time.
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var later = perRound;
        var steady = later.Where(p => p.Others <= p.Thread / 100).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rounds 0-{rounds - 1}, median CPU per evaluation: measuring thread {Median(later.Select(p => p.Thread)):F0} ns = {1e3 / Median(later.Select(p => p.Thread)):F2} M evaluations per thread-CPU-second; "
            + $"whole process {Median(later.Select(p => p.Process)):F0} ns = {1e3 / Median(later.Select(p => p.Process)):F2} M per process-CPU-second "
            + $"(other threads {later.Sum(p => p.Others) * count / 1e6:F1} ms in all); steady rounds ({steady.Count}): process {Median(steady.Select(p => p.Process)):F0} ns = {1e3 / Median(steady.Select(p => p.Process)):F2} M per process-CPU-second"));
    }

    if (!wholePortfolio)
    {
        // The best of 300 batches, built then prechecked one after the other: the two parts' floors, robust to a loaded machine.
        // (Plans of the charges that may be due, about 1 in 100, are not part of either figure.)
        var best = double.MaxValue;
        var bestEval = double.MaxValue;
        var maybeDue = 0;
        var firsts = new int[batches.Length];
        for (var b = 1; b < batches.Length; b++)
        {
            firsts[b] = firsts[b - 1] + batches[b - 1].Charges;
        }

        for (var r = 0; r < 300; r++)
        {
            var b = batches[r % batches.Length];
            var t0 = Stopwatch.GetTimestamp();
            var v = new Kolek.Dunning.Planning.JournalView(b.Entries);
            var t1 = Stopwatch.GetTimestamp();
            var first = firsts[r % batches.Length];
            for (var i = first; i < first + b.Charges; i++)
            {
                maybeDue += evaluator.MayBeDue(items[i], v, now) ? 1 : 0;
            }

            var t2 = Stopwatch.GetTimestamp();
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0, t1).TotalNanoseconds / b.Charges);
            bestEval = Math.Min(bestEval, Stopwatch.GetElapsedTime(t1, t2).TotalNanoseconds / b.Charges);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best of 300 batches: view build {best:F1} ns per charge, MayBeDue {bestEval:F1} ns per charge ({maybeDue / 300.0:F1} may be due per batch); loadavg {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}"));
    }

    if (!wholePortfolio)
    {
        // The views alone: what building them costs per charge evaluated.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var built = 0;
        for (var r = 0; r < 10; r++)
        {
            foreach (var batch in batches)
            {
                built += new Kolek.Dunning.Planning.JournalView(batch.Entries).ChargeCount;
            }
        }

        var cpuNs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / 10;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"building the views alone: {cpuNs / count:F0} ns CPU per charge ({built / 10} charges with keys, {journal.Count / (double)count:F2} keys per charge; GCs gen0/1/2 {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}, pauses {(GC.GetTotalPauseDuration() - gcs.Item4).TotalMilliseconds:F0} ms for 100 views); loadavg {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}"));
    }

    return;
}

// `--dunning-run [charges] [memory|sqlite]`: one run of the dunning runner over that many charges due now (one e-mail each),
// through an in-memory channel, with the SQLite journal (a fresh temp file, the demo's storage) or the in-memory one; prints
// elapsed and CPU time, messages per second, bytes allocated, peak working set and the load average. Then runs again at
// the same instant (everything already journaled: nothing is sent) and prints that too.
if (args is ["--dunning-run", ..])
{
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var journalKind = args.Length > 2 ? args[2] : "sqlite";
    var source = DunningRunData.Portfolio(count);
    var folder = Directory.CreateTempSubdirectory("kolek-bench-").FullName;
    using var db = journalKind == "sqlite" ? new SqliteDatabase(Path.Combine(folder, "state.db")) : null;
    IDunningJournal journal = db is null ? new InMemoryDunningJournal() : new SqliteDunningJournal(db);
    var channel = new DunningRunData.CountingChannel();
    var runner = new DunningRunner(OutboxRunner.Planner(), journal, source, [channel], TemplateSet.BuiltIn, DunningRunData.Creditor);
    foreach (var pass in new[] { "first", "again" })
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await runner.RunAsync(DunningRunData.Ruler, DunningRunData.Now);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pass}: charges={count} journal={journalKind} sent={result.Sent.Count} skipped={result.Skipped.Count} failed={result.Failed.Count} "
            + $"elapsed={watch.Elapsed.TotalMilliseconds:F0} ms cpu={(process.TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms "
            + $"messages/s={result.Sent.Count / watch.Elapsed.TotalSeconds:F0} allocated={(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MiB "
            + $"peakWorkingSet={process.PeakWorkingSet64 / 1048576.0:F0} MiB loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    db?.Dispose();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
    return;
}

// `--stream-peak [MiB]`, `--throughput [MiB] [ofx-js script]` and `--throughput-cnab [MiB]` (CNAB only): see Readers/ReaderModes.cs.
if (args is ["--stream-peak", ..])
{
    Kolek.Benchmarks.Readers.ReaderModes.StreamPeak(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024,
        [.. (args.Length > 2 ? args[2] : "Cnab240,Cnab400,Ofx").Split(',').Select(f => Enum.Parse<Kolek.Reconciliation.Statements.StatementFormat>(f, ignoreCase: true))]);
    return;
}

if (args is ["--throughput-cnab", ..])
{
    Kolek.Benchmarks.Readers.ReaderModes.Throughput(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64, null, cnabOnly: true);
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

using System.Globalization;

namespace Kolek.Benchmarks.Dunning;

/// <summary>
/// CPU time per thread of this process, from Linux's <c>/proc/self/task/*/schedstat</c> (nanoseconds on a CPU, not the
/// 10 ms ticks of <c>stat</c>) and <c>comm</c> (the thread's name), to say which thread burns the CPU time a measurement
/// sees. Empty where <c>/proc</c> is missing.
/// </summary>
internal static class ThreadCpu
{
    /// <summary>The nanoseconds on a CPU of every live thread, keyed by thread id, with its name.</summary>
    public static Dictionary<int, (string Name, long Nanoseconds)> Snapshot()
    {
        var threads = new Dictionary<int, (string, long)>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return threads;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var tid = int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                var ns = long.Parse(File.ReadAllText(Path.Combine(dir, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
                threads[tid] = (File.ReadAllText(Path.Combine(dir, "comm")).Trim(), ns);
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return threads;
    }

    /// <summary>Nanoseconds on a CPU of the calling thread (0 where <c>/proc</c> is missing).</summary>
    public static long Current() =>
        File.Exists("/proc/thread-self/schedstat")
            ? long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The calling thread's id (0 where <c>/proc</c> is missing).</summary>
    public static int CurrentId() =>
        new DirectoryInfo("/proc/thread-self").LinkTarget is { } target
            ? int.Parse(Path.GetFileName(target), CultureInfo.InvariantCulture)
            : 0;

    /// <summary>
    /// The threads that ran between the two snapshots, busiest first, with their nanoseconds on a CPU in between;
    /// <paramref name="except"/> (a thread id) is left out.
    /// </summary>
    public static List<(int Tid, string Name, long Nanoseconds)> Deltas(Dictionary<int, (string Name, long Nanoseconds)> before, Dictionary<int, (string Name, long Nanoseconds)> after, int except = -1) =>
        [.. after.Select(t => (Tid: t.Key, t.Value.Name, Nanoseconds: t.Value.Nanoseconds - (before.TryGetValue(t.Key, out var b) ? b.Nanoseconds : 0)))
            .Where(t => t.Nanoseconds > 0 && t.Tid != except)
            .OrderByDescending(t => t.Nanoseconds)];

    /// <summary>One thread's entry of <see cref="Deltas"/> as text: id, name, milliseconds.</summary>
    public static string Format((int Tid, string Name, long Nanoseconds) thread) =>
        string.Create(CultureInfo.InvariantCulture, $"{thread.Tid} '{thread.Name}' {thread.Nanoseconds / 1e6:F2} ms");

    /// <summary>
    /// Runs <paramref name="round"/> until no method has been JIT-compiled for <paramref name="quietRounds"/> rounds and
    /// one second in a row (at least <paramref name="minRounds"/> rounds, at most <paramref name="maxRounds"/> or 60 s):
    /// the tiered JIT's background worker then has nothing left to recompile, and no longer adds its CPU time to the
    /// measured rounds. (Its call counting starts 100 ms after the last new method, so quiet rounds alone are not enough
    /// when a round is short.)
    /// </summary>
    /// <returns>The rounds run, and the round in which the last method was compiled (-1 if none).</returns>
    public static (int Rounds, int LastCompiled) WarmUntilJitQuiet(Action<int> round, int minRounds = 40, int quietRounds = 10, int maxRounds = 300)
    {
        var rounds = 0;
        var lastCompiled = -1;
        var all = System.Diagnostics.Stopwatch.StartNew();
        var quiet = System.Diagnostics.Stopwatch.StartNew();
        for (var count = System.Runtime.JitInfo.GetCompiledMethodCount();
             rounds < maxRounds && all.Elapsed.TotalSeconds < 60
                && (rounds < minRounds || rounds - lastCompiled <= quietRounds || quiet.Elapsed.TotalSeconds < 1);
             rounds++)
        {
            round(rounds);
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (compiled != count)
            {
                lastCompiled = rounds;
                quiet.Restart();
            }

            count = compiled;
        }

        return (rounds, lastCompiled);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kolek.Benchmarks.Data;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;

namespace Kolek.Benchmarks.Readers;

/// <summary>Reader measurements run once in a fresh process (not BenchmarkDotNet): bounded memory of the streaming read
/// on files of a gigabyte, and MB/s against ofx-js and plain baselines.</summary>
internal static class ReaderModes
{
    private const double MiB = 1024 * 1024;

    /// <summary>How many generated transactions make about one MiB of each format.</summary>
    private static readonly Dictionary<StatementFormat, int> s_perMiB = new()
    {
        [StatementFormat.Ofx] = 6_550,
        [StatementFormat.Cnab240] = 2_180,
        [StatementFormat.Cnab400] = 2_600,
        [StatementFormat.Camt053] = 1_380,
        [StatementFormat.Pix] = 3_390,
    };

    /// <summary>The generated file of about <paramref name="mib"/> MiB, in <paramref name="folder"/>.</summary>
    public static string Generate(string folder, StatementFormat format, int mib)
    {
        var count = s_perMiB[format] * mib;
        var extension = format switch
        {
            StatementFormat.Ofx => "ofx",
            StatementFormat.Camt053 => "xml",
            StatementFormat.Pix => "json",
            _ => "ret",
        };
        var path = Path.Combine(folder, $"bench-{format}-{mib}MiB.{extension}");
        using var writer = new StreamWriter(path, append: false, Encoding.Latin1, 1 << 20);
        switch (format)
        {
            case StatementFormat.Ofx:
                StatementFiles.WriteOfx(writer, count);
                break;
            case StatementFormat.Cnab240:
                StatementFiles.WriteCnab240(writer, count);
                break;
            case StatementFormat.Camt053:
                StatementFiles.WriteCamt053(writer, count);
                break;
            case StatementFormat.Pix:
                StatementFiles.WritePixList(writer, count);
                break;
            default:
                StatementFiles.WriteCnab400Bradesco(writer, count);
                break;
        }

        return path;
    }

    /// <summary><c>--stream-peak [MiB] [formats]</c>: generates an OFX, a CNAB 240 and a CNAB 400 file (or the formats given,
    /// comma-separated) of about that size (1024 by default) in a temporary folder, reads each with <see cref="StatementReader.ReadStream(string, Stream, StreamReadOptions)"/>
    /// in a loop that keeps nothing, and prints elapsed time, MB/s, and the peak GC heap and working set during the read.
    /// The files are deleted afterwards.</summary>
    public static void StreamPeak(int mib, IReadOnlyList<StatementFormat> formats)
    {
        var folder = Directory.CreateTempSubdirectory("kolek-stream-").FullName;
        try
        {
            foreach (var format in formats)
            {
                var path = Generate(folder, format, mib);
                var size = new FileInfo(path).Length;
                GC.Collect();
                using var process = Process.GetCurrentProcess();
                var peakHeap = 0L;
                var count = 0L;
                var credits = 0m;
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                {
                    var statement = StatementReader.ReadStream(Path.GetFileName(path), file);
                    foreach (var transaction in statement.Transactions)
                    {
                        if (transaction.Kind == TransactionKind.Credit)
                        {
                            credits += transaction.Amount;
                        }

                        if (++count % 50_000 == 0)
                        {
                            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                        }
                    }

                    watch.Stop();
                    process.Refresh();
                    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                    var codes = string.Join(", ", statement.Diagnostics.GroupBy(d => d.Code).Select(g => $"{g.Key}×{g.Count()}"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{format}: {size / MiB:F0} MiB, {count} transactions, credits {credits:F2}, {statement.Diagnostics.Count} diagnostics ({codes}), "
                        + $"{watch.Elapsed.TotalSeconds:F1} s = {size / MiB / watch.Elapsed.TotalSeconds:F1} MiB/s, CPU {cpu:F1} s = {size / MiB / cpu:F1} MiB/s per CPU second; "
                        + $"peak GC heap {peakHeap / MiB:F0} MiB, peak working set {process.PeakWorkingSet64 / MiB:F0} MiB (process, so far)"));
                }

                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine("load average: " + File.ReadAllText("/proc/loadavg").Trim());
    }

    /// <summary><c>--throughput [MiB] [ofx-js script]</c>: on generated files of about that size (64 by default), one warm-up
    /// then the best of three reads of each: Kolek OFX (whole and streaming) against the npm parser ofx-js (run by
    /// node with the given script, skipped when node or the script is missing), and Kolek CNAB 240 and 400 (streaming)
    /// against a read-split-slice baseline and a memory scan of the same file.</summary>
    /// <param name="mib">The size of each generated file.</param>
    /// <param name="ofxJs">The ofx-js script for node, or null.</param>
    /// <param name="cnabOnly">When true (<c>--throughput-cnab</c>), only the CNAB readers and their baselines are measured.</param>
    public static void Throughput(int mib, string? ofxJs, bool cnabOnly = false)
    {
        var folder = Directory.CreateTempSubdirectory("kolek-mbs-").FullName;
        try
        {
            if (!cnabOnly)
            {
                Ofx(folder, mib, ofxJs);
            }

            foreach (var format in new[] { StatementFormat.Cnab240, StatementFormat.Cnab400 })
            {
                var cnab = Generate(folder, format, mib);
                Report($"{format} Kolek ReadStream (with SHA-256)", cnab, () => Stream(cnab, sha256: true));
                var kolek = Report($"{format} Kolek ReadStream (ComputeSha256 = false)", cnab, () => Stream(cnab, sha256: false));
                var amount = format == StatementFormat.Cnab240 ? (77, 15) : (253, 13);
                var split = Report($"{format} File.ReadLines + Substring", cnab, () => ReadSplitSlice(cnab, amount.Item1, amount.Item2));
                var scan = Report($"{format} memory scan (count LF)", cnab, () => CountNewlines(cnab));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{format} Kolek/read-split-slice = {kolek / split:F2}x, Kolek/memory scan = {kolek / scan:F3}x"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine("load average: " + File.ReadAllText("/proc/loadavg").Trim());
    }

    private static void Ofx(string folder, int mib, string? ofxJs)
    {
        var ofx = Generate(folder, StatementFormat.Ofx, mib);
        Report("OFX   Kolek ReadStream (with SHA-256)", ofx, () => Stream(ofx, sha256: true));
        var ofxKolek = Report("OFX   Kolek ReadStream (ComputeSha256 = false)", ofx, () => Stream(ofx, sha256: false));
        Report("OFX   Kolek Read (whole file)", ofx, () => StatementReader.Read("x.ofx", File.ReadAllBytes(ofx)).Transactions.Count);
        if (ofxJs is not null && File.Exists(ofxJs))
        {
            var js = OfxJs(ofxJs, ofx);
            Console.WriteLine(js is { } s
                ? string.Create(CultureInfo.InvariantCulture, $"OFX   ofx-js (node): {s:F1} MiB/s; Kolek/ofx-js = {ofxKolek / s:F1}x")
                : "OFX   ofx-js: node failed, see above");
        }
        else
        {
            Console.WriteLine("OFX   ofx-js: skipped (no node script given or found)");
        }
    }

    private static long Stream(string path, bool sha256)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var count = 0L;
        var options = new StreamReadOptions { ComputeSha256 = sha256 };
        foreach (var transaction in StatementReader.ReadStream(Path.GetFileName(path), file, options).Transactions)
        {
            count += transaction.Source.Line > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The plain baseline: every line, the amount field cut out and parsed as a whole number of cents.</summary>
    private static long ReadSplitSlice(string path, int start, int length)
    {
        var total = 0L;
        foreach (var line in File.ReadLines(path, Encoding.Latin1))
        {
#pragma warning disable CA1846 // The baseline is the plain way on purpose: a string per line and per field.
            if (line.Length >= start + length && long.TryParse(line.Substring(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out var cents))
#pragma warning restore CA1846
            {
                total += cents;
            }
        }

        return total;
    }

    /// <summary>The memory-scan bound: read the bytes and count line feeds, nothing else.</summary>
    private static long CountNewlines(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        var count = 0L;
        for (int read; (read = file.Read(buffer)) > 0;)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return count;
    }

    /// <summary>Runs a warm-up and three timed reads; prints and returns the best MiB/s.</summary>
    private static double Report(string name, string path, Func<long> read)
    {
        var size = new FileInfo(path).Length / MiB;
        var result = read();
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 3; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = read();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        // CPU time (the whole process, GC threads included) is less disturbed by other loads than the wall clock.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {size:F0} MiB in {best:F2} s = {size / best:F1} MiB/s; CPU {bestCpu:F2} s = {size / bestCpu:F1} MiB/CPU-s (result {result})"));
        return size / best;
    }

    private static double? OfxJs(string script, string path)
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", [script, path]) { RedirectStandardOutput = true });
            if (node is null)
            {
                return null;
            }

            var output = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            Console.Write("      ofx-js says: " + output);
            var mbs = output.Split(' ').FirstOrDefault(w => w.StartsWith("mibs=", StringComparison.Ordinal));
            return mbs is null ? null : double.Parse(mbs["mibs=".Length..], CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("      node not found");
            return null;
        }
    }
}

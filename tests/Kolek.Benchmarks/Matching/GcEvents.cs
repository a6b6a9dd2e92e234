using System.Diagnostics.Tracing;
using System.Globalization;

namespace Kolek.Benchmarks.Matching;

/// <summary>The runtime's GC events of this process (<c>--measure-peak … gc</c>): per collection the generation, the
/// reason, the pause and the bytes that survived it, the bytes marked through each kind of root, and the bytes allocated
/// per type (sampled by the runtime's allocation ticks), to find what a run keeps alive across its collections.</summary>
/// <remarks>Events arrive on the listener's own thread a moment after the collection; <see cref="Drain"/> waits a little
/// for the last ones.</remarks>
internal sealed class GcEvents : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    /// <summary>Names of the GCMarkWithType root kinds (the runtime's <c>gc_root_kind</c>).</summary>
    private static readonly string[] s_rootKinds = ["stack", "finalizer", "handles", "older", "sizedref", "overflow", "dependent", "newer"];

    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, long> _marked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _allocated = new(StringComparer.Ordinal);
    private DateTime _suspended;
    private double _pauses;
    private string _current = "";

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        lock (_lock)
        {
            switch (e.EventName)
            {
                case "GCStart_V2":
                    _current = string.Create(CultureInfo.InvariantCulture, $"gc #{Field(e, "Count")} gen{Field(e, "Depth")} reason={Field(e, "Reason")}");
                    break;
                case "GCSuspendEEBegin_V1":
                    _suspended = e.TimeStamp;
                    break;
                case "GCRestartEEEnd_V1":
                    var pause = (e.TimeStamp - _suspended).TotalMilliseconds;
                    _pauses += pause;
                    _lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {_current} pause={pause:F1} ms"));
                    break;
                case "GCMarkWithType":
                    var kind = Convert.ToInt32(Field(e, "Type"), CultureInfo.InvariantCulture);
                    var name = kind < s_rootKinds.Length ? s_rootKinds[kind] : kind.ToString(CultureInfo.InvariantCulture);
                    _marked[name] = _marked.GetValueOrDefault(name) + Convert.ToInt64(Field(e, "Bytes"), CultureInfo.InvariantCulture);
                    break;
                case "GCHeapStats_V2":
                    _current += string.Create(CultureInfo.InvariantCulture,
                        $" promoted gen0→1 {Mib(e, "TotalPromotedSize0")} gen1→2 {Mib(e, "TotalPromotedSize1")} MiB; sizes gen0 {Mib(e, "GenerationSize0")} gen1 {Mib(e, "GenerationSize1")} gen2 {Mib(e, "GenerationSize2")} loh {Mib(e, "GenerationSize3")} MiB");
                    break;
                case "GCAllocationTick_V4":
                    var type = Convert.ToString(Field(e, "TypeName"), CultureInfo.InvariantCulture) ?? "?";
                    _allocated[type] = _allocated.GetValueOrDefault(type) + Convert.ToInt64(Field(e, "AllocationAmount64"), CultureInfo.InvariantCulture);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Prints the collections seen since the last call, and the bytes marked per kind of root.</summary>
    public void Drain(TextWriter output)
    {
        Thread.Sleep(1500);
        lock (_lock)
        {
            foreach (var line in _lines)
            {
                output.WriteLine(line);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    pauses (suspend to restart) {_pauses:F0} ms; bytes marked from: {string.Join(", ", _marked.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value / 1048576.0:F1} MiB"))}"));
            foreach (var (type, bytes) in _allocated.OrderByDescending(a => a.Value).Take(25))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    allocated (sampled) {bytes / 1048576.0,7:F1} MiB {type}"));
            }

            _allocated.Clear();
            _lines.Clear();
            _marked.Clear();
            _pauses = 0;
        }
    }

    private static object? Field(EventWrittenEventArgs e, string name)
    {
        var at = e.PayloadNames?.IndexOf(name) ?? -1;
        return at >= 0 ? e.Payload![at] : null;
    }

    private static string Mib(EventWrittenEventArgs e, string name) =>
        (Convert.ToInt64(Field(e, name), CultureInfo.InvariantCulture) / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
}

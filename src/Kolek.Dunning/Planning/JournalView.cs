using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Dunning.Planning;

/// <summary>The keys done in the journal for a batch of charges, grouped by charge, with the instant each was done.</summary>
/// <remarks>
/// <para>Build one per batch from the journal entries of the batch's charges, read with the batch (e.g.
/// <c>WHERE charge_id IN (…) ORDER BY charge_id</c>), and pass it to <see cref="ChargeEvaluator"/> and
/// <see cref="DunningPlanner.Plan(IEnumerable{Charges.CustomerCharge}, Ruler.DunningRuler, JournalView, Instant)"/>.
/// A charge's keys sit side by side, and a batch evaluated in order finds each charge a step or two after the previous
/// one, so an evaluation reads one or two cache lines; a portfolio-wide <c>Dictionary&lt;SentKey, Instant&gt;</c> costs a
/// cache miss on every key asked instead (see <c>tests/Kolek.Benchmarks</c>, <c>--evaluate</c>).</para>
/// <para>Building is one pass over the entries (comparing references only) and one over the charges (reading each charge
/// id's characters once) when the entries come grouped by charge and ordered by charge id; grouped in another order, a
/// table of the charges is built too; otherwise a sorted copy is made first. All give the same answers. A key given twice
/// counts at its earliest instant. Charges absent from the view have nothing done.</para>
/// <para>Building also numbers the distinct (step, channel) keys (up to 64) and records, per charge, the mask of those it
/// holds: the evaluator then tests a step in a few bit operations (beyond 64 keys it compares the entries, same answers).
/// Step ids and channels are compared by reference before their characters, so a host that passes the ruler's own strings
/// reads almost none of theirs.</para>
/// <para>What a view holds never changes; it is thread-safe (the one field it writes is a hint of where to look next).</para>
/// </remarks>
public sealed class JournalView
{
    /// <summary>How many runs ahead the comparison pass asks for a charge id's characters.</summary>
    private const int PrefetchDistance = 16;

    private readonly KeyValuePair<SentKey, Instant>[] _entries; // never written after construction
    private readonly string[] _runCharge; // the charge of each run (a run: one charge's entries, side by side)
    private readonly int[] _runStart;     // one more than the runs: run r spans _runStart[r] .. _runStart[r + 1]
    private readonly Dictionary<string, int>? _runOf; // only when the runs are not in ordinal order of charge id (else a search)
    private readonly KeyTable _keys;      // the distinct (step, channel) pairs, numbered in order of appearance
    private readonly ulong[]? _runMask;   // per run, bit k set when the run holds key k; null beyond KeyTable.Capacity keys
    private int _hint; // the run found last: evaluations in the batch's order find the next run in a step or two
    private object? _evaluatorBits; // what the last evaluator derived from _keys (see ChargeEvaluator), replaced whole

    /// <summary>Builds the view of the given done keys.</summary>
    /// <param name="done">
    /// Each done key with when it was done (<see cref="Instant.MinValue"/> when unknown), best grouped by charge and ordered
    /// by charge id. An <see cref="ImmutableArray{T}"/> is used as it is; any other collection is copied.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="done"/> or a key's charge id, step id or channel is <see langword="null"/>.</exception>
    public JournalView(IEnumerable<KeyValuePair<SentKey, Instant>> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        _entries = done is ImmutableArray<KeyValuePair<SentKey, Instant>> immutable
            ? ImmutableCollectionsMarshal.AsArray(immutable) ?? []
            : [.. done];
        _keys = new KeyTable();
        if (!Group(_entries, _keys, out _runCharge, out _runStart, out _runOf, out _runMask))
        {
            // A charge's entries came apart: sort a copy by charge and group again (a key given twice is resolved on reading).
            _entries = [.. _entries];
            Array.Sort(_entries, static (x, y) => string.CompareOrdinal(x.Key.ChargeId, y.Key.ChargeId));
            Group(_entries, _keys, out _runCharge, out _runStart, out _runOf, out _runMask);
        }
    }

    /// <summary>
    /// A run per charge, each with the mask of its keys; <see langword="false"/> when a charge's entries are not all together.
    /// The pass over the entries compares charge ids, step ids and channels by reference only: it reads no string, so its
    /// cost is the entries' own memory. A second, short pass over the runs compares the charge ids' characters (merging
    /// neighbouring runs of equal ids held in different strings). A host's id strings are scattered over its heap, so each
    /// one read is a cache miss: the second pass asks for the id <see cref="PrefetchDistance"/> runs ahead, and its loads do
    /// not depend on each other, where the old single pass, comparing an id every few entries, waited for each (per charge
    /// in <c>--evaluate</c>: 112 ns to build a view before, 43 ns after).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Group(KeyValuePair<SentKey, Instant>[] done, KeyTable keys, out string[] runCharge, out int[] runStart, out Dictionary<string, int>? runOf, out ulong[]? runMask)
    {
        // At most one run per entry: pooled scratch of that size, copied out at the exact size (no growth, no large-object allocation).
        var charges = ArrayPool<string>.Shared.Rent(done.Length);
        var starts = ArrayPool<int>.Shared.Rent(done.Length + 1);
        var masks = ArrayPool<ulong>.Shared.Rent(done.Length);
        var runs = 0;
        var sorted = true;
        var masked = true;
        try
        {
            var mask = 0UL;
            var previous = KeyTable.Capacity; // the key before this one in its run (Capacity: the run's start)
            string? current = null;
            for (var i = 0; i < done.Length; i++)
            {
                var key = done[i].Key;
                if (key.StepId is null || key.Channel is null || key.ChargeId is null)
                {
                    throw new ArgumentNullException(nameof(done), "A done key has a null charge id, step id or channel.");
                }

                if (!ReferenceEquals(key.ChargeId, current))
                {
                    if (runs > 0)
                    {
                        masks[runs - 1] = mask;
                    }

                    current = key.ChargeId;
                    charges[runs] = current;
                    starts[runs++] = i;
                    mask = 0UL;
                    previous = KeyTable.Capacity;
                }

                if (masked)
                {
                    var k = keys.Number(previous, key.StepId, key.Channel);
                    if (k < 0)
                    {
                        masked = false; // more distinct keys than bits: the evaluator reads the entries instead
                    }
                    else
                    {
                        mask |= 1UL << k;
                        previous = k;
                    }
                }
            }

            if (runs > 0)
            {
                masks[runs - 1] = mask;
            }

            // Runs of equal ids side by side become one (ordinal order: the order of Search and of FromEntries' sort).
            var kept = Math.Min(runs, 1);
            for (var r = 1; r < runs; r++)
            {
                if (r + PrefetchDistance < runs)
                {
                    Prefetch(charges[r + PrefetchDistance]);
                }

                var order = string.CompareOrdinal(charges[kept - 1], charges[r]);
                if (order == 0)
                {
                    masks[kept - 1] |= masks[r];
                    continue;
                }

                sorted &= order < 0;
                charges[kept] = charges[r];
                starts[kept] = starts[r];
                masks[kept++] = masks[r];
            }

            starts[kept] = done.Length;
            runCharge = charges.AsSpan(0, kept).ToArray();
            runStart = starts.AsSpan(0, kept + 1).ToArray();
            runMask = masked ? masks.AsSpan(0, kept).ToArray() : null;
        }
        finally
        {
            Array.Clear(charges, 0, runs);
            ArrayPool<string>.Shared.Return(charges);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<ulong>.Shared.Return(masks);
        }

        runOf = null;
        if (!sorted)
        {
            runOf = new Dictionary<string, int>(runCharge.Length, StringComparer.Ordinal);
            for (var r = 0; r < runCharge.Length; r++)
            {
                if (!runOf.TryAdd(runCharge[r], r))
                {
                    keys.Clear();
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Asks the processor to start loading a string's first characters (a hint: no effect where not supported).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(string text)
    {
        if (Sse.IsSupported)
        {
            fixed (char* at = text)
            {
                Sse.Prefetch0(at);
            }
        }
    }

    /// <summary>An empty view: nothing done.</summary>
    public static JournalView Empty { get; } = new([]);

    /// <summary>The view of the keys done at <paramref name="now"/> among journal entries: those not claimable again then.</summary>
    /// <param name="entries">The journal entries of the batch's charges (others are harmless).</param>
    /// <param name="now">The planning instant: a transient failure whose retry time has come is not done.</param>
    /// <returns>The view; each key done at its outcome's instant, or its claim's while in doubt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    public static JournalView FromEntries(IEnumerable<JournalEntry> entries, Instant now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        KeyValuePair<SentKey, Instant>[] done = [.. entries
            .Where(e => !e.IsClaimableAt(now))
            .Select(e => KeyValuePair.Create(new SentKey(e.Key.ChargeId, e.Key.StepId, e.Key.Channel), e.Outcome?.At ?? e.ClaimedAt))];
        Array.Sort(done, static (x, y) => string.CompareOrdinal(x.Key.ChargeId, y.Key.ChargeId)); // a journal lists by claim instant
        return new JournalView(ImmutableCollectionsMarshal.AsImmutableArray(done)); // ours alone: no second copy
    }

    /// <summary>The number of charges with at least one key done.</summary>
    public int ChargeCount => _runCharge.Length;

    /// <summary>When <paramref name="key"/> was done.</summary>
    /// <param name="key">The (charge, step, channel).</param>
    /// <returns>The instant (the earliest, if given twice; <see cref="Instant.MinValue"/> when unknown), or <see langword="null"/> when not done.</returns>
    /// <remarks>Safe to call from several threads: the only state it changes is a hint of where to look next.</remarks>
    public Instant? DoneAt(SentKey key) => For(key.ChargeId).DoneAt(key.StepId, key.Channel);

    /// <summary>The bit of a (step, channel) key in the charges' masks (<see cref="ChargeKeys.Mask"/>), or 0 when no charge of the view has it.</summary>
    /// <remarks>Only meaningful when <see cref="HasMasks"/>.</remarks>
    internal ulong Bit(string stepId, string channel) => _keys.Find(stepId, channel) is var k and >= 0 ? 1UL << k : 0UL;

    /// <summary>Whether each charge's keys come with a mask (<see cref="ChargeKeys.Mask"/>): at most <see cref="KeyTable.Capacity"/> distinct (step, channel) keys.</summary>
    internal bool HasMasks => _runMask is not null;

    /// <summary>What an evaluator derived from this view's key numbers, kept for its next charges (replaced whole, never changed).</summary>
    internal object? EvaluatorBits
    {
        get => Volatile.Read(ref _evaluatorBits);
        set => Volatile.Write(ref _evaluatorBits, value);
    }

    /// <summary>The done keys of one charge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal ChargeKeys For(string? chargeId)
    {
        if (chargeId is null)
        {
            return default;
        }

        // Evaluations usually come in the batch's order: look near the run found last before searching the whole view.
        // The same string as the run found last, or the next, needs no characters read.
        var hint = Volatile.Read(ref _hint);
        var runs = _runCharge;
        int run;
        if ((uint)hint < (uint)runs.Length && ReferenceEquals(runs[hint], chargeId))
        {
            run = hint;
        }
        else if ((uint)(hint + 1) < (uint)runs.Length && ReferenceEquals(runs[hint + 1], chargeId))
        {
            run = hint + 1;
        }
        else if (_runOf is not null)
        {
            if (!_runOf.TryGetValue(chargeId, out run))
            {
                return default;
            }
        }
        else
        {
            run = Search(runs, hint, chargeId);
            if (run < 0)
            {
                Volatile.Write(ref _hint, ~run - 1); // absent: the next charge in order is likely just after
                return default;
            }
        }

        Volatile.Write(ref _hint, run);
        return new ChargeKeys(_entries.AsSpan(_runStart[run], _runStart[run + 1] - _runStart[run]), _runMask is { } masks ? masks[run] : 0UL);
    }

    /// <summary>Finds a charge among runs sorted by charge id, galloping forward from <paramref name="hint"/> (binary search result convention).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Search(string[] runs, int hint, string chargeId)
    {
        int lo = 0, hi = runs.Length - 1;
        if ((uint)hint < (uint)runs.Length)
        {
            var atHint = string.CompareOrdinal(runs[hint], chargeId);
            if (atHint == 0)
            {
                return hint;
            }

            if (atHint < 0)
            {
                lo = hint + 1;
                for (var step = 1; lo + step - 1 < runs.Length; step *= 2)
                {
                    var c = string.CompareOrdinal(runs[lo + step - 1], chargeId);
                    if (c >= 0)
                    {
                        if (c == 0)
                        {
                            return lo + step - 1;
                        }

                        hi = lo + step - 2;
                        break;
                    }

                    lo += step;
                }
            }
            else
            {
                hi = hint - 1;
            }
        }

        return Array.BinarySearch(runs, lo, Math.Max(0, hi - lo + 1), chargeId, StringComparer.Ordinal);
    }

    /// <summary>The done keys of one charge, side by side, and their mask when the view has masks.</summary>
    internal readonly ref struct ChargeKeys(ReadOnlySpan<KeyValuePair<SentKey, Instant>> entries, ulong mask)
    {
        private readonly ReadOnlySpan<KeyValuePair<SentKey, Instant>> _entries = entries;

        /// <summary>Bit k set when the charge has the view's key k (see <see cref="Bit"/>); 0 when the view has no masks.</summary>
        public ulong Mask { get; } = mask;

        /// <summary>Whether the key is done.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Contains(string stepId, string channel)
        {
            foreach (ref readonly var e in _entries)
            {
                if (Same(e.Key, stepId, channel))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>When the key was done (the earliest if given twice), or <see langword="null"/>.</summary>
        public Instant? DoneAt(string? stepId, string? channel)
        {
            Instant? found = null;
            foreach (ref readonly var e in _entries)
            {
                if (Same(e.Key, stepId, channel) && (found is null || e.Value < found.Value))
                {
                    found = e.Value;
                }
            }

            return found;
        }

        private static bool Same(in SentKey key, string? stepId, string? channel) =>
            (ReferenceEquals(key.StepId, stepId) || string.Equals(key.StepId, stepId, StringComparison.Ordinal))
            && (ReferenceEquals(key.Channel, channel) || string.Equals(key.Channel, channel, StringComparison.Ordinal));
    }

    /// <summary>The distinct (step, channel) keys of a view, numbered 0 .. <see cref="Capacity"/> - 1 in order of appearance.</summary>
    /// <remarks>
    /// A charge's keys usually come in the order of the previous charge's (the ruler's order), so each key is first looked for
    /// where the key after the previous one was found last time: one pair of reference comparisons. Then by reference among
    /// all, then by characters (strings equal but not the same object are one key). Written only while the view is built.
    /// </remarks>
    internal sealed class KeyTable
    {
        /// <summary>The most keys numbered: one bit each in a <see cref="ulong"/>.</summary>
        public const int Capacity = 64;

        private readonly string[] _step = new string[Capacity];
        private readonly string[] _channel = new string[Capacity];
        private readonly int[] _next = new int[Capacity + 1]; // after key k (or a run's start, at Capacity), the key seen last
        private int _count;

        /// <summary>The number of the key, numbering it if new; -1 when the table is full.</summary>
        /// <param name="previous">The number of the key before it in the same run, or <see cref="Capacity"/> at a run's start.</param>
        /// <param name="stepId">The step id.</param>
        /// <param name="channel">The channel.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Number(int previous, string stepId, string channel)
        {
            var k = _next[previous];
            if (k < _count && ReferenceEquals(_step[k], stepId) && ReferenceEquals(_channel[k], channel))
            {
                return k;
            }

            k = Find(stepId, channel);
            if (k < 0)
            {
                if (_count == Capacity)
                {
                    return -1;
                }

                k = _count++;
                _step[k] = stepId;
                _channel[k] = channel;
            }

            _next[previous] = k;
            return k;
        }

        /// <summary>The number of the key, or -1.</summary>
        public int Find(string stepId, string channel)
        {
            for (var k = 0; k < _count; k++)
            {
                if (ReferenceEquals(_step[k], stepId) && ReferenceEquals(_channel[k], channel))
                {
                    return k;
                }
            }

            for (var k = 0; k < _count; k++)
            {
                if (string.Equals(_step[k], stepId, StringComparison.Ordinal) && string.Equals(_channel[k], channel, StringComparison.Ordinal))
                {
                    return k;
                }
            }

            return -1;
        }

        /// <summary>Forgets every key (before grouping again).</summary>
        public void Clear()
        {
            _count = 0;
            Array.Clear(_next);
        }
    }
}

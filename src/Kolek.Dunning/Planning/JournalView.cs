using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// <para>Building is one pass over the charge ids when the entries come grouped by charge and ordered by charge id;
/// grouped in another order, a table of the charges is built too; otherwise a sorted copy is made first. All give the
/// same answers. A key given twice counts at its earliest instant. Charges absent from the view have nothing done.</para>
/// <para>What a view holds never changes; it is thread-safe (the one field it writes is a hint of where to look next).</para>
/// </remarks>
public sealed class JournalView
{
    private readonly KeyValuePair<SentKey, Instant>[] _entries; // never written after construction
    private readonly string[] _runCharge; // the charge of each run (a run: one charge's entries, side by side)
    private readonly int[] _runStart;     // one more than the runs: run r spans _runStart[r] .. _runStart[r + 1]
    private readonly Dictionary<string, int>? _runOf; // only when the runs are not in ordinal order of charge id (else a search)
    private int _hint; // the run found last: evaluations in the batch's order find the next run in a step or two

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
        if (!Group(_entries, out _runCharge, out _runStart, out _runOf))
        {
            // A charge's entries came apart: sort a copy by charge and group again (a key given twice is resolved on reading).
            _entries = [.. _entries];
            Array.Sort(_entries, static (x, y) => string.CompareOrdinal(x.Key.ChargeId, y.Key.ChargeId));
            Group(_entries, out _runCharge, out _runStart, out _runOf);
        }
    }

    /// <summary>One pass: a run per charge; <see langword="false"/> when a charge's entries are not all together.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Group(KeyValuePair<SentKey, Instant>[] done, out string[] runCharge, out int[] runStart, out Dictionary<string, int>? runOf)
    {
        var charges = new List<string>();
        var starts = new List<int>();
        var sorted = true;
        string? current = null;
        for (var i = 0; i < done.Length; i++)
        {
            var key = done[i].Key;
            if (key.StepId is null || key.Channel is null || key.ChargeId is null)
            {
                throw new ArgumentNullException(nameof(done), "A done key has a null charge id, step id or channel.");
            }

            if (!ReferenceEquals(key.ChargeId, current) && !string.Equals(key.ChargeId, current, StringComparison.Ordinal))
            {
                sorted &= current is null || string.CompareOrdinal(current, key.ChargeId) < 0;
                current = key.ChargeId;
                charges.Add(current);
                starts.Add(i);
            }
        }

        starts.Add(done.Length);
        runCharge = [.. charges];
        runStart = [.. starts];
        runOf = null;
        if (!sorted)
        {
            runOf = new Dictionary<string, int>(runCharge.Length, StringComparer.Ordinal);
            for (var r = 0; r < runCharge.Length; r++)
            {
                if (!runOf.TryAdd(runCharge[r], r))
                {
                    return false;
                }
            }
        }

        return true;
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

    /// <summary>The done keys of one charge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal ChargeKeys For(string? chargeId)
    {
        if (chargeId is null)
        {
            return default;
        }

        // Evaluations usually come in the batch's order: look near the run found last before searching the whole view.
        var hint = Volatile.Read(ref _hint);
        var runs = _runCharge;
        int run;
        if ((uint)hint < (uint)runs.Length && (ReferenceEquals(runs[hint], chargeId) || string.Equals(runs[hint], chargeId, StringComparison.Ordinal)))
        {
            run = hint;
        }
        else if (_runOf is not null)
        {
            if ((uint)(hint + 1) < (uint)runs.Length && (ReferenceEquals(runs[hint + 1], chargeId) || string.Equals(runs[hint + 1], chargeId, StringComparison.Ordinal)))
            {
                run = hint + 1;
            }
            else if (!_runOf.TryGetValue(chargeId, out run))
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
        return new ChargeKeys(_entries.AsSpan(_runStart[run], _runStart[run + 1] - _runStart[run]));
    }

    /// <summary>Finds a charge among runs sorted by charge id, galloping forward from <paramref name="hint"/> (binary search result convention).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Search(string[] runs, int hint, string chargeId)
    {
        int lo = 0, hi = runs.Length - 1;
        if ((uint)hint < (uint)runs.Length)
        {
            if (string.CompareOrdinal(runs[hint], chargeId) < 0)
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

    /// <summary>The done keys of one charge, side by side.</summary>
    internal readonly ref struct ChargeKeys(ReadOnlySpan<KeyValuePair<SentKey, Instant>> entries)
    {
        private readonly ReadOnlySpan<KeyValuePair<SentKey, Instant>> _entries = entries;

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
}

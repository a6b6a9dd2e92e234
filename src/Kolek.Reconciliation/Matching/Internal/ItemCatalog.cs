using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The open items of one run, sorted by due date then id, with look-ups by reference and payer document.</summary>
/// <remarks>
/// <para>Every list of item indexes is ascending, that is oldest due first.</para>
/// <para>The lists live in one flat array, each a segment of it (offsets per key and kind of look-up), rather than a
/// list object per key and kind: a run registers a few hundred thousand keys that stay alive for the whole run, and as
/// that many small objects every garbage collection during the run marked and copied them.</para>
/// <para>Why only the credits' keys are indexed: a run looks items up only by the references and payer documents its
/// credits carry, a few hundred thousand keys at most, while a portfolio of a million items has five to ten million
/// keys. Indexing every item key cost most of the run's time and several hundred MB; so <see cref="Index"/> first
/// registers the keys the credits will ask for, then scans the items once and records only the items those keys
/// name. A look-up of a key that was not registered finds nothing.</para>
/// </remarks>
internal sealed class ItemCatalog
{
    /// <summary>How many kinds of look-up (<see cref="Kind"/>): a key's lists are the slots <c>id × KindCount + kind</c>.</summary>
    private const int KindCount = 6;

    private readonly OpenItem[] _items;

    /// <summary>The items in the caller's order.</summary>
    private readonly OpenItem[] _input;

    /// <summary>For each item in the caller's order, its position in <see cref="_items"/>.</summary>
    private readonly int[] _positionOf;

    /// <summary>Registered keys (references and bare payer documents) → their id, in the order registered.</summary>
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);

    /// <summary>Per key id, one bit per <see cref="Kind"/> somebody looks the key up by (items are recorded only for those).</summary>
    private byte[] _wanted = [];

    /// <summary>Per slot (key id × <see cref="KindCount"/> + kind), where its items start in <see cref="_flat"/>; one
    /// more entry at the end. Built by <see cref="Index"/>.</summary>
    private int[] _start = [0];

    /// <summary>The items of every slot, each slot's ascending and distinct.</summary>
    private int[] _flat = [];

    /// <summary>Findings recorded in order by <see cref="Record"/> (slot and item, side by side) until the slots are
    /// built; rented, returned once built.</summary>
    private int[] _recordedSlots = [];
    private int[] _recordedItems = [];
    private int _recorded;

    /// <summary>A one-bit-per-hash filter over <see cref="_keys"/>: most item keys are not registered, and this answers
    /// "not registered" from a few hundred KB instead of a dictionary look-up that misses the cache.</summary>
    private ulong[] _filter = [];

    /// <summary>Registered mask shapes (<c>???######??</c>) → visible characters → documents, in first-seen order.</summary>
    private readonly Dictionary<string, Dictionary<string, List<string>>> _masks = new(StringComparer.Ordinal);

    /// <remarks>Runs once per item of the portfolio (a million in the benchmark), so it sorts by a primitive key
    /// (day number, input position) and sorts by id only the days whose items are not already in id order. Loops over
    /// all items go in the caller's order, which is usually the order the items sit in memory: in due-date order each
    /// item would be a cache miss.</remarks>
    public ItemCatalog(IEnumerable<OpenItem> openItems)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        var input = openItems.ToArray();
        if (Array.IndexOf(input, null) >= 0)
        {
            throw new ArgumentException("An open item is null.", nameof(openItems));
        }

        var ascending = StrictlyAscendingIds(input);
        var (items, order) = SortByDueDateThenId(input, ascending);
        if (!ascending && !AllDistinct(input))
        {
            // Reported as before: the first repeated id in due-date order.
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var repeated = items.First(i => !ids.Add(i.Id));
            throw new ArgumentException($"Two open items have the id '{repeated.Id}'.", nameof(openItems));
        }

        _items = items;
        _input = input;
        _positionOf = new int[items.Length];
        for (var position = 0; position < order.Length; position++)
        {
            _positionOf[order[position]] = position;
        }
    }

    private enum Kind
    {
        NossoNumero,
        Txid,
        EndToEndId,
        DocumentNumber,
        AnyReference,
        PayerDocument,
    }

    /// <summary>The items, oldest due first.</summary>
    /// <remarks>Arrays, not interfaces: read per item in the run's hottest loops, where an interface call per
    /// element costs more than the work.</remarks>
    public OpenItem[] Items => _items;

    /// <summary>The items in the order the caller gave them, which is usually their order in memory: loops over every
    /// item run faster in this order than in due-date order.</summary>
    public OpenItem[] InputOrder => _input;

    /// <summary>For each item of <see cref="InputOrder"/>, its index in <see cref="Items"/>.</summary>
    public int[] PositionOf => _positionOf;

    /// <summary>A number per calendar day, increasing by one a day (the ISO day number).</summary>
    public static int DayNumber(LocalDate date) =>
        (date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso)).ToDateOnly().DayNumber;

    /// <summary>Indexes the items under the keys the credits carry; call once, before any look-up.</summary>
    /// <param name="credits">The credits whose keys are looked up.</param>
    /// <param name="parallelism">How many threads the scan of the items may use.</param>
    /// <param name="minItemsPerThread">Items per thread below which the scan is not split.</param>
    public void Index(IReadOnlyList<PendingCredit> credits, int parallelism, int minItemsPerThread)
    {
        // Sized once for every key the credits may register (the dictionary would otherwise be rebuilt as it grows).
        var wanted = 0;
        foreach (var credit in credits)
        {
            wanted += (credit.NossoNumero.Key is null ? 0 : 1) + (credit.Txid.Key is null ? 0 : 1)
                + (credit.EndToEndId.Key is null ? 0 : 1) + (credit.DocumentNumber.Key is null ? 0 : 1)
                + credit.MemoReferences.Count + credit.DocumentPatterns.Length;
        }

        _keys.EnsureCapacity(wanted);
        _wanted = new byte[Math.Max(16, wanted)];
        foreach (var credit in credits)
        {
            Want(credit.NossoNumero.Key, Kind.NossoNumero);
            Want(credit.Txid.Key, Kind.Txid);
            Want(credit.EndToEndId.Key, Kind.EndToEndId);
            Want(credit.DocumentNumber.Key, Kind.DocumentNumber);
            foreach (var (_, key) in credit.MemoReferences)
            {
                Want(key, Kind.AnyReference);
            }

            foreach (var pattern in credit.DocumentPatterns)
            {
                if (!pattern.Contains(Keys.Hidden, StringComparison.Ordinal))
                {
                    Want(pattern, Kind.PayerDocument);
                }
                else
                {
                    var shape = Shape(pattern);
                    if (!_masks.TryGetValue(shape, out var byVisible))
                    {
                        byVisible = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                        _masks[shape] = byVisible;
                    }

                    byVisible.TryAdd(Visible(pattern, shape), []);
                }
            }
        }

        var input = _input;
        if (_keys.Count == 0 && _masks.Count == 0)
        {
            _start = new int[1];
            return;
        }

        _filter = new ulong[Math.Max(1024, (int)BitOperations.RoundUpToPowerOf2((uint)_keys.Count) / 4)];
        foreach (var key in _keys.Keys)
        {
            Mark(key);
        }

        var masks = _masks.Select(m => (Shape: m.Key, ByVisible: m.Value.GetAlternateLookup<ReadOnlySpan<char>>())).ToArray();
        // A one-bit filter over (mask shape, visible characters), like _filter: most documents agree with no registered
        // pattern, and are then turned away without a dictionary look-up per item and shape.
        var maskFilter = new ulong[Math.Max(64, (int)BitOperations.RoundUpToPowerOf2((uint)_masks.Sum(m => m.Value.Count)) / 4)];
        for (var m = 0; m < masks.Length; m++)
        {
            foreach (var visibleKey in _masks[masks[m].Shape].Keys)
            {
                var (word, bit) = FilterSlot(maskFilter, MaskHash(m, visibleKey));
                maskFilter[word] |= bit;
            }
        }

        // The items are cut into consecutive ranges (one when the scan is not split), scanned side by side; a range
        // only reads the catalog and writes down what it found, and the findings are then applied range after range, in
        // the caller's order: the very operations of a single scan in the same order, so the catalog ends up identical.
        var degree = Math.Min(parallelism, input.Length / minItemsPerThread);
        var ranges = degree <= 1 ? 1 : degree * 4;
        var found = new Hits[ranges];
        if (degree <= 1)
        {
            found[0] = new Hits();
            Scan(0, input.Length, masks, maskFilter, found[0]);
        }
        else
        {
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = degree }, r =>
            {
                var hits = new Hits();
                Scan((int)((long)input.Length * r / ranges), (int)((long)input.Length * (r + 1) / ranges), masks, maskFilter, hits);
                found[r] = hits;
            });
        }

        var findings = found.Sum(h => h.Count);
        _recordedSlots = ArrayPool<int>.Shared.Rent(Math.Max(16, findings));
        _recordedItems = ArrayPool<int>.Shared.Rent(Math.Max(16, findings));
        _recorded = 0;
        foreach (var hits in found)
        {
            hits.Apply(this);
            hits.Dispose();
        }

        // The items were visited in the caller's order: put every list in due-date order, and the documents of each
        // masked group in the order of their first item.
        BuildSlots();

        foreach (var documents in _masks.Values.SelectMany(m => m.Values))
        {
            documents.Sort((a, b) => FirstSeen(a).CompareTo(FirstSeen(b)));
        }
    }

    /// <summary>Records the items <c>[from, to)</c> of the caller's order under the registered keys.</summary>
    /// <param name="from">The first item, in the caller's order.</param>
    /// <param name="to">The item after the last.</param>
    /// <param name="masks">The registered mask shapes, with their groups by visible characters.</param>
    /// <param name="maskFilter">The one-bit filter over (mask shape, visible characters).</param>
    /// <param name="hits">Where the scan writes what it found, in order, for <see cref="Hits.Apply"/> (it may run beside
    /// others: it only reads the catalog).</param>
    private void Scan(int from, int to, (string Shape, Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> ByVisible)[] masks, ulong[] maskFilter, Hits hits)
    {
        var (input, positionOf) = (_input, _positionOf);
        Span<char> visible = stackalloc char[14];
        for (var k = from; k < to; k++)
        {
            var item = input[k];
            var index = positionOf[k];
            var references = item.References;
            Post(references.NossoNumero, Kind.NossoNumero, index, hits);
            Post(references.Txid, Kind.Txid, index, hits);
            Post(references.EndToEndId, Kind.EndToEndId, index, hits);
            Post(references.DocumentNumber, Kind.DocumentNumber, index, hits);
            Post(references.LinhaDigitavel, null, index, hits);
            var payerDocuments = item.PayerDocuments;
            for (var d = 0; d < payerDocuments.Count; d++)
            {
                var value = payerDocuments[d];
                string? document;
                uint hash;
                if (value is not null && Keys.IsBareDocument(value, out hash))
                {
                    // The usual case: already bare, hashed while checked.
                    document = value;
                }
                else
                {
                    document = Keys.Document(value);
                    if (document is null || document.Contains(Keys.Hidden, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    hash = Keys.Hash(document);
                }

                // A document first seen here joins the groups of the masked patterns it agrees with, and from then on
                // its items are recorded like those of a complete document. (Whether it agrees depends on the document
                // alone, so a scan beside others sees it in every range where the document appears.)
                var grouped = false;
                for (var m = 0; m < masks.Length; m++)
                {
                    var (shape, byVisible) = masks[m];
                    if (shape.Length != document.Length)
                    {
                        continue;
                    }

                    var shown = Visible(document, shape, visible);
                    var (word, bit) = FilterSlot(maskFilter, MaskHash(m, shown));
                    if ((maskFilter[word] & bit) != 0 && byVisible.TryGetValue(shown, out var documents))
                    {
                        hits.Add(new GroupHit(documents, document));
                        grouped = true;
                    }
                }

                if (MayBeKey(hash) && _keys.TryGetValue(document, out var id))
                {
                    hits.Add(id, Kind.PayerDocument, index);
                }
                else if (grouped)
                {
                    // Not registered yet: it will be once its group is applied.
                    hits.Add(document, index);
                }
            }
        }
    }

    /// <summary>Adds a document to a masked pattern's group (once), and registers it for payer look-ups.</summary>
    private void Group(List<string> documents, string document)
    {
        if (!documents.Contains(document))
        {
            documents.Add(document);
            Want(document, Kind.PayerDocument);
        }
    }

    /// <summary>A document and the masked pattern's group it agrees with.</summary>
    private sealed record GroupHit(List<string> Documents, string Document);

    /// <summary>What a scan beside others found, in order: the operations a single scan would have done, applied
    /// afterwards by <see cref="Apply"/>.</summary>
    /// <remarks>A million items can have as many findings, so each is two numbers (8 bytes), in blocks (a growing list
    /// would copy and discard them as it grows): the item, and either a registered key's id and the kind of look-up,
    /// or (negative) a document or group kept aside. The blocks are rented (512 KiB each): they live through the whole
    /// scan, and as small arrays every collection meanwhile copied them.</remarks>
    private sealed class Hits : IDisposable
    {
        private const int BlockSize = 65536;

        private readonly List<long[]> _blocks = [];
        private readonly List<object> _aside = [];
        private int _used = BlockSize;

        /// <summary>How many findings.</summary>
        public int Count => _blocks.Count == 0 ? 0 : ((_blocks.Count - 1) * BlockSize) + _used;

        /// <summary>The item is recorded under the key for the kind of look-up.</summary>
        public void Add(int id, Kind kind, int index) => Add((id * 8) + (int)kind, index);

        /// <summary>The item has a document that will be registered by a group.</summary>
        public void Add(string document, int index) => Aside(document, index);

        /// <summary>A document agrees with a masked pattern's group.</summary>
        public void Add(GroupHit group) => Aside(group, 0);

        /// <summary>Applies every finding to the catalog, in order.</summary>
        public void Apply(ItemCatalog catalog)
        {
            for (var b = 0; b < _blocks.Count; b++)
            {
                var count = b == _blocks.Count - 1 ? _used : BlockSize;
                var block = _blocks[b];
                for (var i = 0; i < count; i++)
                {
                    var (target, index) = ((int)(block[i] >> 32), (int)block[i]);
                    if (target >= 0)
                    {
                        catalog.Record(target >> 3, (Kind)(target & 7), index);
                    }
                    else if (_aside[~target] is GroupHit group)
                    {
                        catalog.Group(group.Documents, group.Document);
                    }
                    else if (catalog._keys.TryGetValue((string)_aside[~target], out var id))
                    {
                        catalog.Record(id, Kind.PayerDocument, index);
                    }
                }
            }
        }

        /// <summary>Gives the blocks back to the pool.</summary>
        public void Dispose()
        {
            foreach (var block in _blocks)
            {
                ArrayPool<long>.Shared.Return(block);
            }

            _blocks.Clear();
        }

        private void Aside(object what, int index)
        {
            _aside.Add(what);
            Add(~(_aside.Count - 1), index);
        }

        private void Add(int target, int index)
        {
            if (_used == BlockSize)
            {
                _blocks.Add(ArrayPool<long>.Shared.Rent(BlockSize));
                _used = 0;
            }

            _blocks[^1][_used++] = ((long)target << 32) | (uint)index;
        }
    }

    /// <summary>Where a document registered for payer look-ups first appears: its first item, and its place among that
    /// item's payer documents.</summary>
    private (int Index, int Slot) FirstSeen(string document)
    {
        var index = ByPayerDocument(document)[0];
        var documents = _items[index].PayerDocuments;
        var slot = 0;
        while (slot < documents.Count && Keys.Document(documents[slot]) != document)
        {
            slot++;
        }

        return (index, slot);
    }

    public ArraySegment<int> ByNossoNumero(string key) => Find(key, Kind.NossoNumero);

    public ArraySegment<int> ByTxid(string key) => Find(key, Kind.Txid);

    public ArraySegment<int> ByEndToEndId(string key) => Find(key, Kind.EndToEndId);

    public ArraySegment<int> ByDocumentNumber(string key) => Find(key, Kind.DocumentNumber);

    /// <summary>Items having the key as any of their references (for references found in a description).</summary>
    public ArraySegment<int> ByAnyReference(string key) => Find(key, Kind.AnyReference);

    /// <summary>Items of a bare payer document.</summary>
    public ArraySegment<int> ByPayerDocument(string document) => Find(document, Kind.PayerDocument);

    /// <summary>The payer documents that agree with a masked pattern at every visible position, in first-seen order.</summary>
    /// <remarks>Banks mask the same positions on every line (<c>•••.456.789-••</c>), so documents are grouped per mask
    /// shape by their characters at the visible positions, and a pattern is a single look-up.</remarks>
    public IReadOnlyList<string> PayerDocumentsMatching(string pattern)
    {
        var shape = Shape(pattern);
        return _masks.TryGetValue(shape, out var byVisible) && byVisible.TryGetValue(Visible(pattern, shape), out var found) ? found : [];
    }

    /// <summary>The items of a key for a kind of look-up (empty when the key or the kind was not registered); a segment
    /// of <see cref="_flat"/>, never written once built.</summary>
    private ArraySegment<int> Find(string key, Kind kind)
    {
        if (!_keys.TryGetValue(key, out var id))
        {
            return ArraySegment<int>.Empty;
        }

        var slot = (id * KindCount) + (int)kind;
        return slot + 1 < _start.Length ? new ArraySegment<int>(_flat, _start[slot], _start[slot + 1] - _start[slot]) : ArraySegment<int>.Empty;
    }

    private void Want(string? key, Kind kind)
    {
        if (key is null)
        {
            return;
        }

        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, key, out var exists);
        if (!exists)
        {
            id = _keys.Count - 1;
            if (id >= _wanted.Length)
            {
                Array.Resize(ref _wanted, Math.Max(16, _wanted.Length * 2));
            }

            if (_filter.Length > 0)
            {
                Mark(key);
            }
        }

        _wanted[id] |= (byte)(1 << (int)kind);
    }

    /// <summary>Records the item under the key for the kind of look-up, when that kind is wanted of the key.</summary>
    private void Record(int id, Kind kind, int index)
    {
        if ((_wanted[id] & (1 << (int)kind)) == 0)
        {
            return;
        }

        if (_recorded == _recordedSlots.Length)
        {
            // Only when groups of masked documents registered keys found aside beyond the findings counted.
            Grow(ref _recordedSlots, _recorded * 2);
            Grow(ref _recordedItems, _recorded * 2);
        }

        _recordedSlots[_recorded] = (id * KindCount) + (int)kind;
        _recordedItems[_recorded++] = index;

        static void Grow(ref int[] array, int length)
        {
            var larger = ArrayPool<int>.Shared.Rent(length);
            array.AsSpan().CopyTo(larger);
            ArrayPool<int>.Shared.Return(array);
            array = larger;
        }
    }

    /// <summary>Turns the recorded findings into the slots: grouped by slot (a counting sort that keeps their order),
    /// then each slot sorted ascending with repeats dropped (the same item recorded twice under a slot).</summary>
    private void BuildSlots()
    {
        var slots = _keys.Count * KindCount;
        var start = new int[slots + 1];
        var (recordedSlots, recordedItems, recorded) = (_recordedSlots, _recordedItems, _recorded);
        for (var r = 0; r < recorded; r++)
        {
            start[recordedSlots[r] + 1]++;
        }

        for (var s = 1; s <= slots; s++)
        {
            start[s] += start[s - 1];
        }

        var flat = new int[recorded];
        var next = ArrayPool<int>.Shared.Rent(slots + 1);
        start.AsSpan().CopyTo(next);
        for (var r = 0; r < recorded; r++)
        {
            flat[next[recordedSlots[r]]++] = recordedItems[r];
        }

        ArrayPool<int>.Shared.Return(next);
        ArrayPool<int>.Shared.Return(_recordedSlots);
        ArrayPool<int>.Shared.Return(_recordedItems);
        (_recordedSlots, _recordedItems, _recorded) = ([], [], 0);

        // Sorted in place, then moved down over the repeats dropped (never ahead of what is still to be read).
        var written = 0;
        for (var s = 0; s < slots; s++)
        {
            var (from, to) = (start[s], start[s + 1]);
            start[s] = written;
            var items = flat.AsSpan(from, to - from);
            if (items.Length > 1)
            {
                items.Sort();
            }

            for (var k = 0; k < items.Length; k++)
            {
                if (k == 0 || items[k] != items[k - 1])
                {
                    flat[written++] = items[k];
                }
            }
        }

        start[slots] = written;
        _start = start;
        _flat = flat;
    }

    /// <summary>Bit of a key's <see cref="Keys.Hash"/> in <see cref="_filter"/>.</summary>
    private (int Word, ulong Bit) FilterSlot(uint hash) => FilterSlot(_filter, hash);

    /// <summary>Bit of a hash in a one-bit filter whose length is a power of two.</summary>
    private static (int Word, ulong Bit) FilterSlot(ulong[] filter, uint hash)
    {
        hash &= ((uint)filter.Length * 64) - 1;
        return ((int)(hash >> 6), 1UL << (int)(hash & 63));
    }

    /// <summary>A hash of the visible characters of a document under the <paramref name="mask"/>-th mask shape.</summary>
    private static uint MaskHash(int mask, ReadOnlySpan<char> visible) => Keys.HashOf(visible) ^ ((uint)mask * 0x9E3779B9u);

    private void Mark(string key)
    {
        var (word, bit) = FilterSlot(Keys.Hash(key));
        _filter[word] |= bit;
    }

    /// <summary>False when the key (with this <see cref="Keys.Hash"/>) is certainly not registered.</summary>
    private bool MayBeKey(uint hash)
    {
        var (word, bit) = FilterSlot(hash);
        return (_filter[word] & bit) != 0;
    }

    /// <summary>Records the item under a reference of the given kind (null: the linha digitável, found only by
    /// <see cref="ByAnyReference"/>) and under any reference.</summary>
    /// <remarks>Runs for every reference of every item: the hash of the reference's key is computed while reading
    /// the reference once, and the key itself only when the filter lets it through.</remarks>
    private void Post(string? reference, Kind? kind, int index, Hits hits)
    {
        if (reference is null || Keys.ReferenceHash(reference) is not { } hash || !MayBeKey(hash))
        {
            return;
        }

        var key = Keys.Reference(reference);
        if (key is not null && _keys.TryGetValue(key, out var id))
        {
            if (kind is { } k)
            {
                hits.Add(id, k, index);
            }

            hits.Add(id, Kind.AnyReference, index);
        }
    }

    /// <summary>Whether the ids are in strictly ascending ordinal order, as hosts often list their items: then they are
    /// distinct, and items of one due date kept in input order are in id order, without a hash set or a comparison
    /// in due-date order (where every item is a cache miss).</summary>
    private static bool StrictlyAscendingIds(OpenItem[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (string.CompareOrdinal(items[i - 1].Id, items[i].Id) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllDistinct(OpenItem[] items)
    {
        var ids = new HashSet<string>(items.Length, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!ids.Add(item.Id))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sorts by due date, then id; returns for each sorted position the item's position before sorting.</summary>
    /// <param name="input">The items in the caller's order.</param>
    /// <param name="idsAscending">Whether the ids are already in strictly ascending order.</param>
    private static (OpenItem[] Items, int[] Positions) SortByDueDateThenId(OpenItem[] input, bool idsAscending)
    {
        var items = new OpenItem[input.Length];
        var positions = new int[items.Length];
        // Day numbers read in the same pass that checks the calendars (one read of each item instead of two).
        var days = new int[items.Length];
        var (firstDay, lastDay) = (int.MaxValue, int.MinValue);
        var iso = true;
        for (var i = 0; i < input.Length; i++)
        {
            var due = input[i].DueDate;
            if (due.Calendar != CalendarSystem.Iso)
            {
                iso = false;
                break;
            }

            var day = due.ToDateOnly().DayNumber;
            days[i] = day;
            firstDay = Math.Min(firstDay, day);
            lastDay = Math.Max(lastDay, day);
        }

        if (!iso)
        {
            input.CopyTo(items, 0);
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = i;
            }

            Array.Sort(items, positions, Comparer<OpenItem>.Create(static (a, b) =>
                a.DueDate != b.DueDate ? a.DueDate.CompareTo(b.DueDate) : string.CompareOrdinal(a.Id, b.Id)));
            return (items, positions);
        }

        // Sorted by due date, keeping input order within a day (a stable counting sort on the day number; an Array.Sort
        // of (day number, input position) keys when the days span far more than the items); a day whose items then are
        // not in id order is sorted by id. Ids are checked unique afterwards, so the order is total. Only positions
        // move, then the items are gathered (moving items along would cost a write barrier per move).
        if (items.Length > 0 && (long)lastDay - firstDay < (2L * items.Length) + 1024)
        {
            var next = new int[lastDay - firstDay + 2];
            foreach (var day in days)
            {
                next[day - firstDay + 1]++;
            }

            for (var d = 1; d < next.Length; d++)
            {
                next[d] += next[d - 1];
            }

            for (var i = 0; i < days.Length; i++)
            {
                positions[next[days[i] - firstDay]++] = i;
            }
        }
        else
        {
            var order = new long[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                order[i] = ((long)days[i] << 32) | (uint)i;
            }

            Array.Sort(order);
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = (int)(order[i] & uint.MaxValue);
            }
        }

        for (var i = 0; i < positions.Length; i++)
        {
            items[i] = input[positions[i]];
        }

        if (idsAscending)
        {
            return (items, positions);
        }

        var byId = Comparer<OpenItem>.Create(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var start = 0;
        while (start < items.Length)
        {
            var end = start + 1;
            var sorted = true;
            for (; end < items.Length && items[end].DueDate == items[start].DueDate; end++)
            {
                sorted &= string.CompareOrdinal(items[end - 1].Id, items[end].Id) < 0;
            }

            if (!sorted)
            {
                Array.Sort(items, positions, start, end - start, byId);
            }

            start = end;
        }

        return (items, positions);
    }

    /// <summary>The pattern's mask shape: <see cref="Keys.Hidden"/> where hidden, <c>#</c> where visible.</summary>
    private static string Shape(string pattern) => string.Create(pattern.Length, pattern, static (span, p) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = p[i] == Keys.Hidden ? Keys.Hidden : '#';
        }
    });

    /// <summary>The characters of <paramref name="value"/> at the positions <paramref name="shape"/> shows.</summary>
    private static string Visible(string value, string shape) => new(Visible(value, shape, stackalloc char[shape.Length]));

    private static ReadOnlySpan<char> Visible(string value, string shape, Span<char> buffer)
    {
        var length = 0;
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] != Keys.Hidden)
            {
                buffer[length++] = value[i];
            }
        }

        return buffer[..length];
    }
}

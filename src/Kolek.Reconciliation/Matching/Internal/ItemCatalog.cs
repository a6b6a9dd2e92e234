using System.Numerics;
using System.Runtime.InteropServices;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The open items of one run, sorted by due date then id, with look-ups by reference and payer document.</summary>
/// <remarks>
/// <para>Every list of item indexes is ascending, that is oldest due first.</para>
/// <para>Why only the credits' keys are indexed: a run looks items up only by the references and payer documents its
/// credits carry, a few hundred thousand keys at most, while a portfolio of a million items has five to ten million
/// keys. Indexing every item key cost most of the run's time and several hundred MB; so <see cref="Index"/> first
/// registers the keys the credits will ask for, then scans the items once and records only the items those keys
/// name. A look-up of a key that was not registered finds nothing.</para>
/// </remarks>
internal sealed class ItemCatalog
{
    /// <summary>Never changed: handed out only as <see cref="IReadOnlyList{T}"/>.</summary>
    private static readonly List<int> s_noItems = [];

    private readonly OpenItem[] _items;

    /// <summary>The items in the caller's order.</summary>
    private readonly OpenItem[] _input;

    /// <summary>For each item in the caller's order, its position in <see cref="_items"/>.</summary>
    private readonly int[] _positionOf;

    /// <summary>Registered keys (references and bare payer documents) → the items each kind of look-up finds.</summary>
    private readonly Dictionary<string, Postings> _keys = new(StringComparer.Ordinal);

    /// <summary>The values of <see cref="_keys"/>, in the order registered (<see cref="Postings.Id"/>).</summary>
    private readonly List<Postings> _postings = [];

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
                + credit.MemoReferences.Count + credit.DocumentPatterns.Count;
        }

        _keys.EnsureCapacity(wanted);
        _postings.EnsureCapacity(wanted);
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

        var degree = Math.Min(parallelism, input.Length / minItemsPerThread);
        if (degree <= 1)
        {
            Scan(0, input.Length, masks, maskFilter, null);
        }
        else
        {
            // The items are cut into consecutive ranges scanned side by side; a range only reads the catalog and writes
            // down what it found, and the findings are then applied range after range, in the caller's order: the very
            // operations of a single scan in the same order, so the catalog ends up identical.
            var ranges = degree * 4;
            var found = new Hits[ranges];
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = degree }, r =>
            {
                var hits = new Hits();
                Scan((int)((long)input.Length * r / ranges), (int)((long)input.Length * (r + 1) / ranges), masks, maskFilter, hits);
                found[r] = hits;
            });
            foreach (var hits in found)
            {
                hits.Apply(this);
            }
        }

        // The items were visited in the caller's order: put every list in due-date order, and the documents of each
        // masked group in the order of their first item.
        foreach (var postings in _keys.Values)
        {
            postings.Sort();
        }

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
    /// <param name="hits">Null: record at once (the only scan). Otherwise the scan runs beside others: it only reads,
    /// and writes what it found here, in order, for <see cref="Hits.Apply"/>.</param>
    private void Scan(int from, int to, (string Shape, Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> ByVisible)[] masks, ulong[] maskFilter, Hits? hits)
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
                        if (hits is null)
                        {
                            Group(documents, document);
                        }
                        else
                        {
                            hits.Add(new GroupHit(documents, document));
                            grouped = true;
                        }
                    }
                }

                if (hits is null)
                {
                    if (MayBeKey(hash) && _keys.TryGetValue(document, out var postings))
                    {
                        postings.Add(Kind.PayerDocument, index);
                    }
                }
                else if (MayBeKey(hash) && _keys.TryGetValue(document, out var postings))
                {
                    hits.Add(postings, Kind.PayerDocument, index);
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
    /// would copy and discard them as it grows): the item, and either a registered key's postings and the kind of
    /// look-up, or (negative) a document or group kept aside.</remarks>
    private sealed class Hits
    {
        /// <summary>64 KiB blocks, below the large-object heap's threshold.</summary>
        private const int BlockSize = 8192;

        private readonly List<long[]> _blocks = [];
        private readonly List<object> _aside = [];
        private int _used = BlockSize;

        /// <summary>The item is recorded under the key's postings for the kind of look-up.</summary>
        public void Add(Postings postings, Kind kind, int index) => Add((postings.Id * 8) + (int)kind, index);

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
                        catalog._postings[target >> 3].Add((Kind)(target & 7), index);
                    }
                    else if (_aside[~target] is GroupHit group)
                    {
                        catalog.Group(group.Documents, group.Document);
                    }
                    else if (catalog._keys.TryGetValue((string)_aside[~target], out var postings))
                    {
                        postings.Add(Kind.PayerDocument, index);
                    }
                }
            }
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
                _blocks.Add(new long[BlockSize]);
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

    public IReadOnlyList<int> ByNossoNumero(string key) => Find(key, Kind.NossoNumero);

    public IReadOnlyList<int> ByTxid(string key) => Find(key, Kind.Txid);

    public IReadOnlyList<int> ByEndToEndId(string key) => Find(key, Kind.EndToEndId);

    public IReadOnlyList<int> ByDocumentNumber(string key) => Find(key, Kind.DocumentNumber);

    /// <summary>Items having the key as any of their references (for references found in a description).</summary>
    public IReadOnlyList<int> ByAnyReference(string key) => Find(key, Kind.AnyReference);

    /// <summary>Items of a bare payer document.</summary>
    public IReadOnlyList<int> ByPayerDocument(string document) => Find(document, Kind.PayerDocument);

    /// <summary>The payer documents that agree with a masked pattern at every visible position, in first-seen order.</summary>
    /// <remarks>Banks mask the same positions on every line (<c>•••.456.789-••</c>), so documents are grouped per mask
    /// shape by their characters at the visible positions, and a pattern is a single look-up.</remarks>
    public IReadOnlyList<string> PayerDocumentsMatching(string pattern)
    {
        var shape = Shape(pattern);
        return _masks.TryGetValue(shape, out var byVisible) && byVisible.TryGetValue(Visible(pattern, shape), out var found) ? found : [];
    }

    private List<int> Find(string key, Kind kind) =>
        _keys.TryGetValue(key, out var postings) && postings.Of(kind) is { } items ? items : s_noItems;

    private void Want(string? key, Kind kind)
    {
        if (key is null)
        {
            return;
        }

        ref var postings = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, key, out var exists);
        if (postings is null)
        {
            postings = new Postings(_postings.Count);
            _postings.Add(postings);
        }

        postings.Want(kind);
        if (!exists && _filter.Length > 0)
        {
            Mark(key);
        }
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
    private void Post(string? reference, Kind? kind, int index, Hits? hits)
    {
        if (reference is null || Keys.ReferenceHash(reference) is not { } hash || !MayBeKey(hash))
        {
            return;
        }

        var key = Keys.Reference(reference);
        if (key is not null && _keys.TryGetValue(key, out var postings))
        {
            if (hits is null)
            {
                Post(postings, kind, index);
            }
            else
            {
                if (kind is { } k)
                {
                    hits.Add(postings, k, index);
                }

                hits.Add(postings, Kind.AnyReference, index);
            }
        }
    }

    private static void Post(Postings postings, Kind? kind, int index)
    {
        if (kind is { } k)
        {
            postings.Add(k, index);
        }

        postings.Add(Kind.AnyReference, index);
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

    /// <summary>The items a registered key finds, per kind of look-up; null for a kind nobody asks for.</summary>
    /// <param name="id">Its position in <see cref="_postings"/>.</param>
    private sealed class Postings(int id)
    {
        public int Id => id;

        private readonly List<int>?[] _byKind = new List<int>?[6];

        public void Want(Kind kind) => _byKind[(int)kind] ??= [];

        /// <summary>Adds an item when the kind is wanted; the same item twice in a row counts once.</summary>
        public void Add(Kind kind, int index)
        {
            if (_byKind[(int)kind] is { } list && (list.Count == 0 || list[^1] != index))
            {
                list.Add(index);
            }
        }

        public List<int>? Of(Kind kind) => _byKind[(int)kind];

        /// <summary>Puts every list in ascending order (each item is in a list at most once).</summary>
        public void Sort()
        {
            foreach (var list in _byKind)
            {
                list?.Sort();
            }
        }
    }
}

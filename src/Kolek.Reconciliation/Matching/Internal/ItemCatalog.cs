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
    private readonly OpenItem[] _items;

    /// <summary>Registered keys (references and bare payer documents) → the items each kind of look-up finds.</summary>
    private readonly Dictionary<string, Postings> _keys = new(StringComparer.Ordinal);

    /// <summary>Registered mask shapes (<c>???######??</c>) → visible characters → documents, in first-seen order.</summary>
    private readonly Dictionary<string, Dictionary<string, List<string>>> _masks = new(StringComparer.Ordinal);

    /// <remarks>Runs once per item of the portfolio (a million in the benchmark), so it sorts by a primitive key
    /// (day number, input position) and sorts by id only the days whose items are not already in id order.</remarks>
    public ItemCatalog(IEnumerable<OpenItem> openItems)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        var items = openItems.ToArray();
        if (Array.IndexOf(items, null) >= 0)
        {
            throw new ArgumentException("An open item is null.", nameof(openItems));
        }

        SortByDueDateThenId(items);
        _items = items;
        var ids = new HashSet<string>(items.Length, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!ids.Add(item.Id))
            {
                throw new ArgumentException($"Two open items have the id '{item.Id}'.", nameof(openItems));
            }
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
    public IReadOnlyList<OpenItem> Items => _items;

    /// <summary>Indexes the items under the keys the credits carry; call once, before any look-up.</summary>
    public void Index(IEnumerable<PendingCredit> credits)
    {
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

        if (_keys.Count == 0 && _masks.Count == 0)
        {
            return;
        }

        var masks = _masks.Select(m => (Shape: m.Key, ByVisible: m.Value.GetAlternateLookup<ReadOnlySpan<char>>())).ToArray();
        var keys = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> visible = stackalloc char[14];
        for (var index = 0; index < _items.Length; index++)
        {
            var item = _items[index];
            var references = item.References;
            Post(keys, references.NossoNumero, Kind.NossoNumero, index);
            Post(keys, references.Txid, Kind.Txid, index);
            Post(keys, references.EndToEndId, Kind.EndToEndId, index);
            Post(keys, references.DocumentNumber, Kind.DocumentNumber, index);
            Post(keys, references.LinhaDigitavel, null, index);
            foreach (var payerDocument in item.PayerDocuments)
            {
                var document = Keys.Document(payerDocument);
                if (document is null || document.Contains(Keys.Hidden, StringComparison.Ordinal))
                {
                    continue;
                }

                // A document first seen here joins the groups of the masked patterns it agrees with, and from then on
                // its items are recorded like those of a complete document.
                foreach (var (shape, byVisible) in masks)
                {
                    if (shape.Length == document.Length
                        && byVisible.TryGetValue(Visible(document, shape, visible), out var documents)
                        && !documents.Contains(document))
                    {
                        documents.Add(document);
                        Want(document, Kind.PayerDocument);
                    }
                }

                if (keys.TryGetValue(document, out var postings))
                {
                    postings.Add(Kind.PayerDocument, index);
                }
            }
        }
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

    /// <summary>Never changed: handed out only as <see cref="IReadOnlyList{T}"/>.</summary>
    private static readonly List<int> s_noItems = [];

    private List<int> Find(string key, Kind kind) =>
        _keys.TryGetValue(key, out var postings) && postings.Of(kind) is { } items ? items : s_noItems;

    private void Want(string? key, Kind kind)
    {
        if (key is null)
        {
            return;
        }

        ref var postings = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, key, out _);
        postings ??= new Postings();
        postings.Want(kind);
    }

    /// <summary>Records the item under a reference of the given kind (null: the linha digitável, found only by
    /// <see cref="ByAnyReference"/>) and under any reference.</summary>
    private static void Post(Dictionary<string, Postings>.AlternateLookup<ReadOnlySpan<char>> keys, string? reference, Kind? kind, int index)
    {
        var key = Keys.Reference(reference);
        if (key is not null && keys.TryGetValue(key, out var postings))
        {
            if (kind is { } k)
            {
                postings.Add(k, index);
            }

            postings.Add(Kind.AnyReference, index);
        }
    }

    private static void SortByDueDateThenId(OpenItem[] items)
    {
        if (items.Any(i => i.DueDate.Calendar != CalendarSystem.Iso))
        {
            Array.Sort(items, static (a, b) => a.DueDate != b.DueDate ? a.DueDate.CompareTo(b.DueDate) : string.CompareOrdinal(a.Id, b.Id));
            return;
        }

        // (day number, input position) sorts by due date and keeps input order within a day; a day whose items then
        // are not in id order is sorted by id. Ids are checked unique afterwards, so the order is total.
        var order = new long[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            order[i] = ((long)items[i].DueDate.ToDateOnly().DayNumber << 32) | (uint)i;
        }

        Array.Sort(order, items);
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
                Array.Sort(items, start, end - start, Comparer<OpenItem>.Create(static (a, b) => string.CompareOrdinal(a.Id, b.Id)));
            }

            start = end;
        }
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
    private sealed class Postings
    {
        private readonly List<int>?[] _byKind = new List<int>?[6];

        public void Want(Kind kind) => _byKind[(int)kind] ??= [];

        /// <summary>Adds an item (in ascending order, once) when the kind is wanted.</summary>
        public void Add(Kind kind, int index)
        {
            if (_byKind[(int)kind] is { } list && (list.Count == 0 || list[^1] != index))
            {
                list.Add(index);
            }
        }

        public List<int>? Of(Kind kind) => _byKind[(int)kind];
    }
}

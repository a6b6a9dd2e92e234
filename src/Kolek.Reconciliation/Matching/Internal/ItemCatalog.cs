using System.Text;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The open items of one run, sorted by due date then id, with look-ups by reference and payer document.</summary>
/// <remarks>Every list of item indexes is ascending, that is oldest due first.</remarks>
internal sealed class ItemCatalog
{
    private readonly Dictionary<string, List<int>> _byNossoNumero = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byTxid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byEndToEndId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byDocumentNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byAnyReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPayerDocument = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> _payerDocumentsByLength = [];

    /// <summary>Built on first use per mask shape (<c>???######??</c>): visible characters → documents.</summary>
    private readonly Dictionary<string, Dictionary<string, List<string>>> _payerDocumentsByMaskShape = new(StringComparer.Ordinal);

    public ItemCatalog(IEnumerable<OpenItem> openItems)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        Items = [.. openItems
            .Select(i => i ?? throw new ArgumentException("An open item is null.", nameof(openItems)))
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.Id, StringComparer.Ordinal)];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < Items.Count; index++)
        {
            var item = Items[index];
            if (!ids.Add(item.Id))
            {
                throw new ArgumentException($"Two open items have the id '{item.Id}'.", nameof(openItems));
            }

            var references = item.References;
            Add(_byNossoNumero, Keys.Reference(references.NossoNumero), index);
            Add(_byTxid, Keys.Reference(references.Txid), index);
            Add(_byEndToEndId, Keys.Reference(references.EndToEndId), index);
            Add(_byDocumentNumber, Keys.Reference(references.DocumentNumber), index);
            foreach (var value in new[] { references.NossoNumero, references.Txid, references.EndToEndId, references.DocumentNumber, references.LinhaDigitavel })
            {
                Add(_byAnyReference, Keys.Reference(value), index);
            }

            foreach (var document in item.PayerDocuments.Select(Keys.Document).Distinct(StringComparer.Ordinal))
            {
                if (document is not null && !document.Contains(Keys.Hidden, StringComparison.Ordinal))
                {
                    if (!_byPayerDocument.ContainsKey(document))
                    {
                        ByLength(document.Length).Add(document);
                    }

                    Add(_byPayerDocument, document, index);
                }
            }
        }
    }

    /// <summary>The items, oldest due first.</summary>
    public IReadOnlyList<OpenItem> Items { get; }

    public IReadOnlyList<int> ByNossoNumero(string key) => Find(_byNossoNumero, key);

    public IReadOnlyList<int> ByTxid(string key) => Find(_byTxid, key);

    public IReadOnlyList<int> ByEndToEndId(string key) => Find(_byEndToEndId, key);

    public IReadOnlyList<int> ByDocumentNumber(string key) => Find(_byDocumentNumber, key);

    /// <summary>Items having the key as any of their references (for references found in a description).</summary>
    public IReadOnlyList<int> ByAnyReference(string key) => Find(_byAnyReference, key);

    /// <summary>Items of a bare payer document.</summary>
    public IReadOnlyList<int> ByPayerDocument(string document) => Find(_byPayerDocument, document);

    /// <summary>The payer documents that agree with a masked pattern at every visible position, in first-seen order.</summary>
    /// <remarks>Why an index: testing every payer document of the pattern's length made each masked credit cost as
    /// much as the number of payers (hundreds of thousands in a large portfolio). Banks mask the same positions on
    /// every line (<c>•••.456.789-••</c>), so the documents are grouped once per mask shape by their characters at
    /// the visible positions, and a pattern is then a single look-up. The groups keep first-seen order.</remarks>
    public IReadOnlyList<string> PayerDocumentsMatching(string pattern)
    {
        var shape = string.Create(pattern.Length, pattern, (span, p) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = p[i] == Keys.Hidden ? Keys.Hidden : '#';
            }
        });
        if (!_payerDocumentsByMaskShape.TryGetValue(shape, out var byVisible))
        {
            byVisible = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var document in _payerDocumentsByLength.GetValueOrDefault(pattern.Length) ?? [])
            {
                var visible = Visible(document, shape);
                if (!byVisible.TryGetValue(visible, out var documents))
                {
                    documents = [];
                    byVisible[visible] = documents;
                }

                documents.Add(document);
            }

            _payerDocumentsByMaskShape[shape] = byVisible;
        }

        return byVisible.TryGetValue(Visible(pattern, shape), out var found) ? found : [];
    }

    private List<string> ByLength(int length)
    {
        if (!_payerDocumentsByLength.TryGetValue(length, out var list))
        {
            list = [];
            _payerDocumentsByLength[length] = list;
        }

        return list;
    }

    /// <summary>The characters of <paramref name="value"/> at the positions <paramref name="shape"/> shows.</summary>
    private static string Visible(string value, string shape)
    {
        var visible = new StringBuilder(value.Length);
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] != Keys.Hidden)
            {
                visible.Append(value[i]);
            }
        }

        return visible.ToString();
    }

    private static IReadOnlyList<int> Find(Dictionary<string, List<int>> index, string key) =>
        index.TryGetValue(key, out var list) ? list.AsReadOnly() : Array.Empty<int>();

    private static void Add(Dictionary<string, List<int>> index, string? key, int item)
    {
        if (key is null)
        {
            return;
        }

        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        if (list.Count == 0 || list[^1] != item)
        {
            list.Add(item);
        }
    }
}

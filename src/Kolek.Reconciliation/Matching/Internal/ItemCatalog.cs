using System.Text;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The open items of one run, sorted by due date then id, with look-ups by reference and payer document.</summary>
/// <remarks>Every list of item indexes is ascending, that is oldest due first.</remarks>
internal sealed class ItemCatalog
{
    private readonly ItemIndex _byNossoNumero = new();
    private readonly ItemIndex _byTxid = new();
    private readonly ItemIndex _byEndToEndId = new();
    private readonly ItemIndex _byDocumentNumber = new();
    private readonly ItemIndex _byAnyReference = new();
    private readonly ItemIndex _byPayerDocument = new();
    private readonly Dictionary<int, List<string>> _payerDocumentsByLength = [];

    /// <summary>Built on first use per mask shape (<c>???######??</c>): visible characters → documents.</summary>
    private readonly Dictionary<string, Dictionary<string, List<string>>> _payerDocumentsByMaskShape = new(StringComparer.Ordinal);

    /// <remarks>Runs once per item of the portfolio (a million in the benchmark), so it sorts an array in place rather
    /// than through LINQ's ordered enumerables, and normalises each reference once, not once per index.</remarks>
    public ItemCatalog(IEnumerable<OpenItem> openItems)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        var items = openItems.ToArray();
        if (Array.IndexOf(items, null) >= 0)
        {
            throw new ArgumentException("An open item is null.", nameof(openItems));
        }

        // Ids are checked unique below, so this order (due date, then id) is total and the sort's instability harmless.
        Array.Sort(items, static (a, b) => a.DueDate != b.DueDate ? a.DueDate.CompareTo(b.DueDate) : string.CompareOrdinal(a.Id, b.Id));
        Items = items;
        var ids = new HashSet<string>(items.Length, StringComparer.Ordinal);
        for (var index = 0; index < items.Length; index++)
        {
            var item = items[index];
            if (!ids.Add(item.Id))
            {
                throw new ArgumentException($"Two open items have the id '{item.Id}'.", nameof(openItems));
            }

            var references = item.References;
            var nossoNumero = Keys.Reference(references.NossoNumero);
            var txid = Keys.Reference(references.Txid);
            var endToEndId = Keys.Reference(references.EndToEndId);
            var documentNumber = Keys.Reference(references.DocumentNumber);
            _byNossoNumero.Add(nossoNumero, index);
            _byTxid.Add(txid, index);
            _byEndToEndId.Add(endToEndId, index);
            _byDocumentNumber.Add(documentNumber, index);
            _byAnyReference.Add(nossoNumero, index);
            _byAnyReference.Add(txid, index);
            _byAnyReference.Add(endToEndId, index);
            _byAnyReference.Add(documentNumber, index);
            _byAnyReference.Add(Keys.Reference(references.LinhaDigitavel), index);

            foreach (var payerDocument in item.PayerDocuments)
            {
                var document = Keys.Document(payerDocument);
                if (document is not null && !document.Contains(Keys.Hidden, StringComparison.Ordinal))
                {
                    if (!_byPayerDocument.ContainsKey(document))
                    {
                        ByLength(document.Length).Add(document);
                    }

                    _byPayerDocument.Add(document, index);
                }
            }
        }
    }

    /// <summary>The items, oldest due first.</summary>
    public IReadOnlyList<OpenItem> Items { get; }

    public IReadOnlyList<int> ByNossoNumero(string key) => _byNossoNumero.Find(key);

    public IReadOnlyList<int> ByTxid(string key) => _byTxid.Find(key);

    public IReadOnlyList<int> ByEndToEndId(string key) => _byEndToEndId.Find(key);

    public IReadOnlyList<int> ByDocumentNumber(string key) => _byDocumentNumber.Find(key);

    /// <summary>Items having the key as any of their references (for references found in a description).</summary>
    public IReadOnlyList<int> ByAnyReference(string key) => _byAnyReference.Find(key);

    /// <summary>Items of a bare payer document.</summary>
    public IReadOnlyList<int> ByPayerDocument(string document) => _byPayerDocument.Find(document);

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
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>A credit waiting for a decision, with its references and payer documents normalised once.</summary>
internal sealed partial class PendingCredit
{
    /// <summary>A masked CPF/CNPJ must show at least this many characters to count as evidence.</summary>
    private const int MinimumVisibleDocumentCharacters = 6;

    public PendingCredit(BankTransaction transaction, int order, DescriptionScans descriptions)
    {
        Transaction = transaction;
        Order = order;
        var references = transaction.References ?? TransactionReferences.None;
        _references = references;
        _nossoNumero = Keys.Reference(references.NossoNumero);
        _txid = Keys.Reference(references.Txid);
        _endToEndId = Keys.Reference(references.EndToEndId);
        _documentNumber = Keys.Reference(references.DocumentNumber);
        Discount = Math.Max(0m, transaction.Discount ?? 0m) + Math.Max(0m, transaction.Rebate ?? 0m);
        DeclaredLateCharges = Math.Max(0m, transaction.Interest ?? 0m) + Math.Max(0m, transaction.Fine ?? 0m);
        var scan = descriptions.Of(transaction.Description);
        MemoReferences = scan.MemoReferences;
        DocumentPatterns = Documents(transaction.Payer?.Document, scan.Documents);
    }

    /// <summary>The transaction's references (the raw values) and their keys: a credit is alive for the whole run, so
    /// the raw values are read from the references rather than kept a second time.</summary>
    private readonly TransactionReferences _references;
    private readonly string? _nossoNumero;
    private readonly string? _txid;
    private readonly string? _endToEndId;
    private readonly string? _documentNumber;
    private ExactSegments _exactItems;

    public BankTransaction Transaction { get; }

    /// <summary>Position in the run's stable order (booking date, then id).</summary>
    public int Order { get; }

    public decimal Amount => Transaction.Amount;

    public (string? Raw, string? Key) NossoNumero => (_references.NossoNumero, _nossoNumero);

    public (string? Raw, string? Key) Txid => (_references.Txid, _txid);

    public (string? Raw, string? Key) EndToEndId => (_references.EndToEndId, _endToEndId);

    public (string? Raw, string? Key) DocumentNumber => (_references.DocumentNumber, _documentNumber);

    /// <summary>Discount plus rebate the bank granted (CNAB): principal settled without money.</summary>
    public decimal Discount { get; }

    /// <summary>Interest plus fine the bank says are included in the amount (CNAB).</summary>
    public decimal DeclaredLateCharges { get; }

    /// <summary>References found in the description, as written and as keys, in the order found.</summary>
    public IReadOnlyList<(string Raw, string Key)> MemoReferences { get; }

    /// <summary>Per exact reference kind (nosso número, txid, end-to-end id, document number), the items it names
    /// (a default segment: not looked up yet); filled on first use by the run (the catalog does not change during a
    /// run). Held inline: an array per credit was one more small object alive for the whole run.</summary>
    public ref ExactSegments ExactItems => ref _exactItems;

    /// <summary>Per memo reference, the items it names; filled on first use like <see cref="ExactItems"/>.</summary>
    public ArraySegment<int>[]? MemoItems { get; set; }

    /// <summary>Payer CPF/CNPJ patterns (hidden positions as <see cref="Keys.Hidden"/>), from the payer field then the description.</summary>
    /// <remarks>An array, not an interface: read in every sweep of the payer pass, where an interface's enumerator is
    /// an allocation per credit; and alive for the whole run, where a list would be one more object per credit.</remarks>
    public string[] DocumentPatterns { get; }

    /// <summary>Four segments of the catalog's items, in place.</summary>
    [InlineArray(4)]
    internal struct ExactSegments
    {
        private ArraySegment<int> _first;
    }

    /// <summary>The usable documents, distinct, in the order found (payer field first).</summary>
    private static string[] Documents(string? payerDocument, IReadOnlyList<string> inDescription)
    {
        if (inDescription.Count == 0)
        {
            // The usual case: at most the payer field's document, without a list.
            return Keys.Document(payerDocument) is { } only && Keys.VisibleCount(only) >= MinimumVisibleDocumentCharacters ? [only] : [];
        }

        var documents = new List<string>(inDescription.Count + 1);
        Add(payerDocument);
        for (var i = 0; i < inDescription.Count; i++)
        {
            Add(inDescription[i]);
        }

        return [.. documents];

        void Add(string? value)
        {
            if (Keys.Document(value) is { } document
                && Keys.VisibleCount(document) >= MinimumVisibleDocumentCharacters
                && !documents.Contains(document, StringComparer.Ordinal))
            {
                documents.Add(document);
            }
        }
    }

    /// <summary>What descriptions yield, computed once per distinct description in a run: bank lines repeat a few
    /// descriptions ("LIQUIDACAO COBRANCA", "PIX RECEBIDO") over and over, and each one costs six regular expressions.</summary>
    internal sealed class DescriptionScans(MatcherSettings settings)
    {
        private static readonly DescriptionScan s_empty = new([], []);

        private readonly Dictionary<string, DescriptionScan> _byDescription = new(StringComparer.Ordinal);

        public DescriptionScan Of(string? description)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                return s_empty;
            }

            ref var scan = ref CollectionsMarshal.GetValueRefOrAddDefault(_byDescription, description, out var exists);
            if (!exists)
            {
                scan = new DescriptionScan(MemoKeys(description), [.. DocumentInText().Matches(description).Select(m => m.Groups["doc"].Value)]);
            }

            return scan!;
        }

        private List<(string, string)> MemoKeys(string description)
        {
            var found = new List<(string, string)>();
            for (var p = 0; p < settings.MemoPatterns.Count; p++)
            {
                var pattern = settings.MemoPatterns[p];
                if (settings.ReferenceIsWholeMatch[p])
                {
                    // The reference is the match itself: no captures needed, the costly part of a non-backtracking match.
                    foreach (var match in pattern.EnumerateMatches(description))
                    {
                        Add(description.Substring(match.Index, match.Length));
                    }

                    continue;
                }

                // Most descriptions match few patterns: answering "no match" first skips the capture search.
                if (!pattern.IsMatch(description))
                {
                    continue;
                }

                foreach (Match match in pattern.Matches(description))
                {
                    var group = match.Groups["ref"];
                    Add(group.Success ? group.Value : match.Value);
                }
            }

            return found;

            void Add(string raw)
            {
                var key = Keys.Reference(raw);
                if (key is not null && key.Length >= settings.MinimumMemoReferenceLength && !found.Exists(f => f.Item2 == key))
                {
                    found.Add((raw.Trim(), key));
                }
            }
        }
    }

    /// <summary>The references a description names and the CPF/CNPJ written in it (as written).</summary>
    internal sealed record DescriptionScan(IReadOnlyList<(string Raw, string Key)> MemoReferences, IReadOnlyList<string> Documents);

    /// <summary>A CPF (000.000.000-00) or CNPJ (00.000.000/0000-00, alphanumeric allowed) in text, possibly masked.</summary>
    [GeneratedRegex(
        @"(?<![0-9A-Za-z•*●])(?<doc>[0-9•*●x]{3}\.[0-9•*●x]{3}\.[0-9•*●x]{3}-[0-9•*●x]{2}|[0-9A-Z•*●]{2}\.[0-9A-Z•*●]{3}\.[0-9A-Z•*●]{3}/[0-9A-Z•*●]{4}-[0-9•*●]{2})(?![0-9A-Za-z•*●])",
        RegexOptions.CultureInvariant)]
    private static partial Regex DocumentInText();
}

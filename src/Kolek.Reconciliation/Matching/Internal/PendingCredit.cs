using System.Text.RegularExpressions;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>A credit waiting for a decision, with its references and payer documents normalised once.</summary>
internal sealed partial class PendingCredit
{
    /// <summary>A masked CPF/CNPJ must show at least this many characters to count as evidence.</summary>
    private const int MinimumVisibleDocumentCharacters = 6;

    public PendingCredit(BankTransaction transaction, int order, MatcherSettings settings)
    {
        Transaction = transaction;
        Order = order;
        var references = transaction.References ?? TransactionReferences.None;
        NossoNumero = (references.NossoNumero, Keys.Reference(references.NossoNumero));
        Txid = (references.Txid, Keys.Reference(references.Txid));
        EndToEndId = (references.EndToEndId, Keys.Reference(references.EndToEndId));
        DocumentNumber = (references.DocumentNumber, Keys.Reference(references.DocumentNumber));
        Discount = Math.Max(0m, transaction.Discount ?? 0m) + Math.Max(0m, transaction.Rebate ?? 0m);
        DeclaredLateCharges = Math.Max(0m, transaction.Interest ?? 0m) + Math.Max(0m, transaction.Fine ?? 0m);
        MemoReferences = MemoKeys(transaction.Description, settings);
        DocumentPatterns = Documents(transaction);
    }

    public BankTransaction Transaction { get; }

    /// <summary>Position in the run's stable order (booking date, then id).</summary>
    public int Order { get; }

    public decimal Amount => Transaction.Amount;

    public (string? Raw, string? Key) NossoNumero { get; }

    public (string? Raw, string? Key) Txid { get; }

    public (string? Raw, string? Key) EndToEndId { get; }

    public (string? Raw, string? Key) DocumentNumber { get; }

    /// <summary>Discount plus rebate the bank granted (CNAB): principal settled without money.</summary>
    public decimal Discount { get; }

    /// <summary>Interest plus fine the bank says are included in the amount (CNAB).</summary>
    public decimal DeclaredLateCharges { get; }

    /// <summary>References found in the description, as written and as keys, in the order found.</summary>
    public IReadOnlyList<(string Raw, string Key)> MemoReferences { get; }

    /// <summary>Payer CPF/CNPJ patterns (hidden positions as <see cref="Keys.Hidden"/>), from the payer field then the description.</summary>
    public IReadOnlyList<string> DocumentPatterns { get; }

    private static List<(string, string)> MemoKeys(string? description, MatcherSettings settings)
    {
        var found = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(description))
        {
            return found;
        }

        foreach (var pattern in settings.MemoPatterns)
        {
            foreach (Match match in pattern.Matches(description))
            {
                var group = match.Groups["ref"];
                var raw = group.Success ? group.Value : match.Value;
                var key = Keys.Reference(raw);
                if (key is not null && key.Length >= settings.MinimumMemoReferenceLength && !found.Exists(f => f.Item2 == key))
                {
                    found.Add((raw.Trim(), key));
                }
            }
        }

        return found;
    }

    private static List<string> Documents(BankTransaction transaction)
    {
        var candidates = new List<string?> { transaction.Payer?.Document };
        if (!string.IsNullOrWhiteSpace(transaction.Description))
        {
            candidates.AddRange(DocumentInText().Matches(transaction.Description).Select(m => m.Groups["doc"].Value));
        }

        return [.. candidates
            .Select(Keys.Document)
            .OfType<string>()
            .Where(d => Keys.VisibleCount(d) >= MinimumVisibleDocumentCharacters)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A CPF (000.000.000-00) or CNPJ (00.000.000/0000-00, alphanumeric allowed) in text, possibly masked.</summary>
    [GeneratedRegex(
        @"(?<![0-9A-Za-z•*●])(?<doc>[0-9•*●x]{3}\.[0-9•*●x]{3}\.[0-9•*●x]{3}-[0-9•*●x]{2}|[0-9A-Z•*●]{2}\.[0-9A-Z•*●]{3}\.[0-9A-Z•*●]{3}/[0-9A-Z•*●]{4}-[0-9•*●]{2})(?![0-9A-Za-z•*●])",
        RegexOptions.CultureInvariant)]
    private static partial Regex DocumentInText();
}

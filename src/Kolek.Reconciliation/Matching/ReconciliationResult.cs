using System.Text.Json.Serialization;

namespace Kolek.Reconciliation.Matching;

/// <summary>What the matcher made of a set of bank transactions against a set of open items.</summary>
/// <remarks>
/// Every transaction given appears in exactly one of <see cref="Matches"/>, <see cref="Suggestions"/>,
/// <see cref="Unmatched"/> and <see cref="Ignored"/>; every open item appears once in <see cref="Items"/>. Lists are
/// sorted by booking date then transaction id (items by due date then id), whatever the input order.
/// Instances are immutable and thread-safe.
/// </remarks>
/// <param name="Matches">Credits allocated to items with enough evidence to act on.</param>
/// <param name="Suggestions">Credits with candidates a clerk should confirm.</param>
/// <param name="Unmatched">Credits with no candidate.</param>
/// <param name="Ignored">Debits, events, transactions already reconciled and repeats of an id within the call.</param>
/// <param name="Items">Every open item with its status and new outstanding amount after the matches.</param>
public sealed record ReconciliationResult(
    IReadOnlyList<TransactionMatch> Matches,
    IReadOnlyList<MatchSuggestion> Suggestions,
    IReadOnlyList<UnmatchedTransaction> Unmatched,
    IReadOnlyList<IgnoredTransaction> Ignored,
    IReadOnlyList<ItemBalance> Items)
{
    /// <summary>A summary: matches per rule, suggestions, unmatched per reason, ignored per reason and items per status.</summary>
    /// <returns>For example <c>ReconciliationResult { Matches = 2 (nosso-numero 1, txid 1), Suggestions = 0, Unmatched = 1 (no-candidate 1), Ignored = 1 (Debit 1), Items = 3 (Open 1, Paid 2) }</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{nameof(ReconciliationResult)} {{ {nameof(Matches)} = {Counts(Matches.Select(m => m.Rule))}, {nameof(Suggestions)} = {Suggestions.Count}, "
        + $"{nameof(Unmatched)} = {Counts(Unmatched.Select(u => u.Reason))}, {nameof(Ignored)} = {Counts(Ignored.Select(i => i.Reason.ToString()))}, "
        + $"{nameof(Items)} = {Counts(Items.Select(i => i.Status.ToString()))} }}");

    private static string Counts(IEnumerable<string> keys)
    {
        var groups = keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")).ToList();
        var total = keys.Count();
        return groups.Count == 0 ? "0" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{total} ({string.Join(", ", groups)})");
    }
}

/// <summary>A credit allocated to one or more items.</summary>
/// <param name="TransactionId">The transaction's <see cref="Statements.BankTransaction.Id"/>.</param>
/// <param name="Allocations">How the credit was split among items; their amounts plus <paramref name="Remainder"/>
/// equal the transaction amount exactly.</param>
/// <param name="Remainder">The part of the credit not allocated (an unexplained overpayment); zero or more.</param>
/// <param name="Rule">The rule that decided, one of <see cref="MatchRules"/>.</param>
/// <param name="Confidence">How strong the evidence is, from 0 to 1 (1 for an exact identifier).</param>
/// <param name="Explanation">Why, for a finance clerk, in <see cref="MatchingOptions.ExplanationLanguage"/> (Portuguese by default).</param>
public sealed record TransactionMatch(
    string TransactionId,
    IReadOnlyList<Allocation> Allocations,
    decimal Remainder,
    string Rule,
    double Confidence,
    string Explanation);

/// <summary>The part of a credit applied to one item.</summary>
/// <param name="ItemId">The item's <see cref="OpenItem.Id"/>.</param>
/// <param name="Amount">The money of the credit applied to the item, late charges included.</param>
/// <param name="LateCharges">The part of <paramref name="Amount"/> that pays fine and interest, not principal.</param>
/// <param name="WrittenOff">Principal settled without money: discount and rebate granted by the bank, or a bank
/// fee within <see cref="MatchingOptions.FeeTolerance"/>.</param>
public sealed record Allocation(string ItemId, decimal Amount, decimal LateCharges, decimal WrittenOff)
{
    /// <summary>The part of <see cref="Amount"/> that pays principal.</summary>
    public decimal Principal => Amount - LateCharges;

    /// <summary>How much the item's outstanding amount goes down: principal paid plus principal written off.</summary>
    public decimal Settled => Principal + WrittenOff;
}

/// <summary>A credit with ranked candidates that a clerk should confirm.</summary>
/// <param name="TransactionId">The transaction's id.</param>
/// <param name="Candidates">The candidates, best first.</param>
public sealed record MatchSuggestion(string TransactionId, IReadOnlyList<SuggestionCandidate> Candidates);

/// <summary>One candidate of a suggestion: one item, or several items the credit may pay together.</summary>
/// <param name="ItemIds">The items, oldest due first.</param>
/// <param name="Score">How likely the candidate is, from 0 to 1.</param>
/// <param name="Rule">The evidence that produced the candidate, one of <see cref="MatchRules"/>.</param>
/// <param name="Explanation">Why, for a finance clerk, in <see cref="MatchingOptions.ExplanationLanguage"/> (Portuguese by default).</param>
public sealed record SuggestionCandidate(IReadOnlyList<string> ItemIds, double Score, string Rule, string Explanation);

/// <summary>A credit with no candidate.</summary>
/// <param name="TransactionId">The transaction's id.</param>
/// <param name="Reason">A stable code, one of <see cref="UnmatchedReasons"/>.</param>
/// <param name="Explanation">Why, for a finance clerk, in <see cref="MatchingOptions.ExplanationLanguage"/> (Portuguese by default).</param>
public sealed record UnmatchedTransaction(string TransactionId, string Reason, string Explanation);

/// <summary>A transaction the matcher did not try to match.</summary>
/// <param name="TransactionId">The transaction's id.</param>
/// <param name="Reason">Why.</param>
public sealed record IgnoredTransaction(string TransactionId, IgnoreReason Reason);

/// <summary>An item's state after reconciliation.</summary>
/// <param name="ItemId">The item's id.</param>
/// <param name="Status">Paid, partially paid or open.</param>
/// <param name="Outstanding">What is still owed on the principal.</param>
public sealed record ItemBalance(string ItemId, ItemStatus Status, decimal Outstanding);

/// <summary>Why a transaction was not matched at all; serialised as <c>debit</c>, <c>event</c>, <c>already-reconciled</c>,
/// <c>duplicate-in-import</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IgnoreReason>))]
public enum IgnoreReason
{
    /// <summary>Money out.</summary>
    [JsonStringEnumMemberName("debit")]
    Debit = 1,

    /// <summary>A bank occurrence that moves no money.</summary>
    [JsonStringEnumMemberName("event")]
    Event = 2,

    /// <summary>Already reconciled: a previous run did (the reconciliation ledger has it; every copy of the id in this
    /// call), or an earlier copy of the same id in this call was matched (e.g. the same file imported twice at once).</summary>
    [JsonStringEnumMemberName("already-reconciled")]
    AlreadyReconciled = 3,

    /// <summary>A repeat of a transaction id given earlier in the same call whose first copy was not matched (it is a
    /// suggestion, unmatched, or ignored): only the first copy is processed, its outcome is the id's, and the repeat
    /// allocates nothing. A repeat of a matched copy is <see cref="AlreadyReconciled"/>.</summary>
    [JsonStringEnumMemberName("duplicate-in-import")]
    DuplicateInImport = 4,

    /// <summary>A credit in a currency other than the open items' (<see cref="MatchingOptions.Currency"/>): its amount
    /// cannot be compared with theirs, so it pays nothing; convert it and reconcile it again, or settle it by hand.</summary>
    [JsonStringEnumMemberName("foreign-currency")]
    ForeignCurrency = 5,
}

/// <summary>An item's status after reconciliation; serialised as <c>paid</c>, <c>partially-paid</c>, <c>open</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
public enum ItemStatus
{
    /// <summary>Nothing paid yet: outstanding equals the original amount.</summary>
    [JsonStringEnumMemberName("open")]
    Open = 1,

    /// <summary>Partly paid: something is still outstanding.</summary>
    [JsonStringEnumMemberName("partially-paid")]
    PartiallyPaid = 2,

    /// <summary>Nothing outstanding.</summary>
    [JsonStringEnumMemberName("paid")]
    Paid = 3,
}

/// <summary>The names of the matching rules, as written in results and JSON, strongest evidence first.</summary>
public static class MatchRules
{
    /// <summary>The transaction's nosso número equals the item's.</summary>
    public const string NossoNumero = "nosso-numero";

    /// <summary>The transaction's PIX txid equals the item's.</summary>
    public const string Txid = "txid";

    /// <summary>The transaction's PIX end-to-end id equals the one the host tied to the item.</summary>
    public const string EndToEndId = "end-to-end-id";

    /// <summary>The transaction's document number (seu número) equals the item's.</summary>
    public const string DocumentNumber = "document-number";

    /// <summary>The description names the item's document number, nosso número, linha digitável or txid.</summary>
    public const string MemoReference = "memo-reference";

    /// <summary>The payer's CPF/CNPJ (or a masked fragment of it) is the item's and the amount is what the item costs.</summary>
    public const string PayerDocumentAmount = "payer-document+amount";

    /// <summary>The payer's CPF/CNPJ is the items' and the amount is what several of them cost together.</summary>
    public const string PayerDocumentSubsetSum = "payer-document+subset-sum";

    /// <summary>Only the amount and the date fit (never a match on its own).</summary>
    public const string AmountDate = "amount+date";

    /// <summary>Suggestions only, never a match: the payer's CPF/CNPJ names items already settled (in this run by a
    /// credit of the same amount, or before it at this face value), so the credit is possibly a duplicate payment to
    /// refund or credit; nothing is allocated.</summary>
    public const string PossibleDuplicate = "possible-duplicate";
}

/// <summary>Why a credit is unmatched, as written in results and JSON.</summary>
public static class UnmatchedReasons
{
    /// <summary>No item has the transaction's references, payer or amount.</summary>
    public const string NoCandidate = "no-candidate";

    /// <summary>The transaction's reference points at an item already settled (possibly a duplicate payment).</summary>
    public const string ItemAlreadySettled = "item-already-settled";

    /// <summary>A credit of zero or a negative amount.</summary>
    public const string NonPositiveAmount = "non-positive-amount";
}

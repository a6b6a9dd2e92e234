using NodaTime;

namespace Kolek.Reconciliation.Matching;

/// <summary>Settings of the <see cref="ReconciliationMatcher"/>: tolerances, windows, memo patterns and search bounds.</summary>
/// <remarks>
/// A mutable options object (create, set, then hand to the matcher or to <c>AddKolekReconciliation</c>); the matcher
/// copies and validates it once at construction, so later changes have no effect on an existing matcher.
/// Not thread-safe while being configured.
/// </remarks>
public sealed class MatchingOptions
{
    /// <summary>How much less than the expected amount a credit may be and still settle the item in full, the
    /// difference being taken as a bank fee deducted on the way (written off).</summary>
    /// <value>The default value is <c>0.00</c>: a shortfall is never written off unless the host allows it.</value>
    public decimal FeeTolerance { get; set; } = MatchingDefaults.FeeTolerance;

    /// <summary>How many calendar days before or after an item's due date a payment may be booked for the
    /// <c>amount+date</c> rule (and for a payer known only from a masked document) to consider that item.</summary>
    /// <value>The default value is <c>30</c>.</value>
    public int DateWindowDays { get; set; } = MatchingDefaults.DateWindowDays;

    /// <summary>Regular expressions that find references (document number, nosso número, linha digitável, txid) in a
    /// transaction's description; the named group <c>ref</c> (or the whole match) is looked up among the items'
    /// references. They run with <see cref="System.Text.RegularExpressions.RegexOptions.NonBacktracking"/>, so
    /// lookarounds and backreferences are not allowed.</summary>
    /// <value>The default value is <see cref="DefaultMemoPatterns"/>: a linha digitável, "nosso número …",
    /// labelled document numbers ("NF 4521", "Fatura nº 88", "Pedido: A-12"), prefixed codes ("INV-2", "NF-4521/2") and
    /// txid-shaped tokens of 26 to 35 characters.</value>
    /// <remarks>Bound from configuration (<c>services.Configure&lt;MatchingOptions&gt;(section)</c>), a
    /// <c>MemoPatterns</c> array is <em>added after</em> the defaults, because the configuration binder adds to a list that
    /// already has items. To use only your patterns, clear the list before the binding:
    /// <c>services.Configure&lt;MatchingOptions&gt;(o =&gt; o.MemoPatterns.Clear())</c> registered first.</remarks>
    public IList<string> MemoPatterns { get; set; } = [.. DefaultMemoPatterns];

    /// <summary>The shortest reference found in a description (after removing punctuation and leading zeros) that
    /// counts; shorter ones ("NF 12") are too likely to hit by chance.</summary>
    /// <value>The default value is <c>3</c>.</value>
    public int MinimumMemoReferenceLength { get; set; } = MatchingDefaults.MinimumMemoReferenceLength;

    /// <summary>How many open items of one payer (oldest due first) the search for a credit paying several items at
    /// once considers; <c>0</c> turns that search off.</summary>
    /// <value>The default value is <c>20</c>.</value>
    public int MaxSubsetItems { get; set; } = MatchingDefaults.MaxSubsetItems;

    /// <summary>How many search steps the several-items search may take per credit before it gives up (and the
    /// credit becomes a suggestion or stays unmatched).</summary>
    /// <value>The default value is <c>100000</c>.</value>
    public int SubsetSearchBudget { get; set; } = MatchingDefaults.SubsetSearchBudget;

    /// <summary>How many ranked candidates a suggestion lists at most.</summary>
    /// <value>The default value is <c>5</c>.</value>
    public int MaxSuggestions { get; set; } = MatchingDefaults.MaxSuggestions;

    /// <summary>The currency of the open items (ISO 4217). A credit whose <see cref="Statements.BankTransaction.Currency"/>
    /// names another currency is ignored (<see cref="IgnoreReason.ForeignCurrency"/>): its amount is not comparable
    /// with the items' without a conversion the matcher cannot know.</summary>
    /// <value>The default value is <c>BRL</c>; a transaction without a currency counts as BRL.</value>
    public string Currency { get; set; } = MatchingDefaults.Currency;

    /// <summary>The language of the explanations in the results.</summary>
    /// <value>The default value is <see cref="ExplanationLanguage.PortugueseBrazil"/>.</value>
    public ExplanationLanguage ExplanationLanguage { get; set; } = MatchingDefaults.ExplanationLanguage;

    /// <summary>How many threads one <see cref="ReconciliationMatcher.Reconcile"/> call may use for the work that does
    /// not depend on the order of the decisions (the scan of the open items, the look-ups and evaluations of the credits
    /// against a snapshot of the outstanding amounts, the suggestions); every allocation decision is still taken one
    /// credit at a time in the same order. <c>1</c> runs everything on the calling thread.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/> (read when the options object is created).
    /// The result is identical for every value.</value>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Moves a due date to the last day it can be paid without late charges (the next business day when it
    /// falls on a weekend or holiday); plug the business calendar of Kolek.Dunning here. It must be a pure function:
    /// with <see cref="MaxDegreeOfParallelism"/> above 1 it is called from several threads at once.</summary>
    /// <value>The default value is <see langword="null"/>: Saturdays and Sundays move to Monday
    /// (<see cref="LateCharges.NextMondayIfWeekend"/>), holidays are not known.</value>
    public Func<LocalDate, LocalDate>? AdjustDueDate { get; set; }

    /// <summary>The memo patterns used when <see cref="MemoPatterns"/> is not changed.</summary>
    public static IReadOnlyList<string> DefaultMemoPatterns { get; } =
    [
        // Linha digitável (47 digits), with or without its dots and spaces.
        @"(?<ref>\d{5}[.\s]?\d{5}\s?\d{5}[.\s]?\d{6}\s?\d{5}[.\s]?\d{6}\s?\d\s?\d{14})",
        // "Nosso número 123.456-7", "NOSSO NUM: 0001234".
        @"(?i)nosso\s*n[uú]m(ero)?\.?\s*[:#º°-]?\s*(?<ref>[0-9][0-9./-]*[0-9])",
        // Labelled document numbers: "NF 4521", "NF-e 123", "Fatura nº 88", "Pedido: A-12", "Dup. 77/1".
        @"(?i)\b(nf-?e?|nota( fiscal)?|fatura|fat|doc(umento)?|duplicata|dup|pedido|t[ií]tulo|boleto|ref)\b\.?\s*(n[º°o.]\s*)?[:#-]?\s*(?<ref>[a-z0-9][a-z0-9/-]*[a-z0-9])",
        // Prefixed codes such as "INV-2", "PED-00012", "NF-103B", "NF-4521/2" (installment) or "NF 88": the prefix is part
        // of the reference, for items whose document number carries it.
        @"(?i)\b(?<ref>[a-z]{2,5}[-\s]?[0-9]{1,12}(?:[a-z]|/[0-9]{1,4})?)\b",
        // Txid-shaped tokens (26 to 35 letters and digits).
        @"\b(?<ref>[A-Za-z0-9]{26,35})\b",
    ];
}

/// <summary>The default values of <see cref="MatchingOptions"/>.</summary>
internal static class MatchingDefaults
{
    public const decimal FeeTolerance = 0m;
    public const int DateWindowDays = 30;
    public const int MinimumMemoReferenceLength = 3;
    public const int MaxSubsetItems = 20;
    public const int SubsetSearchBudget = 100_000;
    public const int MaxSuggestions = 5;
    public const string Currency = "BRL";
    public const ExplanationLanguage ExplanationLanguage = Matching.ExplanationLanguage.PortugueseBrazil;

    /// <summary>More items than this make the subset search pointless even with a budget.</summary>
    public const int MaxSubsetItemsLimit = 40;

    /// <summary>More threads than this are a configuration mistake.</summary>
    public const int MaxDegreeOfParallelismLimit = 512;

    /// <summary>Ten years: a wider window is a configuration mistake.</summary>
    public const int MaxDateWindowDays = 3660;
}

using System.Text;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>What an amount fit says in an explanation: the credit, the item and how the amount fits it.</summary>
/// <param name="Amount">The credit's amount.</param>
/// <param name="Discount">Discount and rebate granted by the bank and named in the text.</param>
/// <param name="Item">The item.</param>
/// <param name="Outstanding">The item's outstanding principal before the credit.</param>
/// <param name="Fit">How the amount fits.</param>
/// <param name="Early">The item's early-payment discount, when the fit uses it (otherwise zero).</param>
/// <param name="Tolerance">The configured fee tolerance.</param>
internal readonly record struct FitWords(decimal Amount, decimal Discount, OpenItem Item, decimal Outstanding, AmountFit Fit, decimal Early, decimal Tolerance);

/// <summary>Why a subset suggestion needs a clerk: the only combination, several, or a search that ran out.</summary>
internal enum SubsetNote
{
    None = 0,
    Several = 1,
    SearchStopped = 2,
}

/// <summary>The explanations of the matcher in one language (see <see cref="ExplanationLanguage"/>): every sentence a
/// match, suggestion or unmatched credit carries, written into the run's builder.</summary>
/// <remarks>Each sentence starts with a capital letter and ends with a full stop. Stateless and thread-safe.</remarks>
internal abstract class Wording
{
    private readonly string[] _referenceLabels;

    /// <param name="referenceLabels">What a nosso número, a txid, an end-to-end id and a document number are called,
    /// each followed by a space.</param>
    protected Wording(params string[] referenceLabels) => _referenceLabels = referenceLabels;

    /// <summary>The wording of a language.</summary>
    public static Wording For(ExplanationLanguage language) =>
        language == ExplanationLanguage.English ? EnglishWording.Instance : PortugueseWording.Instance;

    /// <summary>The evidence of an exact reference of the given rule (nosso número, txid, end-to-end id, document
    /// number) with the reference as written.</summary>
    public string ReferenceEvidence(string rule, string reference) => _referenceLabels[rule switch
    {
        MatchRules.NossoNumero => 0,
        MatchRules.Txid => 1,
        MatchRules.EndToEndId => 2,
        _ => 3,
    }] + reference;

    /// <summary>The evidence of references found in the description.</summary>
    public abstract string MemoEvidence(IReadOnlyList<string> references);

    /// <summary>The evidence of the payer's document: complete, or a masked fragment shown as <paramref name="pattern"/>.</summary>
    public abstract string PayerEvidence(string pattern, bool complete);

    /// <summary>A credit of zero or less.</summary>
    public abstract StringBuilder NonPositiveAmount(StringBuilder text, decimal amount);

    /// <summary>An identifier names one item and the amount fits it.</summary>
    public abstract StringBuilder ReferenceFits(StringBuilder text, string evidence, in FitWords fit);

    /// <summary>An identifier names one item and the credit pays part of it.</summary>
    public abstract StringBuilder ReferencePartial(StringBuilder text, string evidence, decimal amount, decimal discount, OpenItem item, decimal left, decimal outstanding);

    /// <summary>An identifier names one item and the credit pays it with money to spare.</summary>
    public abstract StringBuilder ReferenceExcess(StringBuilder text, string evidence, decimal amount, decimal discount, OpenItem item, decimal outstanding, decimal late, decimal remainder, decimal expectedLate);

    /// <summary>An identifier names several items and the credit pays all of them exactly.</summary>
    public abstract StringBuilder ReferenceTogether(StringBuilder text, string evidence, IReadOnlyList<OpenItem> items, decimal amount, decimal late);

    /// <summary>The payer's document and the amount fit an item (<paramref name="ties"/> items fit the same way).</summary>
    public abstract StringBuilder PayerFits(StringBuilder text, in FitWords fit, string evidence, int ties);

    /// <summary>The payer's document and the amount of several of their items together; the only combination.</summary>
    public abstract StringBuilder PayerSubset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence);

    /// <summary>Suggestion: an identifier names several items whose sum differs from the credit; <paramref name="late"/>
    /// is their late charges on <paramref name="date"/> (the credit was also compared against the sum with them).</summary>
    public abstract StringBuilder SuggestReferencedItems(StringBuilder text, string evidence, IReadOnlyList<OpenItem> items, decimal amount, decimal sum, decimal late, LocalDate date);

    /// <summary>Suggestion: one of the items an identifier names, with what it costs on the payment date.</summary>
    public abstract StringBuilder SuggestReferencedItem(StringBuilder text, string evidence, OpenItem item, in ExpectedAmount expected, decimal amount);

    /// <summary>Suggestion: a masked document and the amount fit items of more than one payer.</summary>
    public abstract StringBuilder SuggestMaskedPayer(StringBuilder text, in FitWords fit, string evidence);

    /// <summary>Suggestion: several items of the payer together, with a note why it is not a match.</summary>
    public abstract StringBuilder SuggestSubset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence, SubsetNote note);

    /// <summary>Suggestion: the payer's item whose amount on the payment date differs from the credit.</summary>
    public abstract StringBuilder SuggestPayerItem(StringBuilder text, string evidence, OpenItem item, decimal amount, in ExpectedAmount expected);

    /// <summary>Suggestion: only the amount and the date fit; <paramref name="daysAfterDue"/> is negative when paid before.</summary>
    public abstract StringBuilder SuggestAmountDate(StringBuilder text, in FitWords fit, int daysAfterDue);

    /// <summary>Suggestion: the credit has the amount and the payer's document of <paramref name="paidBy"/>, which
    /// settled <paramref name="items"/> in this run; possibly a duplicate payment, nothing allocated.</summary>
    public abstract StringBuilder DuplicateOfThisRun(StringBuilder text, decimal amount, string evidence, IReadOnlyList<OpenItem> items, string paidBy, LocalDate paidOn);

    /// <summary>Suggestion: the payer's document names an item already settled when given, whose face value is the
    /// credit's amount; possibly a duplicate payment, nothing allocated.</summary>
    public abstract StringBuilder DuplicateOfSettled(StringBuilder text, decimal amount, string evidence, OpenItem item);

    /// <summary>Unmatched: the credit's reference names an item already settled.</summary>
    public abstract StringBuilder ItemAlreadySettled(StringBuilder text, OpenItem item);

    /// <summary>Unmatched: nothing fits.</summary>
    public abstract StringBuilder NoCandidate(StringBuilder text, decimal amount, LocalDate date);

    /// <summary>Upper-cases the character at <paramref name="start"/>, if any.</summary>
    protected static StringBuilder Capitalize(StringBuilder text, int start)
    {
        if (text.Length > start)
        {
            text[start] = char.ToUpperInvariant(text[start]);
        }

        return text;
    }

    /// <summary>Appends <paramref name="value"/> with its first letter upper-cased.</summary>
    protected static StringBuilder AppendCapitalized(StringBuilder text, string value) => Capitalize(text.Append(value), text.Length - value.Length);
}

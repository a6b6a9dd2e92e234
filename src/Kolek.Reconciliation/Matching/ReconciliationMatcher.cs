using System.Globalization;
using Kolek.Reconciliation.Matching.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Matching;

/// <summary>Matches bank credits to open items (conciliação): exact identifiers first, then the payer's document with
/// the amount, then amount and date as suggestions only.</summary>
/// <remarks>
/// <para>Rules, strongest evidence first (see <see cref="MatchRules"/>): nosso número, txid, end-to-end id, document
/// number, a reference found in the description by <see cref="MatchingOptions.MemoPatterns"/>; then the payer's
/// CPF/CNPJ (complete, or a masked fragment such as <c>•••.456.789-••</c> within the date window) with an amount that
/// pays one item, or several items of that payer together (bounded exact subset sum); amount and date alone only
/// ever make suggestions.</para>
/// <para>An amount fits an item when, with the bank's discount and rebate, it equals the outstanding principal, the
/// principal plus the interest and fine the bank declares, the principal plus the late charges computed by
/// <see cref="LateCharges"/> for the booking date, or one of these less at most <see cref="MatchingOptions.FeeTolerance"/>.
/// A credit naming exactly one item by an identifier is always allocated: in full, in part (the item stays
/// partially paid), or in full with the excess explained as late charges or reported as the remainder.</para>
/// <para>Ties: when a payer's document and the amount fit several items equally well, the item due first (then the
/// lowest id) is paid, as Código Civil art. 355 imputes a payment to the oldest debt; when the evidence could belong to
/// several payers, or several sets of items fit, the credit becomes a suggestion. Weak evidence never matches.</para>
/// <para>Possible duplicate payments: a credit that fits no open item but has the payer's CPF/CNPJ of items already
/// settled (in this call by a credit of the same amount, or given with nothing outstanding at their face value) becomes a
/// suggestion with a <see cref="MatchRules.PossibleDuplicate"/> candidate naming them; nothing is allocated.</para>
/// <para>Pure and deterministic: no I/O, and the same inputs in any order give the same result. Thread-safe. A call may
/// use up to <see cref="MatchingOptions.MaxDegreeOfParallelism"/> threads for the scan of the items, the credits'
/// look-ups and the suggestions; the allocation decisions are taken one credit at a time in a fixed order, so the result
/// is the same for any number of threads.</para>
/// </remarks>
public sealed class ReconciliationMatcher
{
    private static readonly IReadOnlySet<string> s_none = new HashSet<string>();

    private readonly MatcherSettings _settings;

    /// <summary>Creates a matcher with a validated copy of <paramref name="options"/>.</summary>
    /// <param name="options">The settings; later changes to the object do not affect this matcher.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message lists every problem.</exception>
    public ReconciliationMatcher(MatchingOptions options)
        : this(options, null)
    {
    }

    /// <summary>For tests: a matcher that splits work among threads however small the input
    /// (<paramref name="minWorkPerThread"/> items or credits per thread).</summary>
    internal ReconciliationMatcher(MatchingOptions options, int? minWorkPerThread)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = MatchingOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "The matching options are invalid:" + string.Concat(errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}- {e.Property} {e.Message}"))),
                nameof(options));
        }

        _settings = minWorkPerThread is { } least
            ? new MatcherSettings(options) { MinItemsPerThread = least, MinCreditsPerThread = least }
            : new MatcherSettings(options);
    }

    /// <summary>Matches the credits among <paramref name="transactions"/> to <paramref name="openItems"/>.</summary>
    /// <param name="transactions">Bank transactions from any readers; debits and events are ignored.</param>
    /// <param name="openItems">The items that may be paid; their ids must be unique.</param>
    /// <param name="alreadyReconciledTransactionIds">Transaction ids already reconciled (from an
    /// <see cref="IReconciliationLedger"/>); they are ignored as <see cref="IgnoreReason.AlreadyReconciled"/>. A second
    /// transaction with an id seen earlier in the same call (and not in this set) allocates nothing: it is ignored as
    /// <see cref="IgnoreReason.AlreadyReconciled"/> when the first copy was matched, as
    /// <see cref="IgnoreReason.DuplicateInImport"/> otherwise.</param>
    /// <returns>Every transaction in exactly one of matches, suggestions, unmatched and ignored, and every item with its
    /// new outstanding amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> or <paramref name="openItems"/> is null.</exception>
    /// <exception cref="ArgumentException">An element is null or two open items share an id.</exception>
    public ReconciliationResult Reconcile(
        IEnumerable<BankTransaction> transactions,
        IEnumerable<OpenItem> openItems,
        IReadOnlySet<string>? alreadyReconciledTransactionIds = null)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(openItems);
        return new ReconciliationRun(_settings, transactions, openItems, alreadyReconciledTransactionIds ?? s_none).Execute();
    }
}

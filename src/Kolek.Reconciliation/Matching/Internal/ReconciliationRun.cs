using System.Collections.Concurrent;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>One call of <see cref="ReconciliationMatcher.Reconcile"/>: the mutable state of the outstanding amounts and
/// the passes over the credits.</summary>
/// <remarks>
/// <para>Credits are processed in a stable order (booking date, then id) and items are kept oldest due first, so the
/// outcome does not depend on input order.</para>
/// <para>Passes run strongest evidence first over <em>all</em> credits: first the reference pass (nosso número, txid,
/// end-to-end id, document number, references in the description) until nothing more matches, then the payer pass
/// (payer document with a fitting amount, one or several items); when the payer pass matched something, the reference
/// pass runs again, and so on until a whole round matches nothing. Only then are the remaining credits turned into
/// suggestions or unmatched, against the final outstanding amounts. Because of that fixed point, running again on the
/// new outstanding amounts with the matched transactions as already reconciled matches nothing new.</para>
/// </remarks>
internal sealed partial class ReconciliationRun
{
    private readonly MatcherSettings _settings;
    private readonly ItemCatalog _catalog;
    private readonly decimal[] _outstanding;

    /// <summary>Per item, the value of <see cref="_changes"/> when its outstanding amount last changed (0: never).</summary>
    private readonly int[] _changedAt;

    /// <summary>Per item, 1 + the <see cref="PendingCredit.Order"/> of the credit whose match brought its outstanding
    /// amount to zero in this run (0: none); allocated on the first such match.</summary>
    private int[]? _settledBy;

    /// <summary>How many proposals have been applied.</summary>
    private int _changes;
    private readonly List<PendingCredit> _pending = [];
    /// <summary>By position in the stable order (<see cref="PendingCredit.Order"/>), the match of each credit matched so far.</summary>
    private readonly TransactionMatch?[] _matches;
    private readonly List<(BankTransaction Transaction, object Outcome)> _outcomes = [];

    /// <summary>Positions in <see cref="_outcomes"/> of each repeated id's later copies, with its first copy's.</summary>
    private readonly List<(int Repeat, int First)> _repeats = [];

    /// <summary>Built on first use by the amount+date rule, once the passes have fixed the outstanding amounts.</summary>
    private AmountDateIndex? _amountDateIndex;

    public ReconciliationRun(
        MatcherSettings settings,
        IEnumerable<BankTransaction> transactions,
        IEnumerable<OpenItem> openItems,
        IReadOnlySet<string> alreadyReconciled)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        _settings = settings;
        _catalog = new ItemCatalog(openItems);
        _outstanding = new decimal[_catalog.Items.Length];
        var (input, positionOf) = (_catalog.InputOrder, _catalog.PositionOf);
        for (var k = 0; k < input.Length; k++)
        {
            _outstanding[positionOf[k]] = input[k].Outstanding;
        }

        _changedAt = new int[_outstanding.Length];

        var sorted = transactions
            .Select((t, position) => (Transaction: t ?? throw new ArgumentException("A transaction is null.", nameof(transactions)), Position: position))
            .ToArray();
        // A stable sort (the input position breaks ties), in one comparison rather than LINQ's chain of key selectors.
        Array.Sort(sorted, static (a, b) =>
        {
            var (x, y) = (a.Transaction, b.Transaction);
            var order = x.BookingDate.CompareTo(y.BookingDate);
            order = order != 0 ? order : string.CompareOrdinal(x.Id, y.Id);
            order = order != 0 ? order : Comparer<TransactionKind>.Default.Compare(x.Kind, y.Kind);
            order = order != 0 ? order : x.Amount.CompareTo(y.Amount);
            order = order != 0 ? order : string.CompareOrdinal(x.Description, y.Description);
            return order != 0 ? order : a.Position.CompareTo(b.Position);
        });
        var firstCopyOf = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        var credits = new List<int>();
        foreach (var (transaction, _) in sorted)
        {
            object? outcome = null;
            // A previous run (the ledger) wins over a repeat: every copy of a reconciled id is already reconciled.
            // Otherwise the first copy in the stable order is processed and later copies are repeats, named once the
            // first copy's outcome is known (see NameRepeats).
            if (alreadyReconciled.Contains(transaction.Id))
            {
                outcome = new IgnoredTransaction(transaction.Id, IgnoreReason.AlreadyReconciled);
            }
            else if (!firstCopyOf.TryAdd(transaction.Id, _outcomes.Count))
            {
                _repeats.Add((_outcomes.Count, firstCopyOf[transaction.Id]));
                outcome = new IgnoredTransaction(transaction.Id, IgnoreReason.DuplicateInImport);
            }
            else if (transaction.Kind == TransactionKind.Debit)
            {
                outcome = new IgnoredTransaction(transaction.Id, IgnoreReason.Debit);
            }
            else if (transaction.Kind != TransactionKind.Credit)
            {
                outcome = new IgnoredTransaction(transaction.Id, IgnoreReason.Event);
            }
            else if (!settings.InItemsCurrency(transaction))
            {
                outcome = new IgnoredTransaction(transaction.Id, IgnoreReason.ForeignCurrency);
            }
            else if (transaction.Amount <= 0m)
            {
                outcome = new UnmatchedTransaction(
                    transaction.Id,
                    UnmatchedReasons.NonPositiveAmount,
                    settings.Wording.NonPositiveAmount(Text(), transaction.Amount).ToString());
            }
            else
            {
                credits.Add(_outcomes.Count);
            }

            _outcomes.Add((transaction, outcome!));
        }

        // Each credit's references and description scans are its own: built side by side, one range of credits per
        // thread, each with its own cache of descriptions (the same scans as one cache gives; descriptions repeat, so
        // more ranges would scan the same ones again).
        var pending = new PendingCredit[credits.Count];
        ForEachRange(credits.Count, oneRangePerThread: true, (from, to) =>
        {
            var descriptions = new PendingCredit.DescriptionScans(settings);
            for (var c = from; c < to; c++)
            {
                pending[c] = new PendingCredit(_outcomes[credits[c]].Transaction, credits[c], descriptions);
            }
        });
        _pending.AddRange(pending);

        _matches = new TransactionMatch?[_outcomes.Count];
        _catalog.Index(_pending, settings.MaxDegreeOfParallelism, settings.MinItemsPerThread);
    }

    public ReconciliationResult Execute()
    {
        var referencesCheckedAt = new int[_pending.Count];
        var payerCheckedAt = new int[_pending.Count];
        while (true)
        {
            RunPassToFixedPoint(EvaluateReferences, referencesCheckedAt, ReferencesChangedSince);
            if (!RunPassToFixedPoint(EvaluatePayer, payerCheckedAt, PayerChangedSince))
            {
                break;
            }
        }

        // Suggestions read the final outstanding amounts only, so the credits are classified independently.
        var classified = new object?[_pending.Count];
        var left = new List<int>();
        for (var p = 0; p < _pending.Count; p++)
        {
            if (_matches[_pending[p].Order] is null)
            {
                left.Add(p);
            }
        }

        if (Degree(left.Count) > 1)
        {
            _amountDateIndex ??= new AmountDateIndex(_catalog, _outstanding);
        }

        ForEach(left, p => classified[p] = Classify(_pending[p]));
        for (var p = 0; p < _pending.Count; p++)
        {
            var credit = _pending[p];
            _outcomes[credit.Order] = (credit.Transaction, _matches[credit.Order] ?? classified[p]!);
        }

        NameRepeats();

        return new ReconciliationResult(
            [.. _outcomes.Select(o => o.Outcome).OfType<TransactionMatch>()],
            [.. _outcomes.Select(o => o.Outcome).OfType<MatchSuggestion>()],
            [.. _outcomes.Select(o => o.Outcome).OfType<UnmatchedTransaction>()],
            [.. _outcomes.Select(o => o.Outcome).OfType<IgnoredTransaction>()],
            new ItemBalances(_catalog.Items, _outstanding));
    }

    /// <summary>A repeat of an id whose first copy in this call was matched is <see cref="IgnoreReason.AlreadyReconciled"/>
    /// (reconciled by that copy, as a later run would say); any other repeat stays <see cref="IgnoreReason.DuplicateInImport"/>.</summary>
    private void NameRepeats()
    {
        foreach (var (repeat, first) in _repeats)
        {
            if (_outcomes[first].Outcome is TransactionMatch)
            {
                var transaction = _outcomes[repeat].Transaction;
                _outcomes[repeat] = (transaction, new IgnoredTransaction(transaction.Id, IgnoreReason.AlreadyReconciled));
            }
        }
    }

    /// <summary>Runs one pass over the credits still pending until it matches nothing more; true when it matched any.</summary>
    /// <param name="evaluate">The pass's decision for one credit.</param>
    /// <param name="checkedAt">Per pending credit, the <see cref="_changes"/> count when the pass last found nothing for it (0: never run).</param>
    /// <param name="changedSince">Whether any of the items whose outstanding amounts the pass's decision for a credit
    /// reads changed at or after a <see cref="_changes"/> count (read through the catalog's segments, without a copy of
    /// the items per credit: such copies stayed alive for the whole run).</param>
    /// <remarks>A decision is a pure function of the outstanding amounts of those items, so a credit for which the pass
    /// found nothing is evaluated again only once one of them has changed: each sweep after the first costs little
    /// more than a look at the credits' items.</remarks>
    private bool RunPassToFixedPoint(Func<PendingCredit, Proposal?> evaluate, int[] checkedAt, Func<PendingCredit, int, bool> changedSince)
    {
        var any = false;
        bool changed;
        do
        {
            changed = false;
            var (ahead, decisions, snapshot) = EvaluateAhead(evaluate, checkedAt, changedSince);
            for (var p = 0; p < _pending.Count; p++)
            {
                var credit = _pending[p];
                if (_matches[credit.Order] is not null || (checkedAt[p] > 0 && !changedSince(credit, checkedAt[p])))
                {
                    continue;
                }

                checkedAt[p] = _changes + 1;
                // A decision taken ahead still holds when none of the items it read has changed since.
                var proposal = ahead is not null && ahead[p] && !changedSince(credit, snapshot + 1)
                    ? decisions![p]
                    : evaluate(credit);
                if (proposal is not null)
                {
                    Apply(credit, proposal);
                    changed = any = true;
                }
            }
        }
        while (changed);
        return any;
    }

    /// <summary>How many threads to use for <paramref name="count"/> independent credits.</summary>
    private int Degree(int count) => Math.Min(_settings.MaxDegreeOfParallelism, count / _settings.MinCreditsPerThread);

    /// <summary>Runs <paramref name="action"/> for every position of <paramref name="positions"/>, on several threads
    /// when there are enough; the action must only write what belongs to its position.</summary>
    private void ForEach(List<int> positions, Action<int> action) => ForEachRange(positions.Count, oneRangePerThread: false, (from, to) =>
    {
        for (var k = from; k < to; k++)
        {
            action(positions[k]);
        }
    });

    /// <summary>Runs <paramref name="action"/> over consecutive ranges <c>[from, to)</c> covering <c>[0, count)</c>, on
    /// several threads when there are enough; the action must only write what belongs to its range.</summary>
    /// <param name="count">How many positions.</param>
    /// <param name="oneRangePerThread">Whether to cut as many ranges as threads (otherwise small ranges taken in turn,
    /// which balance uneven costs).</param>
    /// <param name="action">The work on one range.</param>
    private void ForEachRange(int count, bool oneRangePerThread, Action<int, int> action)
    {
        var degree = Degree(count);
        if (degree <= 1)
        {
            action(0, count);
            return;
        }

        // Small consecutive ranges, taken in turn by the threads: the cost per credit varies.
        var ranges = Partitioner.Create(0, count, oneRangePerThread ? (count + degree - 1) / degree
            : Math.Max(Math.Min(64, _settings.MinCreditsPerThread), count / (degree * 16)));
        Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = degree }, range => action(range.Item1, range.Item2));
    }

    /// <summary>On several threads, the pass's decision for every credit the coming sweep will evaluate, taken on the
    /// outstanding amounts as they are now: by position among the pending credits, whether it was taken ahead and the
    /// decision (null: nothing found), with <see cref="_changes"/> as the snapshot; null arrays when the run uses one
    /// thread or there are too few such credits.</summary>
    /// <remarks>A decision is a pure function of the outstanding amounts of the credit's items, so the sweep uses a
    /// decision taken ahead as long as none of those items has changed since the snapshot: the same decision it would
    /// take, and the same result for any number of threads.</remarks>
    private (bool[]? Ahead, Proposal?[]? Decisions, int Snapshot) EvaluateAhead(Func<PendingCredit, Proposal?> evaluate, int[] checkedAt, Func<PendingCredit, int, bool> changedSince)
    {
        if (_settings.MaxDegreeOfParallelism <= 1)
        {
            return (null, null, _changes);
        }

        var due = new List<int>();
        for (var p = 0; p < _pending.Count; p++)
        {
            if (_matches[_pending[p].Order] is null && (checkedAt[p] == 0 || changedSince(_pending[p], checkedAt[p])))
            {
                due.Add(p);
            }
        }

        if (Degree(due.Count) <= 1)
        {
            return (null, null, _changes);
        }

        var ahead = new bool[_pending.Count];
        var decisions = new Proposal?[_pending.Count];
        ForEach(due, p =>
        {
            decisions[p] = evaluate(_pending[p]);
            ahead[p] = true;
        });
        return (ahead, decisions, _changes);
    }

    private void Apply(PendingCredit credit, Proposal proposal)
    {
        _changes++;
        var allocations = new Allocation[proposal.Allocations.Count];
        for (var k = 0; k < allocations.Length; k++)
        {
            var (index, allocation) = proposal.Allocations[k];
            allocations[k] = allocation;
            _outstanding[index] -= allocation.Settled;
            _changedAt[index] = _changes;
            if (_outstanding[index] == 0m)
            {
                (_settledBy ??= new int[_outstanding.Length])[index] = credit.Order + 1;
            }
        }

        _matches[credit.Order] = new TransactionMatch(
            credit.Transaction.Id,
            Array.AsReadOnly(allocations),
            proposal.Remainder,
            proposal.Rule,
            proposal.Confidence,
            proposal.Explanation);
    }

    private bool IsLive(int index) => _outstanding[index] > 0m;

    /// <summary>The explanations' language.</summary>
    private Wording Words => _settings.Wording;

    private OpenItem Item(int index) => _catalog.Items[index];

    private static LocalDate PaymentDate(PendingCredit credit) => credit.Transaction.BookingDate;

    /// <summary>Whether the item could have been paid by this credit at all (not paid before it was issued).</summary>
    private bool IssuedBy(PendingCredit credit, int index) =>
        Item(index).IssueDate is not { } issued || issued <= PaymentDate(credit);

    private bool InDateWindow(PendingCredit credit, int index) =>
        Math.Abs(Period.DaysBetween(Item(index).DueDate, PaymentDate(credit))) <= _settings.DateWindowDays;

    private LateChargeQuote Quote(PendingCredit credit, int index)
    {
        var item = Item(index);
        return item.LateCharges is null
            ? LateChargeQuote.None
            : LateCharges.Compute(_outstanding[index], item.DueDate, PaymentDate(credit), item.LateCharges, item.Consumer, _settings.AdjustDueDate);
    }

    /// <summary>What the item costs on the credit's payment date: the amount <see cref="Fit"/> compares the credit
    /// against beyond face value (principal plus the late charges when late, less the early-payment discount when early).</summary>
    private ExpectedAmount Expected(PendingCredit credit, int index)
    {
        var quote = Quote(credit, index);
        return new ExpectedAmount(_outstanding[index], quote, quote.Total > 0m ? 0m : EarlyDiscount(credit, index), PaymentDate(credit));
    }

    /// <summary>How the credit's amount fits the item's outstanding principal on the payment date.</summary>
    private AmountFit Fit(PendingCredit credit, int index)
    {
        var outstanding = _outstanding[index];
        var discount = Math.Min(credit.Discount, outstanding);
        var settles = credit.Amount + discount;
        var tolerance = _settings.FeeTolerance;
        // Face value and declared charges need no quote (and their explanations name none): most matches fit this way,
        // and the decimal late-charge arithmetic is skipped for them.
        if (settles == outstanding)
        {
            return new AmountFit(FitKind.Face, 0m, discount, LateChargeQuote.None);
        }

        if (credit.DeclaredLateCharges > 0m && settles == outstanding + credit.DeclaredLateCharges)
        {
            return new AmountFit(FitKind.DeclaredLateCharges, credit.DeclaredLateCharges, discount, LateChargeQuote.None);
        }

        var quote = Quote(credit, index);

        var expected = outstanding + quote.Total;
        if (quote.Total > 0m && settles == expected)
        {
            return new AmountFit(FitKind.ExpectedLateCharges, quote.Total, discount, quote);
        }

        if (EarlyDiscount(credit, index) is var early and > 0m && settles == outstanding - early)
        {
            return new AmountFit(FitKind.EarlyPaymentDiscount, 0m, discount + early, quote);
        }

        if (quote.Total > 0m && settles < expected && settles >= expected - tolerance && credit.Amount > quote.Total)
        {
            return new AmountFit(FitKind.WithinFeeTolerance, quote.Total, discount + (expected - settles), quote);
        }

        if (settles < outstanding && settles >= outstanding - tolerance)
        {
            return new AmountFit(FitKind.WithinFeeTolerance, 0m, discount + (outstanding - settles), quote);
        }

        return new AmountFit(FitKind.None, 0m, 0m, quote);
    }

    /// <summary>The item's early-payment discount when the credit was booked by its last day and the discount is less
    /// than what is outstanding; otherwise zero.</summary>
    private decimal EarlyDiscount(PendingCredit credit, int index) =>
        Item(index).EarlyPaymentDiscount is { } early && PaymentDate(credit) <= early.Until && early.Amount < _outstanding[index]
            ? early.Amount
            : 0m;

    /// <summary>A decision to allocate a credit.</summary>
    private sealed record Proposal(
        string Rule,
        double Confidence,
        string Explanation,
        IReadOnlyList<(int Index, Allocation Allocation)> Allocations,
        decimal Remainder);
}

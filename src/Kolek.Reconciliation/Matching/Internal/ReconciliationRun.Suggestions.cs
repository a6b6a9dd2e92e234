using System.Text;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Suggestions and unmatched credits, and the pieces of the explanations (see <see cref="Wording"/>).</summary>
internal sealed partial class ReconciliationRun
{
    /// <summary>Reused for every explanation written on this thread (see <see cref="Text"/>): credits are evaluated
    /// on several threads at once when the run may use them.</summary>
    [ThreadStatic]
    private static StringBuilder? t_text;

    private sealed record Candidate(IReadOnlyList<int> Items, double Score, string Rule, string Explanation);

    /// <summary>What a credit left without a match becomes: a suggestion with ranked candidates, or unmatched.</summary>
    private object Classify(PendingCredit credit)
    {
        var candidates = new List<Candidate>();
        var hits = FindReferences(credit);
        if (hits.Rule is not null)
        {
            var items = hits.Live.Select(Item).ToList();
            // The same sums AllocateExactly compared the credit against: at face value, and with the late charges.
            candidates.Add(new Candidate(hits.Live, 0.6, hits.Rule,
                Words.SuggestReferencedItems(Text(), hits.Evidence, items, credit.Amount, hits.Live.Sum(i => _outstanding[i]),
                    credit.Discount > 0m ? 0m : hits.Live.Sum(i => Quote(credit, i).Total), PaymentDate(credit)).ToString()));
            candidates.AddRange(hits.Live.Select(i => new Candidate([i], 0.5, hits.Rule,
                Words.SuggestReferencedItem(Text(), hits.Evidence, Item(i), Expected(credit, i), credit.Amount).ToString())));
        }
        else
        {
            var fits = false;
            if (FindPayer(credit) is { } view)
            {
                (var payer, fits) = PayerCandidates(credit, view);
                candidates.AddRange(payer);
            }

            if (!fits)
            {
                candidates.AddRange(DuplicateCandidates(credit));
            }

            candidates.AddRange(AmountDateCandidates(credit, candidates));
        }

        if (candidates.Count == 0)
        {
            return hits.Settled is { } settled
                ? new UnmatchedTransaction(credit.Transaction.Id, UnmatchedReasons.ItemAlreadySettled,
                    Words.ItemAlreadySettled(Text(), Item(settled)).ToString())
                : new UnmatchedTransaction(credit.Transaction.Id, UnmatchedReasons.NoCandidate,
                    Words.NoCandidate(Text(), credit.Amount, PaymentDate(credit)).ToString());
        }

        var ranked = candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Items[0])
            .ThenBy(c => c.Items.Count)
            .Take(_settings.MaxSuggestions)
            .Select(c => new SuggestionCandidate([.. c.Items.Select(i => Item(i).Id)], Math.Round(Math.Clamp(c.Score, 0, 1), 2), c.Rule, c.Explanation))
            .ToList();
        return new MatchSuggestion(credit.Transaction.Id, ranked);
    }

    /// <summary>The payer's items as candidates, and whether the amount fits any of them (one by one or together).</summary>
    private (IEnumerable<Candidate> Candidates, bool Fits) PayerCandidates(PendingCredit credit, PayerView view)
    {
        var fits = PayerFits(credit, view);
        if (fits.Count > 0)
        {
            // Only reached when a masked document fits items of several payers.
            return (Best(fits).Select(f => new Candidate([f.Index], 0.7, MatchRules.PayerDocumentAmount,
                Words.SuggestMaskedPayer(Text(), FitWords(credit, f.Index, f.Fit), view.Evidence).ToString())), true);
        }

        var (solutions, exhausted) = Subsets(credit, view);
        if (solutions.Count > 0)
        {
            var note = solutions.Count > 1 ? SubsetNote.Several : exhausted ? SubsetNote.SearchStopped : SubsetNote.None;
            return (solutions.Select(s => new Candidate([.. s.Select(a => a.Index)], 0.6, MatchRules.PayerDocumentSubsetSum,
                Words.SuggestSubset(Text(), credit.Amount, [.. s.Select(a => Item(a.Index))], LateOf(s), view.Evidence, note).ToString())), true);
        }

        return (view.Live.Take(_settings.MaxSuggestions).Select(i => new Candidate([i], 0.3, MatchRules.PayerDocumentAmount,
            Words.SuggestPayerItem(Text(), view.Evidence, Item(i), credit.Amount, Expected(credit, i)).ToString())), false);
    }

    /// <summary>Settled items of the credit's payer that the credit may pay a second time: those settled in this run by a
    /// credit of the same amount (one candidate per such credit, with its items of this payer), then those already
    /// settled when given (outstanding zero) whose face value is the credit's amount.</summary>
    /// <remarks>The payer is found as <see cref="FindPayer"/> does (complete documents, or else masked fragments, within
    /// the date window and with a lower score). Only a suggestion for a clerk to check (refund or credit the customer):
    /// nothing is allocated.</remarks>
    private List<Candidate> DuplicateCandidates(PendingCredit credit)
    {
        var found = new List<Candidate>();
        SortedDictionary<int, List<int>>? thisRun = null;
        List<int>? before = null;
        string? shown = null;
        for (var pass = 0; pass < 2 && shown is null; pass++)
        {
            var full = pass == 0;
            foreach (var pattern in credit.DocumentPatterns)
            {
                if (full == pattern.Contains(Keys.Hidden, StringComparison.Ordinal))
                {
                    continue;
                }

                IReadOnlyList<string> documents = full ? [pattern] : _catalog.PayerDocumentsMatching(pattern);
                foreach (var document in documents)
                {
                    Collect(pattern, document, full);
                }
            }
        }

        if (shown is null)
        {
            return found;
        }

        var masked = shown.Contains(Keys.Hidden, StringComparison.Ordinal);
        var penalty = masked ? MaskedDocumentScorePenalty : 0;
        var evidence = Words.PayerEvidence(shown, complete: !masked);
        foreach (var (order, items) in thisRun ?? [])
        {
            items.Sort();
            var paid = _outcomes[order].Transaction;
            found.Add(new Candidate(items, 0.6 - penalty, MatchRules.PossibleDuplicate,
                Words.DuplicateOfThisRun(Text(), credit.Amount, evidence, [.. items.Select(Item)], paid.Id, paid.BookingDate).ToString()));
        }

        before?.Sort();
        found.AddRange((before ?? []).Select(i => new Candidate([i], 0.5 - penalty, MatchRules.PossibleDuplicate,
            Words.DuplicateOfSettled(Text(), credit.Amount, evidence, Item(i)).ToString())));
        return found;

        void Collect(string pattern, string document, bool full)
        {
            foreach (var index in _catalog.ByPayerDocument(document))
            {
                if (IsLive(index) || !IssuedBy(credit, index) || (!full && !InDateWindow(credit, index)))
                {
                    continue;
                }

                var by = _settledBy is null ? -1 : _settledBy[index] - 1;
                if (by >= 0)
                {
                    if (by != credit.Order && _outcomes[by].Transaction.Amount == credit.Amount)
                    {
                        thisRun ??= [];
                        if (!thisRun.TryGetValue(by, out var items))
                        {
                            thisRun[by] = items = [];
                        }

                        AddOnce(items, index);
                        shown ??= pattern;
                    }
                }
                else if (Item(index) is { Outstanding: 0m, OriginalAmount: > 0m } settled && settled.OriginalAmount == credit.Amount + credit.Discount)
                {
                    AddOnce(before ??= [], index);
                    shown ??= pattern;
                }
            }
        }

        static void AddOnce(List<int> items, int index)
        {
            if (!items.Contains(index))
            {
                items.Add(index);
            }
        }
    }

    private List<Candidate> AmountDateCandidates(PendingCredit credit, List<Candidate> already)
    {
        var date = PaymentDate(credit);
        var window = _settings.DateWindowDays;
        var listed = already.Where(c => c.Items.Count == 1).Select(c => c.Items[0]).ToHashSet();
        var found = new List<Candidate>();
        // Only the items whose amount can fit (see AmountDateIndex) are tested, instead of every item in the window.
        _amountDateIndex ??= new AmountDateIndex(_catalog, _outstanding);
        var nearby = _amountDateIndex.Candidates(
            date.PlusDays(-window), date.PlusDays(window), date, credit.Amount, credit.Discount, credit.DeclaredLateCharges, _settings.FeeTolerance);
        foreach (var index in nearby)
        {
            if (!IsLive(index) || !IssuedBy(credit, index) || listed.Contains(index))
            {
                continue;
            }

            var fit = Fit(credit, index);
            if (!fit.Fits)
            {
                continue;
            }

            var days = Period.DaysBetween(Item(index).DueDate, date);
            var strength = fit.Kind switch
            {
                FitKind.Face or FitKind.DeclaredLateCharges => 0.6,
                FitKind.ExpectedLateCharges or FitKind.EarlyPaymentDiscount => 0.55,
                _ => 0.45,
            };
            var score = strength - (0.2 * Math.Abs(days) / Math.Max(1, window));
            found.Add(new Candidate([index], score, MatchRules.AmountDate,
                Words.SuggestAmountDate(Text(), FitWords(credit, index, fit), days).ToString()));
        }

        if (found.Count == 1)
        {
            found[0] = found[0] with { Score = found[0].Score + 0.1 };
        }

        return found;
    }

    /// <summary>What an explanation says about a fit of the credit to the item.</summary>
    private FitWords FitWords(PendingCredit credit, int index, AmountFit fit)
    {
        var early = fit.Kind == FitKind.EarlyPaymentDiscount ? EarlyDiscount(credit, index) : 0m;
        var discount = fit.Kind == FitKind.WithinFeeTolerance ? Math.Min(credit.Discount, fit.WrittenOff) : fit.WrittenOff - early;
        return new FitWords(credit.Amount, discount, Item(index), _outstanding[index], fit, early, _settings.FeeTolerance);
    }

    /// <summary>The late charges paid by a set of allocations.</summary>
    private static decimal LateOf(IEnumerable<(int Index, Allocation Allocation)> allocations) => allocations.Sum(a => a.Allocation.LateCharges);

    /// <summary>The thread's builder for explanations, emptied (explanations are built one at a time per thread).</summary>
    private static StringBuilder Text() => (t_text ??= new StringBuilder(256)).Clear();
}

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
            if (FindPayer(credit) is { } view)
            {
                candidates.AddRange(PayerCandidates(credit, view));
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

    private IEnumerable<Candidate> PayerCandidates(PendingCredit credit, PayerView view)
    {
        var fits = PayerFits(credit, view);
        if (fits.Count > 0)
        {
            // Only reached when a masked document fits items of several payers.
            return Best(fits).Select(f => new Candidate([f.Index], 0.7, MatchRules.PayerDocumentAmount,
                Words.SuggestMaskedPayer(Text(), FitWords(credit, f.Index, f.Fit), view.Evidence).ToString()));
        }

        var (solutions, exhausted) = Subsets(credit, view);
        if (solutions.Count > 0)
        {
            var note = solutions.Count > 1 ? SubsetNote.Several : exhausted ? SubsetNote.SearchStopped : SubsetNote.None;
            return solutions.Select(s => new Candidate([.. s.Select(a => a.Index)], 0.6, MatchRules.PayerDocumentSubsetSum,
                Words.SuggestSubset(Text(), credit.Amount, [.. s.Select(a => Item(a.Index))], LateOf(s), view.Evidence, note).ToString()));
        }

        return view.Live.Take(_settings.MaxSuggestions).Select(i => new Candidate([i], 0.3, MatchRules.PayerDocumentAmount,
            Words.SuggestPayerItem(Text(), view.Evidence, Item(i), credit.Amount, Expected(credit, i)).ToString()));
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

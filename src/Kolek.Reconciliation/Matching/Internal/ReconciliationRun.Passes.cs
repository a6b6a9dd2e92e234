namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The reference pass and the payer pass.</summary>
internal sealed partial class ReconciliationRun
{
    private const double SameEvidenceTieScorePenalty = 0.05;
    private const double MaskedDocumentScorePenalty = 0.1;

    /// <summary>Nosso número, txid, end-to-end id and document number (see <see cref="ExactReference"/>).</summary>
    private const int ExactReferenceKinds = 4;

    /// <summary>The first kind of reference of the credit that names open items (strongest first).</summary>
    /// <param name="Rule">The rule of that reference, or null when none names a live item.</param>
    /// <param name="Evidence">The reference in words.</param>
    /// <param name="Live">The items named that still have something outstanding, oldest due first.</param>
    /// <param name="Settled">An item named by some reference but already settled, for the unmatched reason.</param>
    private readonly record struct ReferenceHits(string? Rule, string Evidence, IReadOnlyList<int> Live, int? Settled);

    /// <summary>Items of the payer documents found on the credit.</summary>
    /// <param name="Live">Open items of those documents, oldest due first.</param>
    /// <param name="Full">Whether a complete document matched (otherwise only a masked fragment).</param>
    /// <param name="Documents">The document through which each item of <paramref name="Live"/> matched, at the same position.</param>
    /// <param name="Evidence">"CPF do pagador" or "CPF parcial do pagador (•••456789••)" (in the run's language).</param>
    private sealed record PayerView(int[] Live, bool Full, string[] Documents, string Evidence)
    {
        public int DistinctDocuments(IEnumerable<int> items) =>
            items.Select(i => Documents[Array.BinarySearch(Live, i)]).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>Whether an item a reference of the credit names, live or not (what <see cref="FindReferences"/> reads),
    /// changed at or after the <paramref name="changes"/>-th change.</summary>
    private bool ReferencesChangedSince(PendingCredit credit, int changes)
    {
        for (var rank = 0; rank < ExactReferenceKinds; rank++)
        {
            if (AnyChangedSince(ExactReference(credit, rank).Items, changes))
            {
                return true;
            }
        }

        for (var m = 0; m < credit.MemoReferences.Count; m++)
        {
            if (AnyChangedSince(MemoItems(credit, m), changes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an item a reference of the credit names, or an item of its payer documents, complete or masked
    /// (what <see cref="FindReferences"/> and <see cref="FindPayer"/> read), changed at or after the
    /// <paramref name="changes"/>-th change.</summary>
    private bool PayerChangedSince(PendingCredit credit, int changes)
    {
        if (ReferencesChangedSince(credit, changes))
        {
            return true;
        }

        foreach (var pattern in credit.DocumentPatterns)
        {
            if (!pattern.Contains(Keys.Hidden, StringComparison.Ordinal))
            {
                if (AnyChangedSince(_catalog.ByPayerDocument(pattern), changes))
                {
                    return true;
                }

                continue;
            }

            foreach (var document in _catalog.PayerDocumentsMatching(pattern))
            {
                if (AnyChangedSince(_catalog.ByPayerDocument(document), changes))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool AnyChangedSince(ReadOnlySpan<int> items, int changes)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (_changedAt[items[i]] >= changes)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The items the credit's <paramref name="m"/>-th memo reference names (looked up once per credit).</summary>
    private ArraySegment<int> MemoItems(PendingCredit credit, int m)
    {
        var found = credit.MemoItems ??= new ArraySegment<int>[credit.MemoReferences.Count];
        if (found[m].Array is null)
        {
            found[m] = _catalog.ByAnyReference(credit.MemoReferences[m].Key);
        }

        return found[m];
    }

    /// <summary>The exact references of a credit, strongest first: rule, the reference and its items.</summary>
    private (string Rule, (string? Raw, string? Key) Reference, ArraySegment<int> Items) ExactReference(PendingCredit credit, int rank)
    {
        var (rule, reference) = rank switch
        {
            0 => (MatchRules.NossoNumero, credit.NossoNumero),
            1 => (MatchRules.Txid, credit.Txid),
            2 => (MatchRules.EndToEndId, credit.EndToEndId),
            _ => (MatchRules.DocumentNumber, credit.DocumentNumber),
        };
        ref var items = ref credit.ExactItems[rank];
        if (items.Array is null)
        {
            items = reference.Key is not { } key ? ArraySegment<int>.Empty
                : rank switch
                {
                    0 => _catalog.ByNossoNumero(key),
                    1 => _catalog.ByTxid(key),
                    2 => _catalog.ByEndToEndId(key),
                    _ => _catalog.ByDocumentNumber(key),
                };
        }

        return (rule, reference, items);
    }

    /// <remarks>Runs for every credit in every sweep whose items changed, so nothing is allocated unless a reference
    /// names a live item.</remarks>
    private ReferenceHits FindReferences(PendingCredit credit)
    {
        int? settled = null;
        for (var rank = 0; rank < ExactReferenceKinds; rank++)
        {
            var (rule, (raw, key), hits) = ExactReference(credit, rank);
            if (key is null)
            {
                continue;
            }

            if (AnyLive(hits))
            {
                return new ReferenceHits(rule, Words.ReferenceEvidence(rule, raw!.Trim()), Live(hits), null);
            }

            settled ??= hits.Count > 0 ? hits[0] : null;
        }

        SortedSet<int>? memoLive = null;
        List<string>? memoRaw = null;
        for (var m = 0; m < credit.MemoReferences.Count; m++)
        {
            var raw = credit.MemoReferences[m].Raw;
            var hits = MemoItems(credit, m);
            if (AnyLive(hits))
            {
                (memoLive ??= []).UnionWith(hits.Where(IsLive));
                (memoRaw ??= []).Add(raw);
            }

            settled ??= hits.Count > 0 ? hits[0] : null;
        }

        return memoLive is not null
            ? new ReferenceHits(MatchRules.MemoReference, Words.MemoEvidence(memoRaw!), [.. memoLive], null)
            : new ReferenceHits(null, string.Empty, [], settled);
    }

    /// <summary>The items with something outstanding, in order.</summary>
    private List<int> Live(ReadOnlySpan<int> items)
    {
        var live = new List<int>(items.Length);
        foreach (var index in items)
        {
            if (IsLive(index))
            {
                live.Add(index);
            }
        }

        return live;
    }

    private bool AnyLive(ReadOnlySpan<int> items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (IsLive(items[i]))
            {
                return true;
            }
        }

        return false;
    }

    private Proposal? EvaluateReferences(PendingCredit credit)
    {
        var hits = FindReferences(credit);
        if (hits.Rule is null)
        {
            return null;
        }

        var confidence = hits.Rule switch
        {
            MatchRules.DocumentNumber => 0.95,
            MatchRules.MemoReference => 0.9,
            _ => 1.0,
        };
        return hits.Live.Count == 1
            ? SingleItem(credit, hits.Live[0], hits.Rule, confidence, hits.Evidence)
            : Together(credit, hits.Live, hits.Rule, confidence * 0.9, hits.Evidence);
    }

    /// <summary>A credit that names exactly one item: always allocated, in full, in part, or with a remainder.</summary>
    private Proposal SingleItem(PendingCredit credit, int index, string rule, double confidence, string evidence)
    {
        var item = Item(index);
        var fit = Fit(credit, index);
        if (fit.Fits)
        {
            return new Proposal(rule, confidence, Words.ReferenceFits(Text(), evidence, FitWords(credit, index, fit)).ToString(),
                [(index, new Allocation(item.Id, credit.Amount, fit.LateCharges, fit.WrittenOff))], 0m);
        }

        var outstanding = _outstanding[index];
        var discount = Math.Min(credit.Discount, outstanding);
        var excess = credit.Amount + discount - outstanding;
        if (excess < 0m)
        {
            return new Proposal(rule, confidence, Words.ReferencePartial(Text(), evidence, credit.Amount, discount, item, -excess, outstanding).ToString(),
                [(index, new Allocation(item.Id, credit.Amount, 0m, discount))], 0m);
        }

        // Money beyond the principal pays late charges: those the bank declares, else those expected on the payment date,
        // up to their total; a payer who computed them lower has still paid them in part (the explanation says how much
        // is missing), and only money beyond them is a remainder.
        var quote = fit.Quote;
        var late = Math.Min(excess, credit.DeclaredLateCharges > 0m ? credit.DeclaredLateCharges : quote.Total);
        var allocated = outstanding - discount + late;
        var remainder = credit.Amount - allocated;
        var text = Words.ReferenceExcess(Text(), evidence, credit.Amount, discount, item, outstanding, late, remainder, quote.Total);
        return new Proposal(rule, confidence, text.ToString(), [(index, new Allocation(item.Id, allocated, late, discount))], remainder);
    }

    /// <summary>A credit that names several items: allocated only when it pays all of them exactly.</summary>
    private Proposal? Together(PendingCredit credit, IReadOnlyList<int> items, string rule, double confidence, string evidence)
    {
        var allocations = AllocateExactly(credit, items);
        return allocations is null
            ? null
            : new Proposal(rule, confidence,
                Words.ReferenceTogether(Text(), evidence, [.. items.Select(Item)], credit.Amount, LateOf(allocations)).ToString(),
                allocations, 0m);
    }

    /// <summary>Allocations paying every item at face value, or every item with its late charges, when the credit
    /// amount is exactly that sum (no discount involved); otherwise null.</summary>
    private List<(int Index, Allocation Allocation)>? AllocateExactly(PendingCredit credit, IEnumerable<int> items)
    {
        if (credit.Discount > 0m)
        {
            return null;
        }

        var parts = items.Select(i => (Index: i, Principal: _outstanding[i], Late: Quote(credit, i).Total)).ToList();
        if (parts.Sum(p => p.Principal) == credit.Amount)
        {
            return [.. parts.Select(p => (p.Index, new Allocation(Item(p.Index).Id, p.Principal, 0m, 0m)))];
        }

        return parts.Any(p => p.Late > 0m) && parts.Sum(p => p.Principal + p.Late) == credit.Amount
            ? [.. parts.Select(p => (p.Index, new Allocation(Item(p.Index).Id, p.Principal + p.Late, p.Late, 0m)))]
            : null;
    }

    /// <remarks>Runs for every credit left by the reference pass, in every sweep whose items changed: complete
    /// documents first, then masked fragments; nothing is allocated unless a live item is found.</remarks>
    private PayerView? FindPayer(PendingCredit credit)
    {
        if (credit.DocumentPatterns.Length == 0)
        {
            return null;
        }

        for (var pass = 0; pass < 2; pass++)
        {
            var full = pass == 0;
            List<(int Index, string Document)>? documentOf = null;
            string? shown = null;
            foreach (var pattern in credit.DocumentPatterns)
            {
                if (full == pattern.Contains(Keys.Hidden, StringComparison.Ordinal))
                {
                    continue;
                }

                if (full)
                {
                    Collect(pattern, pattern, ref shown, ref documentOf);
                    continue;
                }

                foreach (var document in _catalog.PayerDocumentsMatching(pattern))
                {
                    Collect(pattern, document, ref shown, ref documentOf);
                }
            }

            if (shown is not null && documentOf is not null)
            {
                var evidence = Words.PayerEvidence(shown, full);
                var (live, documents) = OldestFirst(documentOf);
                return new PayerView(live, full, documents, evidence);
            }
        }

        return null;

        void Collect(string pattern, string document, ref string? shown, ref List<(int Index, string Document)>? documentOf)
        {
            foreach (var index in _catalog.ByPayerDocument(document))
            {
                if (IsLive(index) && IssuedBy(credit, index))
                {
                    shown ??= pattern;
                    (documentOf ??= []).Add((index, document));
                }
            }
        }
    }

    /// <summary>The items found, ascending, each with the first document it was found through.</summary>
    /// <remarks>Usually one document's items, already ascending and distinct: then nothing is sorted.</remarks>
    private static (int[] Live, string[] Documents) OldestFirst(List<(int Index, string Document)> found)
    {
        var ascending = true;
        for (var k = 1; k < found.Count && ascending; k++)
        {
            ascending = found[k - 1].Index < found[k].Index;
        }

        if (!ascending)
        {
            // Stable by index: the first document an item was found through is kept.
            var order = found.Select((f, k) => (f.Index, Seq: k, f.Document)).OrderBy(f => f.Index).ThenBy(f => f.Seq).ToList();
            found = [];
            foreach (var (index, _, document) in order)
            {
                if (found.Count == 0 || found[^1].Index != index)
                {
                    found.Add((index, document));
                }
            }
        }

        var live = new int[found.Count];
        var documents = new string[found.Count];
        for (var k = 0; k < found.Count; k++)
        {
            (live[k], documents[k]) = found[k];
        }

        return (live, documents);
    }

    /// <summary>The items of the payer the amount fits one by one (only within the date window for a masked document).</summary>
    private List<(int Index, AmountFit Fit)> PayerFits(PendingCredit credit, PayerView view)
    {
        var fits = new List<(int Index, AmountFit Fit)>();
        foreach (var index in view.Live)
        {
            if ((view.Full || InDateWindow(credit, index)) && Fit(credit, index) is { Fits: true } fit)
            {
                fits.Add((index, fit));
            }
        }

        return fits;
    }

    /// <summary>The fits with the strongest kind, oldest due first.</summary>
    private static List<(int Index, AmountFit Fit)> Best(List<(int Index, AmountFit Fit)> fits)
    {
        var best = fits.Min(f => f.Fit.Kind);
        return [.. fits.Where(f => f.Fit.Kind == best)];
    }

    private Proposal? EvaluatePayer(PendingCredit credit)
    {
        if (FindReferences(credit).Rule is not null || FindPayer(credit) is not { } view)
        {
            return null;
        }

        var fits = PayerFits(credit, view);
        if (fits.Count > 0)
        {
            var ties = Best(fits);
            if (!view.Full && view.DistinctDocuments(ties.Select(t => t.Index)) > 1)
            {
                return null;
            }

            var (index, fit) = ties[0];
            var confidence = (fit.Kind == FitKind.Face || fit.Kind == FitKind.DeclaredLateCharges ? 0.9
                : fit.Kind is FitKind.ExpectedLateCharges or FitKind.EarlyPaymentDiscount ? 0.85 : 0.8)
                - (ties.Count > 1 ? SameEvidenceTieScorePenalty : 0) - (view.Full ? 0 : MaskedDocumentScorePenalty);
            var text = Words.PayerFits(Text(), FitWords(credit, index, fit), view.Evidence, ties.Count);
            return new Proposal(MatchRules.PayerDocumentAmount, confidence, text.ToString(),
                [(index, new Allocation(Item(index).Id, credit.Amount, fit.LateCharges, fit.WrittenOff))], 0m);
        }

        var (solutions, exhausted) = Subsets(credit, view);
        if (solutions.Count != 1 || exhausted)
        {
            return null;
        }

        var allocations = solutions[0];
        return new Proposal(MatchRules.PayerDocumentSubsetSum, view.Full ? 0.8 : 0.7,
            Words.PayerSubset(Text(), credit.Amount, [.. allocations.Select(a => Item(a.Index))], LateOf(allocations), view.Evidence).ToString(),
            allocations, 0m);
    }

    /// <summary>Sets of at least two items of the payer whose sum (all at face value, or all with late charges) is
    /// exactly the credit; only for one payer and without discount.</summary>
    private (List<List<(int Index, Allocation Allocation)>> Solutions, bool Exhausted) Subsets(PendingCredit credit, PayerView view)
    {
        var candidates = view.Live.Take(_settings.MaxSubsetItems).ToList();
        if (candidates.Count < 2 || credit.Discount > 0m || (!view.Full && view.DistinctDocuments(candidates) > 1))
        {
            return ([], false);
        }

        var late = candidates.Select(i => Quote(credit, i).Total).ToList();
        var modes = late.Any(l => l > 0m) ? new[] { false, true } : [false];
        var found = new List<List<(int Index, Allocation Allocation)>>();
        var exhausted = false;
        foreach (var withLateCharges in modes)
        {
            var values = candidates.Select((index, k) => _outstanding[index] + (withLateCharges ? late[k] : 0m)).ToList();
            var (solutions, ranOut) = SubsetSearch.Find(values, credit.Amount, 2, _settings.SubsetSearchBudget);
            exhausted |= ranOut;
            foreach (var solution in solutions)
            {
                var allocations = solution
                    .Select(k => (candidates[k], new Allocation(Item(candidates[k]).Id, values[k], withLateCharges ? late[k] : 0m, 0m)))
                    .ToList();
                if (!found.Exists(f => f.Select(a => a.Index).SequenceEqual(allocations.Select(a => a.Item1))))
                {
                    found.Add(allocations);
                }
            }
        }

        return (found, exhausted);
    }
}

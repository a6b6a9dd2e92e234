using System.Text;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Suggestions and unmatched credits, and the Portuguese explanations.</summary>
internal sealed partial class ReconciliationRun
{
    /// <summary>Reused for every explanation of the passes (see <see cref="Text"/>).</summary>
    private readonly StringBuilder _text = new(256);

    private sealed record Candidate(IReadOnlyList<int> Items, double Score, string Rule, string Explanation);

    /// <summary>What a credit left without a match becomes: a suggestion with ranked candidates, or unmatched.</summary>
    private object Classify(PendingCredit credit)
    {
        var candidates = new List<Candidate>();
        var hits = FindReferences(credit);
        if (hits.Rule is not null)
        {
            var items = hits.Live.Select(Item).ToList();
            candidates.Add(new Candidate(hits.Live, 0.6, hits.Rule,
                Capitalize(hits.Evidence) + " aponta para os " + PtBr.Items(items) + "; o valor " + PtBr.Money(credit.Amount)
                + " difere da soma em aberto (" + PtBr.Money(hits.Live.Sum(i => _outstanding[i])) + ") — confirme a divisão."));
            candidates.AddRange(hits.Live.Select(i => new Candidate([i], 0.5, hits.Rule,
                Capitalize(hits.Evidence) + " aponta para o " + PtBr.Item(Item(i)) + ", com " + PtBr.Money(_outstanding[i])
                + " em aberto; crédito de " + PtBr.Money(credit.Amount) + ".")));
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
                    "A referência do crédito aponta para o " + PtBr.Item(Item(settled))
                    + ", que já está quitado; possível pagamento em duplicidade — verifique e devolva ou credite o cliente.")
                : new UnmatchedTransaction(credit.Transaction.Id, UnmatchedReasons.NoCandidate,
                    "Nenhum título em aberto com a referência, o CPF/CNPJ do pagador ou o valor " + PtBr.Money(credit.Amount)
                    + " em " + PtBr.Date(PaymentDate(credit)) + ".");
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
                Capitalize(AmountText(credit, f.Index, f.Fit)) + " e " + view.Evidence
                + " confere, mas o fragmento combina com mais de um pagador — confirme."));
        }

        var (solutions, exhausted) = Subsets(credit, view);
        if (solutions.Count > 0)
        {
            var note = solutions.Count > 1 ? "; há mais de uma combinação possível — confirme"
                : exhausted ? "; a busca por combinações foi interrompida, outras podem existir — confirme"
                : string.Empty;
            return solutions.Select(s => new Candidate([.. s.Select(a => a.Index)], 0.6, MatchRules.PayerDocumentSubsetSum,
                SubsetText(credit, view, s) + note + "."));
        }

        return view.Live.Take(_settings.MaxSuggestions).Select(i => new Candidate([i], 0.3, MatchRules.PayerDocumentAmount,
            Capitalize(view.Evidence) + " confere com o " + PtBr.Item(Item(i)) + ", mas o valor " + PtBr.Money(credit.Amount)
            + " não corresponde aos " + PtBr.Money(_outstanding[i]) + " em aberto"
            + (credit.Amount < _outstanding[i] ? " (possível pagamento parcial)." : ".")));
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
            var when = days == 0 ? "no dia do vencimento"
                : days > 0 ? PtBr.Days(days) + " depois do vencimento"
                : PtBr.Days(-days) + " antes do vencimento";
            found.Add(new Candidate([index], score, MatchRules.AmountDate,
                Capitalize(AmountText(credit, index, fit)) + ", pago " + when
                + "; sem referência nem CPF/CNPJ do pagador que confirme."));
        }

        if (found.Count == 1)
        {
            found[0] = found[0] with { Score = found[0].Score + 0.1 };
        }

        return found;
    }

    /// <summary>"valor R$ 150,00 igual ao valor em aberto do título INV-2 (vencimento 05/11/2026)…" for a fit.</summary>
    private string AmountText(PendingCredit credit, int index, AmountFit fit) =>
        AppendAmountText(new StringBuilder(), credit, index, fit).ToString();

    /// <summary>Appends <see cref="AmountText"/> to <paramref name="text"/>.</summary>
    private StringBuilder AppendAmountText(StringBuilder text, PendingCredit credit, int index, AmountFit fit)
    {
        var outstanding = _outstanding[index];
        var early = fit.Kind == FitKind.EarlyPaymentDiscount ? EarlyDiscount(credit, index) : 0m;
        var discount = fit.Kind == FitKind.WithinFeeTolerance ? Math.Min(credit.Discount, fit.WrittenOff) : fit.WrittenOff - early;
        text.Append("valor ").AppendMoney(credit.Amount).Append(DiscountText(discount)).Append(" igual ao valor em aberto do ").AppendItem(Item(index));
        var quote = fit.Quote;
        switch (fit.Kind)
        {
            case FitKind.DeclaredLateCharges:
                return text.Append(", ").AppendMoney(outstanding).Append(", mais ").AppendMoney(fit.LateCharges).Append(" de juros e multa informados pelo banco");
            case FitKind.ExpectedLateCharges:
                return AppendLateText(text.Append(", ").AppendMoney(outstanding).Append(", mais "), quote);
            case FitKind.EarlyPaymentDiscount:
                return text.Append(", ").AppendMoney(outstanding).Append(", menos ").AppendMoney(early).Append(" de desconto por pagamento até ")
                    .AppendDate(Item(index).EarlyPaymentDiscount!.Until);
            case FitKind.WithinFeeTolerance:
                if (fit.LateCharges > 0m)
                {
                    AppendLateText(text.Append(", ").AppendMoney(outstanding).Append(", mais "), quote);
                }

                return text.Append(", menos ").AppendMoney(fit.WrittenOff - discount).Append(" tratados como tarifa bancária (tolerância ")
                    .AppendMoney(_settings.FeeTolerance).Append(')');
            default:
                return text;
        }
    }

    private string SubsetText(PendingCredit credit, PayerView view, IReadOnlyList<(int Index, Allocation Allocation)> allocations) =>
        "Valor " + PtBr.Money(credit.Amount) + " igual à soma em aberto dos " + PtBr.Items([.. allocations.Select(a => Item(a.Index))])
        + LateSuffix(allocations) + " e " + view.Evidence + " confere";

    private static StringBuilder AppendLateText(StringBuilder text, LateChargeQuote quote) =>
        text.Append("multa de ").AppendMoney(quote.Fine).Append(" e juros de ").AppendMoney(quote.Interest)
            .Append(" (").Append(PtBr.Days(quote.DaysLate)).Append(" de atraso)");

    private static string LateSuffix(IEnumerable<(int Index, Allocation Allocation)> allocations)
    {
        var late = allocations.Sum(a => a.Allocation.LateCharges);
        return late > 0m ? ", mais " + PtBr.Money(late) + " de multa e juros" : string.Empty;
    }

    private static string DiscountText(decimal discount) =>
        discount > 0m ? " mais " + PtBr.Money(discount) + " de desconto/abatimento" : string.Empty;

    private static string TieText(int ties) => ties <= 1
        ? string.Empty
        : "; há " + (ties - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (ties == 2 ? " outro título" : " outros títulos")
            + " do mesmo pagador com a mesma evidência — aplicado ao de vencimento mais antigo (art. 355 do Código Civil)";

    /// <summary>The run's builder for explanations, emptied (explanations are built one at a time).</summary>
    private StringBuilder Text() => _text.Clear();

    /// <summary>Upper-cases the character at <paramref name="start"/>, if any (like <see cref="Capitalize(string)"/>).</summary>
    private static void Capitalize(StringBuilder text, int start)
    {
        if (text.Length > start)
        {
            text[start] = char.ToUpperInvariant(text[start]);
        }
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

using System.Globalization;
using System.Text;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The explanations in Brazilian Portuguese (the default): "Nosso número 123 confere; valor R$ 150,00 igual ao
/// valor em aberto do título INV-2 (vencimento 05/11/2026).".</summary>
internal sealed class PortugueseWording : Wording
{
    private PortugueseWording()
        : base("nosso número ", "txid ", "identificador PIX (EndToEndId) ", "número do documento ")
    {
    }

    public static PortugueseWording Instance { get; } = new();

    public override string MemoEvidence(IReadOnlyList<string> references) =>
        "referência " + string.Join(", ", references.Select(r => "\"" + r + "\"")) + " no histórico";

    public override string PayerEvidence(string pattern, bool complete) =>
        PtBr.DocumentKind(pattern) + (complete ? " do pagador" : " parcial do pagador (" + pattern.Replace(Keys.Hidden, '•') + ")");

    public override StringBuilder NonPositiveAmount(StringBuilder text, decimal amount) =>
        text.Append("Crédito com valor ").AppendMoney(amount).Append(": nada a conciliar.");

    public override StringBuilder ReferenceFits(StringBuilder text, string evidence, in FitWords fit) =>
        AmountFit(AppendCapitalized(text, evidence).Append(" confere; "), fit).Append('.');

    public override StringBuilder ReferencePartial(StringBuilder text, string evidence, decimal amount, decimal discount, OpenItem item, decimal left, decimal outstanding) =>
        Discount(AppendCapitalized(text, evidence).Append(" confere; pagamento parcial de ").AppendMoney(amount), discount).Append(" do ").AppendItem(item)
            .Append(": restam ").AppendMoney(left).Append(" de ").AppendMoney(outstanding).Append(" em aberto.");

    public override StringBuilder ReferenceExcess(StringBuilder text, string evidence, decimal amount, decimal discount, OpenItem item, decimal outstanding, decimal late, decimal remainder, decimal expectedLate)
    {
        Discount(AppendCapitalized(text, evidence).Append(" confere; valor ").AppendMoney(amount), discount).Append(" quita os ").AppendMoney(outstanding)
            .Append(" em aberto do ").AppendItem(item);
        if (late > 0m)
        {
            text.Append(", com ").AppendMoney(late).Append(" de multa e juros");
        }

        if (remainder == 0m)
        {
            return (expectedLate > late
                ? text.Append("; multa e juros esperados: ").AppendMoney(expectedLate).Append(" (").AppendMoney(expectedLate - late).Append(" não pagos)")
                : text).Append('.');
        }

        return text.Append("; sobra de ").AppendMoney(remainder).Append(" não explicada (multa e juros esperados: ").AppendMoney(expectedLate).Append(").");
    }

    public override StringBuilder ReferenceTogether(StringBuilder text, string evidence, IReadOnlyList<OpenItem> items, decimal amount, decimal late) =>
        Late(AppendCapitalized(text, evidence).Append(" aponta para os ").Append(PtBr.Items(items)).Append("; valor ").AppendMoney(amount)
            .Append(" igual à soma em aberto"), late).Append('.');

    public override StringBuilder PayerFits(StringBuilder text, in FitWords fit, string evidence, int ties)
    {
        Capitalize(AmountFit(text, fit), 0).Append(" e ").Append(evidence).Append(" confere");
        if (ties > 1)
        {
            text.Append("; há ").Append((ties - 1).ToString(CultureInfo.InvariantCulture)).Append(ties == 2 ? " outro título" : " outros títulos")
                .Append(" do mesmo pagador com a mesma evidência — aplicado ao de vencimento mais antigo (art. 355 do Código Civil)");
        }

        return text.Append('.');
    }

    public override StringBuilder PayerSubset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence) =>
        Subset(text, amount, items, late, evidence).Append("; nenhuma outra combinação de títulos desse pagador dá o mesmo valor.");

    public override StringBuilder SuggestReferencedItems(StringBuilder text, string evidence, IReadOnlyList<OpenItem> items, decimal amount, decimal sum, decimal late, LocalDate date)
    {
        AppendCapitalized(text, evidence).Append(" aponta para os ").Append(PtBr.Items(items)).Append("; o valor ").AppendMoney(amount)
            .Append(" difere da soma em aberto (").AppendMoney(sum);
        if (late > 0m)
        {
            text.Append(") e da soma com multa e juros em ").AppendDate(date).Append(" (").AppendMoney(sum + late);
        }

        return text.Append(") — confirme a divisão.");
    }

    public override StringBuilder SuggestReferencedItem(StringBuilder text, string evidence, OpenItem item, in ExpectedAmount expected, decimal amount) =>
        Expected(AppendCapitalized(text, evidence).Append(" aponta para o ").AppendItem(item).Append(", com "), expected, item)
            .Append("; crédito de ").AppendMoney(amount).Append('.');

    public override StringBuilder SuggestMaskedPayer(StringBuilder text, in FitWords fit, string evidence) =>
        Capitalize(AmountFit(text, fit), 0).Append(" e ").Append(evidence).Append(" confere, mas o fragmento combina com mais de um pagador — confirme.");

    public override StringBuilder SuggestSubset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence, SubsetNote note) =>
        Subset(text, amount, items, late, evidence).Append(note switch
        {
            SubsetNote.Several => "; há mais de uma combinação possível — confirme",
            SubsetNote.SearchStopped => "; a busca por combinações foi interrompida, outras podem existir — confirme",
            _ => string.Empty,
        }).Append('.');

    public override StringBuilder SuggestPayerItem(StringBuilder text, string evidence, OpenItem item, decimal amount, in ExpectedAmount expected)
    {
        Expected(AppendCapitalized(text, evidence).Append(" confere com o ").AppendItem(item).Append(", mas o valor ").AppendMoney(amount)
            .Append(" não corresponde aos "), expected, item);
        return amount >= expected.Total ? text.Append('.')
            : text.Append(expected.AtFace ? " (possível pagamento parcial)." : "; possível pagamento parcial.");
    }

    public override StringBuilder SuggestAmountDate(StringBuilder text, in FitWords fit, int daysAfterDue)
    {
        Capitalize(AmountFit(text, fit), 0).Append(", pago ");
        _ = daysAfterDue == 0 ? text.Append("no dia do vencimento")
            : daysAfterDue > 0 ? text.Append(PtBr.Days(daysAfterDue)).Append(" depois do vencimento")
            : text.Append(PtBr.Days(-daysAfterDue)).Append(" antes do vencimento");
        return text.Append("; sem referência nem CPF/CNPJ do pagador que confirme.");
    }

    public override StringBuilder DuplicateOfThisRun(StringBuilder text, decimal amount, string evidence, IReadOnlyList<OpenItem> items, string paidBy, LocalDate paidOn)
    {
        text.Append("Possível pagamento em duplicidade: valor ").AppendMoney(amount).Append(" e ").Append(evidence).Append(" iguais aos do lançamento ")
            .Append(paidBy).Append(" (").AppendDate(paidOn).Append("), que já quitou ");
        _ = items.Count == 1 ? text.Append("o ").AppendItem(items[0]) : text.Append("os ").Append(PtBr.Items(items));
        return text.Append(" nesta conciliação — verifique e devolva ou credite o cliente; nada foi alocado.");
    }

    public override StringBuilder DuplicateOfSettled(StringBuilder text, decimal amount, string evidence, OpenItem item) =>
        text.Append("Possível pagamento em duplicidade: ").Append(evidence).Append(" confere com o ").AppendItem(item)
            .Append(", já quitado antes desta conciliação, e o valor ").AppendMoney(amount)
            .Append(" é o valor de face dele — verifique e devolva ou credite o cliente; nada foi alocado.");

    public override StringBuilder ItemAlreadySettled(StringBuilder text, OpenItem item) =>
        text.Append("A referência do crédito aponta para o ").AppendItem(item)
            .Append(", que já está quitado; possível pagamento em duplicidade — verifique e devolva ou credite o cliente.");

    public override StringBuilder NoCandidate(StringBuilder text, decimal amount, LocalDate date) =>
        text.Append("Nenhum título em aberto com a referência, o CPF/CNPJ do pagador ou o valor ").AppendMoney(amount)
            .Append(" em ").AppendDate(date).Append('.');

    /// <summary>"valor R$ 150,00 igual ao valor em aberto do título INV-2 (vencimento 05/11/2026)…".</summary>
    private static StringBuilder AmountFit(StringBuilder text, in FitWords fit)
    {
        Discount(text.Append("valor ").AppendMoney(fit.Amount), fit.Discount).Append(" igual ao valor em aberto do ").AppendItem(fit.Item);
        var quote = fit.Fit.Quote;
        switch (fit.Fit.Kind)
        {
            case FitKind.DeclaredLateCharges:
                return text.Append(", ").AppendMoney(fit.Outstanding).Append(", mais ").AppendMoney(fit.Fit.LateCharges).Append(" de juros e multa informados pelo banco");
            case FitKind.ExpectedLateCharges:
                return LateQuote(text.Append(", ").AppendMoney(fit.Outstanding).Append(", mais "), quote);
            case FitKind.EarlyPaymentDiscount:
                return text.Append(", ").AppendMoney(fit.Outstanding).Append(", menos ").AppendMoney(fit.Early).Append(" de desconto por pagamento até ")
                    .AppendDate(fit.Item.EarlyPaymentDiscount!.Until);
            case FitKind.WithinFeeTolerance:
                if (fit.Fit.LateCharges > 0m)
                {
                    LateQuote(text.Append(", ").AppendMoney(fit.Outstanding).Append(", mais "), quote);
                }

                return text.Append(", menos ").AppendMoney(fit.Fit.WrittenOff - fit.Discount).Append(" tratados como tarifa bancária (tolerância ")
                    .AppendMoney(fit.Tolerance).Append(')');
            default:
                return text;
        }
    }

    /// <summary>"Valor R$ 300,00 igual à soma em aberto dos títulos INV-1 e INV-2… e CPF do pagador confere".</summary>
    private static StringBuilder Subset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence) =>
        Late(text.Append("Valor ").AppendMoney(amount).Append(" igual à soma em aberto dos ").Append(PtBr.Items(items)), late)
            .Append(" e ").Append(evidence).Append(" confere");

    /// <summary>"R$ 150,00 em aberto", or "R$ 153,50 esperados em 20/11/2026: R$ 150,00 em aberto mais multa de … e juros de … (15 dias de atraso)".</summary>
    private static StringBuilder Expected(StringBuilder text, in ExpectedAmount expected, OpenItem item)
    {
        if (expected.AtFace)
        {
            return text.AppendMoney(expected.Outstanding).Append(" em aberto");
        }

        text.AppendMoney(expected.Total).Append(" esperados em ").AppendDate(expected.PaymentDate).Append(": ").AppendMoney(expected.Outstanding).Append(" em aberto");
        return expected.Early > 0m
            ? text.Append(" menos ").AppendMoney(expected.Early).Append(" de desconto por pagamento até ").AppendDate(item.EarlyPaymentDiscount!.Until)
            : LateQuote(text.Append(" mais "), expected.Quote);
    }

    private static StringBuilder LateQuote(StringBuilder text, LateChargeQuote quote) =>
        text.Append("multa de ").AppendMoney(quote.Fine).Append(" e juros de ").AppendMoney(quote.Interest)
            .Append(" (").Append(PtBr.Days(quote.DaysLate)).Append(" de atraso)");

    private static StringBuilder Late(StringBuilder text, decimal late) =>
        late > 0m ? text.Append(", mais ").AppendMoney(late).Append(" de multa e juros") : text;

    private static StringBuilder Discount(StringBuilder text, decimal discount) =>
        discount > 0m ? text.Append(" mais ").AppendMoney(discount).Append(" de desconto/abatimento") : text;
}

using Kolek.Reconciliation.Matching;
using static Kolek.Reconciliation.Tests.Matching.Build;

namespace Kolek.Reconciliation.Tests.Matching;

/// <summary>Issue 4: amounts also compare against the face value minus an early-payment discount, paid by its last day.</summary>
public class EarlyPaymentDiscountTests
{
    private static OpenItem Discounted(string id = "INV-1", string document = Cpf) =>
        Item(id, 100.00m, "2026-11-10", "K-1", document) with { EarlyPaymentDiscount = new OpenItemEarlyPaymentDiscount(5.00m, Date("2026-11-05")) };

    [Fact]
    public void Reconcile_PayerPaysFaceLessDiscountByItsLastDay_PaidInFullWithDiscountWrittenOff()
    {
        var result = Reconcile([Credit("T1", 95.00m, "2026-11-05").WithPayer(Cpf)], [Discounted()]);

        var match = Assert.Single(result.Matches);
        Assert.Equal(MatchRules.PayerDocumentAmount, match.Rule);
        var allocation = Assert.Single(match.Allocations);
        Assert.Equal((95.00m, 0m, 5.00m, 100.00m), (allocation.Amount, allocation.LateCharges, allocation.WrittenOff, allocation.Settled));
        Assert.Equal(ItemStatus.Paid, result.Balance("INV-1").Status);
        Assert.Equal(
            "Valor R$ 95,00 igual ao valor em aberto do título INV-1 (vencimento 10/11/2026), R$ 100,00, menos R$ 5,00 de desconto "
            + "por pagamento até 05/11/2026 e CPF do pagador confere.",
            match.Explanation);
    }

    [Fact]
    public void Reconcile_FaceLessDiscountAfterItsLastDay_NotAMatch()
    {
        var result = Reconcile([Credit("T1", 95.00m, "2026-11-06").WithPayer(Cpf)], [Discounted()]);

        Assert.Empty(result.Matches);
        Assert.Equal(ItemStatus.Open, result.Balance("INV-1").Status);
    }

    [Fact]
    public void Reconcile_NossoNumeroAfterTheDiscountDay_IsAPartialPayment()
    {
        var item = Discounted().WithNossoNumero("777");

        var result = Reconcile([Credit("T1", 95.00m, "2026-11-06").WithNossoNumero("777")], [item]);

        Assert.Equal(95.00m, Assert.Single(Assert.Single(result.Matches).Allocations).Amount);
        Assert.Equal((ItemStatus.PartiallyPaid, 5.00m), (result.Balance("INV-1").Status, result.Balance("INV-1").Outstanding));
    }

    [Fact]
    public void Reconcile_FaceLessDiscountWithoutEvidence_OnlyAnAmountDateSuggestion()
    {
        var result = Reconcile([Credit("T1", 95.00m, "2026-11-04")], [Discounted(document: OtherCpf)]);

        var candidate = Assert.Single(Assert.Single(result.Suggestions).Candidates);
        Assert.Equal((MatchRules.AmountDate, "INV-1"), (candidate.Rule, candidate.ItemIds.Single()));
        Assert.Contains("menos R$ 5,00 de desconto por pagamento até 05/11/2026", candidate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_NegativeAmount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenItemEarlyPaymentDiscount(-1m, Date("2026-11-05")));
}

using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Statements;
using static Kolek.Reconciliation.Tests.Matching.Build;

namespace Kolek.Reconciliation.Tests.Matching;

public class LateChargesTests
{
    private static readonly OpenItemLateChargeTerms s_terms = new(2m, 1m);

    [Fact]
    public void Compute_TenDaysLate_FineOnceAndInterestProRata()
    {
        // 150.00 × 2% = 3.00; 150.00 × 1% ÷ 30 × 10 = 0.50.
        var quote = LateCharges.Compute(150m, Date("2026-11-05"), Date("2026-11-15"), s_terms);

        Assert.Equal(new LateChargeQuote(3.00m, 0.50m, 10), quote);
        Assert.Equal(3.50m, quote.Total);
    }

    [Fact]
    public void Compute_ThirtyThreeDaysLate_EachPartRoundedOnceToTheCent()
    {
        // 1234.56 × 2% = 24.6912 → 24.69; 1234.56 × 1% ÷ 30 × 33 = 13.58016 → 13.58.
        var quote = LateCharges.Compute(1234.56m, Date("2026-10-05"), Date("2026-11-07"), s_terms);

        Assert.Equal(new LateChargeQuote(24.69m, 13.58m, 33), quote);
    }

    [Fact]
    public void Compute_HalfCent_RoundsAwayFromZero()
    {
        // 0.25 × 2% = 0.005 → 0.01 (banker's rounding would give 0.00).
        var quote = LateCharges.Compute(0.25m, Date("2026-11-05"), Date("2026-11-06"), new OpenItemLateChargeTerms(2m, 0m));

        Assert.Equal(0.01m, quote.Fine);
    }

    [Theory]
    [InlineData("2026-11-04")]
    [InlineData("2026-11-05")]
    public void Compute_OnOrBeforeDueDate_NothingOwed(string paid)
    {
        Assert.Equal(LateChargeQuote.None, LateCharges.Compute(150m, Date("2026-11-05"), Date(paid), s_terms));
    }

    [Fact]
    public void Compute_SaturdayDuePaidMonday_NothingOwed()
    {
        Assert.Equal(LateChargeQuote.None, LateCharges.Compute(150m, Date("2026-11-07"), Date("2026-11-09"), s_terms));
    }

    [Fact]
    public void Compute_SaturdayDuePaidTuesday_DaysCountFromOriginalDueDate()
    {
        var quote = LateCharges.Compute(150m, Date("2026-11-07"), Date("2026-11-10"), s_terms);

        Assert.Equal(new LateChargeQuote(3.00m, 0.15m, 3), quote);
    }

    [Fact]
    public void Compute_CustomAdjuster_HolidayMovesDueDate()
    {
        // A holiday calendar says Thursday 05/11 is not a business day: paying on Friday costs nothing.
        var quote = LateCharges.Compute(150m, Date("2026-11-05"), Date("2026-11-06"), s_terms, adjustDueDate: d => d.PlusDays(1));

        Assert.Equal(LateChargeQuote.None, quote);
    }

    [Fact]
    public void Compute_ConsumerDebt_FineCappedAtTwoPercent()
    {
        var terms = new OpenItemLateChargeTerms(10m, 0m);

        Assert.Equal(2.00m, LateCharges.Compute(100m, Date("2026-11-05"), Date("2026-11-06"), terms, consumer: true).Fine);
        Assert.Equal(10.00m, LateCharges.Compute(100m, Date("2026-11-05"), Date("2026-11-06"), terms, consumer: false).Fine);
    }

    [Fact]
    public void Compute_ConsumerDebt_InterestCappedAtOnePercentAMonth()
    {
        // Tryout 6: a consumer item with 3% a month, paid 15 days late, was quoted 15.00 of interest; Kolek.Dunning (and the
        // message the debtor read) caps consumer interest at 1% a month: 1000.00 × 1% ÷ 30 × 15 = 5.00.
        var terms = new OpenItemLateChargeTerms(2m, 3m);

        Assert.Equal(new LateChargeQuote(20.00m, 5.00m, 15), LateCharges.Compute(1000m, Date("2026-11-30"), Date("2026-12-15"), terms, consumer: true));
        Assert.Equal(new LateChargeQuote(20.00m, 15.00m, 15), LateCharges.Compute(1000m, Date("2026-11-30"), Date("2026-12-15"), terms, consumer: false));
        Assert.Equal(1m, LateCharges.ConsumerInterestCapPercentPerMonth);
    }

    [Fact]
    public void Reconcile_ConsumerPaysTheCappedAmountStatedInTheMessage_ItemPaidWithLateCharges()
    {
        var item = Item("NF-501", 1000m, due: "2026-11-30", document: Cpf).WithLateCharges(2m, 3m) with { Consumer = true };
        var credit = Credit("T1", 1025m, date: "2026-12-15").WithPayer(Cpf);

        var result = Reconcile([credit], [item]);

        var match = Assert.Single(result.Matches);
        var allocation = Assert.Single(match.Allocations);
        Assert.Equal((1025m, 25m, 0m), (allocation.Amount, allocation.LateCharges, match.Remainder));
        Assert.Equal(0m, result.Balance("NF-501").Outstanding);
    }

    [Fact]
    public void Reconcile_ConsumerPaysTheCappedAmountWithoutReferenceOrDocument_SuggestedByAmountAndDate()
    {
        // Tryout 6 (reported, then fixed): the amount+date index bounded late amounts with the uncapped 3% a month, so the
        // 1,025.00 the message asked (interest capped at 1%) was neither matched nor suggested.
        var item = Item("NF-501", 1000m, due: "2026-11-30").WithLateCharges(2m, 3m) with { Consumer = true };
        var credit = Credit("T1", 1025m, date: "2026-12-15");

        var suggestion = Assert.Single(Reconcile([credit], [item]).Suggestions);

        var candidate = Assert.Single(suggestion.Candidates);
        Assert.Equal((MatchRules.AmountDate, "NF-501"), (candidate.Rule, candidate.ItemIds.Single()));
    }

    [Theory]
    [InlineData(ExplanationLanguage.PortugueseBrazil, "com R$ 22,00 de multa e juros; multa e juros esperados: R$ 25,00 (R$ 3,00 não pagos).")]
    [InlineData(ExplanationLanguage.English, "with R$ 22.00 of fine and interest; expected fine and interest: R$ 25.00 (R$ 3.00 not paid).")]
    public void Reconcile_LateChargesPaidInPart_TheExcessPaysThemAndTheShortfallIsExplained(ExplanationLanguage language, string ending)
    {
        // Tryout 6 (reported, then fixed): 1,000.00 at 2% and 1% a month paid 15 days late owes 25.00; a payment of 1,022.00
        // was recorded with no late charges and 22.00 "unexplained", as if the payer had not paid late charges at all.
        var item = Item("NF-77", 1000m, due: "2026-11-30").WithNossoNumero("7788").WithLateCharges(2m, 1m);
        var credit = Credit("T1", 1022m, date: "2026-12-15") with { References = new TransactionReferences { NossoNumero = "7788" } };

        var result = Reconcile([credit], [item], o => o.ExplanationLanguage = language);

        var match = Assert.Single(result.Matches);
        var allocation = Assert.Single(match.Allocations);
        Assert.Equal((1022m, 22m, 0m, 0m), (allocation.Amount, allocation.LateCharges, allocation.WrittenOff, match.Remainder));
        Assert.Equal(ItemStatus.Paid, result.Balance("NF-77").Status);
        Assert.EndsWith(ending, match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ItemWithoutTerms_NothingOwed()
    {
        Assert.Equal(LateChargeQuote.None, LateCharges.ComputeFor(Item("INV-1", 100m), Date("2026-12-31")));
    }

    [Fact]
    public void Ctor_NegativeRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenItemLateChargeTerms(-1m, 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenItemLateChargeTerms(2m, -0.1m));
    }
}

using Kolek.Dunning.Calendar;
using Kolek.Dunning.LateCharges;
using NodaTime;

namespace Kolek.Dunning.Tests.LateCharges;

public sealed class LateChargeCalculatorTests
{
    private static readonly LateChargeTerms s_terms = new() { FinePercent = 2m, InterestPercentPerMonth = 1m };
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.BrazilBanking;

    [Fact]
    public void AmountDue_FifteenDaysLate_FineAndProRataInterest()
    {
        // R$ 1.000,00 due 2026-11-10 (Tuesday), paid 2026-11-25: fine 2% = 20.00; interest 1000 × 1% ÷ 30 × 15 = 5.00.
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 25), s_terms, s_calendar);
        Assert.Equal(20.00m, result.Fine);
        Assert.Equal(5.00m, result.Interest);
        Assert.Equal(15, result.DaysLate);
        Assert.Equal(1025.00m, result.Total);
    }

    [Fact]
    public void AmountDue_DueSaturdayPaidMonday_NothingOwed()
    {
        // 2026-11-14 is a Saturday and 15 Nov a Sunday holiday: payable on Monday 16 without charges (Lei 7.089/83).
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 14), new LocalDate(2026, 11, 16), s_terms, s_calendar);
        Assert.Equal(new LateChargeBreakdown(1000m, 0m, 0m, 0), result);
    }

    [Fact]
    public void AmountDue_DueSaturdayPaidTuesday_DaysCountFromTheOriginalDueDate()
    {
        // Late after the adjusted date, the interest runs from Saturday: 3 days → 1000 × 1% ÷ 30 × 3 = 1.00.
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 14), new LocalDate(2026, 11, 17), s_terms, s_calendar);
        Assert.Equal(3, result.DaysLate);
        Assert.Equal(20.00m, result.Fine);
        Assert.Equal(1.00m, result.Interest);
        Assert.Equal(1021.00m, result.Total);
    }

    [Fact]
    public void AmountDue_DueOnCarnivalMondayPaidAshWednesday_NothingOwed()
    {
        var result = LateChargeCalculator.AmountDue(500m, new LocalDate(2026, 2, 16), new LocalDate(2026, 2, 18), s_terms, s_calendar);
        Assert.Equal(500m, result.Total);
    }

    [Theory]
    [InlineData("2026-11-09")]
    [InlineData("2026-11-10")]
    public void AmountDue_PaidOnOrBeforeDueDate_NothingOwed(string paid)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(paid).Value;
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), date, s_terms, s_calendar);
        Assert.Equal(0m, result.Fine + result.Interest);
    }

    [Fact]
    public void AmountDue_ConsumerWithTenPercentFine_CappedAtTwoPercent()
    {
        var terms = new LateChargeTerms { FinePercent = 10m, InterestPercentPerMonth = 0m, Consumer = true };
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 11), terms, s_calendar);
        Assert.Equal(20.00m, result.Fine);
        var business = terms with { Consumer = false };
        Assert.Equal(100.00m, LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 11), business, s_calendar).Fine);
    }

    [Fact]
    public void AmountDue_HalfCent_RoundsAwayFromZero()
    {
        // 100.25 × 2% = 2.005 → 2.01 (banker's rounding would give 2.00); 333.33 × 1% ÷ 30 × 7 = 0.77777 → 0.78.
        Assert.Equal(2.01m, LateChargeCalculator.AmountDue(100.25m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 11), s_terms, s_calendar).Fine);
        Assert.Equal(0.78m, LateChargeCalculator.AmountDue(333.33m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 17), s_terms, s_calendar).Interest);
    }

    [Theory]
    [InlineData("2026-12-01", 50.00)]  // 13 days before the due date 14 December: within "5% up to 10 days before"
    [InlineData("2026-12-04", 50.00)]  // the last day of the offer
    [InlineData("2026-12-05", 0.00)]   // offer over, not yet due
    [InlineData("2026-12-14", 0.00)]
    public void AmountDue_EarlyPaymentDiscount_UntilItsLastDay(string paid, decimal discount)
    {
        var terms = s_terms with { EarlyPayment = new EarlyPaymentDiscount(5m, 10) };
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 12, 14), NodaTime.Text.LocalDatePattern.Iso.Parse(paid).Value, terms, s_calendar);
        Assert.Equal(discount, result.Discount);
        Assert.Equal(1000m - discount, result.Total);
    }

    [Fact]
    public void AmountDue_EarlyPaymentDiscountButPaidLate_LateChargesOnly()
    {
        var terms = s_terms with { EarlyPayment = new EarlyPaymentDiscount(5m) };
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 25), terms, s_calendar);
        Assert.Equal((0m, 1025.00m), (result.Discount, result.Total));
    }

    [Fact]
    public void AmountDue_ConsumerWithThreePercentAMonth_InterestCappedAtOnePercent()
    {
        var terms = new LateChargeTerms { FinePercent = 2m, InterestPercentPerMonth = 3m, Consumer = true };
        var result = LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 25), terms, s_calendar);
        Assert.Equal(5.00m, result.Interest);
        Assert.Equal(15.00m, LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 25), terms with { Consumer = false }, s_calendar).Interest);
    }

    [Fact]
    public void AmountDue_NegativeOutstanding_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            LateChargeCalculator.AmountDue(-1m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 17), s_terms, s_calendar));

    [Theory]
    [InlineData(-5, 1, 0, 0, "FinePercent")]
    [InlineData(2, 101, 0, 0, "InterestPercentPerMonth")]
    [InlineData(2, 1, 150, 0, "EarlyPayment.Percent")]
    [InlineData(2, 1, 5, -3, "EarlyPayment.DaysBeforeDue")]
    [InlineData(2, 1, 5, 367, "EarlyPayment.DaysBeforeDue")]
    public void AmountDue_TermsOutOfRange_ArgumentExceptionNamingTheTerm(int fine, int interest, int discount, int days, string term)
    {
        // tryout7: a -5% fine was a R$ 50,00 rebate and a 150% discount a negative amount due, where a ruler rejects both.
        var terms = new LateChargeTerms
        {
            FinePercent = fine, InterestPercentPerMonth = interest,
            EarlyPayment = discount == 0 ? null : new EarlyPaymentDiscount(discount, days),
        };

        var ex = Assert.Throws<ArgumentException>(() =>
            LateChargeCalculator.AmountDue(1000m, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 25), terms, s_calendar));

        Assert.Equal("terms", ex.ParamName);
        Assert.Contains(term, ex.Message, StringComparison.Ordinal);
    }
}

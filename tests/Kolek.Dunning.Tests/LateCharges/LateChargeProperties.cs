using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.LateCharges;
using NodaTime;

namespace Kolek.Dunning.Tests.LateCharges;

/// <summary>Design rule 6 on money: late charges within the legal caps, growing with the days late.</summary>
public sealed class LateChargeProperties
{
    private static readonly LocalDate s_origin = new(2026, 1, 1);

    public sealed record Loan(decimal Principal, LateChargeTerms Terms, LocalDate Due, int Offset);

    private static Arbitrary<Loan> Cases { get; } = (
        from cents in Gen.Choose(1, 10_000_000)
        from fineTenths in Gen.Choose(0, 200)
        from interestHundredths in Gen.Choose(0, 1_000)
        from consumer in Gen.Elements(true, false)
        from discount in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 300)))
        from discountDays in Gen.Choose(0, 30)
        from due in Gen.Choose(0, 730)
        from offset in Gen.Choose(-60, 400)
        select new Loan(cents / 100m,
            new LateChargeTerms
            {
                FinePercent = fineTenths / 10m,
                InterestPercentPerMonth = interestHundredths / 100m,
                Consumer = consumer,
                EarlyPayment = discount < 0 ? null : new EarlyPaymentDiscount(discount / 10m, discountDays),
            },
            s_origin.PlusDays(due), offset)).ToArbitrary();

    private static LateChargeBreakdown On(Loan c, int offset) =>
        LateChargeCalculator.AmountDue(c.Principal, c.Due, c.Due.PlusDays(offset), c.Terms, BusinessCalendar.BrazilBanking);

    [Property(MaxTest = 500)]
    public Property AmountDue_ConsumerWithinTheCaps() =>
        Prop.ForAll(Cases, c =>
        {
            var r = On(c, c.Offset);
            var cappedFine = Math.Round(c.Principal * 0.02m, 2, MidpointRounding.AwayFromZero);
            // Multiply before dividing: 27 324,04 × 1% × 375 ÷ 30 is exactly 3 415,505 (→ 3 415,51), while dividing by 30 first
            // gives 3 415,50499…9 in decimal (→ 3 415,50), a cap below the exact amount. FsCheck found that case (seed
            // 3100852646327778136,12489963632511764179,11), kept as an example below.
            var cappedInterest = Math.Round(c.Principal * 1m * Math.Max(0, c.Offset) / 3000m, 2, MidpointRounding.AwayFromZero);
            return !c.Terms.Consumer || (r.Fine <= cappedFine && r.Interest <= cappedInterest);
        });

    [Fact]
    public void AmountDue_ConsumerInterestAtExactlyHalfACent_RoundsAwayFromZeroAndStaysAtTheCap()
    {
        var terms = new LateChargeTerms { FinePercent = 8.9m, InterestPercentPerMonth = 8.82m, Consumer = true };
        var due = new LocalDate(2027, 5, 15);

        var r = LateChargeCalculator.AmountDue(27_324.04m, due, due.PlusDays(375), terms, BusinessCalendar.BrazilBanking);

        Assert.Equal((546.48m, 3_415.51m), (r.Fine, r.Interest)); // 2% and 1% × 375/30 = 12.5% of the principal, 3 415,505
    }

    [Property(MaxTest = 500)]
    public Property AmountDue_NeverDecreasesWithThePaymentDate() =>
        Prop.ForAll(Cases, c => On(c, c.Offset).Total <= On(c, c.Offset + 1).Total && On(c, c.Offset).Fine + On(c, c.Offset).Interest <= On(c, c.Offset + 1).Fine + On(c, c.Offset + 1).Interest);

    [Property(MaxTest = 500)]
    public Property AmountDue_ExactCentsAndDiscountOnlyBeforeTheDueDate() =>
        Prop.ForAll(Cases, c =>
        {
            var r = On(c, c.Offset);
            return r.Fine == Math.Round(r.Fine, 2) && r.Interest == Math.Round(r.Interest, 2) && r.Discount == Math.Round(r.Discount, 2)
                && (r.Discount == 0m || (c.Offset <= 0 && r.Fine + r.Interest == 0m))
                && r.Discount <= c.Principal;
        });
}

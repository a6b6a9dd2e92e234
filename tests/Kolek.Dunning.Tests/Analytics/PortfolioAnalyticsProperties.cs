using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using NodaTime;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Analytics;

/// <summary>Aging conserves money and partitions the open items; delinquency only falls when a charge is paid; order never matters.</summary>
public sealed class PortfolioAnalyticsProperties
{
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.BrazilBanking;
    private static readonly LocalDate s_origin = new(2026, 1, 1);

    // Inclusive day ranges of the buckets, written out independently of AgingBucket.NameFor.
    private static readonly (string Name, int From, int To)[] s_ranges =
        [("current", int.MinValue, 0), ("1-30", 1, 30), ("31-60", 31, 60), ("61-90", 61, 90), ("90+", 91, int.MaxValue)];

    private static readonly ChargeStatus[] s_statuses =
        [ChargeStatus.Open, ChargeStatus.Open, ChargeStatus.Open, ChargeStatus.Open, ChargeStatus.Paid, ChargeStatus.Cancelled, ChargeStatus.Disputed, ChargeStatus.Agreement];

    private static Gen<CustomerCharge> OneCharge { get; } =
        from customer in Gen.Choose(0, 4)
        from cents in Gen.Choose(1, 500_000)
        from due in Gen.Choose(0, 365)
        from status in Gen.Elements(s_statuses)
        from paidPercent in Gen.Elements(0, 0, 0, 25, 100, 110)
        from paidAfter in Gen.Choose(-10, 120)
        let amount = cents / 100m
        let customerId = "K-" + customer.ToString(CultureInfo.InvariantCulture)
        select new CustomerCharge(
            new Charge
            {
                Id = "tmp",
                CustomerId = customerId,
                Amount = amount,
                DueDate = s_origin.PlusDays(due),
                IssueDate = s_origin.PlusDays(due - 30),
                Status = status,
                PaidAmount = Math.Round(amount * paidPercent / 100m, 2),
                PaidDate = paidPercent == 0 ? null : s_origin.PlusDays(due + paidAfter),
            },
            Customer(customerId));

    internal static Arbitrary<Scenario> Scenarios { get; } = (
        from charges in Gen.ArrayOf(OneCharge).Select(a => a.Select((c, i) => c with { Charge = c.Charge with { Id = "C-" + i.ToString("D3", CultureInfo.InvariantCulture) } }).ToArray())
        from asOf in Gen.Choose(0, 500)
        from order in Gen.Shuffle(charges)
        from pick in Gen.Choose(0, int.MaxValue)
        select new Scenario(charges, order, s_origin.PlusDays(asOf), pick))
        .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Aging_BucketAmounts_SumToOutstanding() =>
        Prop.ForAll(Scenarios, s =>
        {
            var report = Aging(s.Charges, s.AsOf);
            var openBalance = s.Charges.Where(c => c.Charge.IssueDate <= s.AsOf).Select(c => PortfolioAnalytics.Standing(c.Charge, s.AsOf, s_calendar))
                .Where(x => x.State is ChargeState.Open or ChargeState.Late or ChargeState.PartiallyPaid)
                .Sum(x => x.Outstanding);
            return report.Buckets.Sum(b => b.Amount) == report.Outstanding
                && report.Outstanding == openBalance
                && report.Overdue <= report.Outstanding
                && report.Buckets.Skip(1).Sum(b => b.Amount) == report.Overdue
                && report.DelinquencyRate is >= 0m and <= 1m;
        });

    [Property(MaxTest = 300)]
    public Property Aging_EachOpenCharge_InExactlyOneBucket() =>
        Prop.ForAll(Scenarios, s =>
        {
            var report = Aging(s.Charges, s.AsOf);
            var open = s.Charges.Where(c => c.Charge.IssueDate <= s.AsOf).Select(c => PortfolioAnalytics.Standing(c.Charge, s.AsOf, s_calendar)).Where(x => x.IsOpenItem).ToList();
            var eachInOne = open.All(x => s_ranges.Count(r => x.DaysLate >= r.From && x.DaysLate <= r.To) == 1);
            var countsMatch = report.Buckets.Select(b => b.Bucket).SequenceEqual(s_ranges.Select(r => r.Name))
                && report.Buckets.Zip(s_ranges).All(p => p.First.Count == open.Count(x => x.DaysLate >= p.Second.From && x.DaysLate <= p.Second.To));
            return eachInOne && countsMatch && report.Buckets.Sum(b => b.Count) == report.OpenCharges && report.OpenCharges == open.Count;
        });

    [Property(MaxTest = 300)]
    public Property Delinquents_PayingACharge_NeverRaisesAnyCustomersOverdue() =>
        Prop.ForAll(Scenarios, s =>
        {
            if (s.Charges.Length == 0)
            {
                return true;
            }

            var paid = s.WithOnePaid();
            var before = PortfolioAnalytics.Delinquents(s.Charges, s.AsOf, s_calendar).ToDictionary(d => d.CustomerId, d => d.Overdue);
            var after = PortfolioAnalytics.Delinquents(paid, s.AsOf, s_calendar);
            return after.All(d => before.TryGetValue(d.CustomerId, out var was) && d.Overdue <= was)
                && Aging(paid, s.AsOf).Overdue <= Aging(s.Charges, s.AsOf).Overdue;
        });

    [Property(MaxTest = 300)]
    public Property Delinquents_PerCustomerTotalsOfLateItems_AddUpToAgingOverdueAndSorted() =>
        Prop.ForAll(Scenarios, s =>
        {
            var delinquents = PortfolioAnalytics.Delinquents(s.Charges, s.AsOf, s_calendar);
            var sorted = delinquents.Zip(delinquents.Skip(1)).All(p =>
                p.First.Overdue > p.Second.Overdue
                || (p.First.Overdue == p.Second.Overdue && string.CompareOrdinal(p.First.CustomerId, p.Second.CustomerId) < 0));
            var expected = s.Charges.Where(c => c.Charge.IssueDate <= s.AsOf).Select(c => PortfolioAnalytics.Standing(c.Charge, s.AsOf, s_calendar))
                .Where(x => x.IsOpenItem && x.DaysLate > 0)
                .GroupBy(x => x.CustomerId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (g.Sum(x => x.Outstanding), g.Max(x => x.DaysLate), g.Count()), StringComparer.Ordinal);
            return sorted
                && delinquents.Count == expected.Count
                && delinquents.All(d => d.Overdue > 0m && expected[d.CustomerId] == (d.Overdue, d.OldestDaysLate, d.Charges))
                && delinquents.Sum(d => d.Overdue) == Aging(s.Charges, s.AsOf).Overdue
                && delinquents.Sum(d => d.Charges) == Aging(s.Charges, s.AsOf).Buckets.Skip(1).Sum(b => b.Count);
        });

    [Property(MaxTest = 300)]
    public Property AgingAndDelinquents_AnyInputOrder_SameAnswer() =>
        Prop.ForAll(Scenarios, s =>
            Aging(s.Charges, s.AsOf) == Aging(s.Shuffled, s.AsOf)
            && PortfolioAnalytics.Delinquents(s.Charges, s.AsOf, s_calendar)
                .SequenceEqual(PortfolioAnalytics.Delinquents(s.Shuffled, s.AsOf, s_calendar)));

    [Property(MaxTest = 300)]
    public Property Standing_NotLateUntilTheAdjustedDueDateHasPassed() =>
        Prop.ForAll(Scenarios, s => s.Charges.All(c =>
        {
            var standing = PortfolioAnalytics.Standing(c.Charge, s.AsOf, s_calendar);
            var adjusted = standing.AdjustedDueDate;
            return s_calendar.IsBusinessDay(adjusted)
                && adjusted >= c.Charge.DueDate
                && (standing.State != ChargeState.Late || s.AsOf > adjusted)
                && (!standing.IsOpenItem || standing.DaysLate == (s.AsOf > adjusted ? Period.DaysBetween(c.Charge.DueDate, s.AsOf) : 0));
        }));

    private static AgingReport Aging(IEnumerable<CustomerCharge> charges, LocalDate asOf) =>
        PortfolioAnalytics.Aging(charges.Select(c => c.Charge), asOf, s_calendar);

    public sealed record Scenario(CustomerCharge[] Charges, CustomerCharge[] Shuffled, LocalDate AsOf, int Pick)
    {
        /// <summary>The charges with the picked one (non-empty input) paid in full on the as-of date.</summary>
        public CustomerCharge[] WithOnePaid() =>
            Charges.Select((c, i) => i != Pick % Charges.Length ? c : c with
            {
                Charge = c.Charge with { Status = ChargeStatus.Paid, PaidAmount = c.Charge.Amount, PaidDate = AsOf },
            }).ToArray();

        public override string ToString() =>
            $"asOf {AsOf:yyyy-MM-dd}, pick {Pick}: " + string.Join("; ", Charges.Select(c =>
                $"{c.Charge.Id} {c.Charge.CustomerId} {c.Charge.Amount} due {c.Charge.DueDate:yyyy-MM-dd} {c.Charge.Status} paid {c.Charge.PaidAmount}"));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Analytics;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using NodaTime;
using static Kolek.Dunning.Tests.Analytics.PortfolioAnalyticsProperties;

namespace Kolek.Dunning.Tests.Analytics;

/// <summary>The one-pass accumulator equals a naive computation written from the definitions, conserves money, ignores order, and streams.</summary>
public sealed class PortfolioInsightProperties
{
    private static readonly BusinessCalendar s_calendar = BusinessCalendar.BrazilBanking;
    private static readonly InsightOptions s_options = new() { PeriodDays = 60, TrendMonths = 4, DueSoonDays = 5, PaidWithinDays = 7 };
    private static readonly string[] s_steps = ["d-3", "d2", "d5"];
    private static readonly string[] s_channels = ["email", "whatsapp"];

    private static Arbitrary<(Scenario Scenario, JournalEntry[] Journal)> WithJournal { get; } = (
        from s in Scenarios.Generator
        from sends in Gen.ListOf(
            from charge in Gen.Choose(0, 1000)
            from step in Gen.Elements(s_steps)
            from channel in Gen.Elements(s_channels)
            from message in Gen.Choose(0, 5)
            from day in Gen.Choose(0, 520)
            from sent in Gen.Elements(true, true, true, false)
            select (charge, step, channel, message, day, sent))
        let journal = s.Charges.Length == 0 ? [] : sends
            .Select(x => (Id: s.Charges[x.charge % s.Charges.Length].Charge.Id, x.step, x.channel, x.message, x.day, x.sent))
            .DistinctBy(x => (x.Id, x.step, x.channel))
            .Select(x => Entry(x.Id, x.step, x.channel, x.message, x.day, x.sent))
            .ToArray()
        select (s, journal))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Accumulator_EqualsNaiveComputation() =>
        Prop.ForAll(WithJournal, x =>
        {
            var (s, journal) = x;
            var insight = PortfolioAnalytics.Insight(s.Charges, s.AsOf, s_calendar, s_options, journal);
            var naive = Naive(s.Charges, s.AsOf, journal);
            return insight.Aging == PortfolioAnalytics.Aging(s.Charges.Select(c => c.Charge), s.AsOf, s_calendar)
                && insight.Delinquents.SequenceEqual(PortfolioAnalytics.Delinquents(s.Charges, s.AsOf, s_calendar))
                && insight.Collection == naive.Collection
                && insight.Trend.SequenceEqual(naive.Trend)
                && insight.States.Select(st => (st.State, st.Count, st.Outstanding)).SequenceEqual(naive.States)
                && (insight.DueSoon, insight.DueSoonAmount) == naive.DueSoon
                && insight.Steps.Select(st => (st.StepId, st.Channel, st.Sent, st.Charges, st.PaidWithin))
                    .OrderBy(t => t.StepId, StringComparer.Ordinal).ThenBy(t => t.Channel, StringComparer.Ordinal)
                    .SequenceEqual(naive.Steps);
        });

    [Property(MaxTest = 200)]
    public Property Insight_AnyInputOrder_SameAnswer() =>
        Prop.ForAll(WithJournal, x =>
        {
            var (s, journal) = x;
            var a = PortfolioAnalytics.Insight(s.Charges, s.AsOf, s_calendar, s_options, journal);
            var b = PortfolioAnalytics.Insight(s.Shuffled, s.AsOf, s_calendar, s_options, journal.Reverse());
            return a.Aging == b.Aging && a.Delinquents.SequenceEqual(b.Delinquents) && a.Collection == b.Collection
                && a.Trend.SequenceEqual(b.Trend) && a.States.SequenceEqual(b.States) && a.Steps.SequenceEqual(b.Steps);
        });

    [Property(MaxTest = 200)]
    public Property Insight_BucketsSumToOutstanding_AndEachChargeInExactlyOneState() =>
        Prop.ForAll(Scenarios, s =>
        {
            var insight = PortfolioAnalytics.Insight(s.Charges, s.AsOf, s_calendar, s_options);
            return insight.Aging.Buckets.Sum(b => b.Amount) == insight.Aging.Outstanding
                && insight.Aging.Buckets.Sum(b => b.Count) == insight.Aging.OpenCharges
                && insight.States.Sum(st => st.Count) == s.Charges.Count(c => c.Charge.IssueDate <= s.AsOf) // each issued charge in exactly one state
                && insight.States.Where(st => st.State is ChargeState.Open or ChargeState.Late or ChargeState.PartiallyPaid).Sum(st => st.Outstanding) == insight.Aging.Outstanding
                && insight.Trend[^1].Overdue <= insight.Trend[^1].Receivables;
        });

    /// <summary>
    /// Found by a user trial: a past <c>asOf</c> counted charges issued later and payments made later. Today's standing and
    /// the trend's last point (the rebuilt past) must tell the same story for open and paid charges.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Insight_AnyAsOf_AgingTotalsEqualTheTrendsLastPoint() =>
        Prop.ForAll(Scenarios, s =>
        {
            var charges = s.Charges.Where(c => c.Charge.Status is ChargeStatus.Open or ChargeStatus.Paid).ToArray();
            var insight = PortfolioAnalytics.Insight(charges, s.AsOf, s_calendar, s_options);
            return insight.Trend[^1].Receivables == insight.Aging.Outstanding
                && insight.Trend[^1].Overdue == insight.Aging.Overdue;
        });

    [Property(MaxTest = 200)]
    public Property Insight_PayingACharge_NeverRaisesAnyCustomersOverdue() =>
        Prop.ForAll(Scenarios, s =>
        {
            if (s.Charges.Length == 0)
            {
                return true;
            }

            var paid = s.WithOnePaid();
            var before = PortfolioAnalytics.Insight(s.Charges, s.AsOf, s_calendar, s_options);
            var after = PortfolioAnalytics.Insight(paid, s.AsOf, s_calendar, s_options);
            var was = before.Delinquents.ToDictionary(d => d.CustomerId, d => d.Overdue);
            return after.Delinquents.All(d => was.TryGetValue(d.CustomerId, out var w) && d.Overdue <= w)
                && after.Aging.Overdue <= before.Aging.Overdue
                && after.Trend[^1].Overdue <= before.Trend[^1].Overdue;
        });

    [Fact]
    public void Insight_EnumeratesTheChargesOnce()
    {
        var source = new OnceOnly<CustomerCharge>(Enumerable.Range(0, 1000).Select(i =>
            Fixtures.Charge("C-" + i, new LocalDate(2026, 1, 1).PlusDays(i % 300), 10m + i, "K-" + (i % 37))));

        var insight = PortfolioAnalytics.Insight(source, new LocalDate(2026, 12, 3), s_calendar);

        Assert.Equal(1000, insight.States.Sum(s => s.Count));
    }

    private static JournalEntry Entry(string chargeId, string step, string channel, int message, int day, bool sent)
    {
        var at = Instant.FromUtc(2026, 1, 1, 14, 0).Plus(Duration.FromDays(day));
        return new JournalEntry(new JournalKey(chargeId, step, channel), "c", "m-" + message, "K", 1, at,
            sent ? JournalOutcome.Sent("p", at) : JournalOutcome.Failed(false, "rejected", at));
    }

    /// <summary>Every figure straight from its definition in docs/insight.md, with LINQ over the whole list.</summary>
    private static NaiveInsight Naive(CustomerCharge[] items, LocalDate asOf, JournalEntry[] journal)
    {
        var charges = items.Select(c => c.Charge).ToList();
        var start = asOf.PlusDays(-s_options.PeriodDays);
        var counted = charges.Where(c => c.Status is ChargeStatus.Open or ChargeStatus.Paid).ToList();
        decimal Balance(Charge c, LocalDate d) =>
            c.IssueDate > d ? 0m : c.PaidDate > d ? c.Amount : c.Status == ChargeStatus.Paid ? 0m : Math.Max(0m, c.Amount - c.PaidAmount);
        LocalDate Adjusted(Charge c) => s_calendar.NextBusinessDay(c.DueDate);

        var collection = new CollectionMetrics(start, asOf, s_options.PeriodDays,
            counted.Sum(c => Balance(c, start)),
            counted.Where(c => c.IssueDate > start && c.IssueDate <= asOf).Sum(c => c.Amount),
            counted.Sum(c => Balance(c, asOf)),
            counted.Where(c => asOf <= Adjusted(c)).Sum(c => Balance(c, asOf)));

        var dates = new List<LocalDate> { asOf };
        var monthEnd = new LocalDate(asOf.Year, asOf.Month, 1).PlusDays(-1);
        while (dates.Count < s_options.TrendMonths)
        {
            dates.Insert(0, monthEnd);
            monthEnd = new LocalDate(monthEnd.Year, monthEnd.Month, 1).PlusDays(-1);
        }

        var trend = dates.Select(d => new OverduePoint(d, counted.Sum(c => Balance(c, d)), counted.Where(c => d > Adjusted(c)).Sum(c => Balance(c, d)))).ToList();
        var standings = charges.Where(c => c.IssueDate <= asOf).Select(c => PortfolioAnalytics.Standing(c, asOf, s_calendar)).ToList(); // not issued yet: in no figure
        var states = Enum.GetValues<ChargeState>().Select(st => (st, standings.Count(x => x.State == st), standings.Where(x => x.State == st).Sum(x => x.Outstanding))).ToList();
        var soon = standings.Where(x => x.IsOpenItem && x.DaysLate == 0 && x.AdjustedDueDate >= asOf && x.AdjustedDueDate <= asOf.PlusDays(s_options.DueSoonDays)).ToList();

        var zone = s_options.TimeZone;
        var byId = charges.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var steps = journal.Where(e => e.State == JournalEntryState.Sent && e.Outcome!.At.InZone(zone).Date <= asOf)
            .GroupBy(e => (e.Key.StepId, e.Key.Channel))
            .Select(g => (g.Key.StepId, g.Key.Channel, g.Select(e => e.MessageId).Distinct().Count(), g.Count(),
                g.Count(e => byId[e.Key.ChargeId] is var c && c.IssueDate <= asOf && PortfolioAnalytics.Standing(c, asOf, s_calendar).State == ChargeState.Paid
                    && c.PaidDate is { } p && p >= e.Outcome!.At.InZone(zone).Date && p <= e.Outcome!.At.InZone(zone).Date.PlusDays(s_options.PaidWithinDays))))
            .OrderBy(t => t.StepId, StringComparer.Ordinal).ThenBy(t => t.Channel, StringComparer.Ordinal)
            .ToList();
        return new NaiveInsight(collection, trend, states, (soon.Count, soon.Sum(x => x.Outstanding)), steps);
    }

    private sealed record NaiveInsight(
        CollectionMetrics Collection,
        List<OverduePoint> Trend,
        List<(ChargeState, int, decimal)> States,
        (int, decimal) DueSoon,
        List<(string, string, int, int, int)> Steps);

    /// <summary>A sequence that fails if enumerated twice: the proof that the portfolio is streamed, not re-read.</summary>
    private sealed class OnceOnly<T>(IEnumerable<T> items) : IEnumerable<T>
    {
        private bool _used;

        public IEnumerator<T> GetEnumerator()
        {
            Assert.False(_used, "The sequence was enumerated twice.");
            _used = true;
            return items.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

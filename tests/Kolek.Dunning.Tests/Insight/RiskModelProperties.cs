using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Insight.Risk;
using NodaTime;

namespace Kolek.Dunning.Tests.Insight;

/// <summary>Scores are probabilities, deterministic, independent of the input order and blind to what happens after the date.</summary>
public sealed class RiskModelProperties
{
    private static readonly LocalDate s_origin = new(2025, 1, 1);

    // Small thresholds so that most generated histories are fitted, not just the fallback.
    private static RiskTrainingOptions Options => new() { MinimumExamples = 4, MinimumPerClass = 1, SnapshotIntervalDays = 15 };

    private static readonly ChargeStatus[] s_statuses =
        [ChargeStatus.Paid, ChargeStatus.Paid, ChargeStatus.Paid, ChargeStatus.Open, ChargeStatus.Open, ChargeStatus.Cancelled, ChargeStatus.Agreement, ChargeStatus.Disputed];

    private static Gen<Charge> OneCharge { get; } =
        from customer in Gen.Choose(0, 5)
        from cents in Gen.Choose(0, 1_000_000)
        from due in Gen.Choose(0, 400)
        from status in Gen.Elements(s_statuses)
        from paidAfter in Gen.Choose(-15, 90)
        from hasDate in Gen.Elements(true, true, true, false)
        select new Charge
        {
            Id = "tmp",
            CustomerId = "K-" + customer.ToString(CultureInfo.InvariantCulture),
            Amount = cents / 100m,
            IssueDate = s_origin.PlusDays(due - 20),
            DueDate = s_origin.PlusDays(due),
            Status = status,
            PaidAmount = status == ChargeStatus.Paid ? cents / 100m : 0m,
            PaidDate = status == ChargeStatus.Paid && hasDate ? s_origin.PlusDays(due + paidAfter) : null,
        };

    private static Arbitrary<Scenario> Scenarios { get; } = (
        from charges in Gen.ArrayOf(OneCharge).Select(a => a.Select((c, i) => c with { Id = "C-" + i.ToString("D3", CultureInfo.InvariantCulture) }).ToArray())
        from asOf in Gen.Choose(0, 480)
        from order in Gen.Shuffle(charges)
        select new Scenario(charges, order, s_origin.PlusDays(asOf)))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Scores_AreProbabilities_NeverNaN() =>
        Prop.ForAll(Scenarios, s =>
        {
            var model = RiskModel.Train(s.Charges, s.AsOf, Options);
            var scores = model.ScoreAll(s.Charges, s.AsOf);
            return scores.All(x => x.Probability is >= 0 and <= 1
                    && RiskSegmentation.Default.Segments.Any(g => g.Name == x.Segment)
                    && x.Reasons.All(r => double.IsFinite(r.Contribution)))
                && model.Coefficients.All(c => double.IsFinite(c.Weight))
                && scores.Count == s.Charges.Where(c => c.IssueDate <= s.AsOf).Select(c => c.CustomerId).Distinct().Count();
        });

    [Property(MaxTest = 150)]
    public Property Scores_IndependentOfInputOrder() =>
        Prop.ForAll(Scenarios, s =>
        {
            var a = RiskModel.Train(s.Charges, s.AsOf, Options);
            var b = RiskModel.Train(s.Shuffled, s.AsOf, Options);
            return a.Coefficients.SequenceEqual(b.Coefficients)
                && a.ScoreAll(s.Charges, s.AsOf).SequenceEqual(b.ScoreAll(s.Shuffled, s.AsOf), ScoreComparer.Instance);
        });

    [Property(MaxTest = 100)]
    public Property Scores_IdenticalHistories_IdenticalScores() =>
        Prop.ForAll(Scenarios, s =>
        {
            var copy = s.Charges.Select(c => c with { }).ToArray();
            return RiskModel.Train(s.Charges, s.AsOf, Options).ScoreAll(s.Charges, s.AsOf)
                .SequenceEqual(RiskModel.Train(copy, s.AsOf, Options).ScoreAll(copy, s.AsOf), ScoreComparer.Instance);
        });

    [Property(MaxTest = 150)]
    public Property Scores_BlindToEverythingAfterAsOf() =>
        Prop.ForAll(Scenarios, s =>
        {
            // What the host's books looked like on asOf: later charges absent, later payments not yet made.
            var past = s.Charges
                .Where(c => c.IssueDate <= s.AsOf)
                .Select(c => c.PaidDate > s.AsOf ? c with { Status = ChargeStatus.Open, PaidAmount = 0m, PaidDate = null } : c)
                .ToArray();
            var full = RiskModel.Train(s.Charges, s.AsOf, Options);
            var then = RiskModel.Train(past, s.AsOf, Options);
            return full.Coefficients.SequenceEqual(then.Coefficients)
                && full.IsFallback == then.IsFallback
                && full.ScoreAll(s.Charges, s.AsOf).SequenceEqual(then.ScoreAll(past, s.AsOf), ScoreComparer.Instance);
        });

    public sealed record Scenario(Charge[] Charges, Charge[] Shuffled, LocalDate AsOf)
    {
        public override string ToString() => $"asOf {AsOf:yyyy-MM-dd}, {Charges.Length} charges";
    }
}

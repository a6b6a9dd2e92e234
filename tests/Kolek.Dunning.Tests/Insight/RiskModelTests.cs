using Kolek.Dunning.Charges;
using Kolek.Dunning.Insight.Risk;
using NodaTime;

namespace Kolek.Dunning.Tests.Insight;

public sealed class RiskModelTests
{
    private static readonly LocalDate s_end = new(2026, 6, 30);
    private static readonly IReadOnlyList<Charge> s_history = SyntheticHistory.Generate(seed: 7, customers: 300, months: 30, s_end);

    private static Charge Paid(string id, LocalDate due, LocalDate? paid, decimal amount = 100m, string customer = "K-1") => new()
    {
        Id = id, CustomerId = customer, Amount = amount, IssueDate = due.PlusDays(-15), DueDate = due,
        Status = paid is null ? ChargeStatus.Open : ChargeStatus.Paid, PaidAmount = paid is null ? 0m : amount, PaidDate = paid,
    };

    [Fact]
    public void Features_SmallHistory_HandComputed()
    {
        // As of Fri 4 Dec 2026, customer K-1:
        //   A due Sat 14 Nov (Sun 15 holiday → adjusted Mon 16), paid Tue 17: late, 3 days.
        //   B due Mon 2 Nov (holiday → adjusted Tue 3), paid Tue 3: on time.
        //   C due Tue 1 Sep, still open: late, capped at 90 days, open overdue.
        //   D due Thu 10 Dec, open: not known yet.
        //   E due Wed 1 Jul, paid 20 Dec (after asOf): open and late on 4 Dec, 156 days → capped 90.
        //   F cancelled: left out of the outcomes, counted in tenure and amount.
        var asOf = new LocalDate(2026, 12, 4);
        Charge[] history =
        [
            Paid("A", new(2026, 11, 14), new(2026, 11, 17), 100m),
            Paid("B", new(2026, 11, 2), new(2026, 11, 3), 200m),
            Paid("C", new(2026, 9, 1), null, 300m),
            Paid("D", new(2026, 12, 10), null, 400m),
            Paid("E", new(2026, 7, 1), new(2026, 12, 20), 500m),
            Paid("F", new(2026, 6, 1), null, 600m) with { Status = ChargeStatus.Cancelled },
            Paid("G", new(2027, 1, 10), new(2026, 12, 1), 700m) with { IssueDate = new(2026, 12, 26) },
        ];

        var f = RiskModel.Train([], asOf).Features(history, asOf).Single();

        Assert.Equal(4, f.ResolvedCharges);      // A, B, C, E
        Assert.Equal(3, f.LateCharges);          // A, C, E
        Assert.Equal((3 + 0 + 90 + 90) / 4.0, f.AverageDaysLate, 12);
        Assert.Equal(2, f.OpenOverdueCharges);   // C, E
        Assert.Equal(350m, f.AverageAmount);     // A..F (G issued after asOf)
        Assert.Equal(Period.DaysBetween(new LocalDate(2026, 5, 17), asOf), f.TenureDays);
        Assert.Equal((3 + 1) / (4 + 2.0), f.PortfolioLateRate, 12);
        // Recent window (due after 5 Sep): A late, B on time; before: C, E late.
        Assert.Equal((1 + f.PortfolioLateRate) / 3, f.RecentLateShare, 12);
        Assert.Equal((2 + f.PortfolioLateRate) / 3, f.EarlierLateShare, 12);
        Assert.Equal((3 + (2 * f.PortfolioLateRate)) / 6, f.LateShare, 12);
    }

    [Fact]
    public void Train_TwoKindsOfPayer_RanksEveryLatePayerFirst_AndSaysWhy()
    {
        // 8 customers always pay 12 days late, 8 always pay 2 days early; monthly charges from January 2025, same amounts.
        var history = new List<Charge>();
        for (var k = 0; k < 16; k++)
        {
            var late = k < 8;
            for (var m = 0; m < 18; m++)
            {
                var due = new LocalDate(2025, 1, 10).PlusMonths(m);
                var adjusted = Kolek.Dunning.Calendar.BusinessCalendar.BrazilBanking.NextBusinessDay(due);
                history.Add(Paid($"C-{k}-{m}", due, late ? adjusted.PlusDays(12) : due.PlusDays(-2), 500m, customer: $"K-{k:D2}"));
            }
        }

        var asOf = new LocalDate(2026, 3, 1);
        var model = RiskModel.Train(history, new LocalDate(2026, 1, 1), new RiskTrainingOptions { MinimumExamples = 20 });
        var scores = model.ScoreAll(history, asOf);

        Assert.False(model.IsFallback);
        Assert.Equal(Enumerable.Range(0, 8).Select(k => $"K-{k:D2}").Order(StringComparer.Ordinal), scores.Take(8).Select(s => s.CustomerId).Order(StringComparer.Ordinal));
        Assert.True(scores[7].Probability > 0.9 && scores[8].Probability < 0.1, $"{scores[7].Probability} / {scores[8].Probability}");
        Assert.Equal(1.0, model.Backtest(history, new LocalDate(2025, 6, 1), asOf).Auc);
        var top = scores[0].Reasons[0];
        Assert.Contains(top.Feature, new[] { "late-share", "average-days-late" });
        Assert.True(top.Contribution > 0);
        Assert.EndsWith("(aumenta o risco)", top.TextPtBr, StringComparison.Ordinal);
        Assert.EndsWith("(reduz o risco)", scores[^1].Reasons[0].TextPtBr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TinyHistory_FallsBackToSmoothedLateShare()
    {
        var asOf = new LocalDate(2026, 12, 4);
        Charge[] history = [Paid("A", new(2026, 11, 14), new(2026, 11, 17)), Paid("B", new(2026, 10, 14), new(2026, 10, 10))];

        var model = RiskModel.Train(history, asOf);
        var score = model.ScoreAll(history, asOf).Single();

        Assert.True(model.IsFallback);
        Assert.All(model.Coefficients, c => Assert.Equal(0, c.Weight));
        // Portfolio (1 + 1) / (2 + 2) = 0.5; customer (1 + 2·0.5) / (2 + 2) = 0.5.
        Assert.Equal(0.5, score.Probability, 12);
        Assert.Equal(RiskSegmentation.Risky, score.Segment);
        var reason = Assert.Single(score.Reasons);
        Assert.Equal(RiskFeature.FallbackName, reason.Feature);
        Assert.StartsWith("Histórico insuficiente para treinar o modelo (0 exemplos)", reason.TextPtBr, StringComparison.Ordinal);
        // The text says what the number is (found by a user trial: "estimativa pela taxa…" did not say how it was obtained).
        Assert.Contains("o risco de 50% é a parcela de cobranças do cliente pagas com atraso ou ainda não pagas (1 de 2)", reason.TextPtBr, StringComparison.Ordinal);
        Assert.Contains("the risk of 50% is the share of the customer's charges paid late or still unpaid (1 of 2)", reason.TextEnglish, StringComparison.Ordinal);
        Assert.StartsWith("History too small", reason.TextEnglish, StringComparison.Ordinal);
    }

    /// <summary>Found by a user trial: a customer whose only charge was never paid read "pagas com atraso (1 de 1)".</summary>
    [Fact]
    public void Train_TinyHistoryWithAnUnpaidOverdueCharge_DoesNotCallItPaid()
    {
        var asOf = new LocalDate(2026, 12, 4);
        Charge[] history = [Paid("A", new(2026, 11, 14), null)];

        var reason = Assert.Single(RiskModel.Train(history, asOf).ScoreAll(history, asOf).Single().Reasons);

        Assert.Contains("pagas com atraso ou ainda não pagas (1 de 1)", reason.TextPtBr, StringComparison.Ordinal);
        Assert.Contains("paid late or still unpaid (1 of 1)", reason.TextEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_EmptyHistory_FallbackWithoutNaN()
    {
        var model = RiskModel.Train([], new LocalDate(2026, 1, 1));

        Assert.True(model.IsFallback);
        Assert.Empty(model.ScoreAll([], new LocalDate(2026, 1, 1)));
        var newcomer = model.ScoreAll([Paid("A", new(2026, 2, 1), null)], new LocalDate(2026, 1, 20)).Single();
        Assert.Equal(0.5, newcomer.Probability, 12);
    }

    [Fact]
    public void Score_Reasons_AreTheLargestContributionsAndExplainTheLogit()
    {
        var asOf = new LocalDate(2026, 3, 31);
        var model = RiskModel.Train(s_history, asOf, new RiskTrainingOptions { ReasonCount = RiskFeature.All.Count });
        Assert.False(model.IsFallback);

        foreach (var score in model.ScoreAll(s_history, asOf).Take(50))
        {
            var magnitudes = score.Reasons.Select(r => Math.Abs(r.Contribution)).ToList();
            Assert.Equal(magnitudes.OrderByDescending(m => m), magnitudes);
            Assert.Equal(RiskFeature.All.Select(f => f.Name).Order(), score.Reasons.Select(r => r.Feature).Order());
            var logit = Math.Log(score.Probability / (1 - score.Probability));
            Assert.Equal(logit, model.Intercept + score.Reasons.Sum(r => r.Contribution), 9);
            Assert.All(score.Reasons, r => Assert.EndsWith(r.Contribution > 0 ? "(aumenta o risco)" : "(reduz o risco)", r.TextPtBr, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Train_SyntheticHistory_LateShareRaisesTheRisk()
    {
        var model = RiskModel.Train(s_history, new LocalDate(2026, 3, 31));

        Assert.True(model.Coefficients.Single(c => c.Feature == "late-share").Weight > 0);
        Assert.Equal(3, model.ScoreAll(s_history, new LocalDate(2026, 3, 31))[0].Reasons.Count);
    }

    [Fact]
    public void Train_PaymentsAfterAsOf_Ignored()
    {
        var asOf = new LocalDate(2025, 12, 31);
        var censored = s_history
            .Where(c => c.IssueDate <= asOf)
            .Select(c => c.PaidDate > asOf ? c with { Status = ChargeStatus.Open, PaidAmount = 0m, PaidDate = null } : c)
            .ToList();

        var full = RiskModel.Train(s_history, asOf);
        var past = RiskModel.Train(censored, asOf);

        Assert.Equal(full.Coefficients, past.Coefficients);
        Assert.Equal(full.ScoreAll(s_history, asOf), past.ScoreAll(censored, asOf), ScoreComparer.Instance);
    }

    [Fact]
    public void Train_MaxExamples_KeepsTheMostRecentWholeSnapshots()
    {
        var asOf = new LocalDate(2026, 3, 31);
        var all = RiskModel.Train(s_history, asOf);
        var capped = RiskModel.Train(s_history, asOf, new RiskTrainingOptions { MaxExamples = 1 });
        var oneSnapshot = RiskModel.Train(s_history, asOf, new RiskTrainingOptions { MaxSnapshots = 1 });

        Assert.True(all.TrainingExamples > capped.TrainingExamples);
        Assert.Equal(oneSnapshot.TrainingExamples, capped.TrainingExamples);
        Assert.Equal(oneSnapshot.Coefficients, capped.Coefficients);
    }

    [Fact]
    public void Train_InvalidOptions_ListsEveryError()
    {
        var options = new RiskTrainingOptions { LabelHorizonDays = 0, L2 = double.NaN, Iterations = 0 };

        var error = Assert.Throws<ArgumentException>(() => RiskModel.Train([], new LocalDate(2026, 1, 1), options));

        Assert.Contains("LabelHorizonDays: deve ser ≥ 1.", error.Message, StringComparison.Ordinal);
        Assert.Contains("L2: deve ser um número finito > 0.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Iterations: deve ser ≥ 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults()
    {
        var o = new RiskTrainingOptions();

        Assert.Same(Kolek.Dunning.Calendar.BusinessCalendar.BrazilBanking, o.Calendar);
        Assert.Equal((60, 30, 24, 200_000, 90, 1.0, 25, 100, 10, 3), (o.LabelHorizonDays, o.SnapshotIntervalDays, o.MaxSnapshots, o.MaxExamples, o.RecentWindowDays, o.L2, o.Iterations, o.MinimumExamples, o.MinimumPerClass, o.ReasonCount));
    }

    [Fact]
    public void LogisticRegression_TwoGroups_MatchesTheClosedForm()
    {
        // x = +1: 3 of 4 late; x = −1: 1 of 4 late. The maximum-likelihood fit is intercept 0, slope ln 3.
        double[][] x = [[1], [1], [1], [1], [-1], [-1], [-1], [-1]];
        bool[] y = [true, true, true, false, true, false, false, false];

        var w = LogisticRegression.Fit(x, y, lambda: 1e-9, iterations: 50);

        Assert.Equal(0, w[0], 6);
        Assert.Equal(Math.Log(3), w[1], 6);
    }

    [Fact]
    public void LogisticRegression_SeparableData_StaysFinite()
    {
        double[][] x = [[-2], [-1], [1], [2]];
        bool[] y = [false, false, true, true];

        var w = LogisticRegression.Fit(x, y, lambda: 1.0, iterations: 25);

        Assert.All(w, v => Assert.True(double.IsFinite(v)));
        Assert.True(w[1] > 0);
    }
}

/// <summary>Compares scores by value, reasons included.</summary>
internal sealed class ScoreComparer : IEqualityComparer<RiskScore>
{
    public static ScoreComparer Instance { get; } = new();

    public bool Equals(RiskScore? x, RiskScore? y) =>
        x is not null && y is not null && x.CustomerId == y.CustomerId && x.Probability.Equals(y.Probability)
        && x.Segment == y.Segment && x.Reasons.SequenceEqual(y.Reasons);

    public int GetHashCode(RiskScore obj) => obj.CustomerId.GetHashCode(StringComparison.Ordinal);
}

using System.Globalization;
using Kolek.Dunning.Insight.Risk;
using NodaTime;
using Xunit.Abstractions;

namespace Kolek.Dunning.Tests.Insight;

/// <summary>The model learns the synthetic history: it ranks and is calibrated on held-out later months and held-out customers.</summary>
public sealed class RiskBacktestTests(ITestOutputHelper output)
{
    private static readonly LocalDate s_end = new(2026, 6, 30);
    private static readonly LocalDate s_trainAsOf = new(2025, 9, 30);
    private static readonly IReadOnlyList<Kolek.Dunning.Charges.Charge> s_history = SyntheticHistory.Generate(seed: 20261203, customers: 800, months: 30, s_end);

    [Fact]
    public void Backtest_LaterMonths_RanksWellAndIsCalibrated()
    {
        var model = RiskModel.Train(s_history, s_trainAsOf);
        var evaluation = model.Backtest(s_history, s_trainAsOf.PlusDays(1), s_end);
        Report("out-of-time (all customers, snapshots from 2025-10-01, labels known 2026-06-30)", model, evaluation);

        Assert.False(model.IsFallback);
        Assert.True(evaluation.Examples > 2000, $"only {evaluation.Examples} held-out examples");
        Assert.InRange(evaluation.Auc!.Value, 0.70, 1.0);
        Assert.InRange(evaluation.CalibrationError, 0.0, 0.05);
        var noSkillBrier = evaluation.LateRate * (1 - evaluation.LateRate);
        Assert.True(evaluation.Brier < 0.9 * noSkillBrier, $"Brier {evaluation.Brier:F4} vs no-skill {noSkillBrier:F4}");
    }

    [Fact]
    public void Backtest_HeldOutCustomersAndLaterMonths_RanksWell()
    {
        bool Train(string customerId) => int.Parse(customerId[2..], CultureInfo.InvariantCulture) % 2 == 0;
        var model = RiskModel.Train(s_history.Where(c => Train(c.CustomerId)), s_trainAsOf);
        var evaluation = model.Backtest(s_history.Where(c => !Train(c.CustomerId)), s_trainAsOf.PlusDays(1), s_end);
        Report("held-out customers (odd ids) and later months; trained on even ids", model, evaluation);

        Assert.InRange(evaluation.Auc!.Value, 0.70, 1.0);
        Assert.InRange(evaluation.CalibrationError, 0.0, 0.06);
    }

    [Fact]
    public void Train_SameHistory_SameCoefficients()
    {
        var a = RiskModel.Train(s_history, s_trainAsOf);
        var b = RiskModel.Train(s_history.Reverse(), s_trainAsOf);

        Assert.Equal(a.Coefficients, b.Coefficients);
        Assert.Equal(a.Intercept, b.Intercept);
    }

    private void Report(string title, RiskModel model, RiskEvaluation e)
    {
        string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
        output.WriteLine($"== {title}");
        output.WriteLine($"training: {model.TrainingExamples} examples, {model.TrainingLateExamples} late; intercept {F(model.Intercept)}");
        foreach (var c in model.Coefficients)
        {
            output.WriteLine($"  {c.Feature,-18} weight {F(c.Weight)}  mean {F(c.Mean)}  sd {F(c.StandardDeviation)}");
        }

        output.WriteLine($"held-out: {e.Examples} examples, late rate {F(e.LateRate)}, AUC {F(e.Auc ?? double.NaN)}, Brier {F(e.Brier)}, ECE {F(e.CalibrationError)}");
        foreach (var b in e.Bins.Where(b => b.Count > 0))
        {
            output.WriteLine($"  [{b.Lower:0.0}, {b.Upper:0.0})  n={b.Count,5}  predicted {F(b.MeanPredicted)}  observed {F(b.ObservedRate)}");
        }
    }
}

using Kolek.Dunning.Insight.Risk;

namespace Kolek.Dunning.Tests.Insight;

public sealed class RiskEvaluationTests
{
    [Fact]
    public void Compute_KnownRanking_HandComputedAucAndBrier()
    {
        // Late: 0.35 and 0.8; on time: 0.1 and 0.4. Pairs won by the late one: (0.35>0.1), (0.8>0.1), (0.8>0.4) = 3 of 4.
        var e = RiskEvaluation.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true], binCount: 2);

        Assert.Equal(0.75, e.Auc!.Value, 12);
        Assert.Equal((0.01 + 0.16 + 0.4225 + 0.04) / 4, e.Brier, 12);
        Assert.Equal(4, e.Examples);
        Assert.Equal(0.5, e.LateRate);
        // Bin [0, 0.5): 0.1, 0.4, 0.35 → mean 0.2833, observed 1/3; bin [0.5, 1]: 0.8 → observed 1.
        Assert.Equal(3, e.Bins[0].Count);
        Assert.Equal(0.85 / 3, e.Bins[0].MeanPredicted, 12);
        Assert.Equal(1.0 / 3, e.Bins[0].ObservedRate, 12);
        Assert.Equal(1, e.Bins[1].Count);
        Assert.Equal((0.75 * Math.Abs((0.85 / 3) - (1.0 / 3))) + (0.25 * 0.2), e.CalibrationError, 12);
    }

    [Fact]
    public void Compute_TiedScores_CountHalf()
    {
        Assert.Equal(0.5, RiskEvaluation.Compute([0.3, 0.3], [true, false]).Auc!.Value, 12);
        // Late {0.5, 0.2}, on time {0.5, 0.1}: (0.5 vs 0.5) half, (0.5 > 0.1), (0.2 < 0.5), (0.2 > 0.1) = 2.5 of 4.
        Assert.Equal(0.625, RiskEvaluation.Compute([0.5, 0.2, 0.5, 0.1], [true, true, false, false]).Auc!.Value, 12);
    }

    [Fact]
    public void Compute_PerfectAndReversedRanking_OneAndZero()
    {
        Assert.Equal(1.0, RiskEvaluation.Compute([0.9, 0.8, 0.2], [true, true, false]).Auc!.Value, 12);
        Assert.Equal(0.0, RiskEvaluation.Compute([0.1, 0.2, 0.8], [true, true, false]).Auc!.Value, 12);
    }

    [Fact]
    public void Compute_OneClassOnly_AucUndefined()
    {
        var e = RiskEvaluation.Compute([0.2, 0.7], [true, true]);

        Assert.Null(e.Auc);
        Assert.Equal(1, e.Bins[7].Count);
        Assert.Equal(1, e.Bins[2].Count);
    }

    [Fact]
    public void Compute_ProbabilityOne_LandsInLastBin()
    {
        var e = RiskEvaluation.Compute([1.0], [true], binCount: 4);

        Assert.Equal(1, e.Bins[3].Count);
        Assert.Equal(0, e.CalibrationError);
    }

    [Fact]
    public void Compute_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RiskEvaluation.Compute([double.NaN], [true]));
        Assert.Throws<ArgumentException>(() => RiskEvaluation.Compute([0.5, 0.5], [true]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskEvaluation.Compute([0.5], [true], binCount: 0));
    }
}

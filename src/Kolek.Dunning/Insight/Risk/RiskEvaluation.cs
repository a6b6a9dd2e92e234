namespace Kolek.Dunning.Insight.Risk;

/// <summary>How well probabilities rank and match observed outcomes: AUC, Brier score and reliability bins.</summary>
/// <param name="Examples">The number of scored examples.</param>
/// <param name="LateRate">The observed share of late examples.</param>
/// <param name="Auc">
/// The area under the ROC curve: the probability that a random late example scores above a random on-time one, ties counting
/// half (rank-based, mid-ranks for ties); <see langword="null"/> when either class is absent.
/// </param>
/// <param name="Brier">The Brier score: the mean of <c>(p − y)²</c>; 0 when there are no examples.</param>
/// <param name="CalibrationError">The expected calibration error: <c>Σ (count ÷ n) · |mean predicted − observed rate|</c> over the bins.</param>
/// <param name="Bins">The equal-width reliability bins over [0, 1], in ascending order.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RiskEvaluation(int Examples, double LateRate, double? Auc, double Brier, double CalibrationError, IReadOnlyList<RiskCalibrationBin> Bins)
{
    /// <summary>Evaluates probabilities against outcomes.</summary>
    /// <param name="probabilities">The predicted probabilities, each in [0, 1].</param>
    /// <param name="late">The observed outcomes, aligned with <paramref name="probabilities"/>.</param>
    /// <param name="binCount">The number of equal-width calibration bins.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lists differ in length, or a probability is NaN or outside [0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is less than 1.</exception>
    public static RiskEvaluation Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> late, int binCount = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(late);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (probabilities.Count != late.Count)
        {
            throw new ArgumentException("Probabilities and outcomes differ in length.", nameof(late));
        }

        if (probabilities.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentException("A probability is NaN or outside [0, 1].", nameof(probabilities));
        }

        var n = probabilities.Count;
        var positives = late.Count(y => y);
        var brier = n == 0 ? 0 : probabilities.Select((p, i) => (p - (late[i] ? 1 : 0)) * (p - (late[i] ? 1 : 0))).Average();

        var counts = new int[binCount];
        var sums = new double[binCount];
        var lates = new int[binCount];
        for (var i = 0; i < n; i++)
        {
            var b = Math.Min(binCount - 1, (int)(probabilities[i] * binCount));
            counts[b]++;
            sums[b] += probabilities[i];
            lates[b] += late[i] ? 1 : 0;
        }

        var bins = Enumerable.Range(0, binCount)
            .Select(b => new RiskCalibrationBin(
                (double)b / binCount,
                (double)(b + 1) / binCount,
                counts[b],
                counts[b] == 0 ? 0 : sums[b] / counts[b],
                counts[b] == 0 ? 0 : (double)lates[b] / counts[b]))
            .ToList()
            .AsReadOnly();
        var ece = n == 0 ? 0 : bins.Sum(b => (double)b.Count / n * Math.Abs(b.MeanPredicted - b.ObservedRate));

        return new RiskEvaluation(n, n == 0 ? 0 : (double)positives / n, RankAuc(probabilities, late, positives), brier, ece, bins);
    }

    /// <summary>The rank-based AUC (Mann–Whitney U), with mid-ranks for tied scores.</summary>
    private static double? RankAuc(IReadOnlyList<double> probabilities, IReadOnlyList<bool> late, int positives)
    {
        var n = probabilities.Count;
        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, n).OrderBy(i => probabilities[i]).ToArray();
        var positiveRankSum = 0.0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && probabilities[order[end + 1]] == probabilities[order[start]])
            {
                end++;
            }

            var midRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                positiveRankSum += late[order[k]] ? midRank : 0;
            }

            start = end + 1;
        }

        return (positiveRankSum - (positives * (positives + 1.0) / 2)) / ((double)positives * negatives);
    }
}

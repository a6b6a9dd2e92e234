using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using NodaTime;

namespace Kolek.Dunning.Insight.Risk;

/// <summary>
/// The probability that a customer pays the next charge late, learnt by logistic regression from the host's own payment
/// history, with the main reasons of each score.
/// </summary>
/// <remarks>
/// <para><b>Examples.</b> <see cref="Train"/> takes snapshots every <see cref="RiskTrainingOptions.SnapshotIntervalDays"/> days,
/// walking back from <c>asOf − LabelHorizonDays − 7</c> (and stops starting snapshots once
/// <see cref="RiskTrainingOptions.MaxExamples"/> examples are collected, so a large portfolio trains on its recent past).
/// On a snapshot date <c>t</c> each customer with a charge issued by <c>t</c> gives its <see cref="CustomerRiskFeatures"/> as known on <c>t</c>; the label is whether the customer's next charge
/// still unpaid on <c>t</c>, due within <see cref="RiskTrainingOptions.LabelHorizonDays"/> after <c>t</c>, was paid after its
/// adjusted due date, as known on <c>asOf</c>. Nothing after <c>asOf</c> is read: payments dated later and charges issued
/// later are ignored, so passing a longer history does not leak the future into the model.</para>
/// <para><b>Fit.</b> Features are standardised over the examples, then an L2-regularised logistic regression is fitted by a
/// fixed maximum of Newton steps: no randomness, and the same history in any order gives the same model.</para>
/// <para><b>Fallback.</b> With fewer than <see cref="RiskTrainingOptions.MinimumExamples"/> examples or
/// <see cref="RiskTrainingOptions.MinimumPerClass"/> of either class, the model is not fitted (<see cref="IsFallback"/>):
/// each customer then scores its own late share smoothed toward the portfolio's (<see cref="CustomerRiskFeatures.LateShare"/>),
/// and the single reason says so.</para>
/// <para>Probabilities are computed in <see cref="double"/>; amounts stay <see cref="decimal"/> until the model's transform.
/// Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class RiskModel
{
    private readonly double[] _weights;
    private readonly double[] _means;
    private readonly double[] _deviations;
    private readonly BusinessCalendar _calendar;
    private readonly int _recentDays;
    private readonly int _horizonDays;
    private readonly int _intervalDays;
    private readonly int _reasonCount;

    private RiskModel(RiskTrainingOptions options, LocalDate asOf, int examples, int late, double[] weights, double[] means, double[] deviations, bool fallback)
    {
        _calendar = options.Calendar;
        _recentDays = options.RecentWindowDays;
        _horizonDays = options.LabelHorizonDays;
        _intervalDays = options.SnapshotIntervalDays;
        _reasonCount = options.ReasonCount;
        _weights = weights;
        _means = means;
        _deviations = deviations;
        TrainedAsOf = asOf;
        TrainingExamples = examples;
        TrainingLateExamples = late;
        IsFallback = fallback;
        Coefficients = RiskFeature.All
            .Select((f, j) => new RiskCoefficient(f.Name, weights[j + 1], means[j], deviations[j]))
            .ToList()
            .AsReadOnly();
    }

    /// <summary>Gets the date the model was trained as of: the last date whose information it used.</summary>
    public LocalDate TrainedAsOf { get; }

    /// <summary>Gets the number of labelled examples (customer × snapshot) the model was trained on.</summary>
    public int TrainingExamples { get; }

    /// <summary>Gets the number of those examples whose next charge was paid late.</summary>
    public int TrainingLateExamples { get; }

    /// <summary>Gets a value indicating whether the history was too small to fit the model, so scores are the smoothed late share.</summary>
    public bool IsFallback { get; }

    /// <summary>Gets the intercept: the log-odds of paying late for a customer at the mean of every feature (0 for a fallback model).</summary>
    public double Intercept => _weights[0];

    /// <summary>Gets the fitted weights, in the order of <see cref="RiskFeature.All"/> (all 0 for a fallback model).</summary>
    public IReadOnlyList<RiskCoefficient> Coefficients { get; }

    /// <summary>Trains a model on <paramref name="history"/> as known on <paramref name="asOf"/>.</summary>
    /// <param name="history">Every charge of the portfolio, any order; charges issued or payments dated after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The training date: labels must be known by then.</param>
    /// <param name="options">The training options; <see langword="null"/> for the defaults.</param>
    /// <returns>The fitted model, or a fallback model when the history is too small (see <see cref="IsFallback"/>); never throws for a small history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> contains a <see langword="null"/> charge, or an option is out of range (every error listed).</exception>
    public static RiskModel Train(IEnumerable<Charge> history, LocalDate asOf, RiskTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var settings = Validated(options);
        var customers = PaymentHistory.Group(history, settings.Calendar);
        var snapshots = RiskDataset.TrainingSnapshots(customers, asOf, settings.LabelHorizonDays, settings.SnapshotIntervalDays, settings.MaxSnapshots);
        var examples = RiskDataset.Build(customers, snapshots, asOf, settings.LabelHorizonDays, settings.RecentWindowDays, settings.MaxExamples);
        var late = examples.Count(e => e.Late);
        var d = RiskFeature.All.Count;
        if (examples.Count < settings.MinimumExamples || late < settings.MinimumPerClass || examples.Count - late < settings.MinimumPerClass)
        {
            return new RiskModel(settings, asOf, examples.Count, late, new double[d + 1], new double[d], Enumerable.Repeat(1.0, d).ToArray(), fallback: true);
        }

        var raw = examples.Select(e => e.Features.ToVector()).ToList();
        var means = new double[d];
        var deviations = new double[d];
        for (var j = 0; j < d; j++)
        {
            var mean = raw.Average(v => v[j]);
            var variance = raw.Average(v => (v[j] - mean) * (v[j] - mean));
            means[j] = mean;
            deviations[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
        }

        var x = raw.Select(v => Standardize(v, means, deviations)).ToList();
        var weights = LogisticRegression.Fit(x, examples.Select(e => e.Late).ToList(), settings.L2, settings.Iterations);
        if (weights.Any(w => !double.IsFinite(w)))
        {
            return new RiskModel(settings, asOf, examples.Count, late, new double[d + 1], new double[d], Enumerable.Repeat(1.0, d).ToArray(), fallback: true);
        }

        return new RiskModel(settings, asOf, examples.Count, late, weights, means, deviations, fallback: false);
    }

    /// <summary>The features of every customer with a charge issued by <paramref name="asOf"/>, as known on that date.</summary>
    /// <param name="history">Every charge of the portfolio, any order.</param>
    /// <param name="asOf">The date to describe.</param>
    /// <returns>One entry per customer, ordered by <see cref="Charge.CustomerId"/> (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> contains a <see langword="null"/> charge.</exception>
    public IReadOnlyList<CustomerRiskFeatures> Features(IEnumerable<Charge> history, LocalDate asOf)
    {
        var customers = PaymentHistory.Group(history, _calendar);
        var rate = PaymentHistory.PortfolioLateRate(customers, asOf);
        return customers
            .Select(c => PaymentHistory.Features(c, asOf, rate, _recentDays))
            .OfType<CustomerRiskFeatures>()
            .ToList()
            .AsReadOnly();
    }

    /// <summary>Scores one customer's features.</summary>
    /// <param name="features">The features, e.g. from <see cref="Features"/>.</param>
    /// <param name="segmentation">The segmentation naming the score's segment; <see langword="null"/> for <see cref="RiskSegmentation.Default"/>.</param>
    /// <returns>The score; its probability lies in [0, 1] and is never NaN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is <see langword="null"/>.</exception>
    public RiskScore Score(CustomerRiskFeatures features, RiskSegmentation? segmentation = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        segmentation ??= RiskSegmentation.Default;
        if (IsFallback)
        {
            var prior = Math.Clamp(features.LateShare, 0, 1);
            return new RiskScore(features.CustomerId, prior, segmentation.SegmentFor(prior), [FallbackReason(features)]);
        }

        var z = Standardize(features.ToVector(), _means, _deviations);
        var logit = _weights[0];
        var contributions = new double[z.Length];
        for (var j = 0; j < z.Length; j++)
        {
            contributions[j] = _weights[j + 1] * z[j];
            logit += contributions[j];
        }

        var probability = LogisticRegression.Sigmoid(logit);
        var reasons = Enumerable.Range(0, z.Length)
            .OrderByDescending(j => Math.Abs(contributions[j]))
            .ThenBy(j => j)
            .Take(_reasonCount)
            .Select(j => RiskReasons.For(j, contributions[j], features))
            .ToList()
            .AsReadOnly();
        return new RiskScore(features.CustomerId, probability, segmentation.SegmentFor(probability), reasons);
    }

    /// <summary>Scores every customer with a charge issued by <paramref name="asOf"/>: the portfolio's risk list.</summary>
    /// <param name="history">Every charge of the portfolio, any order.</param>
    /// <param name="asOf">The date to score on (usually today); only what was known then is used.</param>
    /// <param name="segmentation">The segmentation naming each segment; <see langword="null"/> for <see cref="RiskSegmentation.Default"/>.</param>
    /// <returns>One score per customer, highest probability first, then by customer id (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> contains a <see langword="null"/> charge.</exception>
    public IReadOnlyList<RiskScore> ScoreAll(IEnumerable<Charge> history, LocalDate asOf, RiskSegmentation? segmentation = null) =>
        Features(history, asOf)
            .Select(f => Score(f, segmentation))
            .OrderByDescending(s => s.Probability)
            .ThenBy(s => s.CustomerId, StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();

    /// <summary>Measures the model on the snapshots from <paramref name="from"/> on, with labels known on <paramref name="asOf"/>: a held-out backtest.</summary>
    /// <param name="history">The charges to evaluate on (the same portfolio for a time split, other customers for a customer split).</param>
    /// <param name="from">The first snapshot date; use <see cref="TrainedAsOf"/> or later for an out-of-time test.</param>
    /// <param name="asOf">The date the labels are known on; snapshots run every training interval while their label window plus a week ends by then.</param>
    /// <param name="binCount">The number of equal-width calibration bins.</param>
    /// <returns>AUC, Brier score and calibration bins of the scores against the observed outcomes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is less than 1.</exception>
    public RiskEvaluation Backtest(IEnumerable<Charge> history, LocalDate from, LocalDate asOf, int binCount = 10)
    {
        var customers = PaymentHistory.Group(history, _calendar);
        var snapshots = RiskDataset.ForwardSnapshots(from, asOf, _horizonDays, _intervalDays);
        var examples = RiskDataset.Build(customers, snapshots, asOf, _horizonDays, _recentDays);
        return RiskEvaluation.Compute(
            examples.Select(e => Score(e.Features).Probability).ToList(),
            examples.Select(e => e.Late).ToList(),
            binCount);
    }

    private static double[] Standardize(double[] v, double[] means, double[] deviations)
    {
        var z = new double[v.Length];
        for (var j = 0; j < v.Length; j++)
        {
            z[j] = (v[j] - means[j]) / deviations[j];
        }

        return z;
    }

    private RiskReason FallbackReason(CustomerRiskFeatures f) => new(
        RiskFeature.FallbackName,
        0,
        $"Histórico insuficiente para treinar o modelo ({TrainingExamples} exemplos): o risco de {RiskReasons.Percent(Math.Clamp(f.LateShare, 0, 1))} é a parcela de cobranças do cliente pagas com atraso ou ainda não pagas ({f.LateCharges} de {f.ResolvedCharges}), puxada para a taxa de atraso da carteira ({RiskReasons.Percent(f.PortfolioLateRate)}) quando o cliente tem poucas cobranças",
        $"History too small to train the model ({TrainingExamples} examples): the risk of {RiskReasons.Percent(Math.Clamp(f.LateShare, 0, 1))} is the share of the customer's charges paid late or still unpaid ({f.LateCharges} of {f.ResolvedCharges}), pulled toward the portfolio's late rate ({RiskReasons.Percent(f.PortfolioLateRate)}) when the customer has few charges");

    private static RiskTrainingOptions Validated(RiskTrainingOptions? options)
    {
        options ??= new RiskTrainingOptions();
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(options.Calendar is not null, "Calendar: é obrigatório.");
        Check(options.LabelHorizonDays >= 1, "LabelHorizonDays: deve ser ≥ 1.");
        Check(options.SnapshotIntervalDays >= 1, "SnapshotIntervalDays: deve ser ≥ 1.");
        Check(options.MaxSnapshots >= 1, "MaxSnapshots: deve ser ≥ 1.");
        Check(options.RecentWindowDays >= 1, "RecentWindowDays: deve ser ≥ 1.");
        Check(double.IsFinite(options.L2) && options.L2 > 0, "L2: deve ser um número finito > 0.");
        Check(options.Iterations >= 1, "Iterations: deve ser ≥ 1.");
        Check(options.MaxExamples >= 1, "MaxExamples: deve ser ≥ 1.");
        Check(options.MinimumExamples >= 0, "MinimumExamples: deve ser ≥ 0.");
        Check(options.MinimumPerClass >= 1, "MinimumPerClass: deve ser ≥ 1.");
        Check(options.ReasonCount >= 0, "ReasonCount: deve ser ≥ 0.");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Opções de treino do modelo de risco inválidas:\n" + string.Join("\n", errors), nameof(options));
        }

        return new RiskTrainingOptions
        {
            Calendar = options.Calendar!, // checked above
            LabelHorizonDays = options.LabelHorizonDays,
            SnapshotIntervalDays = options.SnapshotIntervalDays,
            MaxSnapshots = options.MaxSnapshots,
            RecentWindowDays = options.RecentWindowDays,
            L2 = options.L2,
            Iterations = options.Iterations,
            MaxExamples = options.MaxExamples,
            MinimumExamples = options.MinimumExamples,
            MinimumPerClass = options.MinimumPerClass,
            ReasonCount = options.ReasonCount,
        };
    }
}

using Kolek.Dunning.Calendar;

namespace Kolek.Dunning.Insight.Risk;

/// <summary>How <see cref="RiskModel.Train"/> builds its examples and fits the model.</summary>
/// <remarks>
/// Create, set, then pass to <see cref="RiskModel.Train"/>, which validates and copies the values: changing the options
/// afterwards does not change a trained model. This is the only mutable type of the risk area.
/// </remarks>
public sealed class RiskTrainingOptions
{
    /// <summary>Gets or sets the calendar the due dates shift by (a charge is late only after its adjusted due date).</summary>
    /// <value>The default value is <see cref="BusinessCalendar.BrazilBanking"/>.</value>
    public BusinessCalendar Calendar { get; set; } = BusinessCalendar.BrazilBanking;

    /// <summary>Gets or sets the label window: a snapshot's label is the next charge due within this many days after it.</summary>
    /// <value>The default value is 60 days.</value>
    public int LabelHorizonDays { get; set; } = 60;

    /// <summary>Gets or sets the days between two training snapshots, walking back from the training date.</summary>
    /// <value>The default value is 30 days.</value>
    public int SnapshotIntervalDays { get; set; } = 30;

    /// <summary>Gets or sets the most snapshots taken (the training window is about this many intervals long).</summary>
    /// <value>The default value is 24.</value>
    public int MaxSnapshots { get; set; } = 24;

    /// <summary>Gets or sets the most training examples: no further (older) snapshot is started once this many are collected.</summary>
    /// <value>The default value is 200 000 (about 50 MB while training); a large portfolio then trains on its most recent snapshots.</value>
    public int MaxExamples { get; set; } = 200_000;

    /// <summary>Gets or sets the window of the recent trend feature.</summary>
    /// <value>The default value is 90 days.</value>
    public int RecentWindowDays { get; set; } = 90;

    /// <summary>Gets or sets the L2 regularisation strength on the standardised weights (not the intercept).</summary>
    /// <value>The default value is 1.0.</value>
    public double L2 { get; set; } = 1.0;

    /// <summary>Gets or sets the maximum number of Newton (IRLS) steps.</summary>
    /// <value>The default value is 25.</value>
    public int Iterations { get; set; } = 25;

    /// <summary>Gets or sets the fewest labelled examples to fit a model; below it the model falls back to the prior.</summary>
    /// <value>The default value is 100.</value>
    public int MinimumExamples { get; set; } = 100;

    /// <summary>Gets or sets the fewest examples of each class (late and on time) to fit a model; below it the model falls back to the prior.</summary>
    /// <value>The default value is 10.</value>
    public int MinimumPerClass { get; set; } = 10;

    /// <summary>Gets or sets how many reasons each score carries (the largest contributions).</summary>
    /// <value>The default value is 3.</value>
    public int ReasonCount { get; set; } = 3;
}

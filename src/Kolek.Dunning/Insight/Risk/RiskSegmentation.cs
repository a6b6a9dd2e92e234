using Kolek.Dunning.Charges;

namespace Kolek.Dunning.Insight.Risk;

/// <summary>Turns risk probabilities into segment names, which select the dunning ruler of each customer.</summary>
/// <remarks>
/// <para>Segments are probability bands in ascending order: the first starts at 0 and each runs up to the next one's start.
/// <see cref="Default"/> is <c>bom-pagador</c> [0, 0.2), <c>atencao</c> [0.2, 0.5), <c>risco</c> [0.5, 1].</para>
/// <para>A host sets <see cref="Customer.Segment"/> with <see cref="Apply"/> and maps each segment to a ruler (a gentler ruler
/// for <c>bom-pagador</c>, earlier reminders for <c>risco</c>); see docs/insight.md. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class RiskSegmentation
{
    /// <summary>The default segment of good payers.</summary>
    public const string GoodPayer = "bom-pagador";

    /// <summary>The default segment of customers to watch.</summary>
    public const string Attention = "atencao";

    /// <summary>The default segment of risky customers.</summary>
    public const string Risky = "risco";

    /// <summary>Initializes a new instance of the <see cref="RiskSegmentation"/> class.</summary>
    /// <param name="segments">The segments, in ascending order of <see cref="RiskSegment.From"/>; the first must start at 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// No segment, a null or blank name, a duplicate name, a start outside [0, 1] or not strictly ascending, or a first start other than 0.
    /// </exception>
    public RiskSegmentation(IEnumerable<RiskSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var list = segments.ToList();
        var errors = new List<string>();
        if (list.Count == 0)
        {
            errors.Add("informe ao menos um segmento.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            if (s is null || string.IsNullOrWhiteSpace(s.Name))
            {
                errors.Add($"segmento {i}: nome vazio.");
                continue;
            }

            if (!(s.From >= 0 && s.From <= 1))
            {
                errors.Add(FormattableString.Invariant($"segmento '{s.Name}': início {s.From} fora de [0, 1]."));
            }

            if (i == 0 && s.From != 0)
            {
                errors.Add($"segmento '{s.Name}': o primeiro segmento deve começar em 0.");
            }

            if (i > 0 && list[i - 1] is { } previous && !(s.From > previous.From))
            {
                errors.Add(FormattableString.Invariant($"segmento '{s.Name}': início {s.From} deve ser maior que o do segmento anterior."));
            }

            if (list.Take(i).Any(p => p is not null && string.Equals(p.Name, s.Name, StringComparison.Ordinal)))
            {
                errors.Add($"segmento '{s.Name}': nome repetido.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Segmentação de risco inválida:\n" + string.Join("\n", errors), nameof(segments));
        }

        Segments = list.AsReadOnly();
    }

    /// <summary>Gets the default segmentation: <c>bom-pagador</c> below 0.2, <c>atencao</c> below 0.5, <c>risco</c> from 0.5.</summary>
    public static RiskSegmentation Default { get; } =
        new([new RiskSegment(GoodPayer, 0), new RiskSegment(Attention, 0.2), new RiskSegment(Risky, 0.5)]);

    /// <summary>Gets the segments, in ascending order.</summary>
    public IReadOnlyList<RiskSegment> Segments { get; }

    /// <summary>The segment of a probability: the last segment whose start is at most <paramref name="probability"/>.</summary>
    /// <param name="probability">A probability in [0, 1].</param>
    /// <returns>The segment's name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is NaN or outside [0, 1].</exception>
    public string SegmentFor(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability lies in [0, 1].");
        }

        var name = Segments[0].Name;
        foreach (var segment in Segments)
        {
            if (segment.From <= probability)
            {
                name = segment.Name;
            }
        }

        return name;
    }

    /// <summary>Returns the customers with <see cref="Customer.Segment"/> set from their scores.</summary>
    /// <param name="customers">The customers.</param>
    /// <param name="scores">Their scores (e.g. <see cref="RiskModel.ScoreAll"/>); matched by <see cref="RiskScore.CustomerId"/> (ordinal).</param>
    /// <returns>
    /// The customers in their input order: each scored one with <c>Segment = SegmentFor(score.Probability)</c>, each unscored one
    /// (a customer without history) unchanged.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> or <paramref name="scores"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A sequence contains a <see langword="null"/> item, or two scores have the same customer id.</exception>
    public IReadOnlyList<Customer> Apply(IEnumerable<Customer> customers, IEnumerable<RiskScore> scores)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(scores);
        var byId = new Dictionary<string, RiskScore>(StringComparer.Ordinal);
        foreach (var score in scores)
        {
            if (score is null)
            {
                throw new ArgumentException("The sequence contains a null score.", nameof(scores));
            }

            if (!byId.TryAdd(score.CustomerId, score))
            {
                throw new ArgumentException($"Two scores for customer '{score.CustomerId}'.", nameof(scores));
            }
        }

        return customers
            .Select(c => c is null
                ? throw new ArgumentException("The sequence contains a null customer.", nameof(customers))
                : byId.TryGetValue(c.Id, out var score) ? c with { Segment = SegmentFor(score.Probability) } : c)
            .ToList()
            .AsReadOnly();
    }
}

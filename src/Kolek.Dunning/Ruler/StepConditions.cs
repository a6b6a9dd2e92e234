using Kolek.Dunning.Charges;

namespace Kolek.Dunning.Ruler;

/// <summary>Which charges a step applies to (JSON <c>"when"</c>); every condition given must hold.</summary>
/// <remarks>
/// A step whose conditions do not hold for a charge is not carried out for it: when its moment comes, it is reported as
/// skipped with <see cref="Planning.SkipCause.ConditionNotMet"/>. Conditions are read on the charge as it is at the
/// planning instant. Instances are immutable and thread-safe.
/// </remarks>
public sealed record StepConditions
{
    /// <summary>No condition: the step applies to every charge.</summary>
    public static StepConditions None { get; } = new();

    /// <summary>The smallest outstanding balance (BRL, inclusive) for which the step applies.</summary>
    /// <value>The default value is <see langword="null"/> (no lower bound).</value>
    public decimal? MinAmount { get; init; }

    /// <summary>The largest outstanding balance (BRL, inclusive) for which the step applies.</summary>
    /// <value>The default value is <see langword="null"/> (no upper bound).</value>
    public decimal? MaxAmount { get; init; }

    /// <summary>The customer segments the step applies to, compared without regard to case; empty for every segment.</summary>
    /// <value>The default value is the empty list.</value>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>Consumers only, businesses only, or <see langword="null"/> for both.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CustomerKind? Customer { get; init; }

    /// <summary>Whether the step applies only while nothing has been paid on the charge (no partial payment).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool UnpaidOnly { get; init; }

    /// <summary>Whether no condition is set.</summary>
    public bool IsEmpty => MinAmount is null && MaxAmount is null && Segments.Count == 0 && Customer is null && !UnpaidOnly;

    /// <summary>Whether the step applies to <paramref name="charge"/> of <paramref name="customer"/>.</summary>
    /// <param name="charge">The charge.</param>
    /// <param name="customer">Its customer.</param>
    /// <returns><see langword="true"/> when every condition holds.</returns>
    public bool Matches(Charge charge, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(customer);
        var balance = charge.Outstanding;
        return (MinAmount is not { } min || balance >= min)
            && (MaxAmount is not { } max || balance <= max)
            && (Customer is not { } kind || (kind == CustomerKind.Consumer) == customer.Consumer)
            && (!UnpaidOnly || charge.PaidAmount == 0m)
            && (Segments.Count == 0 || (customer.Segment is { } segment && ContainsSegment(segment)));
    }

    private bool ContainsSegment(string segment)
    {
        foreach (var s in Segments)
        {
            if (string.Equals(s, segment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Whether a debt is a consumer relation (CDC) or between businesses.</summary>
public enum CustomerKind
{
    /// <summary>A consumer (pessoa física in a consumer relation; JSON <c>"consumer"</c>).</summary>
    Consumer = 1,

    /// <summary>A business customer (JSON <c>"business"</c>).</summary>
    Business = 2,
}

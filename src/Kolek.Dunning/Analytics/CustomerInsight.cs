namespace Kolek.Dunning.Analytics;

/// <summary>The status of one customer at an instant: each of their charges and the totals.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Charges">The status of each of the customer's charges, in input order.</param>
/// <param name="Outstanding">What the customer's open items still owe, in BRL.</param>
/// <param name="Overdue">The part of <paramref name="Outstanding"/> past the adjusted due dates, in BRL.</param>
/// <param name="OldestDaysLate">The largest days late among the customer's overdue items; 0 when none.</param>
/// <param name="LastAction">The latest of the charges' last actions; <see langword="null"/> when none.</param>
/// <param name="NextAction">The earliest of the charges' next actions; <see langword="null"/> when none.</param>
/// <remarks>Instances are immutable and thread-safe; <paramref name="Charges"/> is compared by reference.</remarks>
public sealed record CustomerInsight(
    string CustomerId,
    IReadOnlyList<ChargeInsight> Charges,
    decimal Outstanding,
    decimal Overdue,
    int OldestDaysLate,
    CollectionAction? LastAction,
    CollectionAction? NextAction);

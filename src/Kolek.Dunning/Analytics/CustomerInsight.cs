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
    CollectionAction? NextAction)
{
    /// <summary>The totals, the charge ids and the last and next actions in short form, culture-invariant.</summary>
    /// <returns>For example <c>CustomerInsight { CustomerId = K-1, Charges = [C-1, C-2], Outstanding = 1000, Overdue = 1000, OldestDaysLate = 7, LastAction = d5 at 2026-11-09T12:20:00Z, NextAction = d10 at 2026-11-13T11:00:00Z }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(CustomerInsight),
        (nameof(CustomerId), CustomerId), (nameof(Charges), Internal.ResultText.List(Charges.Select(c => c.Standing.ChargeId))),
        (nameof(Outstanding), Internal.ResultText.Money(Outstanding)), (nameof(Overdue), Internal.ResultText.Money(Overdue)),
        (nameof(OldestDaysLate), Internal.ResultText.Number(OldestDaysLate)),
        (nameof(LastAction), CollectionAction.Short(LastAction)), (nameof(NextAction), CollectionAction.Short(NextAction)));
}

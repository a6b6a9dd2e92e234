using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>One charge's standing on an as-of date: its derived state, what is still owed and how late it is.</summary>
/// <param name="ChargeId">The charge's identifier (<see cref="Charges.Charge.Id"/>).</param>
/// <param name="CustomerId">The identifier of the customer who owes it (<see cref="Charges.Charge.CustomerId"/>).</param>
/// <param name="State">The derived state.</param>
/// <param name="Outstanding">
/// The principal still owed, in BRL: zero for <see cref="ChargeState.Paid"/> and <see cref="ChargeState.Cancelled"/>, otherwise
/// <see cref="Charges.Charge.Outstanding"/> (<c>max(0, Amount − PaidAmount)</c>; for a disputed or agreement charge, the
/// balance contested or renegotiated).
/// </param>
/// <param name="DaysLate">
/// Calendar days from the <em>original</em> due date to the evaluation date when that date is after
/// <paramref name="AdjustedDueDate"/>, else 0. See <see cref="PortfolioAnalytics.Standing"/> for the evaluation date of each state.
/// </param>
/// <param name="AdjustedDueDate">The due date rolled forward to a business day (Lei 7.089/83): the last day it can be paid without being late.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record ChargeStanding(string ChargeId, string CustomerId, ChargeState State, decimal Outstanding, int DaysLate, LocalDate AdjustedDueDate)
{
    /// <summary>The state's lowercase name as the <c>kolek</c> JSON writes it.</summary>
    /// <value>One of <c>"open"</c>, <c>"late"</c>, <c>"partially-paid"</c>, <c>"paid"</c>, <c>"cancelled"</c>, <c>"disputed"</c>, <c>"agreement"</c>.</value>
    public string StateName => NameOf(State);

    /// <summary>Whether the charge is an open item that aging counts: <see cref="ChargeState.Open"/>, <see cref="ChargeState.Late"/> or <see cref="ChargeState.PartiallyPaid"/>.</summary>
    public bool IsOpenItem => State is ChargeState.Open or ChargeState.Late or ChargeState.PartiallyPaid;

    /// <summary>Whether the charge is an open item past its adjusted due date (<see cref="DaysLate"/> &gt; 0): it counts as overdue.</summary>
    public bool IsOverdue => IsOpenItem && DaysLate > 0;

    /// <summary>The lowercase JSON name of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name, e.g. <c>"partially-paid"</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined <see cref="ChargeState"/>.</exception>
    public static string NameOf(ChargeState state) => state switch
    {
        ChargeState.Open => "open",
        ChargeState.Late => "late",
        ChargeState.PartiallyPaid => "partially-paid",
        ChargeState.Paid => "paid",
        ChargeState.Cancelled => "cancelled",
        ChargeState.Disputed => "disputed",
        ChargeState.Agreement => "agreement",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a defined ChargeState."),
    };
}

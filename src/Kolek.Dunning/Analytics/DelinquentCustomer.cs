namespace Kolek.Dunning.Analytics;

/// <summary>A customer (inadimplente) with at least one overdue open item on the as-of date.</summary>
/// <param name="CustomerId">The customer's identifier (<see cref="Charges.Charge.CustomerId"/>).</param>
/// <param name="Name">The customer's name (<see cref="Charges.Customer.Name"/>); empty when no charge carries one.</param>
/// <param name="Overdue">The sum of the outstanding principal of the customer's overdue items, in BRL; always &gt; 0.</param>
/// <param name="OldestDaysLate">The largest <see cref="ChargeStanding.DaysLate"/> among those items.</param>
/// <param name="Charges">The number of overdue items.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record DelinquentCustomer(string CustomerId, string Name, decimal Overdue, int OldestDaysLate, int Charges);

namespace Kolek.Dunning.Charges;

/// <summary>A charge together with the customer who owes it: the unit the planner works on.</summary>
/// <param name="Charge">The charge.</param>
/// <param name="Customer">Its customer; its <see cref="Customer.Id"/> should equal <see cref="Charges.Charge.CustomerId"/>.</param>
public sealed record CustomerCharge(Charge Charge, Customer Customer);

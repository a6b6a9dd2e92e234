using NodaTime;

namespace Kolek.Reconciliation.Matching;

/// <summary>A discount for paying early (desconto de pontualidade, or a boleto's or PIX cobv's fixed-date discount):
/// a credit of the outstanding principal less <see cref="Amount"/>, booked on or before <see cref="Until"/>, pays the
/// item in full and the discount is written off.</summary>
/// <remarks>Applies to a credit that pays one item; the several-items search compares face values only. Named apart
/// from Kolek.Dunning's <c>EarlyPaymentDiscount</c> so that a host may import both packages' namespaces.</remarks>
public sealed record OpenItemEarlyPaymentDiscount
{
    /// <summary>Creates a discount.</summary>
    /// <param name="amount">The amount off, in the item's currency.</param>
    /// <param name="until">The last day the discount applies (inclusive).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public OpenItemEarlyPaymentDiscount(decimal amount, LocalDate until)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Amount = amount;
        Until = until;
    }

    /// <summary>The amount off.</summary>
    public decimal Amount { get; }

    /// <summary>The last day the discount applies (inclusive).</summary>
    public LocalDate Until { get; }
}

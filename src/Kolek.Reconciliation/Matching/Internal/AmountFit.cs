using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>How a credit's amount fits one item on the payment date; the order is the strength of the evidence.</summary>
internal enum FitKind
{
    None = 0,

    /// <summary>Amount plus discount and rebate equals the outstanding principal.</summary>
    Face = 1,

    /// <summary>Equals the principal plus the interest and fine the bank declares.</summary>
    DeclaredLateCharges = 2,

    /// <summary>Equals the principal plus the late charges Kolek computes for the payment date.</summary>
    ExpectedLateCharges = 3,

    /// <summary>Equals the principal less the item's discount for paying early, paid by the discount's last day.</summary>
    EarlyPaymentDiscount = 4,

    /// <summary>Short of the expected amount by no more than the fee tolerance.</summary>
    WithinFeeTolerance = 5,
}

/// <summary>A fit with the split it implies.</summary>
/// <param name="Kind">How the amount fits.</param>
/// <param name="LateCharges">The part of the money paying fine and interest.</param>
/// <param name="WrittenOff">Principal settled without money (discount, rebate, early-payment discount, tolerated fee).</param>
/// <param name="Quote">The late charges Kolek computes for the payment date; <see cref="LateChargeQuote.None"/> (not
/// computed) for <see cref="FitKind.Face"/> and <see cref="FitKind.DeclaredLateCharges"/>, whose allocations and
/// explanations do not use it.</param>
internal readonly record struct AmountFit(FitKind Kind, decimal LateCharges, decimal WrittenOff, LateChargeQuote Quote)
{
    public bool Fits => Kind != FitKind.None;
}

/// <summary>What an item costs on a credit's payment date: the outstanding principal plus the late charges Kolek
/// computes when paid late, or less the item's early-payment discount when paid by its last day (the amounts
/// <see cref="FitKind.ExpectedLateCharges"/> and <see cref="FitKind.EarlyPaymentDiscount"/> compare against).</summary>
/// <param name="Outstanding">The outstanding principal.</param>
/// <param name="Quote">The late charges on <paramref name="PaymentDate"/>; <see cref="LateChargeQuote.None"/> when on time.</param>
/// <param name="Early">The early-payment discount that applies on <paramref name="PaymentDate"/>; zero when none or late.</param>
/// <param name="PaymentDate">The credit's payment date.</param>
internal readonly record struct ExpectedAmount(decimal Outstanding, LateChargeQuote Quote, decimal Early, LocalDate PaymentDate)
{
    /// <summary>The amount expected on the payment date.</summary>
    public decimal Total => Outstanding + Quote.Total - Early;

    /// <summary>Whether the expected amount is the outstanding principal alone (nothing late, no discount).</summary>
    public bool AtFace => Quote.Total == 0m && Early == 0m;
}

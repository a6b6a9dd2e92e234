namespace Kolek.Dunning.LateCharges;

/// <summary>The late-charge terms of a charge: a one-off fine (multa) and simple monthly default interest (juros de mora).</summary>
/// <remarks>Percentages are in percent (2.0 means 2%). Instances are immutable and thread-safe.</remarks>
public sealed record LateChargeTerms
{
    /// <summary>The legal cap of the fine on consumer debts (CDC art. 52 §1), in percent.</summary>
    public const decimal ConsumerFineCapPercent = 2m;

    /// <summary>No fine and no interest.</summary>
    public static LateChargeTerms None { get; } = new();

    /// <summary>The one-off fine (multa), in percent of the outstanding principal.</summary>
    /// <value>The default value is 0.</value>
    public decimal FinePercent { get; init; }

    /// <summary>The default interest (juros de mora) per month, in percent; charged pro rata per calendar day (÷ 30).</summary>
    /// <value>The default value is 0.</value>
    public decimal InterestPercentPerMonth { get; init; }

    /// <summary>Whether the debt is a consumer debt, which caps the fine at <see cref="ConsumerFineCapPercent"/>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Consumer { get; init; }

    /// <summary>The legal cap of the monthly default interest on consumer debts, in percent (1% a month: Civil Code art. 406 with
    /// CTN art. 161 §1, and the Lei de Usura's 12% a year for creditors that are not financial institutions).</summary>
    public const decimal ConsumerInterestCapPercentPerMonth = 1m;

    /// <summary>The early-payment discount (desconto por antecipação), when one is offered.</summary>
    /// <value>The default value is <see langword="null"/> (no discount).</value>
    public EarlyPaymentDiscount? EarlyPayment { get; init; }

    /// <summary>The fine actually applied: <see cref="FinePercent"/>, capped at 2% for consumer debts.</summary>
    public decimal EffectiveFinePercent => Consumer ? Math.Min(FinePercent, ConsumerFineCapPercent) : FinePercent;

    /// <summary>The monthly interest actually applied: <see cref="InterestPercentPerMonth"/>, capped at 1% for consumer debts.</summary>
    public decimal EffectiveInterestPercentPerMonth => Consumer ? Math.Min(InterestPercentPerMonth, ConsumerInterestCapPercentPerMonth) : InterestPercentPerMonth;
}

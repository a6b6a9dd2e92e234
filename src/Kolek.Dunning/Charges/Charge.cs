using NodaTime;

namespace Kolek.Dunning.Charges;

/// <summary>A receivable (boleto or PIX charge) as the dunning ruler sees it.</summary>
/// <remarks>
/// Amounts are in reais (BRL), exact <see cref="decimal"/>s. Dates are the company's local calendar dates.
/// A partially paid charge stays <see cref="ChargeStatus.Open"/> and is collected for its <see cref="Outstanding"/> balance.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed record Charge
{
    /// <summary>The host's identifier of the charge (invoice / título), unique within the company.</summary>
    public required string Id { get; init; }

    /// <summary>The identifier of the customer (sacado / pagador) who owes the charge.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The face value of the charge (principal), in BRL.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The date the charge was issued (emissão).</summary>
    public required LocalDate IssueDate { get; init; }

    /// <summary>The original due date (vencimento) as printed on the boleto / PIX charge, before any business-day shift.</summary>
    public required LocalDate DueDate { get; init; }

    /// <summary>The charge's status.</summary>
    /// <value>The default value is <see cref="ChargeStatus.Open"/>.</value>
    public ChargeStatus Status { get; init; } = ChargeStatus.Open;

    /// <summary>The principal already received (partial payments included), in BRL.</summary>
    /// <value>The default value is zero.</value>
    public decimal PaidAmount { get; init; }

    /// <summary>The bank's identifier of the boleto (nosso número), when the charge is a boleto.</summary>
    public string? NossoNumero { get; init; }

    /// <summary>The PIX charge identifier (txid), when the charge is a PIX charge.</summary>
    public string? Txid { get; init; }

    /// <summary>The boleto's 47-digit typeable line (linha digitável), for messages.</summary>
    public string? LinhaDigitavel { get; init; }

    /// <summary>The PIX BR Code payload (copia e cola), for messages.</summary>
    public string? PixCopiaECola { get; init; }

    /// <summary>The date of the (last) payment, when known.</summary>
    public LocalDate? PaidDate { get; init; }

    /// <summary>The link to the host's payment page for this charge, shown in messages.</summary>
    /// <value>The default value is <see langword="null"/> (no link).</value>
    public string? PaymentLink { get; init; }

    /// <summary>The customer promised to pay by this date (promessa de pagamento): no step is sent up to and including it.</summary>
    public LocalDate? PromiseToPayUntil { get; init; }

    /// <summary>The charge's own early-payment discount (desconto por antecipação), which replaces the ruler's when set.</summary>
    /// <value>The default value is <see langword="null"/>: the ruler's terms apply.</value>
    /// <exception cref="ArgumentOutOfRangeException">Its <c>Percent</c> is outside 0–100 or its <c>DaysBeforeDue</c> outside 0–366 (as a ruler's).</exception>
    public LateCharges.EarlyPaymentDiscount? EarlyPayment
    {
        get;
        init
        {
            if (value is not null && !LateCharges.LateChargeBounds.IsValid(value))
            {
                throw new ArgumentOutOfRangeException(nameof(EarlyPayment), value,
                    $"The early-payment discount must be 0–100 percent up to 0–366 days before the due date (was {value.Percent}% up to {value.DaysBeforeDue} days).");
            }

            field = value;
        }
    }

    /// <summary>The host's type of the charge (e.g. <c>"boleto"</c>, <c>"pix"</c>, <c>"mensalidade"</c>), used to choose its ruler in a <see cref="Ruler.RulerBook"/>.</summary>
    public string? Type { get; init; }

    /// <summary>The principal still owed: <see cref="Amount"/> minus <see cref="PaidAmount"/>, never negative.</summary>
    public decimal Outstanding => Math.Max(0m, Amount - PaidAmount);
}

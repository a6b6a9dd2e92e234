namespace Kolek.Dunning.LateCharges;

/// <summary>What is owed on a payment date: the principal plus the late charges, less any early-payment discount, each already rounded to the cent.</summary>
/// <param name="Principal">The outstanding principal.</param>
/// <param name="Fine">The fine (multa), rounded once to the cent, half away from zero.</param>
/// <param name="Interest">The default interest (juros de mora), rounded once to the cent, half away from zero.</param>
/// <param name="DaysLate">Calendar days from the original due date to the payment date; zero when nothing is owed.</param>
public sealed record LateChargeBreakdown(decimal Principal, decimal Fine, decimal Interest, int DaysLate)
{
    /// <summary>The early-payment discount (desconto), rounded once to the cent, half away from zero; zero unless paid early enough.</summary>
    /// <value>The default value is zero.</value>
    public decimal Discount { get; init; }

    /// <summary>Principal plus fine plus interest, less the discount.</summary>
    public decimal Total => Principal + Fine + Interest - Discount;
}

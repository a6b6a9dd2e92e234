namespace Kolek.Dunning.LateCharges;

/// <summary>An early-payment discount (desconto por antecipação): a percentage off the principal when paid early enough.</summary>
/// <remarks>
/// The discount applies when the payment date is on or before <see cref="LastDay"/> of the original due date (e.g. 5% up to
/// 10 days before the due date, or up to the due date itself with <see cref="DaysBeforeDue"/> 0), computed on the outstanding
/// principal and rounded once to the cent, half away from zero. After that day nothing is discounted; late charges start
/// only after the adjusted due date. Instances are immutable and thread-safe.
/// </remarks>
/// <param name="Percent">The discount in percent of the outstanding principal (0–100).</param>
/// <param name="DaysBeforeDue">How many calendar days before the due date the offer ends (0: on the due date itself).</param>
public sealed record EarlyPaymentDiscount(decimal Percent, int DaysBeforeDue = 0)
{
    /// <summary>The last day on which the discount applies, for a charge due on <paramref name="dueDate"/>.</summary>
    /// <param name="dueDate">The original due date.</param>
    /// <returns><paramref name="dueDate"/> minus <see cref="DaysBeforeDue"/> days.</returns>
    public NodaTime.LocalDate LastDay(NodaTime.LocalDate dueDate) => dueDate.PlusDays(-DaysBeforeDue);
}

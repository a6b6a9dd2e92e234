using Kolek.Dunning.Calendar;
using NodaTime;

namespace Kolek.Dunning.LateCharges;

/// <summary>Computes the amount owed on a payment date under Kolek's late-charge convention.</summary>
/// <remarks>
/// <para>Nothing is owed beyond the principal when the payment date is on or before the <em>adjusted</em> due date:
/// a due date on a non-business day moves to the next business day (Lei 7.089/83).</para>
/// <para>Otherwise the fine is <c>principal × fine% </c> (capped at 2% for consumer debts) and the interest is simple:
/// <c>principal × monthly% ÷ 30 × calendar days late</c>, the days counted from the <em>original</em> due date. Each is computed
/// exactly in <see cref="decimal"/> and rounded once to the cent, half away from zero. For consumer debts the monthly
/// interest is capped at 1% (<see cref="LateChargeTerms.ConsumerInterestCapPercentPerMonth"/>).</para>
/// <para>Before the due date, an early-payment discount (<see cref="LateChargeTerms.EarlyPayment"/>) is taken off when the
/// payment date is on or before its last day: <c>principal × discount%</c>, rounded once to the cent.</para>
/// This type is stateless and thread-safe.
/// </remarks>
public static class LateChargeCalculator
{
    /// <summary>The amount owed when <paramref name="outstanding"/> is paid on <paramref name="paymentDate"/>.</summary>
    /// <param name="outstanding">The outstanding principal, in BRL; not negative.</param>
    /// <param name="dueDate">The original due date, as printed.</param>
    /// <param name="paymentDate">The date of payment (or of the message that states the amount).</param>
    /// <param name="terms">The fine and interest terms.</param>
    /// <param name="calendar">The business calendar of the due-date shift (usually <see cref="BusinessCalendar.BrazilBanking"/>).</param>
    /// <returns>The breakdown; fine and interest are zero when the payment is not late.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outstanding"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A percentage of <paramref name="terms"/> is outside 0–100, or its early-payment
    /// <c>DaysBeforeDue</c> outside 0–366 (the bounds a ruler's <c>lateCharges</c> are checked against).</exception>
    public static LateChargeBreakdown AmountDue(decimal outstanding, LocalDate dueDate, LocalDate paymentDate, LateChargeTerms terms, BusinessCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outstanding);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(calendar);
        ThrowIfOutOfRange(terms);

        if (paymentDate <= calendar.NextBusinessDay(dueDate) || outstanding == 0m)
        {
            var discount = terms.EarlyPayment is { } early && paymentDate <= early.LastDay(dueDate)
                ? Math.Round(outstanding * early.Percent / 100m, 2, MidpointRounding.AwayFromZero)
                : 0m;
            return new LateChargeBreakdown(outstanding, 0m, 0m, 0) { Discount = discount };
        }

        var daysLate = Period.DaysBetween(dueDate, paymentDate);
        var fine = Math.Round(outstanding * terms.EffectiveFinePercent / 100m, 2, MidpointRounding.AwayFromZero);
        var interest = Math.Round(outstanding * terms.EffectiveInterestPercentPerMonth * daysLate / 3000m, 2, MidpointRounding.AwayFromZero);
        return new LateChargeBreakdown(outstanding, fine, interest, daysLate);
    }

    private static void ThrowIfOutOfRange(LateChargeTerms terms)
    {
        static void Check(bool ok, string term, object value)
        {
            if (!ok)
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{term} is out of range (was {value}): percentages are 0–100 and DaysBeforeDue 0–{LateChargeBounds.MaxDays}."),
                    nameof(terms));
            }
        }

        Check(LateChargeBounds.IsPercent(terms.FinePercent), nameof(terms.FinePercent), terms.FinePercent);
        Check(LateChargeBounds.IsPercent(terms.InterestPercentPerMonth), nameof(terms.InterestPercentPerMonth), terms.InterestPercentPerMonth);
        if (terms.EarlyPayment is { } early)
        {
            Check(LateChargeBounds.IsPercent(early.Percent), "EarlyPayment.Percent", early.Percent);
            Check(LateChargeBounds.IsDays(early.DaysBeforeDue), "EarlyPayment.DaysBeforeDue", early.DaysBeforeDue);
        }
    }
}

using System.Diagnostics.Contracts;
using NodaTime;

namespace Kolek.Reconciliation.Matching;

/// <summary>The late charges owed on a payment date: fine, interest and the days late they were computed for.</summary>
/// <param name="Fine">The fine (multa), rounded to the cent.</param>
/// <param name="Interest">The default interest (juros de mora), rounded to the cent.</param>
/// <param name="DaysLate">Calendar days from the original due date to the payment date; 0 when nothing is owed.</param>
public readonly record struct LateChargeQuote(decimal Fine, decimal Interest, int DaysLate)
{
    /// <summary>Nothing owed.</summary>
    public static LateChargeQuote None => default;

    /// <summary>Fine plus interest.</summary>
    public decimal Total => Fine + Interest;
}

/// <summary>Late-charge arithmetic: what a charge costs when paid after its due date.</summary>
/// <remarks>
/// <para>Kolek's convention (DESIGN.md, glossary): fine = outstanding × fine% once; interest = outstanding × monthly% ÷ 30 ×
/// calendar days late, counted from the <em>original</em> due date; each rounded once to the cent, half away from zero.</para>
/// <para>Nothing is owed when the payment date is on or before the <em>adjusted</em> due date: a due date falling on a
/// non-business day can be paid on the next business day at no cost. The adjustment comes from the caller (plug the
/// business calendar of Kolek.Dunning here); without one, a Saturday or Sunday due date moves to the next Monday and
/// holidays are not known.</para>
/// <para>For consumer debts the fine rate is capped at 2% (Código de Defesa do Consumidor, art. 52 §1) and the interest
/// rate at 1% a month (Civil Code art. 406 with CTN art. 161 §1), as Kolek.Dunning's <c>LateChargeTerms</c> does for the
/// amount stated in its messages.</para>
/// <para>All members are pure and thread-safe.</para>
/// </remarks>
public static class LateCharges
{
    /// <summary>The highest fine rate, in percent, on a consumer debt.</summary>
    public const decimal ConsumerFineCapPercent = 2m;

    /// <summary>The highest default interest rate, in percent per month, on a consumer debt.</summary>
    public const decimal ConsumerInterestCapPercentPerMonth = 1m;

    /// <summary>The late charges owed on <paramref name="item"/>'s outstanding principal when paid on <paramref name="paymentDate"/>.</summary>
    /// <param name="item">The open item; without <see cref="OpenItem.LateCharges"/> nothing is owed.</param>
    /// <param name="paymentDate">The date the payment was made.</param>
    /// <param name="adjustDueDate">Moves a due date to the day it can be paid without charges (next business day);
    /// <see langword="null"/> moves weekends to Monday.</param>
    /// <returns>The quote; <see cref="LateChargeQuote.None"/> when paid on time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    [Pure]
    public static LateChargeQuote ComputeFor(OpenItem item, LocalDate paymentDate, Func<LocalDate, LocalDate>? adjustDueDate = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.LateCharges is null
            ? LateChargeQuote.None
            : Compute(item.Outstanding, item.DueDate, paymentDate, item.LateCharges, item.Consumer, adjustDueDate);
    }

    /// <summary>The late charges owed on <paramref name="principal"/> due on <paramref name="dueDate"/> and paid on <paramref name="paymentDate"/>.</summary>
    /// <param name="principal">The outstanding principal the charges apply to.</param>
    /// <param name="dueDate">The original due date.</param>
    /// <param name="paymentDate">The date the payment was made.</param>
    /// <param name="terms">The fine and interest rates.</param>
    /// <param name="consumer">Whether the fine is capped at <see cref="ConsumerFineCapPercent"/> and the interest at
    /// <see cref="ConsumerInterestCapPercentPerMonth"/>.</param>
    /// <param name="adjustDueDate">Moves a due date to the day it can be paid without charges (next business day);
    /// <see langword="null"/> moves weekends to Monday.</param>
    /// <returns>The quote; <see cref="LateChargeQuote.None"/> when paid on time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="principal"/> is negative.</exception>
    [Pure]
    public static LateChargeQuote Compute(
        decimal principal,
        LocalDate dueDate,
        LocalDate paymentDate,
        OpenItemLateChargeTerms terms,
        bool consumer = false,
        Func<LocalDate, LocalDate>? adjustDueDate = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfNegative(principal);
        var payableUntil = (adjustDueDate ?? NextMondayIfWeekend)(dueDate);
        if (paymentDate <= payableUntil || paymentDate <= dueDate)
        {
            return LateChargeQuote.None;
        }

        var daysLate = Period.DaysBetween(dueDate, paymentDate);
        var finePercent = consumer ? Math.Min(terms.FinePercent, ConsumerFineCapPercent) : terms.FinePercent;
        var fine = Math.Round(principal * finePercent / 100m, 2, MidpointRounding.AwayFromZero);
        var interestPercent = consumer ? Math.Min(terms.InterestPercentPerMonth, ConsumerInterestCapPercentPerMonth) : terms.InterestPercentPerMonth;
        var interest = Math.Round(principal * interestPercent * daysLate / 3000m, 2, MidpointRounding.AwayFromZero);
        return new LateChargeQuote(fine, interest, daysLate);
    }

    /// <summary>The default due-date adjustment: Saturday and Sunday move to the next Monday; other days stay.</summary>
    /// <param name="dueDate">The due date.</param>
    /// <returns>The last day the charge can be paid without late charges.</returns>
    [Pure]
    public static LocalDate NextMondayIfWeekend(LocalDate dueDate) => dueDate.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => dueDate.PlusDays(2),
        IsoDayOfWeek.Sunday => dueDate.PlusDays(1),
        _ => dueDate,
    };
}

namespace Kolek.Dunning.LateCharges;

/// <summary>The ranges late-charge terms must lie in, the one place the ruler's validation, the calculator and
/// <see cref="Charges.Charge.EarlyPayment"/> take them from.</summary>
internal static class LateChargeBounds
{
    /// <summary>The most days a term may count (a year, leap day included).</summary>
    public const int MaxDays = 366;

    /// <summary>Whether a fine, interest or discount rate is a percentage from 0 to 100.</summary>
    public static bool IsPercent(decimal value) => value is >= 0m and <= 100m;

    /// <summary>Whether a number of days is from 0 to <see cref="MaxDays"/>.</summary>
    public static bool IsDays(int value) => value is >= 0 and <= MaxDays;

    /// <summary>Whether an early-payment discount's percentage and days are in range.</summary>
    public static bool IsValid(EarlyPaymentDiscount discount) => IsPercent(discount.Percent) && IsDays(discount.DaysBeforeDue);
}

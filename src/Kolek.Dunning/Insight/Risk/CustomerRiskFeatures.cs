using NodaTime;

namespace Kolek.Dunning.Insight.Risk;

/// <summary>What a customer's own payment history says on a date, as the risk model reads it.</summary>
/// <param name="CustomerId">The customer (<see cref="Charges.Charge.CustomerId"/>).</param>
/// <param name="AsOf">The date the features describe; only what was known on that date is used.</param>
/// <param name="ResolvedCharges">
/// The charges with a known outcome on <paramref name="AsOf"/>: issued by then and either fully paid by then, or past their
/// adjusted due date (so known to be late) even though unpaid.
/// </param>
/// <param name="LateCharges">Among <paramref name="ResolvedCharges"/>, those paid (or still unpaid) after their adjusted due date.</param>
/// <param name="AverageDaysLate">The mean days late over <paramref name="ResolvedCharges"/> (0 for on time), each capped at 90; 0 when there are none.</param>
/// <param name="RecentLateShare">The late share of the resolved charges due in the last 90 days, smoothed toward the portfolio rate: <c>(late + p) ÷ (n + 1)</c>.</param>
/// <param name="EarlierLateShare">The same for the resolved charges due before that window.</param>
/// <param name="OpenOverdueCharges">The charges still unpaid and past their adjusted due date on <paramref name="AsOf"/>.</param>
/// <param name="AverageAmount">The mean amount of the charges issued by <paramref name="AsOf"/>, in BRL.</param>
/// <param name="TenureDays">The days from the first charge's issue date to <paramref name="AsOf"/>.</param>
/// <param name="PortfolioLateRate">The whole portfolio's late share on <paramref name="AsOf"/>, <c>(late + 1) ÷ (n + 2)</c>: the prior the shares are smoothed toward.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record CustomerRiskFeatures(
    string CustomerId,
    LocalDate AsOf,
    int ResolvedCharges,
    int LateCharges,
    double AverageDaysLate,
    double RecentLateShare,
    double EarlierLateShare,
    int OpenOverdueCharges,
    decimal AverageAmount,
    int TenureDays,
    double PortfolioLateRate)
{
    /// <summary>The late share smoothed toward the portfolio rate <c>p</c>: <c>(LateCharges + 2p) ÷ (ResolvedCharges + 2)</c>.</summary>
    /// <remarks>A new customer starts at the portfolio rate; each resolved charge moves the share toward the customer's own record.</remarks>
    public double LateShare => (LateCharges + 2 * PortfolioLateRate) / (ResolvedCharges + 2);

    /// <summary>The recent trend: <see cref="RecentLateShare"/> minus <see cref="EarlierLateShare"/>; positive when the customer pays late more often lately.</summary>
    public double RecentTrend => RecentLateShare - EarlierLateShare;

    /// <summary>The model's input vector, in the order of <see cref="RiskFeature.All"/>.</summary>
    internal double[] ToVector() =>
    [
        LateShare,
        Math.Log(1 + AverageDaysLate),
        RecentTrend,
        Math.Log(1 + OpenOverdueCharges),
        Math.Log(1 + (double)Math.Max(0m, AverageAmount)),
        Math.Log(1 + (TenureDays / 30.0)),
    ];
}

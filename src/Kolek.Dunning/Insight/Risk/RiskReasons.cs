using System.Globalization;
using Kolek.Dunning.Templates;

namespace Kolek.Dunning.Insight.Risk;

/// <summary>Writes a feature's contribution as a sentence with the customer's own value, in Portuguese and English.</summary>
internal static class RiskReasons
{
    public static RiskReason For(int feature, double contribution, CustomerRiskFeatures f)
    {
        var (pt, en) = feature switch
        {
            0 => ($"{f.LateCharges} de {f.ResolvedCharges} cobranças vencidas pagas com atraso ou ainda não pagas", $"{f.LateCharges} of {f.ResolvedCharges} past-due charges paid late or still unpaid"),
            1 => ($"atraso médio de {Number(f.AverageDaysLate, pt: true)} dias", $"average of {Number(f.AverageDaysLate, pt: false)} days late"),
            2 => ($"atraso nos últimos 90 dias {Percent(f.RecentLateShare)} contra {Percent(f.EarlierLateShare)} antes", $"late share in the last 90 days {Percent(f.RecentLateShare)} versus {Percent(f.EarlierLateShare)} before"),
            3 => ($"{f.OpenOverdueCharges} cobrança(s) vencida(s) em aberto", $"{f.OpenOverdueCharges} open overdue charge(s)"),
            4 => ($"valor médio de {PtBrFormat.Money(f.AverageAmount)}", $"average amount BRL {f.AverageAmount.ToString("#,##0.00", CultureInfo.InvariantCulture)}"),
            5 => ($"cliente há {f.TenureDays} dias", $"customer for {f.TenureDays} days"),
            _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Not a risk feature index."),
        };
        var raises = contribution > 0;
        return new RiskReason(
            RiskFeature.All[feature].Name,
            contribution,
            pt + (raises ? " (aumenta o risco)" : " (reduz o risco)"),
            en + (raises ? " (raises the risk)" : " (lowers the risk)"));
    }

    public static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double value, bool pt)
    {
        var text = Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
        return pt ? text.Replace('.', ',') : text;
    }
}

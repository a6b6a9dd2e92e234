using System.Globalization;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Formatting for explanations in Brazilian Portuguese, independent of the machine's culture data.</summary>
internal static class PtBr
{
    private static readonly NumberFormatInfo s_numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>"R$ 1.234,56".</summary>
    public static string Money(decimal amount) => "R$ " + amount.ToString("N2", s_numbers);

    /// <summary>"05/11/2026".</summary>
    public static string Date(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1,5" (a percentage without trailing zeros).</summary>
    public static string Number(decimal value) => value.ToString("0.####", s_numbers);

    /// <summary>"CPF" for 11 positions, "CNPJ" for 14.</summary>
    public static string DocumentKind(string document) => document.Length == 11 ? "CPF" : "CNPJ";

    /// <summary>The item as a clerk refers to it: "título INV-2 (vencimento 05/11/2026)".</summary>
    public static string Item(OpenItem item) =>
        "título " + item.Id + " (vencimento " + Date(item.DueDate) + ")";

    /// <summary>"títulos INV-1, INV-2 e INV-3".</summary>
    public static string Items(IReadOnlyList<OpenItem> items) => items.Count == 1
        ? "título " + items[0].Id
        : "títulos " + string.Join(", ", items.Take(items.Count - 1).Select(i => i.Id)) + " e " + items[^1].Id;

    /// <summary>"1 dia" / "33 dias".</summary>
    public static string Days(int days) => days == 1 ? "1 dia" : days.ToString(CultureInfo.InvariantCulture) + " dias";
}

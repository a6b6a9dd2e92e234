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
    /// <remarks>Written digit by digit: explanations name a date for almost every credit, and a NodaTime pattern
    /// costs several times more. Years outside 1–9999 keep NodaTime's formatting.</remarks>
    public static string Date(LocalDate date) => date.Year is < 1 or > 9999
        ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : string.Create(10, (date.Day, date.Month, date.Year), static (span, d) =>
        {
            span[0] = (char)('0' + (d.Day / 10));
            span[1] = (char)('0' + (d.Day % 10));
            span[2] = '/';
            span[3] = (char)('0' + (d.Month / 10));
            span[4] = (char)('0' + (d.Month % 10));
            span[5] = '/';
            span[6] = (char)('0' + (d.Year / 1000));
            span[7] = (char)('0' + (d.Year / 100 % 10));
            span[8] = (char)('0' + (d.Year / 10 % 10));
            span[9] = (char)('0' + (d.Year % 10));
        });

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

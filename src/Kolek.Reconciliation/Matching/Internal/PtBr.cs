using System.Globalization;
using System.Text;
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
    public static string Money(decimal amount)
    {
        Span<char> buffer = stackalloc char[64];
        return buffer.TryWrite(s_numbers, $"R$ {amount:N2}", out var written)
            ? new string(buffer[..written])
            : "R$ " + amount.ToString("N2", s_numbers);
    }

    /// <summary>Appends "R$ 1.234,56", formatted straight into the builder.</summary>
    /// <remarks>The explanations of the passes are written into one builder per run (one string per explanation,
    /// instead of one per part); these appenders write exactly what the string forms return.</remarks>
    public static StringBuilder AppendMoney(this StringBuilder text, decimal amount) =>
        text.Append(s_numbers, $"R$ {amount:N2}");

    /// <summary>Appends "05/11/2026" (see <see cref="Date"/>).</summary>
    public static StringBuilder AppendDate(this StringBuilder text, LocalDate date)
    {
        if (date.Year is < 1 or > 9999)
        {
            return text.Append(Date(date));
        }

        var (day, month, year) = (date.Day, date.Month, date.Year);
        return text
            .Append((char)('0' + (day / 10))).Append((char)('0' + (day % 10))).Append('/')
            .Append((char)('0' + (month / 10))).Append((char)('0' + (month % 10))).Append('/')
            .Append((char)('0' + (year / 1000))).Append((char)('0' + (year / 100 % 10)))
            .Append((char)('0' + (year / 10 % 10))).Append((char)('0' + (year % 10)));
    }

    /// <summary>Appends "título INV-2 (vencimento 05/11/2026)" (see <see cref="Item"/>).</summary>
    public static StringBuilder AppendItem(this StringBuilder text, OpenItem item) =>
        text.Append("título ").Append(item.Id).Append(" (vencimento ").AppendDate(item.DueDate).Append(')');

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

using System.Globalization;
using System.Text.RegularExpressions;
using Kolek.Reconciliation.Readers.Internal;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Mt940;

/// <summary>Parses <c>:61:</c> statement lines and balance fields.</summary>
/// <remarks>
/// Dates: YY is 20YY below 80 and 19YY otherwise. The entry date (MMDD) takes the year, among the value date's year and
/// the ones either side, that puts it nearest the value date (so 1231 against a 2 January value date is the previous year).
/// A day past the end of its month (30 February, as some banks write) is clamped to the month's last day with a
/// <c>mt940.date.clamped</c> warning and the line is kept, because the amount and the balances are still right and
/// dropping the line would break them; a month outside 1–12 or day 0 is an <c>mt940.date.invalid</c> error and the line
/// is not read.
/// </remarks>
internal static partial class Mt940Parsing
{
    [GeneratedRegex(@"^(?<vd>\d{6})(?<ed>\d{4})?(?<mark>RC|RD|C|D)(?<funds>[A-Z])?(?<amount>\d{1,15},\d{0,15})(?<type>[NFS][A-Z0-9]{3})(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StatementLine();

    [GeneratedRegex(@"^(?<mark>[CD])(?<date>\d{6})(?<ccy>[A-Z]{3})(?<amount>\d{1,15},\d{0,15})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BalanceField();

    public static Mt940Line? ParseLine(Mt940Field field, DiagnosticBag diagnostics)
    {
        var match = StatementLine().Match(field.Value.Trim());
        if (!match.Success)
        {
            diagnostics.Error(field.Line, "61", "mt940.line.invalid",
                $"Linha :61: fora do formato (data-valor, data de lançamento, C/D/RC/RD, valor, tipo, referência): '{field.Value}'. Lançamento não lido.");
            return null;
        }

        var valueDate = Date(match.Groups["vd"].Value, field.Line, "61", diagnostics);
        if (valueDate is null)
        {
            return null;
        }

        LocalDate? entryDate = null;
        if (match.Groups["ed"].Success)
        {
            entryDate = EntryDate(match.Groups["ed"].Value, valueDate.Value, field.Line, diagnostics);
            if (entryDate is null)
            {
                return null;
            }
        }

        var rest = match.Groups["rest"].Value;
        var slashes = rest.IndexOf("//", StringComparison.Ordinal);
        var customer = slashes >= 0 ? rest[..slashes] : rest;
        string? bank = slashes >= 0 ? rest[(slashes + 2)..].Trim() : null;
        string? details = null;
        if (customer.Length > 16)
        {
            details = customer[16..].Trim();
            customer = customer[..16];
        }

        var extra = string.Join(' ', new[] { details }.Concat(field.Lines.Skip(1)).Select(t => t?.Trim()).Where(t => !string.IsNullOrEmpty(t)));
        return new Mt940Line(
            valueDate.Value,
            entryDate,
            match.Groups["mark"].Value,
            match.Groups["funds"].Success ? match.Groups["funds"].Value[0] : null,
            Amount(match.Groups["amount"].Value),
            match.Groups["type"].Value,
            customer.Trim(),
            string.IsNullOrEmpty(bank) ? null : bank,
            extra.Length == 0 ? null : extra);
    }

    public static Mt940Balance? ParseBalance(Mt940Field field, DiagnosticBag diagnostics)
    {
        var match = BalanceField().Match(field.Value.Trim());
        var date = match.Success ? Date(match.Groups["date"].Value, field.Line, field.Tag, diagnostics) : null;
        if (date is null)
        {
            diagnostics.Warning(field.Line, field.Tag, "mt940.balance.invalid",
                $"Saldo :{field.Tag}: ilegível '{field.Value}': ignorado (o saldo não é conferido).");
            return null;
        }

        var amount = Amount(match.Groups["amount"].Value);
        return new Mt940Balance(match.Groups["mark"].Value == "D" ? -amount : amount, match.Groups["ccy"].Value, date.Value, field.Line);
    }

    /// <summary>An MT940 amount: digits, a comma, optional decimals (<c>9,</c> = 9.00, <c>000000000473,17</c> = 473.17).</summary>
    public static decimal Amount(string text) =>
        decimal.Parse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static LocalDate? Date(string yymmdd, int line, string field, DiagnosticBag diagnostics)
    {
        var yy = Number(yymmdd[..2]);
        return Valid(yy < 80 ? 2000 + yy : 1900 + yy, Number(yymmdd[2..4]), Number(yymmdd[4..6]), yymmdd, line, field, diagnostics);
    }

    private static LocalDate? EntryDate(string mmdd, LocalDate valueDate, int line, DiagnosticBag diagnostics)
    {
        var month = Number(mmdd[..2]);
        var day = Number(mmdd[2..]);
        if (month is < 1 or > 12 || day < 1)
        {
            return Valid(valueDate.Year, month, day, mmdd, line, "61", diagnostics);
        }

        var candidates = new[] { valueDate.Year - 1, valueDate.Year, valueDate.Year + 1 }
            .Select(y => new LocalDate(y, month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(y, month))));
        var year = candidates.MinBy(d => Math.Abs(Period.Between(valueDate, d, PeriodUnits.Days).Days)).Year;
        return Valid(year, month, day, mmdd, line, "61", diagnostics);
    }

    private static LocalDate? Valid(int year, int month, int day, string raw, int line, string field, DiagnosticBag diagnostics)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            diagnostics.Error(line, field, "mt940.date.invalid", $"Data '{raw}' inválida (mês ou dia fora do calendário): lançamento não lido.");
            return null;
        }

        var last = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day <= last)
        {
            return new LocalDate(year, month, day);
        }

        var clamped = new LocalDate(year, month, last);
        diagnostics.Warning(line, field, "mt940.date.clamped", string.Create(CultureInfo.InvariantCulture,
            $"Data '{raw}' não existe (dia {day} em um mês de {last} dias): usado o último dia do mês, {NaturalKey.Date(clamped)}."));
        return clamped;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}

using Kolek.Reconciliation.Readers.Internal;
using System.Globalization;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>How a CNAB date field is written.</summary>
internal enum CnabDateFormat
{
    /// <summary><c>DDMMAA</c>; years 00–79 are 2000–2079, 80–99 are 1980–1999.</summary>
    DayMonthYear2 = 1,

    /// <summary><c>DDMMAAAA</c> (CNAB 240).</summary>
    DayMonthYear4 = 2,

    /// <summary><c>AAAAMMDD</c> (Sicredi CNAB 400 credit date).</summary>
    YearMonthDay4 = 3,
}

/// <summary>Reads typed fields out of one fitted CNAB line, reporting every malformed value with its line and field.</summary>
/// <remarks>Blank or all-zero fields mean "absent" (<see langword="null"/>) and are not reported: banks fill unused
/// numeric fields with zeros and trimmed files turn them into blanks.</remarks>
internal sealed class CnabFieldReader(CnabLine line, DiagnosticBag diagnostics)
{
    public int Line => line.Number;

    /// <summary>Whether an invalid field made the record unreadable (an error was reported).</summary>
    public bool Failed { get; private set; }

    public string? Text(CnabSpan? span)
    {
        if (span is not { } s)
        {
            return null;
        }

        var value = line.Slice(s).Trim();
        return value.IsEmpty ? null : new string(value);
    }

    /// <summary>The field's characters without leading and trailing blanks, not copied; empty when absent or blank.</summary>
    private ReadOnlySpan<char> Trimmed(CnabSpan? span) => span is { } s ? line.Slice(s).Trim() : default;

    /// <summary>A digits-only identifier with zeros that are not all the value kept; null when blank or all zeros.</summary>
    public string? Digits(CnabSpan? span)
    {
        var value = Text(span);
        return value is null || value.All(c => c == '0') ? null : value;
    }

    /// <summary>An amount with two implied decimals (picture <c>9(11)V9(2)</c>).</summary>
    /// <param name="span">Where the field is; null when the layout has no such field.</param>
    /// <param name="field">The field's name for diagnostics.</param>
    /// <param name="required">When true, an unreadable value is an error that makes the whole record unreadable.</param>
    public decimal? Money(CnabSpan? span, string field, bool required = false)
    {
        var raw = Trimmed(span);
        if (raw.IsEmpty)
        {
            return null;
        }

        if (!raw.ContainsAnyExceptInRange('0', '9') && raw.Length <= 20)
        {
            // Up to 18 digits fit a long; the decimal made from it equals what decimal.Parse gives (scale 0).
            return (raw.Length <= 18 ? WholeNumber(raw) : decimal.Parse(raw, NumberStyles.None, CultureInfo.InvariantCulture)) / 100m;
        }

        Report(required, field, "cnab.amount.invalid", $"{field} em {span} não é um número: '{raw}'.");
        return null;
    }

    /// <summary>A date; null when blank or all zeros, reported (and null) when malformed.</summary>
    public LocalDate? Date(CnabSpan? span, string field, CnabDateFormat format)
    {
        var raw = Trimmed(span);
        if (!raw.ContainsAnyExcept('0'))
        {
            return null;
        }

        if (TryDate(raw, format, out var date))
        {
            return date;
        }

        Report(false, field, "cnab.date.invalid", $"{field} em {span} não é uma data válida: '{raw}'.");
        return null;
    }

    /// <summary>Parses a CNAB date; false for anything that is not a real calendar date.</summary>
    public static bool TryDate(ReadOnlySpan<char> raw, CnabDateFormat format, out LocalDate date)
    {
        date = default;
        var expected = format == CnabDateFormat.DayMonthYear2 ? 6 : 8;
        if (raw.Length != expected || raw.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        int day, month, year;
        switch (format)
        {
            case CnabDateFormat.DayMonthYear2:
                day = Number(raw, 0, 2);
                month = Number(raw, 2, 2);
                year = Number(raw, 4, 2);
                year += year < 80 ? 2000 : 1900;
                break;
            case CnabDateFormat.DayMonthYear4:
                day = Number(raw, 0, 2);
                month = Number(raw, 2, 2);
                year = Number(raw, 4, 4);
                break;
            default:
                year = Number(raw, 0, 4);
                month = Number(raw, 4, 2);
                day = Number(raw, 6, 2);
                break;
        }

        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static int Number(ReadOnlySpan<char> raw, int start, int length) => (int)WholeNumber(raw.Slice(start, length));

    /// <summary>The value of at most 18 ASCII digits (already checked).</summary>
    private static long WholeNumber(ReadOnlySpan<char> digits)
    {
        var value = 0L;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private void Report(bool error, string field, string code, string message)
    {
        if (error)
        {
            Failed = true;
            diagnostics.Error(line.Number, field, code, message + " O registro não foi lido.");
        }
        else
        {
            diagnostics.Warning(line.Number, field, code, message + " O campo ficou vazio.");
        }
    }
}

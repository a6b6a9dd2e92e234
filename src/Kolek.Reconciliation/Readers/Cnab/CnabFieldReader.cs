using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using Kolek.Reconciliation.Readers.Internal;
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

/// <summary>Reads typed fields out of one fitted CNAB record (its Latin-1 bytes), reporting every malformed value with
/// its line and field; only the values kept become strings.</summary>
/// <remarks>Blank or all-zero fields mean "absent" (<see langword="null"/>) and are not reported: banks fill unused
/// numeric fields with zeros and trimmed files turn them into blanks. Blanks are what <see cref="string.Trim()"/> trims.</remarks>
internal ref struct CnabFieldReader(ReadOnlySpan<byte> record, int line, DiagnosticBag diagnostics)
{
    private readonly ReadOnlySpan<byte> _record = record;

    /// <summary>Whether an invalid field made the record unreadable (an error was reported).</summary>
    public bool Failed { get; private set; }

    /// <summary>The field's bytes without leading and trailing blanks, not copied; empty when absent or blank.</summary>
    public readonly ReadOnlySpan<byte> Trimmed(CnabSpan? span) => span is { } s ? Trimmed(s) : default;

    /// <summary>The field's bytes without leading and trailing blanks, not copied; empty when blank.</summary>
    /// <remarks>The overloads that take a <see cref="CnabSpan"/> rather than a <see cref="Nullable{T}"/> are for the layouts
    /// whose fields always exist (CNAB 240): the nullable made at each call was written to the stack a byte and a word at a
    /// time and read back whole, a store-forwarding stall per field.</remarks>
    public readonly ReadOnlySpan<byte> Trimmed(CnabSpan span) => CnabBytes.Trim(_record.Slice(span.Start - 1, span.Length));

    /// <summary>The field without leading and trailing blanks; null when absent or blank.</summary>
    public readonly string? Text(CnabSpan? span)
    {
        var value = Trimmed(span);
        return value.IsEmpty ? null : CnabBytes.Text(value);
    }

    /// <summary>A digits-only identifier with zeros that are not all the value kept; null when absent, blank or all zeros.</summary>
    public readonly string? Digits(CnabSpan? span) => span is { } s ? Digits(s) : null;

    /// <summary>A digits-only identifier with zeros that are not all the value kept; null when blank or all zeros.</summary>
    public readonly string? Digits(CnabSpan span)
    {
        var value = Trimmed(span);
        return CnabBytes.AllZeros(value) ? null : CnabBytes.Text(value);
    }

    /// <summary>An amount with two implied decimals (picture <c>9(11)V9(2)</c>), with the value and scale that
    /// <c>decimal.Parse(digits) / 100m</c> gives; null when the layout has no such field.</summary>
    /// <param name="span">Where the field is; null when the layout has no such field.</param>
    /// <param name="field">The field's name for diagnostics.</param>
    /// <param name="required">When true, an unreadable value is an error that makes the whole record unreadable.</param>
    public decimal? Money(CnabSpan? span, string field, bool required = false) => span is { } s ? Money(s, field, required) : null;

    /// <summary>An amount with two implied decimals (picture <c>9(11)V9(2)</c>), with the value and scale that
    /// <c>decimal.Parse(digits) / 100m</c> gives.</summary>
    /// <param name="span">Where the field is.</param>
    /// <param name="field">The field's name for diagnostics.</param>
    /// <param name="required">When true, an unreadable value is an error that makes the whole record unreadable.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Seven amounts per CNAB 240 pair: only the usual case is inlined.
    public decimal? Money(CnabSpan span, string field, bool required = false)
    {
        // The usual field is all digits, so there is nothing to trim: read it as it stands.
        return CnabBytes.TryWholeNumber(_record.Slice(span.Start - 1, span.Length), out var whole)
            ? Cents(whole)
            : UnusualMoney(span, field, required);
    }

    /// <summary><see cref="Money(CnabSpan, string, bool)"/> of a field that is not all digits: blanks, padding, too many digits or garbage.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private decimal? UnusualMoney(CnabSpan span, string field, bool required)
    {
        var raw = Trimmed(span);
        if (raw.IsEmpty)
        {
            return null;
        }

        if (CnabBytes.TryWholeNumber(raw, out var cents))
        {
            return Cents(cents);
        }

        if (raw.Length is 19 or 20 && CnabBytes.AllDigits(raw))
        {
            // More than 18 digits do not fit a long; the decimal made from them is what decimal.Parse gives.
            return decimal.Parse(CnabBytes.Text(raw), NumberStyles.None, CultureInfo.InvariantCulture) / 100m;
        }

        Report(required, field, "cnab.amount.invalid", $"{field} em {span} não é um número: '{CnabBytes.Text(raw)}'.");
        return null;
    }

    /// <summary>A date; null when blank or all zeros, reported (and null) when malformed.</summary>
    /// <param name="span">Where the field is; null when the layout has no such field.</param>
    /// <param name="field">The field's name for diagnostics.</param>
    /// <param name="format">How the date is written.</param>
    /// <param name="memo">The field's last valid date in this file, reused when the bytes are the same (most records of a
    /// file share a few dates); null to parse every time.</param>
    public LocalDate? Date(CnabSpan? span, string field, CnabDateFormat format, CnabDateMemo? memo = null) =>
        span is { } s ? Date(s, field, format, memo) : Date(default(ReadOnlySpan<byte>), span, field, format, memo);

    /// <summary>A date; null when blank or all zeros, reported (and null) when malformed.</summary>
    /// <param name="span">Where the field is.</param>
    /// <param name="field">The field's name for diagnostics.</param>
    /// <param name="format">How the date is written.</param>
    /// <param name="memo">The field's last valid date in this file, reused when the bytes are the same; null to parse every time.</param>
    public LocalDate? Date(CnabSpan span, string field, CnabDateFormat format, CnabDateMemo? memo = null) =>
        Date(Trimmed(span), span, field, format, memo);

    private LocalDate? Date(ReadOnlySpan<byte> raw, CnabSpan? span, string field, CnabDateFormat format, CnabDateMemo? memo)
    {
        if (memo is not null && memo.TryGet(raw, out var known))
        {
            return known;
        }

        if (CnabBytes.AllZeros(raw))
        {
            return null;
        }

        if (TryDate(raw, format, out var date))
        {
            memo?.Set(raw, date);
            return date;
        }

        ReportDate(raw, span, field);
        return null;
    }

    /// <summary>Reports a malformed date; out of line, so that its string builder does not widen the frames the usual
    /// dates are read in.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportDate(ReadOnlySpan<byte> raw, CnabSpan? span, string field) =>
        Report(false, field, "cnab.date.invalid", $"{field} em {span} não é uma data válida: '{CnabBytes.Text(raw)}'.");

    /// <summary><paramref name="cents"/> ÷ 100 as decimal division gives it: the smallest scale (0, 1 or 2) that holds it
    /// exactly, so 12345 is 123.45, 12340 is 123.4 and 12300 is 123.</summary>
    /// <param name="cents">At most 18 digits.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Seven amounts per CNAB 240 pair: the call cost counts.
    public static decimal Cents(long cents)
    {
        if (cents == 0)
        {
            return 0m;
        }

        byte scale = 2;
        if (cents % 10 == 0)
        {
            cents /= 10;
            scale = 1;
            if (cents % 10 == 0)
            {
                cents /= 10;
                scale = 0;
            }
        }

        return new decimal((int)cents, (int)(cents >> 32), 0, false, scale);
    }

    /// <summary>Parses a CNAB date; false for anything that is not a real calendar date.</summary>
    public static bool TryDate(ReadOnlySpan<byte> raw, CnabDateFormat format, out LocalDate date)
    {
        date = default;
        var expected = format == CnabDateFormat.DayMonthYear2 ? 6 : 8;
        if (raw.Length != expected || !CnabBytes.TryWholeNumber(raw, out var digits))
        {
            return false;
        }

        var number = (int)digits;
        int day, month, year;
        switch (format)
        {
            case CnabDateFormat.DayMonthYear2:
                day = number / 10000;
                month = number / 100 % 100;
                year = number % 100;
                year += year < 80 ? 2000 : 1900;
                break;
            case CnabDateFormat.DayMonthYear4:
                day = number / 1000000;
                month = number / 10000 % 100;
                year = number % 10000;
                break;
            default:
                year = number / 10000;
                month = number / 100 % 100;
                day = number % 100;
                break;
        }

        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private void Report(bool error, string field, string code, string message)
    {
        if (error)
        {
            Failed = true;
            diagnostics.Error(line, field, code, message + " O registro não foi lido.");
        }
        else
        {
            diagnostics.Warning(line, field, code, message + " O campo ficou vazio.");
        }
    }
}

/// <summary>The last valid date one date field of one file held, by its bytes: a file's records share a few dates, so the
/// parse and calendar check are made once per distinct value instead of once per record.</summary>
/// <remarks>Only valid dates are kept, so a malformed value is still reported on every record that has it. One memo
/// serves one field (one format) of one read.</remarks>
internal sealed class CnabDateMemo
{
    private ulong _key;
    private int _length;
    private LocalDate _value;

    /// <summary>Whether <paramref name="raw"/> (a trimmed date field) is the same bytes as the kept date's.</summary>
    public bool TryGet(ReadOnlySpan<byte> raw, out LocalDate value)
    {
        value = _value;
        return _length != 0 && raw.Length == _length && Key(raw) == _key;
    }

    /// <summary>Keeps <paramref name="value"/>, the valid date that <paramref name="raw"/> (6 or 8 bytes) was parsed to.</summary>
    public void Set(ReadOnlySpan<byte> raw, LocalDate value)
    {
        if (raw.Length is 6 or 8)
        {
            _key = Key(raw);
            _length = raw.Length;
            _value = value;
        }
    }

    private static ulong Key(ReadOnlySpan<byte> raw) => raw.Length == 8
        ? BinaryPrimitives.ReadUInt64LittleEndian(raw)
        : raw.Length == 6 ? BinaryPrimitives.ReadUInt32LittleEndian(raw) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(raw[4..]) << 32) : ulong.MaxValue;
}

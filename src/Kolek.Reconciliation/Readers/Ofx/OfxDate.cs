using System.Text.RegularExpressions;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>What <see cref="OfxDate.Parse"/> made of a date field.</summary>
internal enum OfxDateStatus
{
    /// <summary>A valid date in a recognised layout.</summary>
    Valid = 1,

    /// <summary>A valid date, but what follows its first eight digits is not a recognised time or offset.</summary>
    ValidWithOddSuffix,

    /// <summary>All zeros (<c>00000000</c>): the bank's way of saying "no date".</summary>
    Zero,

    /// <summary>Not a date.</summary>
    Invalid,
}

/// <summary>Parses OFX date-times, keeping the local date as written.</summary>
/// <remarks>
/// Layouts: <c>YYYYMMDD</c>, <c>YYYYMMDDHHMM</c>, <c>YYYYMMDDHHMMSS</c>, an optional <c>.XXX</c> fraction and an
/// optional <c>[offset:TZ]</c> (<c>[-3:BRT]</c>, <c>[-03:EST]</c>, <c>[0:GMT]</c>, <c>[-8:PST]</c>, <c>[+5.5]</c>).
/// The date is the first eight digits: the bank's local calendar date, never converted through UTC (Itaú, for
/// instance, labels Brasília time as "EST").
/// </remarks>
internal static partial class OfxDate
{
    public static OfxDateStatus Parse(string? raw, out LocalDate date)
    {
        date = default;
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length < 8 || !text.AsSpan(0, 8).ContainsOnlyDigits())
        {
            return OfxDateStatus.Invalid;
        }

        if (text.AsSpan(0, 8).IndexOfAnyExcept('0') < 0)
        {
            return OfxDateStatus.Zero;
        }

        var year = int.Parse(text.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(4, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(text.AsSpan(6, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return OfxDateStatus.Invalid;
        }

        date = new LocalDate(year, month, day);
        return SuffixPattern().IsMatch(text[8..]) ? OfxDateStatus.Valid : OfxDateStatus.ValidWithOddSuffix;
    }

    [GeneratedRegex(@"^(?:(?:[01]\d|2[0-3])(?:[0-5]\d(?:[0-5]\d(?:\.\d{1,6})?)?)?)?\s*(?:\[\s*[+-]?\d{1,2}(?:[.:]\d{1,2})?\s*(?::\s*[A-Za-z]{1,10})?\s*\])?$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    internal static partial Regex SuffixPattern();
}

/// <summary>Small helpers on spans of characters.</summary>
internal static class SpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => span.IndexOfAnyExceptInRange('0', '9') < 0;
}

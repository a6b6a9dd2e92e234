using System.Text.RegularExpressions;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>What <see cref="OfxDate.Parse(ReadOnlySpan{char}, out NodaTime.LocalDate)"/> made of a date field.</summary>
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
    public static OfxDateStatus Parse(string? raw, out LocalDate date) => Parse(raw.AsSpan(), out date);

    /// <summary>Parses a date from a span of text, without allocating.</summary>
    public static OfxDateStatus Parse(ReadOnlySpan<char> raw, out LocalDate date)
    {
        date = default;
        var text = raw.Trim();
        if (text.Length < 8 || !text[..8].ContainsOnlyDigits())
        {
            return OfxDateStatus.Invalid;
        }

        if (text[..8].IndexOfAnyExcept('0') < 0)
        {
            return OfxDateStatus.Zero;
        }

        // Eight ASCII digits (checked above).
        var year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
        var month = ((text[4] - '0') * 10) + (text[5] - '0');
        var day = ((text[6] - '0') * 10) + (text[7] - '0');
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return OfxDateStatus.Invalid;
        }

        date = new LocalDate(year, month, day);
        var suffix = text[8..];
        return IsCommonSuffix(suffix) || SuffixPattern().IsMatch(suffix) ? OfxDateStatus.Valid : OfxDateStatus.ValidWithOddSuffix;
    }

    /// <summary>The suffixes nearly every bank writes, checked without the regular expression: nothing, or <c>HHMMSS</c>
    /// (hours 00–23, minutes and seconds 00–59) optionally followed by <c>[-3:BRT]</c>-style offsets of one sign, one or two
    /// digits, a colon and three upper-case letters. Anything else goes to <see cref="SuffixPattern"/>.</summary>
    private static bool IsCommonSuffix(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return true;
        }

        if (s.Length < 6 || !s[..6].ContainsOnlyDigits() || s[0] > '2' || (s[0] == '2' && s[1] > '3') || s[2] > '5' || s[4] > '5')
        {
            return false;
        }

        var offset = s[6..];
        if (offset.IsEmpty)
        {
            return true;
        }

        // [-3:BRT] or [-03:BRT]
        return offset.Length is 8 or 9 && offset[0] == '[' && offset[1] is '-' or '+' && offset[^1] == ']'
            && offset[2..^5].ContainsOnlyDigits() && offset[^5] == ':' && offset[^4..^1].IndexOfAnyExceptInRange('A', 'Z') < 0;
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

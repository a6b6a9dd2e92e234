using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace Kolek.Dunning.Ruler;

/// <summary>A daily interval in which messages may be sent, written <c>"HH:mm-HH:mm"</c> in local time.</summary>
/// <remarks>
/// The window opens at <see cref="Start"/> (inclusive) and lasts <see cref="LengthMinutes"/>. An end at or before the start
/// crosses midnight (<c>"22:00-02:00"</c> closes at 02:00 the next day); <c>"24:00"</c> as an end means midnight.
/// A window of zero length is invalid. This type is immutable and thread-safe.
/// </remarks>
public readonly record struct SendWindow
{
    private const int MinutesPerDay = 24 * 60;

    /// <summary>Creates a window opening at <paramref name="start"/> and lasting <paramref name="lengthMinutes"/>.</summary>
    /// <param name="start">The local opening time (inclusive).</param>
    /// <param name="lengthMinutes">The length, from 1 to 1440 minutes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthMinutes"/> is outside 1–1440.</exception>
    public SendWindow(LocalTime start, int lengthMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lengthMinutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lengthMinutes, MinutesPerDay);
        Start = start;
        LengthMinutes = lengthMinutes;
    }

    /// <summary>The local opening time (inclusive).</summary>
    public LocalTime Start { get; }

    /// <summary>How long the window stays open, in minutes (1–1440).</summary>
    public int LengthMinutes { get; }

    /// <summary>The local closing time (exclusive); on the next day when <see cref="CrossesMidnight"/>.</summary>
    public LocalTime End => Start.PlusMinutes(LengthMinutes);

    /// <summary>Whether the window closes on the day after it opens.</summary>
    public bool CrossesMidnight => (Start.TickOfDay / NodaConstants.TicksPerMinute) + LengthMinutes > MinutesPerDay;

    /// <summary>Parses <c>"HH:mm-HH:mm"</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The window.</returns>
    /// <exception cref="FormatException">The text is not a valid window.</exception>
    public static SendWindow Parse(string text) =>
        TryParse(text, out var window) ? window : throw new FormatException($"'{text}' is not a send window; expected \"HH:mm-HH:mm\", e.g. \"08:00-20:00\".");

    /// <summary>Tries to parse <c>"HH:mm-HH:mm"</c> (24-hour clock; <c>"24:00"</c> allowed as the end).</summary>
    /// <param name="text">The text.</param>
    /// <param name="window">The window, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid window.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out SendWindow window)
    {
        window = default;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || !TryMinutes(parts[0], false, out var start) || !TryMinutes(parts[1], true, out var end))
        {
            return false;
        }

        var length = end > start ? end - start : end + MinutesPerDay - start;
        if (end == start || length > MinutesPerDay)
        {
            return false;
        }

        window = new SendWindow(LocalTime.FromMinutesSinceMidnight(start), length);
        return true;
    }

    /// <summary>Whether <paramref name="time"/> on the opening day falls in the window.</summary>
    /// <param name="time">A local time of the day the window opens.</param>
    /// <returns><see langword="true"/> when the window is open at that time.</returns>
    public bool Contains(LocalTime time) => time >= Start && MinutesOf(time) < MinutesOf(Start) + LengthMinutes;

    /// <summary>Whether <paramref name="time"/> on the day after the opening day still falls in a window that crosses midnight.</summary>
    /// <param name="time">A local time of the next day.</param>
    /// <returns><see langword="true"/> when the window is still open at that time.</returns>
    public bool ContainsNextDay(LocalTime time) => MinutesOf(time) + MinutesPerDay < MinutesOf(Start) + LengthMinutes;

    /// <summary>The window as <c>"HH:mm-HH:mm"</c> (the end of a window closing at midnight is written <c>"24:00"</c>).</summary>
    /// <returns>The text form, which <see cref="Parse"/> reads back.</returns>
    public override string ToString()
    {
        var endMinutes = (MinutesOf(Start) + LengthMinutes) % MinutesPerDay;
        var end = endMinutes == 0 && !CrossesMidnight ? "24:00" : LocalTime.FromMinutesSinceMidnight(endMinutes).ToString("HH:mm", CultureInfo.InvariantCulture);
        return Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + end;
    }

    private static int MinutesOf(LocalTime time) => (int)(time.TickOfDay / NodaConstants.TicksPerMinute);

    private static bool TryMinutes(string text, bool allow24, out int minutes)
    {
        minutes = 0;
        var t = text.Trim();
        if (t.Length != 5 || t[2] != ':'
            || !int.TryParse(t.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(t.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m > 59)
        {
            return false;
        }

        if (h == 24 && m == 0 && allow24)
        {
            minutes = MinutesPerDay;
            return true;
        }

        minutes = (h * 60) + m;
        return h < 24;
    }
}

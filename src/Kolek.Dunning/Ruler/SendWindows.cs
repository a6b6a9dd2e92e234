using Kolek.Dunning.Calendar;
using NodaTime;

namespace Kolek.Dunning.Ruler;

/// <summary>The send windows of a ruler, per kind of day; a <see langword="null"/> window means no sending that day.</summary>
/// <remarks>
/// A holiday of the calendar uses <see cref="Holidays"/> whatever its day of the week. Windows are resolved in the
/// customer's time zone. Instances are immutable and thread-safe.
/// </remarks>
public sealed record SendWindows
{
    /// <summary>The defaults: weekdays 08:00–20:00, Saturday 09:00–14:00, no sending on Sundays and holidays.</summary>
    public static SendWindows Default { get; } = new();

    /// <summary>The window of Monday to Friday.</summary>
    /// <value>The default value is 08:00–20:00.</value>
    public SendWindow? Weekdays { get; init; } = SendWindow.Parse("08:00-20:00");

    /// <summary>The window of Saturdays.</summary>
    /// <value>The default value is 09:00–14:00.</value>
    public SendWindow? Saturday { get; init; } = SendWindow.Parse("09:00-14:00");

    /// <summary>The window of Sundays.</summary>
    /// <value>The default value is <see langword="null"/> (no sending).</value>
    public SendWindow? Sunday { get; init; }

    /// <summary>The window of holidays of the calendar.</summary>
    /// <value>The default value is <see langword="null"/> (no sending).</value>
    public SendWindow? Holidays { get; init; }

    /// <summary>Whether at least one kind of day allows sending.</summary>
    public bool AnyOpen => Weekdays is not null || Saturday is not null || Sunday is not null || Holidays is not null;

    /// <summary>The window of <paramref name="date"/>.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="calendar">The calendar that says which dates are holidays.</param>
    /// <returns>The window, or <see langword="null"/> when nothing may be sent that day.</returns>
    public SendWindow? For(LocalDate date, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.IsHoliday(date))
        {
            return Holidays;
        }

        return date.DayOfWeek switch
        {
            IsoDayOfWeek.Saturday => Saturday,
            IsoDayOfWeek.Sunday => Sunday,
            _ => Weekdays,
        };
    }

    /// <summary>Whether sending is allowed at <paramref name="local"/> (in that day's window, or the previous day's window crossing midnight).</summary>
    /// <param name="local">The local date and time in the customer's zone.</param>
    /// <param name="calendar">The calendar that says which dates are holidays.</param>
    /// <returns><see langword="true"/> when a window is open.</returns>
    public bool IsOpen(LocalDateTime local, BusinessCalendar calendar)
    {
        var today = For(local.Date, calendar);
        if (today is { } t && t.Contains(local.TimeOfDay))
        {
            return true;
        }

        return For(local.Date.PlusDays(-1), calendar) is { } y && y.ContainsNextDay(local.TimeOfDay);
    }
}

using Kolek.Dunning.Calendar;
using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Tests.Ruler;

public sealed class SendWindowTests
{
    [Theory]
    [InlineData("08:00-20:00", 8, 0, 720, false)]
    [InlineData("22:00-02:00", 22, 0, 240, true)]
    [InlineData("00:00-24:00", 0, 0, 1440, false)]
    [InlineData("09:30-14:15", 9, 30, 285, false)]
    public void TryParse_ValidText_StartAndLength(string text, int hour, int minute, int length, bool crosses)
    {
        Assert.True(SendWindow.TryParse(text, out var window));
        Assert.Equal(new LocalTime(hour, minute), window.Start);
        Assert.Equal(length, window.LengthMinutes);
        Assert.Equal(crosses, window.CrossesMidnight);
        Assert.Equal(text, window.ToString());
    }

    [Theory]
    [InlineData("8-20")]
    [InlineData("08:00")]
    [InlineData("08:00-08:00")]
    [InlineData("25:00-26:00")]
    [InlineData("08:60-09:00")]
    [InlineData("24:00-08:00")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_InvalidText_False(string? text) => Assert.False(SendWindow.TryParse(text, out _));

    [Fact]
    public void IsOpen_WindowCrossingMidnight_OpenUntilItsEndTheNextDay()
    {
        var windows = new SendWindows { Weekdays = SendWindow.Parse("22:00-02:00"), Saturday = null };
        var calendar = BusinessCalendar.Brazil;
        Assert.True(windows.IsOpen(new LocalDateTime(2026, 12, 7, 23, 0), calendar));   // Monday 23:00
        Assert.True(windows.IsOpen(new LocalDateTime(2026, 12, 8, 1, 59), calendar));   // Tuesday 01:59, Monday's window
        Assert.False(windows.IsOpen(new LocalDateTime(2026, 12, 8, 2, 0), calendar));   // closed at 02:00
        Assert.False(windows.IsOpen(new LocalDateTime(2026, 12, 7, 1, 0), calendar));   // Sunday had no window
        Assert.False(windows.IsOpen(new LocalDateTime(2026, 12, 8, 21, 59), calendar));
    }

    [Fact]
    public void For_HolidayOnAWeekday_UsesTheHolidayWindow()
    {
        var windows = SendWindows.Default with { Holidays = SendWindow.Parse("10:00-12:00") };
        Assert.Equal(SendWindow.Parse("10:00-12:00"), windows.For(new LocalDate(2026, 11, 20), BusinessCalendar.Brazil));
        Assert.Null(SendWindows.Default.For(new LocalDate(2026, 11, 20), BusinessCalendar.Brazil));
        Assert.Equal(SendWindow.Parse("09:00-14:00"), SendWindows.Default.For(new LocalDate(2026, 12, 5), BusinessCalendar.Brazil));
    }
}

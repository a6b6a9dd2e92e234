using Kolek.Dunning.Calendar;
using NodaTime;

namespace Kolek.Dunning.Tests.Calendar;

public sealed class BrazilianHolidaysTests
{
    // Easter Sunday 2020–2035 (Western churches), from the published tables.
    [Theory]
    [InlineData(2020, 4, 12)]
    [InlineData(2021, 4, 4)]
    [InlineData(2022, 4, 17)]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    [InlineData(2031, 4, 13)]
    [InlineData(2032, 3, 28)]
    [InlineData(2033, 4, 17)]
    [InlineData(2034, 4, 9)]
    [InlineData(2035, 3, 25)]
    public void Easter_KnownYears_MatchesPublishedTable(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), BrazilianHolidays.Easter(year));

    [Theory]
    // ANBIMA, "Feriados nacionais" (www.anbima.com.br/feriados), transcribed for 2020–2035: the national holidays on which
    // the financial system does not work, weekend dates included (ANBIMA lists them too). 20 November (Lei 14.759/2023) from 2024.
    [InlineData(2020, "2020-01-01 2020-02-24 2020-02-25 2020-04-10 2020-04-21 2020-05-01 2020-06-11 2020-09-07 2020-10-12 2020-11-02 2020-11-15 2020-12-25")]
    [InlineData(2021, "2021-01-01 2021-02-15 2021-02-16 2021-04-02 2021-04-21 2021-05-01 2021-06-03 2021-09-07 2021-10-12 2021-11-02 2021-11-15 2021-12-25")]
    [InlineData(2022, "2022-01-01 2022-02-28 2022-03-01 2022-04-15 2022-04-21 2022-05-01 2022-06-16 2022-09-07 2022-10-12 2022-11-02 2022-11-15 2022-12-25")]
    [InlineData(2023, "2023-01-01 2023-02-20 2023-02-21 2023-04-07 2023-04-21 2023-05-01 2023-06-08 2023-09-07 2023-10-12 2023-11-02 2023-11-15 2023-12-25")]
    [InlineData(2024, "2024-01-01 2024-02-12 2024-02-13 2024-03-29 2024-04-21 2024-05-01 2024-05-30 2024-09-07 2024-10-12 2024-11-02 2024-11-15 2024-11-20 2024-12-25")]
    [InlineData(2025, "2025-01-01 2025-03-03 2025-03-04 2025-04-18 2025-04-21 2025-05-01 2025-06-19 2025-09-07 2025-10-12 2025-11-02 2025-11-15 2025-11-20 2025-12-25")]
    [InlineData(2026, "2026-01-01 2026-02-16 2026-02-17 2026-04-03 2026-04-21 2026-05-01 2026-06-04 2026-09-07 2026-10-12 2026-11-02 2026-11-15 2026-11-20 2026-12-25")]
    [InlineData(2027, "2027-01-01 2027-02-08 2027-02-09 2027-03-26 2027-04-21 2027-05-01 2027-05-27 2027-09-07 2027-10-12 2027-11-02 2027-11-15 2027-11-20 2027-12-25")]
    [InlineData(2028, "2028-01-01 2028-02-28 2028-02-29 2028-04-14 2028-04-21 2028-05-01 2028-06-15 2028-09-07 2028-10-12 2028-11-02 2028-11-15 2028-11-20 2028-12-25")]
    [InlineData(2029, "2029-01-01 2029-02-12 2029-02-13 2029-03-30 2029-04-21 2029-05-01 2029-05-31 2029-09-07 2029-10-12 2029-11-02 2029-11-15 2029-11-20 2029-12-25")]
    [InlineData(2030, "2030-01-01 2030-03-04 2030-03-05 2030-04-19 2030-04-21 2030-05-01 2030-06-20 2030-09-07 2030-10-12 2030-11-02 2030-11-15 2030-11-20 2030-12-25")]
    [InlineData(2031, "2031-01-01 2031-02-24 2031-02-25 2031-04-11 2031-04-21 2031-05-01 2031-06-12 2031-09-07 2031-10-12 2031-11-02 2031-11-15 2031-11-20 2031-12-25")]
    [InlineData(2032, "2032-01-01 2032-02-09 2032-02-10 2032-03-26 2032-04-21 2032-05-01 2032-05-27 2032-09-07 2032-10-12 2032-11-02 2032-11-15 2032-11-20 2032-12-25")]
    [InlineData(2033, "2033-01-01 2033-02-28 2033-03-01 2033-04-15 2033-04-21 2033-05-01 2033-06-16 2033-09-07 2033-10-12 2033-11-02 2033-11-15 2033-11-20 2033-12-25")]
    [InlineData(2034, "2034-01-01 2034-02-20 2034-02-21 2034-04-07 2034-04-21 2034-05-01 2034-06-08 2034-09-07 2034-10-12 2034-11-02 2034-11-15 2034-11-20 2034-12-25")]
    [InlineData(2035, "2035-01-01 2035-02-05 2035-02-06 2035-03-23 2035-04-21 2035-05-01 2035-05-24 2035-09-07 2035-10-12 2035-11-02 2035-11-15 2035-11-20 2035-12-25")]
    public void National_AnbimaYears_MatchesPublishedList(int year, string expected)
    {
        var dates = BusinessCalendar.Brazil.HolidaysIn(year).Select(h => h.Date.ToString("uuuu-MM-dd", null));
        Assert.Equal(expected.Split(' '), dates);
    }

    [Fact]
    public void National_Before2024_HasNoConscienciaNegra()
    {
        var dates = BrazilianHolidays.National(2023).Select(h => h.Date).ToList();
        Assert.Equal(12, dates.Count);
        Assert.DoesNotContain(new LocalDate(2023, 11, 20), dates);
    }

    [Fact]
    public void BrazilBanking_December31_IsNotABusinessDayButAnbimaCalendarKeepsIt()
    {
        var eve = new LocalDate(2025, 12, 31);
        Assert.True(BusinessCalendar.Brazil.IsBusinessDay(eve));
        Assert.False(BusinessCalendar.BrazilBanking.IsBusinessDay(eve));
        Assert.Equal(new LocalDate(2026, 1, 2), BusinessCalendar.BrazilBanking.NextBusinessDay(eve));
    }

    /// <summary>Found by a user trial: the bank closing is the last business day of the year, not always 31 December.
    /// In 2023 (31 December a Sunday) banks closed on Friday 29, and boletos due that day were payable on 2 January
    /// without charges (FEBRABAN); 2022 closed on Friday 30.</summary>
    [Theory]
    [InlineData(2022, 12, 30)]
    [InlineData(2023, 12, 29)]
    [InlineData(2025, 12, 31)]
    [InlineData(2028, 12, 29)]
    [InlineData(2033, 12, 30)]
    public void BankOnly_IsTheLastWeekdayOfTheYear(int year, int month, int day)
    {
        var closing = new LocalDate(year, month, day);

        Assert.Equal([closing], BrazilianHolidays.BankOnly(year).Select(h => h.Date));
        Assert.False(BusinessCalendar.BrazilBanking.IsBusinessDay(closing));
        Assert.Equal(new LocalDate(year + 1, 1, 2), BusinessCalendar.BrazilBanking.NextBusinessDay(closing));
    }

    [Fact]
    public void Easter_YearBeforeGregorianTables_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BrazilianHolidays.Easter(1500));
}

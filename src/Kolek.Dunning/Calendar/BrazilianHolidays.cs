using NodaTime;

namespace Kolek.Dunning.Calendar;

/// <summary>The Brazilian national and bank holidays, computed for any year.</summary>
/// <remarks>
/// The national list is the one ANBIMA publishes for the financial market (feriados nacionais): 1 Jan, Carnival Monday
/// and Tuesday (Easter − 48 and − 47), Good Friday (Easter − 2), Tiradentes (21 Apr), Labour Day (1 May),
/// Corpus Christi (Easter + 60), Independence (7 Sep), Nossa Senhora Aparecida (12 Oct), Finados (2 Nov),
/// Proclamação da República (15 Nov), Consciência Negra (20 Nov, national since 2024, Lei 14.759/2023) and Christmas.
/// Holidays falling on a weekend are still listed, as ANBIMA does. State and municipal holidays are not included:
/// add them with <see cref="BusinessCalendar.WithHolidays(IEnumerable{Holiday})"/>.
/// </remarks>
public static class BrazilianHolidays
{
    /// <summary>The first year in which 20 November (Dia Nacional de Zumbi e da Consciência Negra) is a national holiday.</summary>
    public const int ConscienciaNegraSince = 2024;

    /// <summary>Easter Sunday of the Gregorian calendar (anonymous Gregorian / Meeus–Jones–Butcher algorithm).</summary>
    /// <param name="year">A Gregorian year from 1583 to 9999.</param>
    /// <returns>The date of Easter Sunday in <paramref name="year"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1583–9999.</exception>
    public static LocalDate Easter(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>The national holidays of <paramref name="year"/>, in date order.</summary>
    /// <param name="year">A Gregorian year from 1583 to 9999.</param>
    /// <returns>The holidays, weekend ones included.</returns>
    public static IReadOnlyList<Holiday> National(int year)
    {
        var easter = Easter(year);
        var list = new List<Holiday>
        {
            new(new LocalDate(year, 1, 1), "Confraternização Universal"),
            new(easter.PlusDays(-48), "Carnaval"),
            new(easter.PlusDays(-47), "Carnaval"),
            new(easter.PlusDays(-2), "Paixão de Cristo"),
            new(new LocalDate(year, 4, 21), "Tiradentes"),
            new(new LocalDate(year, 5, 1), "Dia do Trabalho"),
            new(easter.PlusDays(60), "Corpus Christi"),
            new(new LocalDate(year, 9, 7), "Independência do Brasil"),
            new(new LocalDate(year, 10, 12), "Nossa Senhora Aparecida"),
            new(new LocalDate(year, 11, 2), "Finados"),
            new(new LocalDate(year, 11, 15), "Proclamação da República"),
        };
        if (year >= ConscienciaNegraSince)
        {
            list.Add(new(new LocalDate(year, 11, 20), "Dia Nacional de Zumbi e da Consciência Negra"));
        }

        list.Add(new(new LocalDate(year, 12, 25), "Natal"));
        list.Sort((x, y) => x.Date.CompareTo(y.Date));
        return list;
    }

    /// <summary>The last business day of the year (31 December, or the Friday before it when it falls on a weekend), on which
    /// banks open no branch service and boletos due that day are payable on the next business day.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The single bank non-business day at the end of <paramref name="year"/>.</returns>
    /// <remarks>
    /// ANBIMA does not list it (interbank settlement runs), but FEBRABAN closes branches to the public on the last business
    /// day of the year and lets boletos and bills due that day be paid on the next business day without charges (in 2023,
    /// with 31 December a Sunday, that was Friday 29 December). Kolek therefore treats it as a non-business day in
    /// <see cref="BusinessCalendar.BrazilBanking"/>, the calendar the due-date shift (Lei 7.089/83) uses by default.
    /// No national holiday falls on 29–31 December, so the last weekday is the last business day.
    /// </remarks>
    public static IReadOnlyList<Holiday> BankOnly(int year)
    {
        var date = new LocalDate(year, 12, 31);
        while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            date = date.PlusDays(-1);
        }

        return [new(date, "Último dia útil do ano (sem expediente bancário)")];
    }
}

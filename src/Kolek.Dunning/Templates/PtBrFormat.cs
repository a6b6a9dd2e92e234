using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Dunning.Templates;

/// <summary>Formats values the way Brazilian customers read them in messages: money, dates, CNPJ.</summary>
/// <remarks>
/// Written by hand rather than with the pt-BR <see cref="CultureInfo"/>: .NET's pt-BR currency format puts a
/// non-breaking space (U+00A0) after <c>R$</c>, which breaks plain-text e-mail in some clients, forces SMS into UCS-2
/// (70 characters per part) and differs between ICU versions. These helpers give the same text on every machine.
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
public static class PtBrFormat
{
    private static readonly LocalDatePattern s_datePattern = LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy");

    /// <summary>Formats an amount in reais: <c>R$ 1.234,56</c>, with a plain space, dot thousands separators and a decimal comma.</summary>
    /// <param name="amount">The amount; rounded to the cent, half away from zero, if it has more decimals.</param>
    /// <returns>For example <c>R$ 0,05</c>, <c>R$ 1.000.000,00</c>, <c>-R$ 1.234,56</c> for a negative amount (a credit).</returns>
    public static string Money(decimal amount)
    {
        var cents = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(cents).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var brazilian = digits.Replace(',', '_').Replace('.', ',').Replace('_', '.');
        return (cents < 0 ? "-R$ " : "R$ ") + brazilian;
    }

    /// <summary>Formats a date as <c>dd/MM/yyyy</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>For example <c>05/01/2026</c>.</returns>
    public static string Date(LocalDate date) => s_datePattern.Format(date);

    /// <summary>Formats a CNPJ with its mask: <c>11.222.333/0001-81</c> (also for the alphanumeric CNPJs issued from July 2026).</summary>
    /// <param name="cnpj">14 characters, with or without the mask.</param>
    /// <returns>The masked CNPJ.</returns>
    /// <exception cref="ArgumentException"><paramref name="cnpj"/> does not have 14 characters once the mask is removed.</exception>
    public static string Cnpj(string cnpj)
    {
        var bare = CnpjNumber.StripMask(cnpj);
        if (bare.Length != 14)
        {
            throw new ArgumentException($"'{cnpj}' does not have the 14 characters of a CNPJ.", nameof(cnpj));
        }

        return $"{bare[..2]}.{bare[2..5]}.{bare[5..8]}/{bare[8..12]}-{bare[12..]}";
    }

    /// <summary>Writes a number of days in words the way a message reads it: <c>1 dia</c>, <c>5 dias</c>.</summary>
    /// <param name="days">The number of days.</param>
    /// <returns>The number followed by <c>dia</c> or <c>dias</c>.</returns>
    public static string Days(int days) =>
        days.ToString(CultureInfo.InvariantCulture) + (Math.Abs(days) == 1 ? " dia" : " dias");
}

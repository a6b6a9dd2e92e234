using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>The canonical text of the parts of a transaction's natural key, so that ids do not depend on how a file writes them.</summary>
internal static class NaturalKey
{
    /// <summary>The amount invariantly with at least two decimals: <c>-33.3</c>, <c>-33,30</c> and <c>-33.300</c> agree.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00##########################", CultureInfo.InvariantCulture);

    /// <summary>The date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>An identifier reduced to upper-case ASCII letters and digits without leading zeros (<c>001</c> = <c>1</c>, <c>455000-5</c> = <c>4550005</c>).</summary>
    public static string Code(string? value) =>
        value is null ? string.Empty : string.Concat(value.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant().TrimStart('0');
}

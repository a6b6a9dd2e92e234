using System.Globalization;
using System.Text;

namespace Kolek.Dunning.Internal;

/// <summary>
/// Readable <c>ToString</c>s of the result records whose members are lists (a record's own <c>ToString</c> prints a
/// list's type name): counts per bucket, e.g. <c>DunningPlan { Due = 2, Skipped = 3 (ChargePaid 2, OptedOut 1) }</c>.
/// </summary>
internal static class ResultText
{
    /// <summary>Writes <c>Name { a = 1, b = 2 }</c> from the members given in order.</summary>
    public static string Record(string name, params (string Member, string Value)[] members)
    {
        var text = new StringBuilder(name).Append(" { ");
        for (var i = 0; i < members.Length; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(members[i].Member).Append(" = ").Append(members[i].Value);
        }

        return text.Append(" }").ToString();
    }

    /// <summary>A count, followed by the counts per key in parentheses when there is more than nothing, keys in ordinal order.</summary>
    public static string Counts<T>(IEnumerable<T> keys)
        where T : notnull =>
        Counts(keys.GroupBy(k => k).Select(g => new KeyValuePair<T, long>(g.Key, g.LongCount())));

    /// <summary>The total of the counts, followed by the counts per key in parentheses when the total is not zero.</summary>
    public static string Counts<T>(IEnumerable<KeyValuePair<T, long>> counts)
        where T : notnull
    {
        var parts = counts.Where(c => c.Value != 0)
            .Select(c => (Key: Convert.ToString(c.Key, CultureInfo.InvariantCulture) ?? "", c.Value))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var total = parts.Sum(p => p.Value);
        return total == 0
            ? "0"
            : string.Create(CultureInfo.InvariantCulture, $"{total} ({string.Join(", ", parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")))})");
    }

    /// <summary>A list of names as <c>[a, b]</c>.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    /// <summary>A decimal, culture-invariant (as written: <c>250.50</c>, <c>1000</c>).</summary>
    public static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date in ISO form (<c>2026-11-10</c>).</summary>
    public static string Date(NodaTime.LocalDate value) => NodaTime.Text.LocalDatePattern.Iso.Format(value);

    /// <summary>A boolean as C# prints it (<c>True</c>, <c>False</c>).</summary>
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>An integer, culture-invariant.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An instant in ISO-8601 UTC, or <c>null</c>.</summary>
    public static string Instant(NodaTime.Instant? value) =>
        value is { } v ? NodaTime.Text.InstantPattern.General.Format(v) : "null";
}

using System.Globalization;
using System.Text;

namespace Kolek.Reconciliation.Identifiers.Internal;

/// <summary>The EMV MPM "ID, length, value" encoding of the BR Code: a 2-digit id, a 2-digit length in characters, the value.</summary>
internal static class EmvTlv
{
    /// <summary>Splits <paramref name="text"/> into its fields, in order; null with a reason when it is not well formed.</summary>
    public static List<(string Id, string Value)>? Split(string text, out string? error)
    {
        var fields = new List<(string, string)>();
        var position = 0;
        while (position < text.Length)
        {
            if (position + 4 > text.Length
                || !Modulo.AllDigits(text.AsSpan(position, 2))
                || !Modulo.AllDigits(text.AsSpan(position + 2, 2)))
            {
                error = $"no 2-digit id and 2-digit length at character {position + 1}";
                return null;
            }

            var id = text.Substring(position, 2);
            var length = int.Parse(text.AsSpan(position + 2, 2), CultureInfo.InvariantCulture);
            if (position + 4 + length > text.Length)
            {
                error = $"field {id} at character {position + 1} states {length} characters but only {text.Length - position - 4} remain";
                return null;
            }

            fields.Add((id, text.Substring(position + 4, length)));
            position += 4 + length;
        }

        error = null;
        return fields;
    }

    /// <summary>Appends one field; the value must be 1–99 characters.</summary>
    public static StringBuilder Append(StringBuilder builder, string id, string value) =>
        builder.Append(id).Append(value.Length.ToString("D2", CultureInfo.InvariantCulture)).Append(value);
}

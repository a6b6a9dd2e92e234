using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Cli.Output;

/// <summary>Writes the CLI's JSON contract by hand, so names, nulls and money (exact decimals) are exactly as documented.</summary>
public static class JsonOut
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds a JSON document with <paramref name="write"/> and returns it as a string.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a JSON document with <paramref name="write"/> straight to <paramref name="output"/>, for documents too big
    /// to hold: <paramref name="write"/> calls the flush action it is given from time to time to pass what it wrote on.</summary>
    public static void WriteTo(TextWriter output, Action<Utf8JsonWriter, Action> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            void Flush()
            {
                writer.Flush();
                output.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
                stream.SetLength(0);
            }

            write(writer, Flush);
            Flush();
        }

        output.WriteLine();
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>, or null.</summary>
    public static void Date(this Utf8JsonWriter w, string name, LocalDate? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, LocalDatePattern.Iso.Format(d));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes an instant as ISO-8601 UTC with <c>Z</c>, or null.</summary>
    public static void Instant(this Utf8JsonWriter w, string name, Instant? instant)
    {
        if (instant is { } i)
        {
            w.WriteString(name, InstantPattern.General.Format(i));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes an array of objects, one per item, each filled by <paramref name="write"/>.</summary>
    public static void Objects<T>(this Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            write(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes an amount exactly from its decimal, or null.</summary>
    public static void Money(this Utf8JsonWriter w, string name, decimal? amount)
    {
        if (amount is { } a)
        {
            w.WriteNumber(name, a);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes a string, or null.</summary>
    public static void Text(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>Writes an array of strings.</summary>
    public static void Strings(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}

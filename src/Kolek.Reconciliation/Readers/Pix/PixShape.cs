using System.Text.Json;

namespace Kolek.Reconciliation.Readers.Pix;

/// <summary>What the pass ahead learns of a PIX document: whether it is valid JSON, whether it is a root object with one
/// <c>pix</c> or <c>cobs</c> array to stream (and that array's length), its other root properties (raw, small) and the
/// lines of their objects.</summary>
internal sealed class PixShape
{
    private readonly List<(string Name, byte[] Value)> _properties = [];

    /// <summary><c>pix</c> or <c>cobs</c>: the one root array to stream; null for a document to read whole.</summary>
    public string? ArrayName { get; private set; }

    /// <summary>The streamed array's length.</summary>
    public int Count { get; private set; }

    /// <summary>The line of every object outside the streamed array, by path, as <see cref="JsonLineMap"/> gives them.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the whole document; null, with <c>pix.json.invalid</c> in <paramref name="context"/>, when it is not valid JSON.</summary>
    public static PixShape? Scan(Stream body, int chunkSize, JsonReaderOptions options, PixReadContext context)
    {
        var shape = new PixShape();
        var cursor = new JsonCursor(body, chunkSize, options);
        try
        {
            shape.Read(cursor, options);
            while (cursor.Read())
            {
            }
        }
        catch (JsonException e)
        {
            PixReader.ReportInvalidJson(e, context);
            return null;
        }

        return shape;
    }

    /// <summary>The root object without the streamed array: the properties that the document-level rules read.</summary>
    public JsonDocument Skeleton(JsonDocumentOptions options)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _properties)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(value, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options);
    }

    private void Read(JsonCursor cursor, JsonReaderOptions options)
    {
        if (!cursor.Read() || cursor.TokenType != JsonTokenType.StartObject)
        {
            cursor.SkipValue();
            return;
        }

        Lines.TryAdd("$", cursor.Line);
        var arrays = new List<string>();
        var streamable = true;
        while (cursor.Read() && cursor.Depth == 1 && cursor.TokenType == JsonTokenType.PropertyName)
        {
            var name = cursor.PropertyName!;
            cursor.Read();
            if (name is "pix" or "cobs" && cursor.TokenType == JsonTokenType.StartArray)
            {
                arrays.Add(name);
                var count = 0;
                while (cursor.Read() && cursor.Depth == 2)
                {
                    count++;
                    cursor.SkipValue();
                }

                Count = count;
                continue;
            }

            streamable &= name is not ("pix" or "cobs");
            var line = cursor.Line;
            cursor.Pin();
            cursor.SkipValue();
            var value = cursor.TakePinned().ToArray();
            JsonLineMap.Build(value, options, "$." + name, line, Lines);
            _properties.Add((name, value));
        }

        ArrayName = streamable && arrays.Count == 1 ? arrays[0] : null;
    }
}

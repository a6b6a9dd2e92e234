using System.Globalization;
using System.Text.Json;

namespace Kolek.Reconciliation.Readers.Pix;

/// <summary>The 1-based line of every JSON object in a document, by its path (<c>$</c>, <c>$.pix[0]</c>, <c>$.cobs[1].pix[0]</c>).</summary>
/// <remarks><see cref="JsonDocument"/> keeps no positions, so a forward-only pass with <see cref="Utf8JsonReader"/> records
/// them; only called on content that <see cref="JsonDocument"/> already parsed.</remarks>
internal static class JsonLineMap
{
    /// <summary>The lines of the objects in <paramref name="utf8"/>, one JSON value whose path is <paramref name="root"/> and
    /// which starts on line <paramref name="firstLine"/>; a path already in <paramref name="lines"/> keeps its line.</summary>
    public static Dictionary<string, int> Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options, string root = "$", int firstLine = 1,
        Dictionary<string, int>? lines = null)
    {
        lines ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new Stack<Frame>();
        var reader = new Utf8JsonReader(utf8, options);
        string? property = null;
        var line = firstLine;
        long counted = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = ChildPath(frames, property, root);
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        line += utf8[(int)counted..(int)reader.TokenStartIndex].Count((byte)'\n');
                        counted = reader.TokenStartIndex;
                        lines.TryAdd(path, line);
                    }

                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    if (frames.TryPeek(out var parent) && parent.IsArray)
                    {
                        parent.Index++;
                    }

                    break;
            }
        }

        return lines;
    }

    /// <summary>The path of the next value inside the innermost container (and advances an array's index).</summary>
    private static string ChildPath(Stack<Frame> frames, string? property, string root)
    {
        if (!frames.TryPeek(out var parent))
        {
            return root;
        }

        if (parent.IsArray)
        {
            return $"{parent.Path}[{(parent.Index++).ToString(CultureInfo.InvariantCulture)}]";
        }

        return $"{parent.Path}.{property}";
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }
    }
}

using System.Text.Json;

namespace Kolek.Reconciliation.Readers.Pix;

/// <summary>A forward-only JSON token reader over a stream: a <see cref="Utf8JsonReader"/> over a buffer that refills from
/// the stream, keeping the line of every token and, on request, the raw bytes of one value.</summary>
/// <remarks>The buffer holds the unread bytes and, while a value is pinned (<see cref="Pin"/>), that value's bytes: it grows
/// only to the largest pinned value (one array element) or token. Throws <see cref="JsonException"/> on malformed JSON,
/// with the line and position in the whole stream.</remarks>
internal sealed class JsonCursor(Stream input, int chunkSize, JsonReaderOptions options)
{
    private byte[] _buffer = new byte[Math.Max(chunkSize, 4096)];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(options);
    private int _line = 1;
    private int _lineAt;
    private int _tokenStart;
    private int _pin = -1;

    /// <summary>The current token.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>The current token's depth (the root value is 0; a root object's properties and their values are 1).</summary>
    public int Depth { get; private set; }

    /// <summary>The 1-based line where the current token starts.</summary>
    public int Line { get; private set; }

    /// <summary>The property name, when the current token is one.</summary>
    public string? PropertyName { get; private set; }

    /// <summary>The string, when the current token is one.</summary>
    public string? String { get; private set; }

    /// <summary>Reads the next token; false at the end of the stream.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            var read = reader.Read();
            if (read)
            {
                _tokenStart = _start + (int)reader.TokenStartIndex;
                _line += _buffer.AsSpan(_lineAt, _tokenStart - _lineAt).Count((byte)'\n');
                _lineAt = _tokenStart;
                TokenType = reader.TokenType;
                Depth = reader.CurrentDepth;
                Line = _line;
                PropertyName = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                String = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (read)
            {
                return true;
            }

            if (_final)
            {
                return false;
            }

            Refill();
        }
    }

    /// <summary>Keeps the bytes from the current token's start in the buffer, until <see cref="TakePinned"/>.</summary>
    public void Pin() => _pin = _tokenStart;

    /// <summary>The bytes from the pinned token's start to the current token's end (a whole value once its end has been read); unpins.</summary>
    /// <remarks>Valid until the next <see cref="Read"/>.</remarks>
    public ReadOnlyMemory<byte> TakePinned()
    {
        var value = _buffer.AsMemory(_pin, _start - _pin);
        _pin = -1;
        return value;
    }

    /// <summary>Reads on to the end of the value whose first token is the current one (at once for a scalar).</summary>
    public void SkipValue()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = Depth;
        while (Read() && !(Depth == depth && TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
        {
        }
    }

    private void Refill()
    {
        var keep = Math.Min(_pin < 0 ? _start : _pin, _lineAt);
        if (keep > 0)
        {
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            _start -= keep;
            _end -= keep;
            _lineAt -= keep;
            _tokenStart -= keep;
            _pin = _pin < 0 ? -1 : _pin - keep;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = input.Read(_buffer, _end, Math.Min(_buffer.Length - _end, Math.Max(chunkSize, 1)));
        _end += read;
        _final = read == 0;
    }
}

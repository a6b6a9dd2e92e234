using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Whether a node opens or closes an element.</summary>
internal enum OfxNodeKind
{
    Start = 1,
    End = 2,
}

/// <summary>One tag of an OFX body; a start tag carries the text that follows it up to the next tag.</summary>
/// <param name="Kind">Start or end tag.</param>
/// <param name="Name">The tag name, upper-cased.</param>
/// <param name="Value">For a start tag: the trimmed, entity-decoded text after it, or null when there is none
/// (an aggregate, or an empty element such as <c>&lt;BALAMT&gt;</c> alone on its line).</param>
/// <param name="Line">The 1-based line of the tag's <c>&lt;</c>.</param>
internal readonly record struct OfxNode(OfxNodeKind Kind, string Name, string? Value, int Line);

/// <summary>Receives the tokenizer's nodes as they are read, without a string per value or name.</summary>
internal interface IOfxNodeSink
{
    /// <summary>A start tag: <paramref name="name"/> upper-cased, <paramref name="raw"/> the text after it up to the next
    /// tag, as written but for the ASCII blanks around it (other white space still to trim, entities not decoded;
    /// <see cref="OfxTokenizer.CleanString"/> makes the value). The span is only valid during the call.</summary>
    void Start(OfxName name, int line, ReadOnlySpan<char> raw);

    /// <summary>An end tag.</summary>
    void End(OfxName name, int line);
}

/// <summary>
/// A tolerant tokenizer for OFX 1.x SGML and 2.x XML alike: unclosed elements, mismatched or missing end tags,
/// several tags on one line and text before the first tag (the 1.x header) are all accepted.
/// </summary>
/// <remarks>
/// An element's value is the text between its start tag and the next tag, so an empty element never takes the
/// next line's tag as its value. A <c>&lt;</c> that does not begin a tag (not followed by a letter, <c>/</c>,
/// <c>?</c> or <c>!</c>) is kept as text; a raw <c>&amp;</c> that does not begin a known entity is kept as is.
/// Processing instructions, comments and declarations are skipped. Tag names are matched against the known OFX
/// names without allocating (<see cref="OfxName"/>); values are handed to the sink as spans of a reused buffer.
/// </remarks>
internal sealed class OfxTokenizer
{
    /// <summary>How many distinct unknown tag names are remembered (upper-cased once); past it they are upper-cased each time.</summary>
    private const int MaxNames = 512;

    private readonly Dictionary<string, OfxName> _names;
    private readonly Dictionary<string, OfxName>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private byte[] _value = new byte[256];
    private int _valueLength;
    private char[] _chars = new char[256];
    private OfxName? _pendingName;
    private int _pendingLine;
    private int _line = 1;

    /// <param name="encoding">The file's encoding, used only to decode the values handed to the sink (tags and structure
    /// are ASCII in every encoding the reader chooses: see <see cref="OfxDecoder"/>).</param>
    public OfxTokenizer(Encoding encoding)
    {
        Encoding = encoding;
        _names = new Dictionary<string, OfxName>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in OfxName.Known)
        {
            _names[name.Text] = name;
        }

        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The file's encoding, used only to decode values that are not ASCII; set once the reader has judged it.</summary>
    public Encoding Encoding { get; set; }

    /// <summary>Tokenizes a whole text.</summary>
    public static List<OfxNode> Tokenize(string text)
    {
        var nodes = new NodeList();
        var tokenizer = new OfxTokenizer(Encoding.UTF8);
        tokenizer.Feed(Encoding.UTF8.GetBytes(text), nodes, complete: true);
        tokenizer.Finish(nodes);
        return nodes.Nodes;
    }

    /// <summary>Tokenizes the next piece of the bytes, handing to <paramref name="sink"/> every node whose value is known.</summary>
    /// <remarks>The bytes are scanned as they are: every byte the tokenizer looks at (<c>&lt;</c>, <c>&gt;</c>, <c>/</c>,
    /// <c>?</c>, <c>!</c>, <c>-</c>, CR, LF, the letters, digits and punctuation of tag names) is ASCII, and in every
    /// encoding the reader uses an ASCII byte is that character and a byte above 0x7F is never part of an ASCII character
    /// (for US-ASCII the caller first turns such bytes into <c>?</c>, as its decoder does); only the values handed on are
    /// decoded. A piece must end just before a <c>&lt;</c> (or at the end of the bytes), so that no CRLF or UTF-8 sequence
    /// is cut in two; a start tag's node is handed on when the next tag shows where its value ends. Unless
    /// <paramref name="complete"/> (nothing follows the piece, or the caller gives up waiting), a tag whose end is not in
    /// the piece (an end tag or a comment whose <c>&gt;</c> is further on) stops the piece there, so that it is read exactly
    /// as in the whole text.</remarks>
    /// <returns>How many bytes were consumed; the caller feeds the rest again with more bytes after it.</returns>
    public int Feed(ReadOnlySpan<byte> text, IOfxNodeSink sink, bool complete)
    {
        var line = _line;
        var i = 0;

        // The pending start tag's value is text[valueStart..i] (after the bytes carried from earlier pieces, if any).
        var valueStart = 0;
        while (i < text.Length)
        {
            var c = text[i];

            // A tag read in full cannot need more text; '<?' and '<!' read to the text's end when unterminated, so they
            // (and a '<' that is no tag here) ask first whether more text could change them.
            var tag = false;
            int end = 0, nameStart = 0, nameEnd = 0;
            var kind = TagKind.Skipped;
            if (c == (byte)'<')
            {
                var special = i + 1 >= text.Length || text[i + 1] is (byte)'?' or (byte)'!';
                if (special && !complete && NeedsMore(text, i))
                {
                    break;
                }

                tag = TryReadTag(text, i, out end, out kind, out nameStart, out nameEnd);
                if (!tag && !special && !complete && NeedsMore(text, i))
                {
                    break;
                }
            }

            if (tag)
            {
                if (_pendingName is { } pending)
                {
                    _pendingName = null;
                    sink.Start(pending, _pendingLine, Value(text[valueStart..i]));
                }

                _valueLength = 0;
                if (kind == TagKind.Start)
                {
                    _pendingName = Name(text[nameStart..nameEnd]);
                    _pendingLine = line;
                }
                else if (kind == TagKind.End)
                {
                    sink.End(Name(text[nameStart..nameEnd]), line);
                    line += CountLineBreaks(text, i, end);
                }
                else if (kind == TagKind.Empty)
                {
                    var name = Name(text[nameStart..nameEnd]);
                    sink.Start(name, line, []);
                    sink.End(name, line);
                }
                else
                {
                    line += CountLineBreaks(text, i, end);
                }

                // A start or empty tag holds no line break (TryReadTag refuses one before its '>').
                i = end;
                valueStart = end;
                continue;
            }

            // Text up to the next '<' belongs to the pending value (if any), counting its line breaks on the way: CR,
            // LF and CRLF each count one (a CR at the end of the bytes counts: nothing follows it, or the caller cut
            // before a '<'). A '<' here is no tag: it is text.
            if (c == (byte)'<')
            {
                i++;
            }

            while (true)
            {
                i = NextStop(text, i);
                if (i >= text.Length || text[i] == (byte)'<')
                {
                    break;
                }

                line++;
                i += text[i] == (byte)'\r' && i + 1 < text.Length && text[i + 1] == (byte)'\n' ? 2 : 1;
                if (i < text.Length && text[i] == (byte)'<')
                {
                    // The usual case: the line break ends the value, the next line starts with a tag.
                    break;
                }
            }
        }

        if (_pendingName is not null)
        {
            Append(text[valueStart..i]);
        }

        _line = line;
        return i;
    }

    /// <summary>Where the next '&lt;', CR or LF is from <paramref name="i"/> on (the text's length when none): 16 bytes at a
    /// time, without the set-up of a general search (runs of text are short).</summary>
    private static int NextStop(ReadOnlySpan<byte> text, int i)
    {
        ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text);
        while (i + Vector128<byte>.Count <= text.Length)
        {
            var block = Vector128.LoadUnsafe(ref start, (nuint)i);
            var stops = Vector128.Equals(block, Vector128.Create((byte)'<'))
                | Vector128.Equals(block, Vector128.Create((byte)'\r'))
                | Vector128.Equals(block, Vector128.Create((byte)'\n'));
            var bits = stops.ExtractMostSignificantBits();
            if (bits != 0)
            {
                return i + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }

            i += Vector128<byte>.Count;
        }

        while (i < text.Length && text[i] is not ((byte)'<' or (byte)'\r' or (byte)'\n'))
        {
            i++;
        }

        return i;
    }

    private void Append(ReadOnlySpan<byte> run)
    {
        if (_valueLength + run.Length > _value.Length)
        {
            Array.Resize(ref _value, Math.Max(_value.Length * 2, _valueLength + run.Length));
        }

        run.CopyTo(_value.AsSpan(_valueLength));
        _valueLength += run.Length;
    }

    /// <summary>Whether the byte is one of the ASCII characters <see cref="char.IsWhiteSpace(char)"/> accepts (tab, LF, VT,
    /// FF, CR, space).</summary>
    private static bool IsAsciiBlank(byte b) => b == (byte)' ' || (b >= (byte)'\t' && b <= (byte)'\r');

    /// <summary>The pending value's text: the bytes carried from earlier pieces and <paramref name="tail"/>, decoded, without
    /// the ASCII blanks around it.</summary>
    private ReadOnlySpan<char> Value(ReadOnlySpan<byte> tail)
    {
        var bytes = tail;
        if (_valueLength > 0)
        {
            Append(tail);
            bytes = _value.AsSpan(0, _valueLength);
        }

        // Every reader of the value trims it first (char.IsWhiteSpace): the ASCII blanks go before decoding.
        var from = 0;
        var to = bytes.Length;
        while (from < to && IsAsciiBlank(bytes[from]))
        {
            from++;
        }

        while (to > from && IsAsciiBlank(bytes[to - 1]))
        {
            to--;
        }

        bytes = bytes[from..to];
        if (bytes.IsEmpty)
        {
            return [];
        }

        if (bytes.Length > _chars.Length)
        {
            _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
        }

        // ASCII is the same in every encoding used (and one character per byte); anything else through the encoding,
        // which never makes more characters than bytes (UTF-8, Latin-1, Windows-1252).
        if (Ascii.ToUtf16(bytes, _chars, out var written) == System.Buffers.OperationStatus.Done)
        {
            return _chars.AsSpan(0, written);
        }

        return _chars.AsSpan(0, Encoding.GetChars(bytes, _chars));
    }

    /// <summary>The upper-cased name, without allocating for the known OFX names.</summary>
    private OfxName Name(ReadOnlySpan<byte> name)
    {
        if (Hot(name) is { } hot)
        {
            return hot;
        }

        // Tag names are ASCII (letters, digits, '.', '_', '-', ':').
        Span<char> chars = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        for (var k = 0; k < name.Length; k++)
        {
            chars[k] = (char)name[k];
        }

        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var upper = OfxName.Unknown(chars.ToString().ToUpperInvariant());
        if (_names.Count < MaxNames)
        {
            _names[upper.Text] = upper;
        }

        return upper;
    }

    /// <summary>The names of a transaction's elements as most banks write them (upper case), without hashing.</summary>
    private static OfxName? Hot(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("MEMO"u8) => OfxName.Memo,
        4 when name.SequenceEqual("NAME"u8) => OfxName.NameTag,
        5 when name.SequenceEqual("FITID"u8) => OfxName.Fitid,
        6 when name.SequenceEqual("TRNAMT"u8) => OfxName.TrnAmt,
        6 when name.SequenceEqual("REFNUM"u8) => OfxName.RefNum,
        6 when name.SequenceEqual("DTUSER"u8) => OfxName.DtUser,
        7 when name.SequenceEqual("STMTTRN"u8) => OfxName.StmtTrn,
        7 when name.SequenceEqual("TRNTYPE"u8) => OfxName.TrnType,
        7 when name.SequenceEqual("DTAVAIL"u8) => OfxName.DtAvail,
        8 when name.SequenceEqual("DTPOSTED"u8) => OfxName.DtPosted,
        8 when name.SequenceEqual("CHECKNUM"u8) => OfxName.CheckNum,
        _ => null,
    };

    /// <summary>Whether the tag at <paramref name="at"/> may end past the text's end: then only more text can tell.</summary>
    private static bool NeedsMore(ReadOnlySpan<byte> text, int at)
    {
        if (at + 1 >= text.Length)
        {
            return true;
        }

        var next = text[at + 1];
        if (next is (byte)'?' or (byte)'!')
        {
            var terminator = Terminator(text, at);
            return text.Length - at < 4 || text[(at + 2)..].IndexOf(terminator) < 0;
        }

        var isEnd = next == (byte)'/';
        var p = at + (isEnd ? 2 : 1);
        while (p < text.Length && text[p] != (byte)'>')
        {
            if (text[p] is (byte)'<' or (byte)'\r' or (byte)'\n' && !isEnd)
            {
                return false;
            }

            p++;
        }

        return p >= text.Length;
    }

    /// <summary>What ends the <c>&lt;!--</c>, <c>&lt;?</c> or <c>&lt;!</c> at <paramref name="at"/>.</summary>
    private static ReadOnlySpan<byte> Terminator(ReadOnlySpan<byte> text, int at) =>
        text[at..].StartsWith("<!--"u8) ? "-->"u8 : text[at + 1] == (byte)'?' ? "?>"u8 : ">"u8;

    /// <summary>Ends the text: the last start tag's value is what followed it.</summary>
    public void Finish(IOfxNodeSink sink)
    {
        if (_pendingName is { } pending)
        {
            _pendingName = null;
            sink.Start(pending, _pendingLine, Value([]));
        }

        _valueLength = 0;
    }

    /// <summary>Decodes <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>, <c>&amp;quot;</c>, <c>&amp;apos;</c>,
    /// <c>&amp;nbsp;</c> and numeric references; anything else after a raw <c>&amp;</c> is kept as written.</summary>
    public static string DecodeEntities(string value)
    {
        if (!value.Contains('&', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '&')
            {
                var semicolon = value.IndexOf(';', i + 1);
                if (semicolon > i + 1 && semicolon - i <= 10 && TryEntity(value[(i + 1)..semicolon], out var decoded))
                {
                    result.Append(decoded);
                    i = semicolon;
                    continue;
                }
            }

            result.Append(value[i]);
        }

        return result.ToString();
    }

    private enum TagKind
    {
        Start = 1,
        End,
        Empty,
        Skipped,
    }

    private static bool TryReadTag(ReadOnlySpan<byte> text, int at, out int end, out TagKind kind, out int nameStart, out int nameEnd)
    {
        end = at;
        kind = TagKind.Skipped;
        nameStart = nameEnd = 0;
        if (at + 1 >= text.Length)
        {
            return false;
        }

        var next = text[at + 1];
        if (next is (byte)'?' or (byte)'!')
        {
            var terminator = Terminator(text, at);
            var close = text[(at + 2)..].IndexOf(terminator);
            end = close < 0 ? text.Length : at + 2 + close + terminator.Length;
            return true;
        }

        var isEnd = next == (byte)'/';
        nameStart = at + (isEnd ? 2 : 1);
        var p = nameStart;
        if (p >= text.Length || !char.IsAsciiLetter((char)text[p]))
        {
            return false;
        }

        p++;
        while (p < text.Length && IsNameChar(text[p]))
        {
            p++;
        }

        var gt = p;
        while (gt < text.Length && text[gt] != (byte)'>')
        {
            if (text[gt] is (byte)'<' or (byte)'\r' or (byte)'\n' && !isEnd)
            {
                return false;
            }

            gt++;
        }

        if (gt >= text.Length)
        {
            return false;
        }

        nameEnd = p;
        kind = isEnd ? TagKind.End : text[gt - 1] == (byte)'/' ? TagKind.Empty : TagKind.Start;
        end = gt + 1;
        return true;
    }

    private static bool IsNameChar(byte c) =>
        char.IsAsciiLetterOrDigit((char)c) || c is (byte)'.' or (byte)'_' or (byte)'-' or (byte)':';

    private static int CountLineBreaks(ReadOnlySpan<byte> text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == (byte)'\n' || (text[i] == (byte)'\r' && (i + 1 >= text.Length || text[i + 1] != (byte)'\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The value of a start tag from its raw text: trimmed, its lines joined by one space, entities decoded;
    /// null when there is only blank text. Written into <paramref name="scratch"/> (grown when needed) for the common case
    /// of one line without entities.</summary>
    public static ReadOnlySpan<char> Clean(ReadOnlySpan<char> raw, ref char[] scratch, out bool present)
    {
        var trimmed = raw.Trim();
        present = trimmed.Length > 0;
        if (!present || trimmed.IndexOfAny('\r', '\n', '&') < 0)
        {
            return trimmed;
        }

        var slow = Clean(trimmed.ToString());
        if (scratch.Length < slow.Length)
        {
            scratch = new char[Math.Max(slow.Length, scratch.Length * 2)];
        }

        slow.CopyTo(scratch);
        return scratch.AsSpan(0, slow.Length);
    }

    /// <summary>The value as a string, or null when blank (see <see cref="Clean(ReadOnlySpan{char}, ref char[], out bool)"/>).</summary>
    public static string? CleanString(ReadOnlySpan<char> raw)
    {
        var trimmed = raw.Trim();
        return trimmed.Length == 0 ? null : Clean(trimmed.ToString());
    }

    private static string Clean(string raw)
    {
        if (raw.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            raw = string.Join(' ', raw.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return DecodeEntities(raw);
    }

    /// <summary>Collects nodes with their values, for <see cref="Tokenize"/>.</summary>
    private sealed class NodeList : IOfxNodeSink
    {
        public List<OfxNode> Nodes { get; } = [];

        public void Start(OfxName name, int line, ReadOnlySpan<char> raw) =>
            Nodes.Add(new OfxNode(OfxNodeKind.Start, name.Text, CleanString(raw), line));

        public void End(OfxName name, int line) => Nodes.Add(new OfxNode(OfxNodeKind.End, name.Text, null, line));
    }

    private static bool TryEntity(string name, out string decoded)
    {
        decoded = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u00A0",
            _ => string.Empty,
        };
        if (decoded.Length > 0)
        {
            return true;
        }

        if (name.Length < 2 || name[0] != '#')
        {
            return false;
        }

        var ok = name[1] is 'x' or 'X'
            ? int.TryParse(name.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            : int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out code);
        if (!ok || code is <= 0 or > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            return false;
        }

        decoded = char.ConvertFromUtf32(code);
        return true;
    }
}

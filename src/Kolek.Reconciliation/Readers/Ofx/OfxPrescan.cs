using System.Text;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>What must be known of a whole OFX file before its first transaction is interpreted, gathered in one pass
/// over its bytes: whether it has bytes above 0x7F, whether they are valid UTF-8, and the decimal separator its
/// unambiguous <c>TRNAMT</c>/<c>BALAMT</c> values show.</summary>
/// <remarks>Bytes are fed in chunks of any size; memory is one small carry-over. An amount is the text between a
/// <c>&lt;TRNAMT&gt;</c> or <c>&lt;BALAMT&gt;</c> tag (upper or lower case) and the next <c>&lt;</c>, as the tokenizer
/// reads it for well-formed files.</remarks>
internal sealed class OfxPrescan
{
    private const int MaxCarry = 4096;

    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly byte[] _carry = new byte[MaxCarry];
    private readonly byte[] _head = new byte[HeadLength];
    private int _headFilled;
    private char[] _chars = [];
    private bool _utf8Pending;

    /// <summary>How many first bytes are kept for the BOM and the charset declaration.</summary>
    public const int HeadLength = 4096;

    /// <summary>The file's first bytes (up to <see cref="HeadLength"/>), for the BOM and the charset declaration.</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headFilled);
    private int _carried;
    private char? _separator;
    private bool _conflict;

    /// <summary>Whether any byte is above 0x7F.</summary>
    public bool HasHighBytes { get; private set; }

    /// <summary>Whether the bytes so far are valid UTF-8.</summary>
    public bool IsUtf8 { get; private set; } = true;

    /// <summary>The file's decimal separator as its amounts show it (Unknown for none or both).</summary>
    public OfxDecimalSeparator Convention => _conflict || _separator is null
        ? OfxDecimalSeparator.Unknown
        : _separator == '.' ? OfxDecimalSeparator.Dot : OfxDecimalSeparator.Comma;

    /// <summary>Scans the next chunk.</summary>
    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (_headFilled < HeadLength)
        {
            var take = Math.Min(chunk.Length, HeadLength - _headFilled);
            chunk[..take].CopyTo(_head.AsSpan(_headFilled));
            _headFilled += take;
        }

        if (!HasHighBytes && chunk.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            HasHighBytes = true;
        }

        if (IsUtf8 && (HasHighBytes || _utf8Pending))
        {
            try
            {
                // GetChars, not GetCharCount: only it carries a sequence cut at the chunk's end over to the next chunk.
                if (_chars.Length < chunk.Length + 4)
                {
                    _chars = new char[chunk.Length + 4];
                }

                _utf8.GetChars(chunk, _chars, flush: false);
                _utf8Pending = chunk.Length > 0 && chunk[^Math.Min(3, chunk.Length)..].IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
            }
            catch (DecoderFallbackException)
            {
                IsUtf8 = false;
            }
        }

        ScanAmounts(chunk);
    }

    /// <summary>Ends the scan; <paramref name="complete"/> is false when only a prefix of the file was seen.</summary>
    public void Finish(bool complete)
    {
        if (complete && IsUtf8)
        {
            try
            {
                _utf8.GetChars([], _chars, flush: true);
            }
            catch (DecoderFallbackException)
            {
                IsUtf8 = false;
            }
        }

        if (complete)
        {
            ScanAmounts([], final: true);
        }
    }

    private void ScanAmounts(ReadOnlySpan<byte> chunk, bool final = false)
    {
        // Work on carry + chunk, up to its last '<' (a value ends there); keep the rest for the next chunk.
        byte[]? joined = null;
        ReadOnlySpan<byte> work;
        if (_carried > 0)
        {
            joined = new byte[_carried + chunk.Length];
            _carry.AsSpan(0, _carried).CopyTo(joined);
            chunk.CopyTo(joined.AsSpan(_carried));
            work = joined;
        }
        else
        {
            work = chunk;
        }

        var last = final ? work.Length : work.LastIndexOf((byte)'<');
        var body = last < 0 ? [] : work[..last];
        Scan(body, "AMT>"u8);
        Scan(body, "amt>"u8);
        var rest = last < 0 ? work : work[last..];
        if (rest.Length > MaxCarry)
        {
            rest = rest[^MaxCarry..];
        }

        rest.CopyTo(_carry);
        _carried = rest.Length;
    }

    private void Scan(ReadOnlySpan<byte> body, ReadOnlySpan<byte> needle)
    {
        var from = 0;
        while (true)
        {
            var at = body[from..].IndexOf(needle);
            if (at < 0)
            {
                return;
            }

            at += from;
            from = at + needle.Length;
            if (at < 4 || body[at - 4] != (byte)'<' || !IsAmountTag(body.Slice(at - 3, 3)))
            {
                continue;
            }

            var value = body[from..];
            var end = value.IndexOf((byte)'<');
            Note(end < 0 ? value : value[..end]);
        }
    }

    private static bool IsAmountTag(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "TRN"u8) || Ascii.EqualsIgnoreCase(name, "BAL"u8);

    private void Note(ReadOnlySpan<byte> raw)
    {
        if (OfxAmount.DecimalSeparatorOf(raw) is not { } separator)
        {
            return;
        }

        _conflict |= _separator is { } previous && previous != separator;
        _separator = separator;
    }
}

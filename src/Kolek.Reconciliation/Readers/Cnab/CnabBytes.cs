using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Latin-1 text operations on the bytes of a CNAB record, with the same meaning as on the decoded string.</summary>
internal static class CnabBytes
{
    /// <summary>The Latin-1 white space of <see cref="IsWhiteSpace(byte)"/>, for vectorised searches.</summary>
    /// <summary>Eight blanks, as a little-endian word.</summary>
    private const ulong Blanks = 0x2020202020202020UL;

    private static readonly SearchValues<byte> s_whiteSpace = SearchValues.Create([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0]);

    /// <summary>Whether the Latin-1 character <paramref name="b"/> is white space as <see cref="char.IsWhiteSpace(char)"/>
    /// says (U+0009–U+000D, U+0020, U+0085, U+00A0), so that trimming bytes trims what <see cref="string.Trim()"/> would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Called at both ends of every field; one load from a table.
    public static bool IsWhiteSpace(byte b) => WhiteSpaceTable[b] != 0;

    /// <summary>1 for the bytes of <see cref="IsWhiteSpace(byte)"/>: 0x09–0x0D, 0x20, 0x85, 0xA0.</summary>
    private static ReadOnlySpan<byte> WhiteSpaceTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>The bytes without leading and trailing white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // The usual full field (digits, codes, dates) costs two compares, no call.
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) =>
        // Fields are mostly full (digits) or padded on the right (names, documents): look at the ends before searching.
        value.IsEmpty || (!IsWhiteSpace(value[0]) && !IsWhiteSpace(value[^1])) ? value : TrimPadded(value);

    /// <summary><see cref="Trim"/> of a field with white space at one end at least.</summary>
    private static ReadOnlySpan<byte> TrimPadded(ReadOnlySpan<byte> value)
    {
        if (value.Length >= 16)
        {
            return TrimLong(value);
        }

        if (value.Length >= 8)
        {
            // 8 to 15 bytes, two overlapping words: blank (an unused amount of a trimmed file), or a value padded on the
            // right with spaces (a document number): its end is after the last byte that is not a space.
            var head = BinaryPrimitives.ReadUInt64LittleEndian(value) ^ Blanks;
            var tail = BinaryPrimitives.ReadUInt64LittleEndian(value[^8..]) ^ Blanks;
            if ((head | tail) == 0)
            {
                return default;
            }

            if (!IsWhiteSpace(value[0]))
            {
                // The spaces at the top of the last word that is not all spaces (the first word when the last is: the
                // two overlap, so everything after the first eight bytes is then blank).
                var end = tail != 0 ? value.Length - (BitOperations.LeadingZeroCount(tail) >> 3) : 8 - (BitOperations.LeadingZeroCount(head) >> 3);
                if (!IsWhiteSpace(value[end - 1]))
                {
                    return value[..end];
                }
            }
        }

        return TrimShort(value);
    }

    /// <summary><see cref="Trim"/> of fewer than 16 bytes: shorter than a vector the search would use, which would look up
    /// each byte in its table; a plain loop is cheaper.</summary>
    private static ReadOnlySpan<byte> TrimShort(ReadOnlySpan<byte> value)
    {
        var first = 0;
        while (first < value.Length && IsWhiteSpace(value[first]))
        {
            first++;
        }

        var end = value.Length;
        while (end > first && IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return value[first..end];
    }

    /// <summary><see cref="Trim"/> of 16 bytes or more (names, padded references), out of line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> TrimLong(ReadOnlySpan<byte> value)
    {
        if (Vector128.IsHardwareAccelerated && !IsWhiteSpace(value[0]))
        {
            // The usual long field starts with its value and is padded on the right with spaces: its end is after the
            // last byte that is not a space, found 16 bytes at a time from the end (the first vector, at 0, holds value[0]).
            ref var first = ref MemoryMarshal.GetReference(value);
            var spaces = Vector128.Create((byte)' ');
            for (var at = value.Length - Vector128<byte>.Count; ; at = Math.Max(at - Vector128<byte>.Count, 0))
            {
                var other = ~Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)at), spaces).ExtractMostSignificantBits() & 0xFFFFu;
                if (other != 0)
                {
                    var end = at + 32 - BitOperations.LeadingZeroCount(other);
                    if (!IsWhiteSpace(value[end - 1]))
                    {
                        return value[..end];
                    }

                    break;
                }
            }
        }

        // The usual padding is spaces: looked for alone (one compare per vector, not a table look-up per byte). When the
        // first and last other bytes are not white space either, they are where the trimmed value starts and ends.
        var head = value.IndexOfAnyExcept((byte)' ');
        if (head < 0)
        {
            return default;
        }

        var tail = value.LastIndexOfAnyExcept((byte)' ');
        if (!IsWhiteSpace(value[head]) && !IsWhiteSpace(value[tail]))
        {
            return value[head..(tail + 1)];
        }

        var start = value.IndexOfAnyExcept(s_whiteSpace);
        return start < 0 ? default : value[..(value.LastIndexOfAnyExcept(s_whiteSpace) + 1)][start..];
    }

    /// <summary>Whether the bytes are empty or all white space (looked at from the start: a record's first byte is not blank).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (!IsWhiteSpace(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bytes without trailing white space.</summary>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> value) => value[..(value.LastIndexOfAnyExcept(s_whiteSpace) + 1)];

    /// <summary>Whether every byte is an ASCII digit (true when empty).</summary>
    public static bool AllDigits(ReadOnlySpan<byte> value) => !value.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    /// <summary>Whether every byte is <c>0</c> (true when empty).</summary>
    /// <remarks>Most identifiers do not start with a zero: that is one compare, not a search.</remarks>
    public static bool AllZeros(ReadOnlySpan<byte> value) => value.IsEmpty || (value[0] == (byte)'0' && !value[1..].ContainsAnyExcept((byte)'0'));

    /// <summary>The bytes decoded as Latin-1, the encoding CNAB files are read in: each byte is the character of the same
    /// code (U+0000–U+00FF), as <see cref="Encoding.Latin1"/> decodes it.</summary>
    /// <remarks>Four strings per record: widened straight into the new string (ASCII, the usual text, by the vectorised
    /// converter), not through the encoding's count, allocation and decode calls.</remarks>
    public static string Text(ReadOnlySpan<byte> value) => value.IsEmpty ? string.Empty : string.Create(value.Length, value, static (chars, bytes) =>
    {
        Ascii.ToUtf16(bytes, chars, out var widened);
        for (var i = widened; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }
    });

    /// <summary>The value of at most 18 ASCII digits (already checked).</summary>
    public static long WholeNumber(ReadOnlySpan<byte> digits)
    {
        var value = 0L;
        foreach (var b in digits)
        {
            value = (value * 10) + (b - '0');
        }

        return value;
    }

    /// <summary>The value of <paramref name="digits"/> when they are 1 to 18 ASCII digits; false otherwise.</summary>
    /// <remarks>Fields of 8 to 16 digits (amounts, dates) are read 8 bytes at a time (SWAR), the common case of every record.</remarks>
    public static bool TryWholeNumber(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.Length is >= 8 and <= 16)
        {
            var low = BinaryPrimitives.ReadUInt64LittleEndian(digits[^8..]);
            if (!AreEightDigits(low))
            {
                return false;
            }

            value = EightDigits(low);
            if (digits.Length > 8)
            {
                // The first Length − 8 digits, moved to the top of a word whose bottom bytes are '0's.
                var shift = (16 - digits.Length) * 8;
                var high = (BinaryPrimitives.ReadUInt64LittleEndian(digits) << shift) | (shift == 0 ? 0 : 0x3030303030303030UL >> (64 - shift));
                if (!AreEightDigits(high))
                {
                    return false;
                }

                value += EightDigits(high) * 100_000_000L;
            }

            return true;
        }

        if (digits.IsEmpty || digits.Length > 18 || !AllDigits(digits))
        {
            return false;
        }

        value = WholeNumber(digits);
        return true;
    }

    /// <summary>Whether each byte of the little-endian word is an ASCII digit.</summary>
    private static bool AreEightDigits(ulong word) =>
        (word & 0xF0F0F0F0F0F0F0F0UL) == 0x3030303030303030UL
        && ((word + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) == 0x3030303030303030UL;

    /// <summary>The value of the 8 ASCII digits of a little-endian word, the first digit in the lowest byte.</summary>
    private static long EightDigits(ulong word)
    {
        word -= 0x3030303030303030UL;
        word = (word * 10) + (word >> 8);
        return (long)((((word & 0x000000FF000000FFUL) * (100 + (1000000UL << 32))) + (((word >> 16) & 0x000000FF000000FFUL) * (1 + (10000UL << 32)))) >> 32);
    }
}

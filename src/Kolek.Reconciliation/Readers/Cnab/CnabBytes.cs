using System.Text;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Latin-1 text operations on the bytes of a CNAB record, with the same meaning as on the decoded string.</summary>
internal static class CnabBytes
{
    /// <summary>Whether the Latin-1 character <paramref name="b"/> is white space as <see cref="char.IsWhiteSpace(char)"/>
    /// says (U+0009–U+000D, U+0020, U+0085, U+00A0), so that trimming bytes trims what <see cref="string.Trim()"/> would.</summary>
    public static bool IsWhiteSpace(byte b) => b == (byte)' ' || (uint)(b - 0x09) <= 0x0D - 0x09 || b is 0x85 or 0xA0;

    /// <summary>The bytes without leading and trailing white space.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && IsWhiteSpace(value[start]))
        {
            start++;
        }

        return TrimEnd(value[start..]);
    }

    /// <summary>The bytes without trailing white space.</summary>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> value)
    {
        var end = value.Length;
        while (end > 0 && IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return value[..end];
    }

    /// <summary>Whether every byte is an ASCII digit (true when empty).</summary>
    public static bool AllDigits(ReadOnlySpan<byte> value) => !value.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    /// <summary>Whether every byte is <c>0</c> (true when empty).</summary>
    public static bool AllZeros(ReadOnlySpan<byte> value) => !value.ContainsAnyExcept((byte)'0');

    /// <summary>The bytes decoded as Latin-1, the encoding CNAB files are read in.</summary>
    public static string Text(ReadOnlySpan<byte> value) => Encoding.Latin1.GetString(value);

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

    /// <summary>The value of <paramref name="digits"/> when they are 1 to 18 ASCII digits.</summary>
    public static bool TryWholeNumber(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 18 || !AllDigits(digits))
        {
            return false;
        }

        value = WholeNumber(digits);
        return true;
    }
}

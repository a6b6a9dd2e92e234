using System.Buffers;
using System.Text;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Splits a stream into Latin-1 lines without loading it whole: CR, LF or CRLF endings, a UTF-8 BOM skipped.</summary>
/// <remarks>Line numbers count every ending (a CRLF is one); the text after the last ending is a last line, possibly
/// empty. Memory: one buffer of the chunk size plus the longest line.</remarks>
internal static class StreamLines
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Every line with its 1-based number, blank ones included, reading <paramref name="chunkSize"/> bytes at a time.</summary>
    public static IEnumerable<(int Number, string Text)> Read(Stream stream, int chunkSize)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
        try
        {
            var number = 1;
            var filled = 0;
            var first = true;
            var skipLf = false;
            while (true)
            {
                var read = stream.Read(buffer, filled, Math.Min(chunkSize, buffer.Length - filled));
                var end = read == 0;
                filled += read;
                var start = 0;
                if (first && filled >= 3 || end)
                {
                    if (first && buffer.AsSpan(0, filled).StartsWith(Bom))
                    {
                        start = 3;
                    }

                    first = false;
                }
                else if (first)
                {
                    continue;
                }

                if (skipLf && start < filled)
                {
                    if (buffer[start] == (byte)'\n')
                    {
                        start++;
                    }

                    skipLf = false;
                }

                while (true)
                {
                    var at = buffer.AsSpan(start, filled - start).IndexOfAny((byte)'\r', (byte)'\n');
                    if (at < 0)
                    {
                        break;
                    }

                    var cr = buffer[start + at] == (byte)'\r';
                    yield return (number++, Encoding.Latin1.GetString(buffer, start, at));
                    start += at + 1;
                    if (cr)
                    {
                        if (start < filled)
                        {
                            if (buffer[start] == (byte)'\n')
                            {
                                start++;
                            }
                        }
                        else
                        {
                            skipLf = true;
                        }
                    }
                }

                if (end)
                {
                    yield return (number, Encoding.Latin1.GetString(buffer.AsSpan(start, filled - start)));
                    yield break;
                }

                // Keep the unfinished line at the start of the buffer, growing it when one line outgrows it.
                var rest = filled - start;
                if (rest == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, rest).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                else
                {
                    buffer.AsSpan(start, rest).CopyTo(buffer);
                }

                filled = rest;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

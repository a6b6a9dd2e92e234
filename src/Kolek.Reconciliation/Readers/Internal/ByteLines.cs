using System.Buffers;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Splits a stream into lines of bytes without loading it whole and without decoding them: CR, LF or CRLF
/// endings, a UTF-8 BOM skipped.</summary>
/// <remarks>Line numbers count every ending (a CRLF is one, even when a read cuts it in two); the bytes after the last
/// ending are a last line, possibly empty. <see cref="Current"/> points into the buffer and is valid until the next
/// <see cref="MoveNext"/>. Memory: one buffer of twice the chunk size, grown to the longest line. Not thread-safe.</remarks>
internal sealed class ByteLines(Stream stream, int chunkSize) : IDisposable
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    // Twice the chunk size, so that every read after the unfinished line kept at the start asks for a whole chunk: a
    // FileStream whose buffer is no larger than the chunk then reads straight into this buffer instead of into its own
    // and copying from there (a second copy of the whole file, ~10 % of a CNAB read at 1 GB/s).
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(2 * chunkSize);
    private int _filled;
    private int _next;
    private int _lineStart;
    private int _lineLength;
    private bool _started;
    private bool _ended;
    private bool _done;
    private bool _skipLf;

    /// <summary>The 1-based number of the current line.</summary>
    public int Number { get; private set; }

    /// <summary>The current line's bytes, without its ending.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Moves to the next line, blank ones included; false after the last.</summary>
    public bool MoveNext()
    {
        while (!_done)
        {
            if (_started)
            {
                if (_skipLf && _next < _filled)
                {
                    _next += _buffer[_next] == (byte)'\n' ? 1 : 0;
                    _skipLf = false;
                }

                var at = _buffer.AsSpan(_next, _filled - _next).IndexOfAny((byte)'\r', (byte)'\n');
                if (at >= 0 || _ended)
                {
                    _lineStart = _next;
                    _lineLength = at >= 0 ? at : _filled - _next;
                    Number++;
                    _done = at < 0;
                    _next += at + 1;
                    if (at >= 0 && _buffer[_next - 1] == (byte)'\r')
                    {
                        if (_next < _filled)
                        {
                            _next += _buffer[_next] == (byte)'\n' ? 1 : 0;
                        }
                        else
                        {
                            _skipLf = true;
                        }
                    }

                    return true;
                }
            }

            Fill();
        }

        return false;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Keeps the unfinished line at the start of the buffer (growing it when one line outgrows it) and reads on.</summary>
    private void Fill()
    {
        var rest = _filled - _next;
        if (rest == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, rest).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_next > 0)
        {
            _buffer.AsSpan(_next, rest).CopyTo(_buffer);
        }

        _filled = rest;
        _next = 0;
        var read = stream.Read(_buffer, _filled, Math.Min(chunkSize, _buffer.Length - _filled));
        _ended = read == 0;
        _filled += read;
        if (!_started && (_filled >= 3 || _ended))
        {
            _next = _buffer.AsSpan(0, _filled).StartsWith(Bom) ? 3 : 0;
            _started = true;
        }
    }
}

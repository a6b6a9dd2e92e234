namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Lets a streaming reader go over a file twice: once ahead, to check it whole (well-formed, facts the first
/// records depend on), then for real through <see cref="StreamedStatement.Input"/>, which hashes what it hands out.</summary>
/// <remarks>A seekable stream is read ahead and seeked back (memory stays bounded). A stream that cannot seek is
/// loaded into memory first, so that both passes see the same bytes (the documented limit of such streams).</remarks>
internal sealed class TwoPassInput
{
    private readonly StreamedStatement _output;
    private readonly long _start;
    private readonly MemoryStream? _loaded;

    private TwoPassInput(StreamedStatement output, long start, MemoryStream? loaded)
    {
        _output = output;
        _start = start;
        _loaded = loaded;
    }

    /// <summary>Prepares the two passes over <paramref name="output"/>'s file.</summary>
    public static TwoPassInput Open(StreamedStatement output)
    {
        var source = output.Source;
        if (source.CanSeek)
        {
            return new TwoPassInput(output, source.Position, null);
        }

        var loaded = new MemoryStream();
        output.Input.CopyTo(loaded);
        return new TwoPassInput(output, 0, loaded);
    }

    /// <summary>The whole file from its first byte, for the pass ahead (not hashed).</summary>
    public Stream Ahead()
    {
        if (_loaded is not null)
        {
            return new MemoryStream(_loaded.GetBuffer(), 0, (int)_loaded.Length, writable: false);
        }

        _output.Source.Position = _start;
        return new ReplayStream(_output.Head, _output.Source);
    }

    /// <summary>The whole file from its first byte, for the real pass (hashed when it comes from the caller's stream).</summary>
    public Stream Main()
    {
        if (_loaded is not null)
        {
            return Ahead();
        }

        _output.Source.Position = _start;
        return _output.Input;
    }

    /// <summary>Whether the file contains <paramref name="needle"/> anywhere (a second look ahead, for rare error paths).</summary>
    public bool Contains(ReadOnlySpan<byte> needle)
    {
        using var stream = Ahead();
        var buffer = new byte[64 * 1024 + needle.Length];
        var kept = 0;
        for (int read; (read = stream.Read(buffer, kept, buffer.Length - kept)) > 0;)
        {
            var filled = kept + read;
            if (buffer.AsSpan(0, filled).IndexOf(needle) >= 0)
            {
                return true;
            }

            kept = Math.Min(needle.Length - 1, filled);
            buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
        }

        return false;
    }

    /// <summary>Up to <paramref name="count"/> bytes from the file's start.</summary>
    public byte[] Start(int count)
    {
        using var stream = Ahead();
        var buffer = new byte[count];
        var filled = 0;
        for (int read; filled < count && (read = stream.Read(buffer, filled, count - filled)) > 0;)
        {
            filled += read;
        }

        return buffer[..filled];
    }

}

/// <summary>Bytes already read, then the rest of a stream (not owned: disposing this leaves it open).</summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyStream
{
    private int _at;

    public override int Read(Span<byte> buffer)
    {
        if (_at >= head.Length)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, head.Length - _at);
        head.Span.Slice(_at, n).CopyTo(buffer);
        _at += n;
        return n;
    }
}

using System.Buffers;
using System.Text;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Pix;

/// <summary>The PIX body as valid UTF-8: the BOM dropped and, when the file has invalid bytes, each invalid sequence
/// replaced by U+FFFD (never a newline, so lines keep their numbers), read as a stream.</summary>
/// <remarks>System.Text.Json throws on invalid UTF-8 inside a string only when the string is read, which would escape the reader.</remarks>
internal static class Utf8Check
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Whether the body is valid UTF-8; when not, a <c>pix.encoding.invalid</c> warning at the first invalid byte's line.</summary>
    public static bool IsValid(TwoPassInput input, PixReadContext context)
    {
        using var body = Body(input.Ahead(), repair: false);
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length];
        var filled = 0;
        var line = 1;
        while (true)
        {
            var read = body.Read(bytes, filled, bytes.Length - filled);
            filled += read;
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(0, filled), chars, out var valid, out _,
                replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += bytes.AsSpan(0, valid).Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
            {
                context.Warning(line, null, "pix.encoding.invalid",
                    "O arquivo tem bytes que não são UTF-8 válido; foram trocados por U+FFFD e o restante foi lido.");
                return false;
            }

            if (read == 0)
            {
                return true;
            }

            bytes.AsSpan(valid, filled - valid).CopyTo(bytes);
            filled -= valid;
        }
    }

    /// <summary>The file without its BOM, repaired when <paramref name="repair"/>; disposing it leaves <paramref name="file"/> open.</summary>
    public static Stream Body(Stream file, bool repair)
    {
        var head = new byte[3];
        var filled = 0;
        for (int read; filled < head.Length && (read = file.Read(head, filled, head.Length - filled)) > 0;)
        {
            filled += read;
        }

        var body = new ReplayStream(head.AsMemory(0, head.AsSpan(0, filled).SequenceEqual(Bom) ? 0 : filled), file);
        return repair ? new Repairing(body) : body;
    }

    /// <summary>Decodes with replacement and encodes again, chunk by chunk (stateful, so a sequence cut by a chunk is whole).</summary>
    private sealed class Repairing(Stream inner) : ReadOnlyStream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private readonly byte[] _in = new byte[16 * 1024];
        private readonly char[] _chars = new char[(16 * 1024) + 2];
        private readonly byte[] _out = new byte[((16 * 1024) + 2) * 3];
        private int _outAt;
        private int _outEnd;
        private bool _done;

        public override int Read(Span<byte> buffer)
        {
            while (_outAt == _outEnd && !_done)
            {
                var read = inner.Read(_in);
                _done = read == 0;
                var chars = _decoder.GetChars(_in, 0, read, _chars, 0, flush: _done);
                _outEnd = _encoder.GetBytes(_chars, 0, chars, _out, 0, flush: _done);
                _outAt = 0;
            }

            var n = Math.Min(buffer.Length, _outEnd - _outAt);
            _out.AsSpan(_outAt, n).CopyTo(buffer);
            _outAt += n;
            return n;
        }
    }
}

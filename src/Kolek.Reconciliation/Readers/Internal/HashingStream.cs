using System.Security.Cryptography;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>A read-only pass-through that replays already-read <c>prefix</c> bytes, then reads on from the inner
/// stream, hashing every byte it hands out (SHA-256) unless told not to.</summary>
/// <remarks>The inner stream is not owned: disposing this does not dispose it.</remarks>
internal sealed class HashingStream(byte[] prefix, int prefixLength, Stream inner, bool computeSha256 = true) : ReadOnlyStream
{
    private readonly IncrementalHash? _hash = computeSha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    private int _prefixAt;

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_prefixAt < prefixLength)
        {
            read = Math.Min(buffer.Length, prefixLength - _prefixAt);
            prefix.AsSpan(_prefixAt, read).CopyTo(buffer);
            _prefixAt += read;
        }
        else
        {
            read = inner.Read(buffer);
        }

        _hash?.AppendData(buffer[..read]);
        return read;
    }

    /// <summary>Reads (and hashes) whatever the reader left unread, and returns the lower-case hex SHA-256 of all bytes
    /// (null, without reading on, when not hashing).</summary>
    public string? Finish()
    {
        if (_hash is null)
        {
            return null;
        }

        var rest = new byte[64 * 1024];
        while (Read(rest) > 0)
        {
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
        }

        base.Dispose(disposing);
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>The hashes every reader uses: the file's SHA-256 and the 64-bit hash of a transaction's natural key.</summary>
internal static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 of the whole content, as <see cref="Statements.BankStatement.Sha256"/> reports it.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The XXH3 64-bit hash (seed 0) of the UTF-8 bytes of <paramref name="key"/>, the digest a transaction id is
    /// written from.</summary>
    /// <remarks>A transaction id needs stability and spread, not secrecy: it de-duplicates lines a bank sent, and it was
    /// already cut to 64 bits. XXH3 costs tens of nanoseconds for a key where a SHA-256 call cost about a microsecond,
    /// which capped the CNAB readers near 400 MB/s.</remarks>
    public static ulong KeyHash(ReadOnlySpan<char> key)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        if (length <= 512)
        {
            Span<byte> utf8 = stackalloc byte[length];
            return KeyHash(utf8[..Encoding.UTF8.GetBytes(key, utf8)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return KeyHash(rented.AsSpan(0, Encoding.UTF8.GetBytes(key, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The XXH3 64-bit hash (seed 0) of a key already in UTF-8: the one definition of the id hash.</summary>
    public static ulong KeyHash(ReadOnlySpan<byte> utf8Key) => XxHash3.HashToUInt64(utf8Key);

    /// <summary><paramref name="prefix"/> followed by <paramref name="hash"/> in 16 lower-case hex digits.</summary>
    public static string ShortId(string prefix, ulong hash)
    {
        // Not the general formatter's "x16" path, which cost more than the hash itself: the big-endian bytes through the
        // vectorised hex conversion.
        return string.Create(prefix.Length + 16, (prefix, hash), static (id, state) =>
        {
            state.prefix.CopyTo(id);
            Span<byte> bytes = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, state.hash);
            Convert.TryToHexStringLower(bytes, id[state.prefix.Length..], out _);
        });
    }
}

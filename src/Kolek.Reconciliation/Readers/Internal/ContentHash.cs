using System.Security.Cryptography;
using System.Text;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>The hashes every reader uses: the file's SHA-256 and the short hash of a transaction's natural key.</summary>
internal static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 of the whole content, as <see cref="Statements.BankStatement.Sha256"/> reports it.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary><paramref name="prefix"/> followed by the first 16 lower-case hex digits of the SHA-256 of the UTF-8 <paramref name="key"/>.</summary>
    public static string ShortId(string prefix, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
}

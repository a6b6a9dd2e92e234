using Kolek.Reconciliation.Readers.Internal;
using Xunit;

namespace Kolek.Reconciliation.Tests.Readers;

public sealed class StableIdsTests
{
    /// <summary>XXH3 64-bit, seed 0, of the empty input is 2D06800538D394C2 in the reference implementation's test vectors:
    /// the id hash is the published algorithm, so another implementation can recompute our ids.</summary>
    [Fact]
    public void KeyHash_OfEmptyKey_IsTheReferenceXxh3Vector() =>
        Assert.Equal(0x2D06800538D394C2UL, ContentHash.KeyHash(""));

    [Fact]
    public void Next_RepeatedKey_HashesTheKeyWithItsRepeatNumber()
    {
        var ids = new StableIds("t-");

        var first = ids.Next("237|1420|0001|2012-04-13|100.00", out var r0);
        var second = ids.Next("237|1420|0001|2012-04-13|100.00", out var r1);
        var other = ids.Next("237|1420|0002|2012-04-13|100.00", out var r2);

        Assert.Equal((0, 1, 0), (r0, r1, r2));
        Assert.Equal(ContentHash.ShortId("t-", ContentHash.KeyHash("237|1420|0001|2012-04-13|100.00")), first);
        Assert.Equal(ContentHash.ShortId("t-", ContentHash.KeyHash("237|1420|0001|2012-04-13|100.00|#1")), second);
        Assert.Matches("^t-[0-9a-f]{16}$", other);
        Assert.Equal(3, new[] { first, second, other }.Distinct().Count());
    }

    [Fact]
    public void KeyHash_LongNonAsciiKey_EqualsTheHashOfItsUtf8Bytes()
    {
        var key = string.Concat(Enumerable.Repeat("Transferência ção|", 60));

        Assert.Equal(
            System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(key)),
            ContentHash.KeyHash(key));
    }

    /// <summary>The CNAB readers key ids in UTF-8 (<c>Next(bytes)</c>), the others in UTF-16: both must give the same ids,
    /// repeats included, or a file would change ids with the reader's internals.</summary>
    [Theory]
    [InlineData("237|1420|0001|2012-04-13|100.00")]
    [InlineData("Transferência recebida — São Paulo|2026-12-03|1234.56")]
    [InlineData("")]
    public void Next_Utf8AndUtf16Keys_GiveTheSameIdsRepeatsIncluded(string key)
    {
        var (chars, bytes) = (new StableIds("t-"), new StableIds("t-"));
        var utf8 = System.Text.Encoding.UTF8.GetBytes(key);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(chars.Next(key, out _), bytes.Next(utf8));
        }
    }
}

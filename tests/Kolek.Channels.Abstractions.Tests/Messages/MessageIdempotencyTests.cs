using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Kolek.Channels.Tests.Messages;

public class MessageIdempotencyTests
{
    [Fact]
    public void CreateKey_SameInputsInAnyOrder_SameKey()
    {
        var a = MessageIdempotency.CreateKey(["C-2", "C-1"], "d2", "email");
        var b = MessageIdempotency.CreateKey(["C-1", "C-2", "C-1"], "d2", "email");

        Assert.Equal(a, b);
        Assert.StartsWith("kolek-", a);
        Assert.Equal(38, a.Length);
    }

    [Fact]
    public void CreateKey_DifferentStepOrChannel_DifferentKey()
    {
        var baseKey = MessageIdempotency.CreateKey(["C-1"], "d2", "email");

        Assert.NotEqual(baseKey, MessageIdempotency.CreateKey(["C-1"], "d5", "email"));
        Assert.NotEqual(baseKey, MessageIdempotency.CreateKey(["C-1"], "d2", "whatsapp"));
        Assert.NotEqual(baseKey, MessageIdempotency.CreateKey(["C-1", "C-2"], "d2", "email"));
    }

    [Property]
    public Property CreateKey_ConcatenationAmbiguity_DoesNotCollide(NonWhiteSpaceString left, NonWhiteSpaceString right)
    {
        var a = MessageIdempotency.CreateKey([left.Get + right.Get], "d2", "email");
        var b = MessageIdempotency.CreateKey([left.Get, right.Get], "d2", "email");
        var c = MessageIdempotency.CreateKey([left.Get], right.Get, "email");
        return (a != b && a != c && b != c).ToProperty();
    }

    [Fact]
    public void CreateKey_NoCharge_Throws()
    {
        Assert.Throws<ArgumentException>(() => MessageIdempotency.CreateKey([], "d2", "email"));
    }
}

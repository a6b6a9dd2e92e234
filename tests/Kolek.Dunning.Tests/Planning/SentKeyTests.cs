using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Planning;

namespace Kolek.Dunning.Tests.Planning;

/// <summary><see cref="SentKey"/>'s own hash: equal keys hash alike, whatever string instances hold them.</summary>
public sealed class SentKeyTests
{
    [Property(MaxTest = 500)]
    public Property EqualKeys_HaveEqualHashes_AndFindEachOtherInADictionary(NonNull<string> charge, NonNull<string> step, NonNull<string> channel) =>
        Prop.ToProperty(Check(charge.Get, step.Get, channel.Get));

    [Fact]
    public void KeysDifferingInOnePart_AreDifferentAndDefaultKeyHashes()
    {
        var key = new SentKey("C-000000001", "d2", "email");
        Assert.NotEqual(key, key with { StepId = "d5" });
        Assert.NotEqual(key, key with { Channel = "whatsapp" });
        Assert.NotEqual(key, key with { ChargeId = "C-000000002" });
        Assert.Equal(default(SentKey).GetHashCode(), default(SentKey).GetHashCode());
        var journal = new Dictionary<SentKey, int> { [key] = 1, [key with { StepId = "d5" }] = 2, [key with { Channel = "whatsapp" }] = 3 };
        Assert.Equal(2, journal[new SentKey(new string("C-000000001".AsSpan()), "d5", "email")]);
    }

    private static bool Check(string charge, string step, string channel)
    {
        // Copies: other string instances with the same characters, as a journal read back from storage holds.
        var a = new SentKey(charge, step, channel);
        var b = new SentKey(new string(charge.AsSpan()), new string(step.AsSpan()), new string(channel.AsSpan()));
        var journal = new Dictionary<SentKey, bool> { [a] = true };
        return a == b && a.GetHashCode() == b.GetHashCode() && journal.ContainsKey(b);
    }
}

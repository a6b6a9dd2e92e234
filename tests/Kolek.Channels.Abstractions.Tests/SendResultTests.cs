namespace Kolek.Channels.Tests;

public class SendResultTests
{
    [Fact]
    public void Accepted_HasProviderIdAndNoReason()
    {
        var result = SendResult.Accepted("msg-1");

        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.True(result.IsAccepted);
        Assert.Equal("msg-1", result.ProviderMessageId);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void TransientFailure_KeepsRetryAfter()
    {
        var result = SendResult.TransientFailure("429 Too Many Requests", TimeSpan.FromSeconds(30));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.False(result.IsAccepted);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Null(result.ProviderMessageId);
    }

    [Fact]
    public void Factories_DistinguishPermanentFromPolicy()
    {
        Assert.Equal(SendStatus.PermanentFailure, SendResult.PermanentFailure("mailbox does not exist").Status);
        Assert.Equal(SendStatus.RefusedByPolicy, SendResult.RefusedByPolicy("opted out").Status);
    }

    [Fact]
    public void Factories_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => SendResult.Accepted(" "));
        Assert.Throws<ArgumentException>(() => SendResult.PermanentFailure(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => SendResult.TransientFailure("x", TimeSpan.FromSeconds(-1)));
    }
}

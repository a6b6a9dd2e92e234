using System.Collections.Concurrent;
using System.Globalization;
using Kolek.Channels;

namespace Kolek.Dunning.Tests.Running;

/// <summary>A channel that records every message handed to it and answers from a script (accepted by default).</summary>
internal sealed class FakeChannel(string name, ChannelKind kind) : IMessageChannel
{
    private readonly ConcurrentQueue<Func<OutboundMessage, SendResult>> _script = new();
    private readonly ConcurrentQueue<(OutboundMessage Message, SendResult? Result)> _calls = new();
    private int _accepted;

    public ChannelKind Kind => kind;

    public string Name => name;

    /// <summary>Every call, in order, with its answer (<see langword="null"/> when the call threw).</summary>
    public IReadOnlyList<(OutboundMessage Message, SendResult? Result)> Calls => [.. _calls];

    /// <summary>The messages the channel accepted.</summary>
    public IReadOnlyList<OutboundMessage> Accepted => [.. _calls.Where(c => c.Result is { IsAccepted: true }).Select(c => c.Message)];

    /// <summary>Answers the next call with <paramref name="answer"/>; later calls use later scripted answers, then accept.</summary>
    public FakeChannel Then(Func<OutboundMessage, SendResult> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public FakeChannel Then(SendResult result) => Then(_ => result);

    public FakeChannel ThenThrow(Exception exception) => Then(_ => throw exception);

    public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = _script.TryDequeue(out var answer)
                ? answer(message)
                : SendResult.Accepted(name + "-" + Interlocked.Increment(ref _accepted).ToString(CultureInfo.InvariantCulture));
            _calls.Enqueue((message, result));
            return ValueTask.FromResult(result);
        }
        catch (Exception)
        {
            _calls.Enqueue((message, null));
            throw;
        }
    }
}

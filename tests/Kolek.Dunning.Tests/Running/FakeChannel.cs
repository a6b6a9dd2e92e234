using System.Collections.Concurrent;
using System.Globalization;
using Kolek.Channels;

namespace Kolek.Dunning.Tests.Running;

/// <summary>A channel that records every message handed to it and answers from a script (accepted by default).</summary>
internal sealed class FakeChannel(string name, ChannelKind kind) : IMessageChannel
{
    private readonly ConcurrentQueue<Func<OutboundMessage, Task<SendResult>>> _script = new();
    private readonly ConcurrentQueue<(OutboundMessage Message, SendResult? Result)> _calls = new();
    private int _accepted;

    public ChannelKind Kind => kind;

    public string Name => name;

    /// <summary>Every finished call, in order, with its answer (<see langword="null"/> when the call threw).</summary>
    public IReadOnlyList<(OutboundMessage Message, SendResult? Result)> Calls => [.. _calls];

    /// <summary>The messages the channel accepted.</summary>
    public IReadOnlyList<OutboundMessage> Accepted => [.. _calls.Where(c => c.Result is { IsAccepted: true }).Select(c => c.Message)];

    /// <summary>A delay before every answer, to interleave concurrent runs.</summary>
    public Func<Task>? Latency { get; init; }

    /// <summary>Answers the next unscripted call with <paramref name="answer"/>; once the script is used up, calls are accepted.</summary>
    public FakeChannel ThenAsync(Func<OutboundMessage, Task<SendResult>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public FakeChannel Then(Func<OutboundMessage, SendResult> answer) => ThenAsync(m => Task.FromResult(answer(m)));

    public FakeChannel Then(SendResult result) => Then(_ => result);

    public FakeChannel ThenThrow(Exception exception) => Then(_ => throw exception);

    public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        if (Latency is not null)
        {
            await Latency();
        }

        try
        {
            var result = _script.TryDequeue(out var answer)
                ? await answer(message)
                : SendResult.Accepted(name + "-" + Interlocked.Increment(ref _accepted).ToString(CultureInfo.InvariantCulture));
            _calls.Enqueue((message, result));
            return result;
        }
        catch (Exception)
        {
            _calls.Enqueue((message, null));
            throw;
        }
    }
}

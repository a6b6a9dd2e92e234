using System.Collections.Concurrent;
using System.Globalization;
using Kolek.Channels;
using Kolek.Dunning.Running;

namespace Kolek.Dunning.Tests.Running;

/// <summary>An escalation handler that records every request and answers from a script (accepted by default).</summary>
internal sealed class RecordingEscalationHandler : IEscalationHandler
{
    private readonly ConcurrentQueue<Func<EscalationRequest, SendResult>> _script = new();
    private readonly ConcurrentQueue<EscalationRequest> _requests = new();
    private readonly ConcurrentQueue<(EscalationRequest Request, SendResult? Result)> _calls = new();

    public IReadOnlyList<EscalationRequest> Requests => [.. _requests];

    /// <summary>Every finished call with its answer (<see langword="null"/> when the call threw).</summary>
    public IReadOnlyList<(EscalationRequest Request, SendResult? Result)> Calls => [.. _calls];

    public RecordingEscalationHandler Then(Func<EscalationRequest, SendResult> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public ValueTask<SendResult> HandleAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        try
        {
            var result = _script.TryDequeue(out var answer)
                ? answer(request)
                : SendResult.Accepted("esc-" + _requests.Count.ToString(CultureInfo.InvariantCulture));
            _calls.Enqueue((request, result));
            return ValueTask.FromResult(result);
        }
        catch (Exception)
        {
            _calls.Enqueue((request, null));
            throw;
        }
    }
}

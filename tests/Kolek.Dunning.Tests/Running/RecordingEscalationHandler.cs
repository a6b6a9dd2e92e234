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

    public IReadOnlyList<EscalationRequest> Requests => [.. _requests];

    public RecordingEscalationHandler Then(Func<EscalationRequest, SendResult> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public ValueTask<SendResult> HandleAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        var result = _script.TryDequeue(out var answer)
            ? answer(request)
            : SendResult.Accepted("esc-" + _requests.Count.ToString(CultureInfo.InvariantCulture));
        return ValueTask.FromResult(result);
    }
}

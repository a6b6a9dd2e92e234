using System.Text.Encodings.Web;
using System.Text.Json;
using Kolek.Channels;
using Kolek.Dunning.Running;
using NodaTime.Text;

namespace Kolek.Cli.Outbox;

/// <summary>The demo's escalation handler: writes each request (e.g. a protest order for the notary) to the outbox.</summary>
public sealed class OutboxEscalations(string folder) : IEscalationHandler
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <inheritdoc />
    public async ValueTask<SendResult> HandleAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await WriteAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As for messages: nothing was handed over, so report a transient failure the next run retries.
            return SendResult.TransientFailure($"cannot write to the outbox {folder}: {e.Message}", TimeSpan.Zero);
        }
    }

    private async Task<SendResult> WriteAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{request.StepId}-{request.ActionName}-{request.CustomerId}-{request.IdempotencyKey}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            request.IdempotencyKey,
            request.ActionName,
            request.CustomerId,
            request.ChargeIds,
            request.StepId,
            request.AmountDue,
            at = InstantPattern.General.Format(request.At),
        }, s_json), cancellationToken);
        return SendResult.Accepted("escalation-" + request.IdempotencyKey);
    }
}

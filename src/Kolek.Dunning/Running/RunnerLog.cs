using Microsoft.Extensions.Logging;

namespace Kolek.Dunning.Running;

/// <summary>The runner's structured log events. Contact points, customer ids and provider reasons are masked before they get here.</summary>
internal static partial class RunnerLog
{
    [LoggerMessage(EventId = 1, EventName = "RunStarted", Level = LogLevel.Information,
        Message = "Dunning run of ruler {RulerId} at {At} started (partition {Partition})")]
    public static partial void RunStarted(ILogger logger, string rulerId, string at, string partition);

    [LoggerMessage(EventId = 2, EventName = "RunFinished", Level = LogLevel.Information,
        Message = "Dunning run of ruler {RulerId} finished: {Sent} sent, {Skipped} skipped, {Failed} failed, {InDoubt} in doubt, in {ElapsedMs} ms")]
    public static partial void RunFinished(ILogger logger, string rulerId, int sent, int skipped, int failed, int inDoubt, long elapsedMs);

    [LoggerMessage(EventId = 10, EventName = "MessageSent", Level = LogLevel.Information,
        Message = "Step {StepId} sent on {Channel} to {Recipient} for customer {CustomerId} (message {MessageId}, provider id {ProviderMessageId})")]
    public static partial void MessageSent(ILogger logger, string stepId, string channel, string recipient, string customerId, string messageId, string providerMessageId);

    [LoggerMessage(EventId = 11, EventName = "MessageFailed", Level = LogLevel.Warning,
        Message = "Step {StepId} on {Channel} for customer {CustomerId} failed (transient: {Transient}): {Reason}")]
    public static partial void MessageFailed(ILogger logger, string stepId, string channel, string customerId, bool transient, string reason);

    [LoggerMessage(EventId = 12, EventName = "MessageSkipped", Level = LogLevel.Debug,
        Message = "Step {StepId} on {Channel} for charges {ChargeIds} skipped: {Reason}")]
    public static partial void MessageSkipped(ILogger logger, string stepId, string channel, string chargeIds, string reason);

    [LoggerMessage(EventId = 13, EventName = "MessageInDoubt", Level = LogLevel.Error,
        Message = "Step {StepId} on {Channel} for customer {CustomerId} is in doubt (message {MessageId}): {Error}")]
    public static partial void MessageInDoubt(ILogger logger, string stepId, string channel, string customerId, string messageId, string error);

    [LoggerMessage(EventId = 20, EventName = "InDoubtResolved", Level = LogLevel.Warning,
        Message = "In-doubt message {MessageId} ({Channel}, claimed at {ClaimedAt}) resolved: {Resolution}")]
    public static partial void InDoubtResolved(ILogger logger, string messageId, string channel, string claimedAt, string resolution);

    [LoggerMessage(EventId = 30, EventName = "TemplateWarning", Level = LogLevel.Warning, Message = "Template warning {Code}: {Text}")]
    public static partial void TemplateWarning(ILogger logger, string code, string text);
}

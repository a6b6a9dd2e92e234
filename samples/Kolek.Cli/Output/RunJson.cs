using System.Text.Json;
using Kolek.Dunning.Running;

namespace Kolek.Cli.Output;

/// <summary>The JSON of what a dunning run did (<c>kolek run</c>'s <c>sent</c>, <c>kolek demo</c>'s <c>newlySent</c>).</summary>
public static class RunJson
{
    /// <summary>Writes the properties of one sent message: <c>messageId, chargeIds, customerId, stepId, channel, recipient, providerMessageId, dueAt</c>.</summary>
    public static void WriteSent(Utf8JsonWriter w, RunSent s)
    {
        w.WriteString("messageId", s.MessageId);
        w.Strings("chargeIds", s.ChargeIds);
        w.WriteString("customerId", s.CustomerId);
        w.WriteString("stepId", s.StepId);
        w.WriteString("channel", s.Channel);
        w.WriteString("recipient", s.Recipient);
        w.WriteString("providerMessageId", s.ProviderMessageId);
        w.Instant("dueAt", s.DueAt);
    }
}

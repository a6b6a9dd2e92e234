using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>A collection action on a charge: a ruler step carried out (or to be carried out) on some channels at an instant.</summary>
/// <param name="StepId">The ruler step.</param>
/// <param name="Channels">The channels (for an escalation such as a protest, the action's name).</param>
/// <param name="At">When: for a past action the instant the channel accepted it; for a next action the instant it is due.</param>
/// <remarks>Instances are immutable and thread-safe; <paramref name="Channels"/> is compared by reference.</remarks>
public sealed record CollectionAction(string StepId, IReadOnlyList<string> Channels, Instant At)
{
    /// <summary>The members, with the channels listed.</summary>
    /// <returns>For example <c>CollectionAction { StepId = d5, Channels = [email, whatsapp], At = 2026-11-09T11:00:00Z }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(CollectionAction),
        (nameof(StepId), StepId), (nameof(Channels), Internal.ResultText.List(Channels)), (nameof(At), Internal.ResultText.Instant(At)));

    /// <summary>The short form used inside other summaries: <c>d5 at 2026-11-09T11:00:00Z</c>, or <c>null</c>.</summary>
    internal static string Short(CollectionAction? action) =>
        action is null ? "null" : action.StepId + " at " + Internal.ResultText.Instant(action.At);
}

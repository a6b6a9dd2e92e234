namespace Kolek.Dunning.Analytics;

/// <summary>How well one ruler step works on one channel: the messages the journal records as sent and how many of the charges they covered were then paid.</summary>
/// <param name="StepId">The ruler step.</param>
/// <param name="Channel">The channel (<c>email</c>, <c>whatsapp</c>, <c>sms</c>…).</param>
/// <param name="Sent">Distinct messages accepted by the channel (journal entries in state sent, counted by message id: a consolidated message counts once).</param>
/// <param name="Charges">The charges those messages covered (one per sent journal entry).</param>
/// <param name="PaidWithin">Of <paramref name="Charges"/>, those settled with a <c>PaidDate</c> from the local send date to <see cref="InsightOptions.PaidWithinDays"/> days after it, inclusive.</param>
/// <param name="Days">The window <see cref="InsightOptions.PaidWithinDays"/> used.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record StepEffectiveness(string StepId, string Channel, int Sent, int Charges, int PaidWithin, int Days)
{
    /// <summary><c>PaidWithin ÷ Charges</c>, rounded half-even to 4 decimals; 0 when no charge was covered.</summary>
    public decimal Rate => Charges == 0 ? 0m : Math.Round((decimal)PaidWithin / Charges, 4, MidpointRounding.ToEven);
}

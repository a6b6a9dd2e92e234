namespace Kolek.Dunning.Journal;

/// <summary>What the journal guarantees happens at most once: one ruler step, on one channel, for one charge.</summary>
/// <remarks>
/// <para>
/// A message that covers several charges (a customer-day consolidation) is journaled as one key per charge, claimed
/// together (see <see cref="JournalClaim"/>), so "charge C-1 got step d2 on WhatsApp" stays true and checkable whatever
/// grouping the ruler used on any day.
/// </para>
/// <para>Ids are compared ordinally (case-sensitive), exactly as a database unique key over the three columns would.</para>
/// <para><c>default(JournalKey)</c> has null parts and is rejected wherever a key is accepted.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct JournalKey
{
    /// <summary>Initializes a new key.</summary>
    /// <param name="chargeId">The host's id of the charge.</param>
    /// <param name="stepId">The ruler step id, for example <c>d2</c>.</param>
    /// <param name="channel">The channel name, for example <c>whatsapp</c>.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public JournalKey(string chargeId, string stepId, string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ChargeId = chargeId;
        StepId = stepId;
        Channel = channel;
    }

    /// <summary>Gets the host's id of the charge.</summary>
    public string ChargeId { get; }

    /// <summary>Gets the ruler step id.</summary>
    public string StepId { get; }

    /// <summary>Gets the channel name.</summary>
    public string Channel { get; }

    /// <summary>Returns the key as <c>charge/step/channel</c>.</summary>
    /// <returns>For example <c>C-1/d2/whatsapp</c>.</returns>
    public override string ToString() => $"{ChargeId}/{StepId}/{Channel}";

    internal bool IsDefault => ChargeId is null;
}

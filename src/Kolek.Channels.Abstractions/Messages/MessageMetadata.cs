namespace Kolek.Channels;

/// <summary>Which customer, charges and ruler step a message is about.</summary>
/// <remarks><threadsafety>Immutable when built from collections nobody mutates.</threadsafety></remarks>
public sealed record MessageMetadata
{
    /// <summary>Initializes new metadata.</summary>
    /// <param name="customerId">The host's id of the customer.</param>
    /// <param name="chargeIds">The charges the message covers (several when the ruler consolidates a customer's charges).</param>
    /// <param name="stepId">The ruler step that produced the message, for example <c>d2</c>.</param>
    /// <exception cref="ArgumentException">An argument is empty, or a charge id is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="chargeIds"/> is null.</exception>
    public MessageMetadata(string customerId, IReadOnlyList<string> chargeIds, string stepId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentNullException.ThrowIfNull(chargeIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        if (chargeIds.Count == 0 || chargeIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A message covers at least one charge, and charge ids cannot be empty.", nameof(chargeIds));
        }

        CustomerId = customerId;
        ChargeIds = [.. chargeIds];
        StepId = stepId;
    }

    /// <summary>Gets the host's id of the customer.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the charges the message covers, at least one.</summary>
    public IReadOnlyList<string> ChargeIds { get; }

    /// <summary>Gets the ruler step that produced the message.</summary>
    public string StepId { get; }
}

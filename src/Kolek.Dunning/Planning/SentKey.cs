namespace Kolek.Dunning.Planning;

/// <summary>The identity of one thing done for a charge: a step sent through a channel (or an escalation performed).</summary>
/// <param name="ChargeId">The charge's id.</param>
/// <param name="StepId">The ruler step's id.</param>
/// <param name="Channel">The lowercase channel name; for an escalation, its action name (e.g. <c>"protest"</c>, see <see cref="Ruler.RulerStep.EscalationKey"/>).</param>
/// <remarks>The journal claims each key at most once (design rule 1: never twice); the planner never plans a key that is done.</remarks>
public readonly record struct SentKey(string ChargeId, string StepId, string Channel)
{
    /// <summary>A hash for dictionaries keyed by <see cref="SentKey"/> (journals, the evaluator's look-ups).</summary>
    /// <returns>The randomized string hash of <see cref="ChargeId"/> mixed with a plain hash of the short step id and channel.</returns>
    /// <remarks>
    /// The charge id, which comes from the host's data, keeps the runtime's randomized (flooding-resistant) string hash;
    /// the step id and channel come from the ruler, are a few characters long and few, so a plain ordinal hash is enough
    /// and saves two of the three randomized hashes per look-up (measured in <c>Kolek.Benchmarks --evaluate</c>).
    /// Equal keys have equal hashes, as <see cref="Equals(SentKey)"/> compares the three strings ordinally.
    /// </remarks>
    public override int GetHashCode() =>
        (ChargeId?.GetHashCode(StringComparison.Ordinal) ?? 0) ^ (int)(((uint)Plain(StepId) * 0x9E3779B1u) + (uint)Plain(Channel));

    /// <summary>FNV-1a over the characters: cheap for the short, trusted step ids and channel names.</summary>
    private static int Plain(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}

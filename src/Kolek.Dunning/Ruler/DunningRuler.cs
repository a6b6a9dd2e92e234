using Kolek.Dunning.LateCharges;
using NodaTime;

namespace Kolek.Dunning.Ruler;

/// <summary>A dunning ruler (régua de cobrança): ordered steps relative to the issue or due date, with send windows and policies.</summary>
/// <remarks>
/// Read one from JSON with <see cref="RulerJson.Parse"/> (format in <c>docs/ruler.md</c>), or build it in code and check it
/// with <see cref="Validate"/>. Named <c>DunningRuler</c> rather than <c>Ruler</c> so that it does not clash with its namespace.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed record DunningRuler
{
    /// <summary>The ruler's identifier (e.g. <c>"padrao"</c>).</summary>
    public required string Id { get; init; }

    /// <summary>A human name (e.g. <c>"Régua padrão"</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The zone of customers that state none.</summary>
    /// <value>The default value is <see langword="null"/>: the planner's default zone (America/Sao_Paulo unless configured).</value>
    public DateTimeZone? TimeZone { get; init; }

    /// <summary>When messages may be sent.</summary>
    /// <value>The default value is <see cref="SendWindows.Default"/>.</value>
    public SendWindows SendWindows { get; init; } = SendWindows.Default;

    /// <summary>What happens to missed steps.</summary>
    /// <value>The default value is <see langword="null"/>: the planner's default (latest, 7 days unless configured).</value>
    public CatchUpPolicy? CatchUp { get; init; }

    /// <summary>How due message steps are grouped.</summary>
    /// <value>The default value is <see cref="Consolidation.Charge"/>.</value>
    public Consolidation Consolidate { get; init; } = Consolidation.Charge;

    /// <summary>The fine and interest stated in messages (the consumer flag is taken from each customer).</summary>
    /// <value>The default value is <see cref="LateChargeTerms.None"/>.</value>
    public LateChargeTerms LateCharges { get; init; } = LateChargeTerms.None;

    /// <summary>The caps on messages per customer (e.g. one a day, three a week), applied across charges and steps.</summary>
    /// <value>The default value is the empty list (no cap).</value>
    /// <remarks>Copied on <c>init</c>: later changes to the list given do not change the ruler.</remarks>
    public IReadOnlyList<FrequencyCap> FrequencyCaps { get; init => field = value is null ? null! : [.. value]; } = [];

    /// <summary>The steps, in the order written.</summary>
    /// <value>The default value is the empty list.</value>
    /// <remarks>Copied on <c>init</c>: later changes to the list given do not change the ruler.</remarks>
    public IReadOnlyList<RulerStep> Steps { get; init => field = value is null ? null! : [.. value]; } = [];

    /// <summary>Checks the ruler and returns every problem found (empty when valid).</summary>
    /// <param name="knownChannels">When given, the channel names the host can send through; other names are errors.</param>
    /// <returns>The errors, with stable codes (<see cref="RulerErrorCodes"/>); never throws for a structurally complete ruler.</returns>
    public IReadOnlyList<RulerValidationError> Validate(IReadOnlySet<string>? knownChannels = null) =>
        RulerValidator.Check(this, knownChannels);

    /// <summary>The step with the given id, or <see langword="null"/>.</summary>
    /// <param name="stepId">The step id.</param>
    /// <returns>The first step with that id.</returns>
    public RulerStep? FindStep(string stepId) => Steps.FirstOrDefault(s => string.Equals(s.Id, stepId, StringComparison.Ordinal));
}

namespace Kolek.Dunning.Analytics;

/// <summary>How many charges stand in one state, and what they still owe.</summary>
/// <param name="State">The state.</param>
/// <param name="Count">The number of charges in it.</param>
/// <param name="Outstanding">The sum of their <see cref="ChargeStanding.Outstanding"/>, in BRL.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record StateCount(ChargeState State, int Count, decimal Outstanding)
{
    /// <summary>The state's JSON name (<see cref="ChargeStanding.NameOf"/>).</summary>
    public string StateName => ChargeStanding.NameOf(State);
}

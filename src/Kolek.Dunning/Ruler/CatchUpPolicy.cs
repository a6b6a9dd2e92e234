namespace Kolek.Dunning.Ruler;

/// <summary>The ruler's catch-up policy for steps whose moment passed without being done.</summary>
/// <param name="Mode">Which missed steps still go out.</param>
/// <param name="StalenessLimitDays">A message step more than this many days past its scheduled day is never sent (skipped as stale).</param>
/// <remarks>The policy applies to message steps; escalations stay due while their notice condition holds.</remarks>
public sealed record CatchUpPolicy(CatchUpMode Mode = CatchUpMode.Latest, int StalenessLimitDays = CatchUpPolicy.DefaultStalenessLimitDays)
{
    /// <summary>The default staleness limit, in days.</summary>
    public const int DefaultStalenessLimitDays = 7;

    /// <summary>The default policy: <see cref="CatchUpMode.Latest"/> with a 7-day staleness limit.</summary>
    public static CatchUpPolicy Default { get; } = new();
}

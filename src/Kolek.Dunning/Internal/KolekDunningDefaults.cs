using Kolek.Dunning.Ruler;

namespace Kolek.Dunning.Internal;

/// <summary>The default values of <see cref="KolekDunningOptions"/>.</summary>
internal static class KolekDunningDefaults
{
    public const string TimeZoneId = "America/Sao_Paulo";

    public const CatchUpMode CatchUp = CatchUpMode.Latest;
}

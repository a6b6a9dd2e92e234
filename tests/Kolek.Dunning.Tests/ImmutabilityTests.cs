using System.Reflection;
using System.Runtime.CompilerServices;
using Kolek.Dunning.Insight.Risk;
using Kolek.Dunning.Planning;

namespace Kolek.Dunning.Tests;

public sealed class ImmutabilityTests
{
    [Fact]
    public void PublicTypes_ExceptOptions_HaveNoPublicSettersOrMutableFields()
    {
        var mutable = typeof(DunningPlanner).Assembly.GetExportedTypes()
            .Where(t => t != typeof(KolekDunningOptions) && t != typeof(RiskTrainingOptions) && !t.IsEnum)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.SetMethod is { IsPublic: true } setter
                    && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                .Select(p => $"{t.Name}.{p.Name}")
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                    .Where(f => !f.IsInitOnly && !f.IsLiteral)
                    .Select(f => $"{t.Name}.{f.Name}")))
            .ToList();

        Assert.Empty(mutable);
        Assert.Contains(typeof(DunningPlanner).Assembly.GetExportedTypes(), t => t == typeof(PlannedAction));
    }
}

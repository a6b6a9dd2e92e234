using System.Reflection;
using System.Runtime.CompilerServices;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Templates;

namespace Kolek.Dunning.Tests.Templates;

/// <summary>Locks in that the public values of Templates and Journal cannot be changed after construction.</summary>
public class TemplatesImmutabilityTests
{
    [Theory]
    [InlineData("Kolek.Dunning.Templates")]
    [InlineData("Kolek.Dunning.Journal")]
    public void PublicTypes_HaveNoPublicSettersOrWritableFields(string ns)
    {
        var types = typeof(TemplateSet).Assembly.GetExportedTypes().Where(t => t.Namespace == ns && !t.IsInterface && !t.IsEnum).ToList();
        var mutable = new List<string>();
        foreach (var type in types)
        {
            mutable.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.SetMethod is { IsPublic: true } setter
                    && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                .Select(p => $"{type.Name}.{p.Name}"));
            mutable.AddRange(type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{type.Name}.{f.Name}"));
        }

        Assert.NotEmpty(types);
        Assert.Empty(mutable);
        Assert.Contains(typeof(InMemoryDunningJournal), typeof(TemplateSet).Assembly.GetExportedTypes());
    }
}

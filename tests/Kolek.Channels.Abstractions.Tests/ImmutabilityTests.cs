using System.Reflection;
using System.Runtime.CompilerServices;

namespace Kolek.Channels.Tests;

/// <summary>Locks in that the public values of the package cannot be changed after construction (NodaTime's MutabilityTest).</summary>
public class ImmutabilityTests
{
    internal static IEnumerable<string> MutableMembers(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(t => t.IsPublic && !t.IsInterface && !t.IsEnum))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var setter = property.SetMethod;
                if (setter is { IsPublic: true }
                    && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                {
                    yield return $"{type.Name}.{property.Name}";
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (!field.IsInitOnly && !field.IsLiteral)
                {
                    yield return $"{type.Name}.{field.Name}";
                }
            }
        }
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSettersOrWritableFields()
    {
        Assert.Empty(MutableMembers(typeof(IMessageChannel).Assembly.GetExportedTypes()));
    }
}

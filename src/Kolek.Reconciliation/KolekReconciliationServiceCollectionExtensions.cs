using Kolek.Reconciliation.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Kolek reconciliation in a service collection.</summary>
public static class KolekReconciliationServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="ReconciliationMatcher"/> and its <see cref="MatchingOptions"/> (validated when the host
    /// starts, every problem reported in one <see cref="OptionsValidationException"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the matching options; may be called again to add more configuration.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>Every registration uses <c>TryAdd</c>: calling this twice registers each service once, and services
    /// registered before win. No <see cref="IReconciliationLedger"/> is registered: the host registers its durable one
    /// (its database), since <see cref="InMemoryReconciliationLedger"/> forgets on restart what was reconciled and a file
    /// imported again would pay its charges twice (the same reason <c>AddKolekDunning</c> registers no in-memory journal).
    /// Tests and one-shot tools may register <see cref="InMemoryReconciliationLedger"/> themselves.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddKolekReconciliation(this IServiceCollection services, Action<MatchingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MatchingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MatchingOptions>, MatchingOptionsValidator>());
        services.TryAddSingleton(sp => new ReconciliationMatcher(sp.GetRequiredService<IOptions<MatchingOptions>>().Value));
        return services;
    }
}

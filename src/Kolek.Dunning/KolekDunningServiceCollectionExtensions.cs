using Kolek.Dunning;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Internal;
using Kolek.Dunning.Planning;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Kolek's dunning services (options, clock, business calendar, planner).</summary>
public static class KolekDunningServiceCollectionExtensions
{
    /// <summary>Adds <see cref="KolekDunningOptions"/> (validated at start-up), <see cref="IClock"/>, <see cref="BusinessCalendar"/> and <see cref="DunningPlanner"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; may be called again to add configuration.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Only <c>TryAdd</c> registrations: services the host registered first win, and calling this twice registers nothing twice.
    /// The clock is the host's <see cref="TimeProvider"/> when one is registered, else the system clock.
    /// </remarks>
    public static IServiceCollection AddKolekDunning(this IServiceCollection services, Action<KolekDunningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<KolekDunningOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KolekDunningOptions>, KolekDunningOptionsValidator>());
        services.TryAddSingleton(CreateClock);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<KolekDunningOptions>>().Value.BuildCalendar());
        services.TryAddSingleton(sp => new DunningPlanner(
            sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<IOptions<KolekDunningOptions>>().Value));
        return services;
    }

    private static IClock CreateClock(IServiceProvider provider)
    {
        if (provider.GetService<TimeProvider>() is { } timeProvider)
        {
            return timeProvider.ToClock();
        }

        // The one place allowed to pick the system clock (BannedSymbols.txt bans it everywhere else in src/).
#pragma warning disable RS0030
        return SystemClock.Instance;
#pragma warning restore RS0030
    }
}

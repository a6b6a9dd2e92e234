using System.Diagnostics.Metrics;
using Kolek.Channels;
using Kolek.Dunning;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Internal;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Kolek's dunning services (options, clock, business calendar, planner, runner) and message channels.</summary>
public static class KolekDunningServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="KolekDunningOptions"/> (validated at start-up), <see cref="IClock"/>, <see cref="BusinessCalendar"/>,
    /// <see cref="DunningPlanner"/>, <see cref="TemplateSet"/> (<see cref="TemplateSet.BuiltIn"/>), <see cref="TemplateCreditor"/>
    /// (from <see cref="KolekDunningOptions.CreditorName"/> and <see cref="KolekDunningOptions.CreditorCnpj"/>) and <see cref="DunningRunner"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; may be called again to add configuration.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Only <c>TryAdd</c> registrations: services the host registered first win, and calling this twice registers nothing twice.
    /// The clock is the host's <see cref="TimeProvider"/> when one is registered, else the system clock.</para>
    /// <para>The runner is transient, so it follows the lifetimes of what it uses; resolving it needs the host's
    /// <see cref="IDunningJournal"/> (a durable one: <see cref="InMemoryDunningJournal"/> is not registered, since it loses
    /// the exactly-once guarantee on restart), <see cref="IReceivableSource"/> and channels (see
    /// <see cref="AddKolekChannel{TChannel}(IServiceCollection)"/>); an <see cref="IEscalationHandler"/>, <c>ILogger&lt;DunningRunner&gt;</c> and
    /// <see cref="IMeterFactory"/> are used when registered (no logging and a shared meter otherwise).</para>
    /// <para>The runner's <see cref="DunningRunnerOptions"/> are a registered instance when there is one, else
    /// <c>IOptions&lt;DunningRunnerOptions&gt;</c> (e.g. <c>services.Configure&lt;DunningRunnerOptions&gt;(configuration.GetSection("Kolek:Runner"))</c>),
    /// validated at start-up like <see cref="KolekDunningOptions"/>.</para>
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
        services.AddOptions<DunningRunnerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DunningRunnerOptions>, DunningRunnerOptionsValidator>());
        // The one place allowed to pick the system clock, when the host registered no TimeProvider (BannedSymbols.txt bans it elsewhere).
#pragma warning disable RS0030
        services.TryAddSingleton<IClock>(sp => sp.GetService<TimeProvider>()?.ToClock() ?? SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<KolekDunningOptions>>().Value.BuildCalendar());
        services.TryAddSingleton(sp => new DunningPlanner(
            sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<IOptions<KolekDunningOptions>>().Value));
        services.TryAddSingleton(TemplateSet.BuiltIn);
        services.TryAddSingleton(CreateCreditor);
        services.TryAddTransient(sp => new DunningRunner(
            sp.GetRequiredService<DunningPlanner>(),
            sp.GetRequiredService<IDunningJournal>(),
            sp.GetRequiredService<IReceivableSource>(),
            sp.GetServices<IMessageChannel>(),
            sp.GetRequiredService<TemplateSet>(),
            sp.GetRequiredService<TemplateCreditor>(),
            sp.GetService<IEscalationHandler>(),
            sp.GetService<DunningRunnerOptions>() ?? sp.GetRequiredService<IOptions<DunningRunnerOptions>>().Value,
            sp.GetService<ILogger<DunningRunner>>(),
            sp.GetService<IMeterFactory>()));
        return services;
    }

    /// <summary>Adds a message channel for the <see cref="DunningRunner"/>, as a singleton <see cref="IMessageChannel"/>.</summary>
    /// <typeparam name="TChannel">The channel type, built by the container.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>Adding the same type again registers nothing more. Channel names (<see cref="IMessageChannel.Name"/>) must be unique.</remarks>
    public static IServiceCollection AddKolekChannel<TChannel>(this IServiceCollection services)
        where TChannel : class, IMessageChannel
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageChannel, TChannel>());
        return services;
    }

    /// <summary>Adds a ready-made message channel for the <see cref="DunningRunner"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="channel">The channel instance.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Adding the same instance again registers nothing more. Channel names (<see cref="IMessageChannel.Name"/>) must be unique.</remarks>
    public static IServiceCollection AddKolekChannel(this IServiceCollection services, IMessageChannel channel)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(channel);
        if (!services.Any(d => d.ServiceType == typeof(IMessageChannel) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, channel)))
        {
            services.AddSingleton(channel);
        }

        return services;
    }

    private static TemplateCreditor CreateCreditor(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<KolekDunningOptions>>().Value;
        if (options.CreditorName is null || options.CreditorCnpj is null)
        {
            throw new InvalidOperationException(
                "No creditor is configured: set KolekDunningOptions.CreditorName and CreditorCnpj, or register a TemplateCreditor.");
        }

        return new TemplateCreditor(options.CreditorName, options.CreditorCnpj);
    }
}

using Kolek.Channels;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using Kolek.Dunning.Tests.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests;

/// <summary>DI for the runner: creditor options, templates, channels and the runner itself.</summary>
public sealed partial class KolekDunningServiceCollectionExtensionsTests
{
    private const string CreditorName = "Empresa Exemplo Ltda";

    private static ServiceCollection HostServices(IDunningJournal journal, IReceivableSource source, params IMessageChannel[] channels)
    {
        var services = new ServiceCollection();
        services.AddSingleton(journal).AddSingleton(source).AddSingleton(ApprovedTemplates);
        foreach (var channel in channels)
        {
            services.AddKolekChannel(channel);
        }

        services.AddKolekDunning(o =>
        {
            o.CreditorName = CreditorName;
            o.CreditorCnpj = "11.222.333/0001-81";
        });
        return services;
    }

    [Fact]
    public async Task AddKolekDunning_HostJournalSourceAndChannels_RunnerResolvesAndSends()
    {
        var source = new FakeReceivableSource(Charge("C-1"));
        var email = new FakeChannel("email", ChannelKind.Email);
        var whatsapp = new FakeChannel("whatsapp", ChannelKind.WhatsApp);
        var journal = new InMemoryDunningJournal();
        using var provider = HostServices(journal, source, email, whatsapp).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var result = await provider.GetRequiredService<DunningRunner>().RunAsync(
            RulerOf(MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto")), At(Due, 9));

        Assert.Equal(2, result.Sent.Count);
        Assert.Contains(CreditorName, Assert.Single(email.Accepted).TextBody, StringComparison.Ordinal);
        Assert.Single(whatsapp.Accepted);
        Assert.Equal(JournalEntryState.Sent, (await journal.GetAsync(new JournalKey("C-1", "d0", "email")))?.State);
        Assert.Same(TemplateSet.BuiltIn, provider.GetRequiredService<TemplateSet>());
        Assert.Equal(new TemplateCreditor(CreditorName, "11222333000181"), provider.GetRequiredService<TemplateCreditor>());
    }

    [Fact]
    public async Task AddKolekDunning_EscalationHandlerRegistered_RunnerUsesIt()
    {
        var handler = new RecordingEscalationHandler();
        var services = HostServices(new InMemoryDunningJournal(), new FakeReceivableSource(Charge("C-1")));
        services.AddSingleton<IEscalationHandler>(handler);
        using var provider = services.BuildServiceProvider();
        var ruler = RulerOf(new RulerStep { Id = "protesto", Anchor = StepAnchor.Due, OffsetDays = 1, Action = StepActionKind.Suspension });

        var result = await provider.GetRequiredService<DunningRunner>().RunAsync(ruler, At(Due.PlusDays(1), 9));

        Assert.Equal("C-1", Assert.Single(Assert.Single(handler.Requests).ChargeIds));
        Assert.Single(result.Sent);
    }

    [Fact]
    public void AddKolekDunning_RunnerOptionsAsIOptions_RunnerUsesThem()
    {
        // A host that binds the runner's options from configuration (services.Configure<DunningRunnerOptions>(section))
        // gets them as IOptions<DunningRunnerOptions>; they were ignored (tryout7).
        var services = HostServices(new InMemoryDunningJournal(), new FakeReceivableSource());
        services.RemoveAll<DunningRunnerOptions>();
        services.Configure<DunningRunnerOptions>(o => Bind(o, (nameof(o.MaxAttempts), 3), (nameof(o.BatchSize), 500)));
        using var provider = services.BuildServiceProvider();

        var runner = provider.GetRequiredService<DunningRunner>();

        var used = (DunningRunnerOptions?)typeof(DunningRunner)
            .GetField("_options", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)?.GetValue(runner);
        Assert.Equal(3, used?.MaxAttempts);
        Assert.Equal(500, used?.BatchSize);
    }

    /// <summary>Sets init-only properties as the configuration binder does (by reflection).</summary>
    private static void Bind(DunningRunnerOptions options, params (string Property, object Value)[] values)
    {
        foreach (var (property, value) in values)
        {
            typeof(DunningRunnerOptions).GetProperty(property)!.SetValue(options, value);
        }
    }

    [Fact]
    public void AddKolekDunning_InvalidRunnerOptions_ReportedAtStartUp()
    {
        var services = HostServices(new InMemoryDunningJournal(), new FakeReceivableSource());
        services.RemoveAll<DunningRunnerOptions>();
        services.Configure<DunningRunnerOptions>(o => Bind(o, (nameof(o.MaxAttempts), 0)));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() =>
        {
            foreach (var validator in provider.GetServices<IStartupValidator>())
            {
                validator.Validate();
            }
        });

        Assert.Contains(nameof(DunningRunnerOptions.MaxAttempts), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKolekDunning_Defaults_NoJournalRegistered()
    {
        var services = new ServiceCollection().AddKolekDunning();
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IDunningJournal));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(InMemoryDunningJournal));
        using var provider = services.AddSingleton<IReceivableSource>(new FakeReceivableSource())
            .AddKolekDunning(o => (o.CreditorName, o.CreditorCnpj) = (CreditorName, "11222333000181")).BuildServiceProvider();
        var ex = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<DunningRunner>);
        Assert.Contains(nameof(IDunningJournal), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKolekDunning_NoCreditorConfigured_ResolvingTheRunnerSaysWhatToSet()
    {
        var services = new ServiceCollection().AddSingleton<IDunningJournal>(new InMemoryDunningJournal())
            .AddSingleton<IReceivableSource>(new FakeReceivableSource()).AddKolekDunning();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var ex = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<DunningRunner>);
        Assert.Contains("CreditorName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKolekDunning_HostCreditorFirst_HostCreditorWins()
    {
        var creditor = new TemplateCreditor("Outra Empresa", "11222333000181");
        using var provider = new ServiceCollection().AddSingleton(creditor).AddKolekDunning().BuildServiceProvider();
        Assert.Same(creditor, provider.GetRequiredService<TemplateCreditor>());
    }

    [Theory]
    [InlineData("Empresa", "11222333000182", "'11222333000182' is not a valid CNPJ")]
    [InlineData("Empresa", null, "CreditorCnpj must be set")]
    [InlineData(null, "11222333000181", "CreditorName must be set")]
    [InlineData("  ", "11222333000181", "CreditorName must be set")]
    public void AddKolekDunning_InvalidCreditor_ReportedAtStartUp(string? name, string? cnpj, string expected)
    {
        using var provider = new ServiceCollection().AddKolekDunning(o => (o.CreditorName, o.CreditorCnpj) = (name, cnpj)).BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
        Assert.Contains(expected, Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddKolekDunning_ValidCreditorWithMask_PassesStartUp()
    {
        using var provider = new ServiceCollection()
            .AddKolekDunning(o => (o.CreditorName, o.CreditorCnpj) = (CreditorName, "11.222.333/0001-81")).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("11.222.333/0001-81", provider.GetRequiredService<IOptions<KolekDunningOptions>>().Value.CreditorCnpj);
    }

    [Fact]
    public void AddKolekDunning_CalledTwice_RunnerTemplatesAndCreditorOnce()
    {
        var services = new ServiceCollection().AddKolekDunning().AddKolekDunning();
        Assert.Single(services, d => d.ServiceType == typeof(DunningRunner));
        Assert.Single(services, d => d.ServiceType == typeof(TemplateSet));
        Assert.Single(services, d => d.ServiceType == typeof(TemplateCreditor));
        Assert.Equal(ServiceLifetime.Transient, services.Single(d => d.ServiceType == typeof(DunningRunner)).Lifetime);
    }

    [Fact]
    public void AddKolekChannel_SameTypeOrInstanceTwice_RegisteredOnce()
    {
        var email = new FakeChannel("email", ChannelKind.Email);
        var whatsapp = new FakeChannel("whatsapp", ChannelKind.WhatsApp);
        using var provider = new ServiceCollection()
            .AddKolekChannel<SmsStubChannel>().AddKolekChannel<SmsStubChannel>()
            .AddKolekChannel(email).AddKolekChannel(whatsapp).AddKolekChannel(email)
            .BuildServiceProvider();

        var channels = provider.GetServices<IMessageChannel>().ToList();

        Assert.Equal(["email", "sms", "whatsapp"], channels.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Same(channels.OfType<SmsStubChannel>().Single(), provider.GetServices<IMessageChannel>().OfType<SmsStubChannel>().Single());
    }

    [Fact]
    public void AddKolekChannel_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => KolekDunningServiceCollectionExtensions.AddKolekChannel<SmsStubChannel>(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddKolekChannel(null!));
    }

    private sealed class SmsStubChannel : IMessageChannel
    {
        public ChannelKind Kind => ChannelKind.Sms;

        public string Name => "sms";

        public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(SendResult.Accepted("sms-1"));
    }
}

using Kolek.Reconciliation.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kolek.Reconciliation.Tests;

public class KolekReconciliationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddKolekReconciliation_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => KolekReconciliationServiceCollectionExtensions.AddKolekReconciliation(null!));
    }

    [Fact]
    public void AddKolekReconciliation_RegistersMatcherAndConfiguredOptions_NoInMemoryLedger()
    {
        // Integrator trial (session 6): an in-memory ledger registered by default silently lost "never pay twice" on a
        // restart of a host that forgot to register its own.
        using var provider = new ServiceCollection()
            .AddKolekReconciliation(o => o.DateWindowDays = 10)
            .BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ReconciliationMatcher>());
        Assert.Null(provider.GetService<IReconciliationLedger>());
        Assert.Equal(10, provider.GetRequiredService<IOptions<MatchingOptions>>().Value.DateWindowDays);
        Assert.Same(provider.GetRequiredService<ReconciliationMatcher>(), provider.GetRequiredService<ReconciliationMatcher>());
    }

    [Fact]
    public void AddKolekReconciliation_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddKolekReconciliation().AddKolekReconciliation();

        Assert.Single(services, d => d.ServiceType == typeof(ReconciliationMatcher));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<MatchingOptions>));
    }

    [Fact]
    public void AddKolekReconciliation_LedgerRegisteredBefore_Wins()
    {
        var ledger = new InMemoryReconciliationLedger();
        using var provider = new ServiceCollection()
            .AddSingleton<IReconciliationLedger>(ledger)
            .AddKolekReconciliation()
            .BuildServiceProvider();

        Assert.Same(ledger, provider.GetRequiredService<IReconciliationLedger>());
    }

    [Fact]
    public void AddKolekReconciliation_InvalidOptions_FailOnStartListingEveryError()
    {
        using var provider = new ServiceCollection()
            .AddKolekReconciliation(o =>
            {
                o.FeeTolerance = -0.01m;
                o.DateWindowDays = -1;
                o.MemoPatterns.Add("(?<=lookbehind)x");
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("FeeTolerance", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DateWindowDays", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MemoPatterns[5]", StringComparison.Ordinal));
    }

    [Fact]
    public void AddKolekReconciliation_ValidOptions_StartupValidationPasses()
    {
        using var provider = new ServiceCollection().AddKolekReconciliation().BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<ReconciliationMatcher>());
    }
}

using Kolek.Dunning.Calendar;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Kolek.Dunning.Tests;

public sealed partial class KolekDunningServiceCollectionExtensionsTests
{
    [Fact]
    public void Ctor_Ok_DocumentedDefaults()
    {
        var options = new KolekDunningOptions();
        Assert.Equal("America/Sao_Paulo", options.DefaultTimeZoneId);
        Assert.Equal(CatchUpMode.Latest, options.DefaultCatchUp);
        Assert.Equal(7, options.DefaultStalenessLimitDays);
        Assert.True(options.December31IsBankHoliday);
        Assert.True(options.DeferOutsideSendWindow);
        Assert.Empty(options.HolidaySuppliers);
        Assert.Null(options.Calendar);
        Assert.False(options.BuildCalendar().IsBusinessDay(new LocalDate(2026, 12, 31)));
    }

    [Fact]
    public void AddKolekDunning_Defaults_RegistersClockCalendarAndPlanner()
    {
        using var provider = new ServiceCollection().AddKolekDunning().BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<IClock>());
        Assert.NotNull(provider.GetRequiredService<DunningPlanner>());
        var calendar = provider.GetRequiredService<BusinessCalendar>();
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 11, 20)));
        Assert.Same(calendar, provider.GetRequiredService<DunningPlanner>().Calendar);
    }

    [Fact]
    public void AddKolekDunning_HostTimeProvider_IsTheClock()
    {
        var fixedTime = new FixedTimeProvider(new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(fixedTime).AddKolekDunning().BuildServiceProvider();
        Assert.Equal(Instant.FromUtc(2026, 12, 7, 11, 0), provider.GetRequiredService<IClock>().GetCurrentInstant());
    }

    [Fact]
    public void AddKolekDunning_HostClockFirst_HostClockWins()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 2, 3, 4));
        using var provider = new ServiceCollection().AddSingleton<IClock>(clock).AddKolekDunning().BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddKolekDunning_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddKolekDunning().AddKolekDunning();
        Assert.Single(services, d => d.ServiceType == typeof(DunningPlanner));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<KolekDunningOptions>));
    }

    [Fact]
    public void AddKolekDunning_HolidaySupplier_InTheCalendar()
    {
        using var provider = new ServiceCollection()
            .AddKolekDunning(o => o.HolidaySuppliers.Add(y => [new Holiday(new LocalDate(y, 7, 9), "Revolução Constitucionalista")]))
            .BuildServiceProvider();
        Assert.True(provider.GetRequiredService<BusinessCalendar>().IsHoliday(new LocalDate(2026, 7, 9)));
    }

    [Fact]
    public void AddKolekDunning_InvalidOptions_EveryErrorReported()
    {
        using var provider = new ServiceCollection()
            .AddKolekDunning(o =>
            {
                o.DefaultTimeZoneId = "Mars/Olympus";
                o.DefaultStalenessLimitDays = -1;
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KolekDunningOptions>>().Value);
        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("'Mars/Olympus' is not a TZDB time zone id"));
        Assert.Contains(ex.Failures, f => f.Contains("between 0 and 366 days (was -1)"));
    }

    [Fact]
    public void AddKolekDunning_InvalidOptions_FailsAtStartUpValidation()
    {
        using var provider = new ServiceCollection().AddKolekDunning(o => o.DefaultCatchUp = (CatchUpMode)42).BuildServiceProvider();
        var validator = provider.GetRequiredService<IStartupValidator>();
        var ex = Assert.Throws<OptionsValidationException>(validator.Validate);
        Assert.Contains("42 is not a catch-up mode", Assert.Single(ex.Failures));
    }

    [Fact]
    public void AddKolekDunning_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => KolekDunningServiceCollectionExtensions.AddKolekDunning(null!));

    [Fact]
    public void DunningPlanner_InvalidOptions_ThrowsListingEveryError()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DunningPlanner(BusinessCalendar.Brazil,
            new KolekDunningOptions { DefaultTimeZoneId = "Nowhere", DefaultStalenessLimitDays = 1000 }));
        Assert.Contains("DefaultTimeZoneId", ex.Message);
        Assert.Contains("DefaultStalenessLimitDays", ex.Message);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

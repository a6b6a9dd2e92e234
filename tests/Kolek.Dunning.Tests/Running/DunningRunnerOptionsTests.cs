using Kolek.Dunning.Running;
using NodaTime;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Invalid <see cref="DunningRunnerOptions"/> fail when the runner is built, naming the property (tryout7).</summary>
public sealed class DunningRunnerOptionsTests
{
    public static TheoryData<string> InvalidOptions() =>
    [
        nameof(DunningRunnerOptions.MaxAttempts),
        nameof(DunningRunnerOptions.InDoubtGracePeriod),
        nameof(DunningRunnerOptions.RetryDelay),
        nameof(DunningRunnerOptions.BatchSize),
        nameof(DunningRunnerOptions.InDoubt),
        nameof(DunningRunnerOptions.WhatsAppTemplates),
    ];

    internal static DunningRunnerOptions Invalid(string property) => property switch
    {
        nameof(DunningRunnerOptions.MaxAttempts) => new() { MaxAttempts = 0 },
        nameof(DunningRunnerOptions.InDoubtGracePeriod) => new() { InDoubtGracePeriod = Duration.FromMinutes(-1) },
        nameof(DunningRunnerOptions.RetryDelay) => new() { RetryDelay = Duration.FromSeconds(-1) },
        nameof(DunningRunnerOptions.BatchSize) => new() { BatchSize = 0 },
        nameof(DunningRunnerOptions.InDoubt) => new() { InDoubt = 0 },
        nameof(DunningRunnerOptions.WhatsAppTemplates) => new() { WhatsAppTemplates = null! },
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOptions_ThrowsNamingTheProperty(string property)
    {
        var h = new RunnerHarness { Options = Invalid(property) };

        var ex = Assert.Throws<ArgumentException>(h.Runner);

        Assert.Equal("options", ex.ParamName);
        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SeveralProblems_ListsEveryOne()
    {
        var h = new RunnerHarness { Options = new() { MaxAttempts = -1, BatchSize = -5 } };

        var ex = Assert.Throws<ArgumentException>(h.Runner);

        Assert.Contains(nameof(DunningRunnerOptions.MaxAttempts), ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DunningRunnerOptions.BatchSize), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Defaults_Accepted() =>
        Assert.NotNull(new RunnerHarness { Options = new DunningRunnerOptions() }.Runner());
}

namespace Kolek.Cli.Tests;

/// <summary>The demo when things go wrong: bad paths, an outbox that cannot be written, replaying an earlier day.</summary>
public sealed class DemoFailureTests
{
    [Fact]
    public void Demo_DatabaseInAMissingFolder_ExitsTwoWithoutStackTrace()
    {
        var result = Kolek.Run(Scratch.Folder(), "demo", "--db", "/nonexistent/dir/state.db", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/dir/state.db", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_DatabaseThatIsNotSqlite_ExitsTwoAndLeavesTheFileAlone()
    {
        var folder = Scratch.Folder();
        var file = Path.Combine(folder, "items.csv");
        File.WriteAllText(file, "id,amount\nNF-1,10.00\n");

        var result = Kolek.Run(folder, "demo", "--db", file, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("id,amount\nNF-1,10.00\n", File.ReadAllText(file));
    }

    [Fact]
    public void Demo_OutboxCannotBeWritten_FailuresAreReportedAndRetriedByTheNextRun()
    {
        var folder = Scratch.Folder();
        File.WriteAllText(Path.Combine(folder, "not-a-folder"), "");

        var broken = Kolek.Run(folder, "demo", "--outbox", Path.Combine(folder, "not-a-folder", "outbox"), "--json").Json();
        var fixedRun = Kolek.Run(folder, "demo", "--json").Json();

        Assert.Equal(0, broken.GetProperty("newMessages").GetInt32());
        Assert.True(broken.GetProperty("failed").GetArrayLength() > 0);
        Assert.All(broken.GetProperty("failed").EnumerateArray(), f => Assert.True(f.GetProperty("transient").GetBoolean()));
        Assert.Equal(0, broken.GetProperty("inDoubt").GetInt32());
        Assert.True(fixedRun.GetProperty("newMessages").GetInt32() > 0);
        Assert.Equal(0, fixedRun.GetProperty("failed").GetArrayLength());
    }

    [Fact]
    public void Demo_TodayBeforeTheStateAlreadyRecorded_IsRefused()
    {
        var folder = Scratch.Folder();
        Assert.Equal(0, Kolek.Run(folder, "demo", "--json").ExitCode);

        var earlier = Kolek.Run(folder, "demo", "--today", "2026-11-01", "--json");

        Assert.Equal(2, earlier.ExitCode);
        Assert.Contains("--today", earlier.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-09-30")]
    [InlineData("9999-12-31")]
    [InlineData("03/12/2026")]
    public void Demo_TodayOutsideTheData_IsAUsageError(string today)
    {
        Assert.Equal(2, Kolek.Run(Scratch.Folder(), "demo", "--today", today, "--json").ExitCode);
    }

    [Fact]
    public void Demo_EarlierToday_ImportsOnlyTheBankLinesKnownByThen()
    {
        var early = Kolek.Run(Scratch.Folder(), "demo", "--today", "2026-10-01", "--json").Json();
        var full = Kolek.Run(Scratch.Folder(), "demo", "--json").Json();

        Assert.Equal(0, early.GetProperty("transactionsImported").GetInt32());
        Assert.True(full.GetProperty("transactionsImported").GetInt32() > 20);
    }
}

using Kolek.Cli.CommandLine;

namespace Kolek.Cli.Tests;

/// <summary>Option parsing; found by a user trial (a typo at the end of the line, a switch given a value).</summary>
public sealed class CommandArgsTests
{
    [Fact]
    public void RejectUnknown_MisspelledSwitchAtTheEnd_SaysUnknownOption()
    {
        var args = CommandArgs.Parse(["file.ofx", "--jsn"], "json");

        var error = Assert.Throws<UsageException>(() => args.RejectUnknown("format", "json"));

        Assert.Equal("Unknown option --jsn.", error.Message);
    }

    [Fact]
    public void RejectUnknown_KnownOptionWithoutValue_SaysItNeedsOne()
    {
        var args = CommandArgs.Parse(["file.ofx", "--format"], "json");

        var error = Assert.Throws<UsageException>(() => args.RejectUnknown("format", "json"));

        Assert.Equal("Option --format needs a value.", error.Message);
    }

    [Fact]
    public void Parse_SwitchWithValue_IsAUsageErrorNotSilentlyIgnored()
    {
        // "--json=true" used to be stored as an option named json: accepted, and the output was tables, not JSON.
        var error = Assert.Throws<UsageException>(() => CommandArgs.Parse(["file.ofx", "--json=true"], "json"));

        Assert.Contains("--json takes no value", error.Message);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kolek.Cli.Tests;

/// <summary><c>kolek preview</c> end to end on the bundled ruler and export.</summary>
public sealed class PreviewCommandTests
{
    private static string[] Args(string ruler, params string[] more) =>
        ["preview", "--ruler", ruler, "--charges", Kolek.DataFile("charges.csv"), "--customers", Kolek.DataFile("customers.csv"), .. more];

    [Fact]
    public void Preview_FourteenDays_IsDeterministic()
    {
        var folder = Scratch.Folder();
        var args = Args(Kolek.DataFile("ruler.json"), "--from", "2026-11-20", "--days", "14", "--json");

        var first = Kolek.Run(folder, args);
        var second = Kolek.Run(folder, args);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.True(first.Json().GetProperty("events").GetArrayLength() > 0);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Preview_FourteenDays_HasNoSundayEventAndUsesEachCustomersZone()
    {
        var json = Kolek.Run(Scratch.Folder(), Args(Kolek.DataFile("ruler.json"), "--from", "2026-11-20", "--days", "14", "--json")).Json();

        var events = json.GetProperty("events").EnumerateArray().ToList();
        var zones = Scratch.Rows(Kolek.DataFile("customers.csv")).ToDictionary(c => c["id"], c => c["time_zone"], StringComparer.Ordinal);
        var days = events.Select(e => DateOnly.ParseExact(e.GetProperty("local").GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(days, d => d.DayOfWeek == DayOfWeek.Saturday);
        Assert.DoesNotContain(days, d => d.DayOfWeek == DayOfWeek.Sunday);
        Assert.All(days, d => Assert.InRange(d, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 3)));
        Assert.All(events, e =>
        {
            Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"), e.GetProperty("local").GetString());
            Assert.EndsWith("Z", e.GetProperty("instant").GetString(), StringComparison.Ordinal);
            Assert.Equal(zones[e.GetProperty("customerId").GetString()!], e.GetProperty("zone").GetString());
            Assert.True(e.GetProperty("amountDue").GetDecimal() > 0m);
            Assert.NotEmpty(e.GetProperty("chargeIds").EnumerateArray());
        });
        Assert.All(json.GetProperty("skipped").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("reason").GetString())));
    }

    [Fact]
    public void Preview_SkippedEntries_HaveTheFieldsOfCliMdAndDocsWithPtBrReasons()
    {
        var json = Kolek.Run(Scratch.Folder(), Args(Kolek.DataFile("ruler.json"), "--from", "2026-11-20", "--days", "14", "--json")).Json();

        var skipped = json.GetProperty("skipped").EnumerateArray().ToList();
        Assert.NotEmpty(skipped);
        var docs = File.ReadAllText(Path.Combine(Kolek.RepositoryRoot, "docs", "cli.md"));
        Assert.All(skipped, s =>
        {
            // CLI.md names chargeId, stepId and reason; docs/cli.md adds customerId and cause (a code it lists).
            Assert.Equal(["chargeId", "customerId", "stepId", "cause", "reason"], s.EnumerateObject().Select(p => p.Name));
            Assert.Contains($"`{s.GetProperty("cause").GetString()}`", docs, StringComparison.Ordinal);
        });
        var cancelled = skipped.First(s => s.GetProperty("chargeId").GetString() == "NF-1040" && s.GetProperty("stepId").GetString() == "d10");
        Assert.Equal(("CLI-008", "charge-cancelled", "A cobrança está cancelada."),
            (cancelled.GetProperty("customerId").GetString(), cancelled.GetProperty("cause").GetString(), cancelled.GetProperty("reason").GetString()));
        var d5 = json.GetProperty("events").EnumerateArray().First(e => e.GetProperty("stepId").GetString() == "d5"
            && e.GetProperty("chargeIds").EnumerateArray().Any(c => c.GetString() == "NF-1005"));
        Assert.Equal("d5: mensagem 5 dias após o vencimento em 2026-11-16", d5.GetProperty("reason").GetString());
    }

    [Fact]
    public void Docs_ListEverySkipCauseCode()
    {
        var docs = File.ReadAllText(Path.Combine(Kolek.RepositoryRoot, "docs", "cli.md"));

        foreach (var cause in Enum.GetNames<global::Kolek.Dunning.Planning.SkipCause>())
        {
            var code = string.Concat(cause.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
            Assert.Contains($"`{code}`", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Preview_SaturdayEvent_StartsAtTheSaturdayWindow()
    {
        var json = Kolek.Run(Scratch.Folder(), Args(Kolek.DataFile("ruler.json"), "--from", "2026-11-20", "--days", "14", "--json")).Json();

        var saturday = json.GetProperty("events").EnumerateArray().First(e => e.GetProperty("local").GetString()!.StartsWith("2026-11-21", StringComparison.Ordinal));

        Assert.Equal("2026-11-21T09:00:00", saturday.GetProperty("local").GetString());
        Assert.Equal("2026-11-21T12:00:00Z", saturday.GetProperty("instant").GetString());
    }

    [Fact]
    public void Preview_InvalidRuler_ExitsTwoListingEveryError()
    {
        var folder = Scratch.Folder();
        var ruler = Scratch.Ruler(folder, json => json
            .Replace("\"08:00-20:00\"", "\"8h às 20h\"", StringComparison.Ordinal)
            .Replace("\"id\": \"d5\"", "\"id\": \"d2\"", StringComparison.Ordinal)
            .Replace("\"sms\"", "\"pombo\"", StringComparison.Ordinal)
            .Replace("\"whatsapp\"\n      ],\n      \"template\": \"boleto\"", "\"pombo\"\n      ],\n      \"template\": \"boleto\"", StringComparison.Ordinal));

        var result = Kolek.Run(folder, Args(ruler, "--from", "2026-11-20", "--days", "14", "--json"));

        Assert.Equal(2, result.ExitCode);
        var errors = result.Json().GetProperty("errors").EnumerateArray().ToList();
        var codes = errors.Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("ruler.window.invalid", codes);
        Assert.Contains("ruler.step.duplicate_id", codes);
        Assert.Contains("ruler.step.channel_unknown", codes);
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "sendWindows.weekdays");
        Assert.All(codes, c => Assert.Contains(c!, result.Stderr, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--days", "catorze")]
    [InlineData("--from", "20/11/2026")]
    public void Preview_BadOption_ExitsTwo(string option, string value)
    {
        string[] args = ["--from", "2026-11-20", "--days", "14"];
        args[Array.IndexOf(args, option) + 1] = value;

        var result = Kolek.Run(Scratch.Folder(), Args(Kolek.DataFile("ruler.json"), [.. args, "--json"]));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
    }
}

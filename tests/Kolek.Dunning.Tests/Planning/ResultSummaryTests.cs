using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Tests.Planning;

/// <summary>The summaries of the planning and parsing results (counts per step, cause or code), instead of a record's list type names.</summary>
public sealed class ResultSummaryTests
{
    private static readonly Instant s_at = Instant.FromUtc(2026, 12, 7, 11, 0);

    [Fact]
    public void DunningPlan_ToString_CountsDuePerStepAndSkippedPerCause()
    {
        var plan = new DunningPlan([Action("d0"), Action("d2"), Action("d2")],
            [Skip(SkipCause.ChargePaid), Skip(SkipCause.OptedOut), Skip(SkipCause.ChargePaid)], s_at);

        Assert.Equal("DunningPlan { Due = 3 (d0 1, d2 2), Skipped = 3 (ChargePaid 2, OptedOut 1), NextWakeUp = 2026-12-07T11:00:00Z }", plan.ToString());
    }

    [Fact]
    public void DunningPreview_ToString_CountsEventsPerStepAndSkippedPerCause()
    {
        var preview = new DunningPreview([Action("d5")], [Skip(SkipCause.ChargeCancelled)]);

        Assert.Equal("DunningPreview { Events = 1 (d5 1), Skipped = 1 (ChargeCancelled 1) }", preview.ToString());
    }

    [Fact]
    public void DunningForecast_ToString_SumsTheDays()
    {
        var day = new LocalDate(2026, 12, 4);
        var forecast = new DunningForecast(
            [new ForecastDay(day, 3, 1, 4, 100m, new Dictionary<string, long>(), new Dictionary<string, long>()),
             new ForecastDay(day.PlusDays(1), 2, 0, 2, 50m, new Dictionary<string, long>(), new Dictionary<string, long>())],
            10, 5, new Dictionary<SkipCause, long> { [SkipCause.Stale] = 2, [SkipCause.ChargePaid] = 0 }, 1, 10);

        Assert.Equal(
            "DunningForecast { Days = 2 (2026-12-04..2026-12-05), Messages = 5, Escalations = 1, Charges = 10, Customers = 5, Skipped = 2 (Stale 2), Batches = 1, LargestBatch = 10 }",
            forecast.ToString());
    }

    [Fact]
    public void RulerParseResult_ToString_NamesTheRulerOrCountsTheErrorsPerCode()
    {
        Assert.Equal("RulerParseResult { Success = True, Ruler = padrao, Errors = 0 }", RulerJson.Parse(Fixtures.CliRulerJson).ToString());

        var failed = RulerJson.Parse("{ }").ToString();

        Assert.StartsWith("RulerParseResult { Success = False, Ruler = null, Errors = ", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", failed, StringComparison.Ordinal);
    }

    private static PlannedAction Action(string step) => new()
    {
        ChargeIds = ["C-1"],
        CustomerId = "K-1",
        StepId = step,
        Channels = ["email"],
        Local = new LocalDateTime(2026, 12, 7, 8, 0),
        Zone = DateTimeZone.Utc,
        Instant = s_at,
        AmountDue = 10m,
        Reason = "…",
    };

    private static SkippedAction Skip(SkipCause cause) => new("C-2", "K-1", "d2", cause, "…");
}

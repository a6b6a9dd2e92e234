using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Tests;

/// <summary>The summaries of the run, planning and parsing results (counts per channel, step, cause or code), instead of a record's list type names.</summary>
public sealed class ResultSummaryTests
{
    private static readonly Instant s_at = Instant.FromUtc(2026, 12, 7, 11, 0);

    [Fact]
    public void DunningRunResult_ToString_CountsEachBucketPerChannel()
    {
        var result = new DunningRunResult(
            [Sent("email"), Sent("email"), Sent("whatsapp")],
            [new RunSkipped(["C-1"], "d2", "email", "canal reserva dispensado: entregue por whatsapp"), new RunSkipped(["C-2"], "d2", null, "A cobrança está paga.")],
            [new RunFailed(["C-3"], "d5", "sms", true, "throttled")],
            [new TemplateWarning("template.fallback", "…")],
            s_at);

        Assert.Equal(
            "DunningRunResult { Sent = 3 (email 2, whatsapp 1), Skipped = 2 ((charge) 1, email 1), Failed = 1 (sms 1), Transient = 1, "
            + "Warnings = 1 (template.fallback 1), NextWakeUp = 2026-12-07T11:00:00Z }",
            result.ToString());
    }

    [Fact]
    public void RunEntries_ToString_ListChargeIdsAndMaskTheRecipient()
    {
        // tryout7: printed "ChargeIds = System.Collections.Generic.List`1[System.String]" and the bare e-mail address.
        var sent = new RunSent("kolek-1", ["C-1", "C-2"], "K-1", "d2", "email", "joana@dominio.com.br", "smtp-1", s_at);
        var skipped = new RunSkipped(["C-1"], "d5", "whatsapp", "fora da janela");
        var failed = new RunFailed(["C-3"], "d5", "sms", true, "throttled");

        Assert.Equal(
            "RunSent { MessageId = kolek-1, ChargeIds = [C-1, C-2], CustomerId = K-1, StepId = d2, Channel = email, "
            + "Recipient = j***@d***.com.br, ProviderMessageId = smtp-1, DueAt = 2026-12-07T11:00:00Z }",
            sent.ToString());
        Assert.Equal("RunSkipped { ChargeIds = [C-1], StepId = d5, Channel = whatsapp, Reason = fora da janela }", skipped.ToString());
        Assert.Equal("RunFailed { ChargeIds = [C-3], StepId = d5, Channel = sms, Transient = True, Reason = throttled }", failed.ToString());
    }

    [Fact]
    public void PlannedAction_ToString_ListsIdsAndChannelsInvariantly()
    {
        var action = new PlannedAction
        {
            ChargeIds = ["C-1", "C-2"], CustomerId = "K-1", StepId = "d2", Channels = ["whatsapp", "email"], Fallback = true,
            Template = "atraso", Local = new LocalDateTime(2026, 12, 7, 8, 0), Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"],
            Instant = s_at, AmountDue = 102.10m, Reason = "d2: mensagem",
        };

        var text = action.ToString();

        Assert.Equal(
            "PlannedAction { ChargeIds = [C-1, C-2], CustomerId = K-1, StepId = d2, Channels = [whatsapp, email], Fallback = True, "
            + "Template = atraso, Action = Message, Local = 2026-12-07T08:00:00, Zone = America/Sao_Paulo, Instant = 2026-12-07T11:00:00Z, "
            + "AmountDue = 102.10, Reason = d2: mensagem }",
            text);
    }

    [Fact]
    public void DunningRunResult_ToString_Empty_SaysZeroAndNoWakeUp()
    {
        var text = new DunningRunResult([], [], [], [], null).ToString();

        Assert.Equal("DunningRunResult { Sent = 0, Skipped = 0, Failed = 0, Transient = 0, Warnings = 0, NextWakeUp = null }", text);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }

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

    private static RunSent Sent(string channel) => new("m-" + channel, ["C-9"], "K-1", "d0", channel, "x@exemplo.com.br", "p-1", s_at);

    private static SkippedAction Skip(SkipCause cause) => new("C-2", "K-1", "d2", cause, "…");

    [Fact]
    public void InsightRecords_ToString_ListTheirContentsNotTheListTypes()
    {
        // tryout7: "Channels = System.Collections.ObjectModel.ReadOnlyCollection`1[System.String]" and the like.
        var action = new Kolek.Dunning.Analytics.CollectionAction("d5", ["email", "whatsapp"], s_at);
        var aging = new Kolek.Dunning.Analytics.AgingReport(
            [new("current", 1, 250.50m), new("1-30", 1, 1000m), new("31-60", 0, 0m), new("61-90", 0, 0m), new("90+", 0, 0m)], 2, 1250.50m, 1000m);
        var customer = new Kolek.Dunning.Analytics.CustomerInsight("K-1", [], 0m, 0m, 0, action, null);
        var portfolio = new Kolek.Dunning.Analytics.PortfolioInsight(new LocalDate(2026, 11, 10), aging,
            [new(Kolek.Dunning.Analytics.ChargeState.Late, 2, 1000m)], 0, 0m, [], new Kolek.Dunning.Analytics.CollectionMetrics(
                new LocalDate(2026, 8, 12), new LocalDate(2026, 11, 10), 90, 0m, 0m, 0m, 0m), [], []);

        Assert.Equal("CollectionAction { StepId = d5, Channels = [email, whatsapp], At = 2026-12-07T11:00:00Z }", action.ToString());
        Assert.Equal(
            "AgingReport { OpenCharges = 2, Outstanding = 1250.50, Overdue = 1000, DelinquencyRate = 0.7997, "
            + "Buckets = [current 1 250.50, 1-30 1 1000, 31-60 0 0, 61-90 0 0, 90+ 0 0] }",
            aging.ToString());
        Assert.Equal(
            "CustomerInsight { CustomerId = K-1, Charges = [], Outstanding = 0, Overdue = 0, OldestDaysLate = 0, "
            + "LastAction = d5 at 2026-12-07T11:00:00Z, NextAction = null }",
            customer.ToString());
        var text = portfolio.ToString();
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
        Assert.StartsWith("PortfolioInsight { AsOf = 2026-11-10, OpenCharges = 2, Outstanding = 1250.50, Overdue = 1000, States = 2 (late 2), DueSoon = 0, ", text, StringComparison.Ordinal);
    }
}

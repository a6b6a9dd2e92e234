using Kolek.Dunning.Ruler;

namespace Kolek.Dunning.Tests.Ruler;

public sealed class RulerJsonTests
{
    [Fact]
    public void Parse_CliExample_ReadsEveryField()
    {
        var result = RulerJson.Parse(Fixtures.CliRulerJson);

        Assert.True(result.Success, string.Join("; ", result.Errors));
        var ruler = result.Ruler;
        Assert.Equal("padrao", ruler.Id);
        Assert.Equal("Régua padrão", ruler.Name);
        Assert.Equal("America/Sao_Paulo", ruler.TimeZone!.Id);
        Assert.Equal("08:00-20:00", ruler.SendWindows.Weekdays.ToString());
        Assert.Equal("09:00-14:00", ruler.SendWindows.Saturday.ToString());
        Assert.Null(ruler.SendWindows.Sunday);
        Assert.Null(ruler.SendWindows.Holidays);
        Assert.Equal(new CatchUpPolicy(CatchUpMode.Latest, 7), ruler.CatchUp);
        Assert.Equal(Consolidation.CustomerDay, ruler.Consolidate);
        Assert.Equal(2.0m, ruler.LateCharges.FinePercent);
        Assert.Equal(1.0m, ruler.LateCharges.InterestPercentPerMonth);
        Assert.Equal(["d-3", "d0", "d2", "d5", "d10", "protesto"], ruler.Steps.Select(s => s.Id));

        var reminder = ruler.Steps[0];
        Assert.Equal((StepAnchor.Due, -3, DayCounting.Business, "lembrete"), (reminder.Anchor, reminder.OffsetDays, reminder.Days, reminder.Template));
        Assert.Equal(StepAnchor.Issue, ruler.Steps[1].Anchor);
        Assert.Equal(["whatsapp", "email"], ruler.Steps[2].Channels);
        Assert.True(ruler.Steps[2].Fallback);
        Assert.False(ruler.Steps[3].Fallback);

        var protest = ruler.Steps[5];
        Assert.Equal(StepActionKind.Protest, protest.Action);
        Assert.Equal("protest", protest.EscalationKey);
        Assert.Equal("d10", protest.RequiresNotice);
        Assert.Empty(protest.Channels);
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryErrorAtOnce()
    {
        const string json = """
            { "id": "", "timeZone": "America/Sao_Paul",
              "sendWindows": { "weekdays": "8h-20h" },
              "catchUp": { "mode": "sometimes", "stalenessLimitDays": 400 },
              "lateCharges": { "finePercent": -1 },
              "steps": [
                { "id": "a", "offsetDays": 2, "channels": [ "email" ] },
                { "id": "a", "offsetDays": 3, "channels": [ "email", "email" ] },
                { "id": "b", "offsetDays": 2, "channels": [ "email", "pombo" ] },
                { "id": "c", "anchor": "paid", "ofsetDays": 1, "channels": [ "sms" ] },
                { "id": "p", "offsetDays": 30, "action": "credit-bureau" },
                { "id": "q", "offsetDays": 31, "action": "protest", "requiresNotice": "nope" },
                { "id": "r", "offsetDays": 5, "action": "suspension", "requiresNotice": "a", "channels": [ "email" ] } ] }
            """;

        var result = RulerJson.Parse(json, new HashSet<string> { "email", "sms", "whatsapp" });

        Assert.False(result.Success);
        var found = result.Errors.Select(e => (e.Code, e.Path)).ToHashSet();
        (string, string)[] expected =
        [
            (RulerErrorCodes.TimeZoneUnknown, "timeZone"),
            (RulerErrorCodes.WindowInvalid, "sendWindows.weekdays"),
            (RulerErrorCodes.FieldValue, "catchUp.mode"),
            (RulerErrorCodes.FieldValue, "steps[3].anchor"),
            (RulerErrorCodes.FieldUnknown, "steps[3].ofsetDays"),
            (RulerErrorCodes.IdMissing, "id"),
            (RulerErrorCodes.StalenessOutOfRange, "catchUp.stalenessLimitDays"),
            (RulerErrorCodes.LateChargesOutOfRange, "lateCharges.finePercent"),
            (RulerErrorCodes.StepDuplicateId, "steps[1].id"),
            (RulerErrorCodes.StepChannelDuplicate, "steps[1].channels[1]"),
            (RulerErrorCodes.StepSameDayAndChannel, "steps[2]"),
            (RulerErrorCodes.StepChannelUnknown, "steps[2].channels[1]"),
            (RulerErrorCodes.StepNoticeMissing, "steps[4].requiresNotice"),
            (RulerErrorCodes.StepNoticeUnknown, "steps[5].requiresNotice"),
            (RulerErrorCodes.StepActionWithChannels, "steps[6].channels"),
            (RulerErrorCodes.StepNoticeTooLate, "steps[6].requiresNotice"),
        ];
        foreach (var error in expected)
        {
            Assert.Contains(error, found);
        }

        Assert.Equal(expected.Length, result.Errors.Count);
        Assert.Throws<InvalidOperationException>(result.GetValueOrThrow);
    }

    [Fact]
    public void Parse_MalformedJson_OneErrorWithLine()
    {
        var result = RulerJson.Parse("{ \"id\": \"x\", \"steps\": [ }");
        var error = Assert.Single(result.Errors);
        Assert.Equal(RulerErrorCodes.JsonMalformed, error.Code);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Parse_WrongTypes_ReportsTypeErrors()
    {
        var result = RulerJson.Parse("""{ "id": 5, "steps": [ { "id": "a", "offsetDays": "2", "channels": "email", "fallback": "yes" } ] }""");
        var paths = result.Errors.Where(e => e.Code == RulerErrorCodes.FieldType).Select(e => e.Path).ToHashSet();
        Assert.Equal(new HashSet<string> { "id", "steps[0].offsetDays", "steps[0].channels", "steps[0].fallback" }, paths);
    }

    [Fact]
    public void Parse_MinimalRulerWithObjectCatchUp_AppliesDefaults()
    {
        var result = RulerJson.Parse("""
            { "id": "min", "description": "ok", "x-owner": "financeiro", "catchUp": { "mode": "all", "stalenessLimitDays": 3 },
              "steps": [ { "id": "d1", "offsetDays": 1, "channels": [ "Email" ], "action": "message" },
                         { "id": "corte", "offsetDays": 20, "action": "Desligar-Internet" } ] }
            """);

        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal(new CatchUpPolicy(CatchUpMode.All, 3), result.Ruler.CatchUp);
        Assert.Equal(SendWindows.Default, result.Ruler.SendWindows);
        Assert.Equal(Consolidation.Charge, result.Ruler.Consolidate);
        Assert.Null(result.Ruler.TimeZone);
        Assert.Equal(["email"], result.Ruler.Steps[0].Channels);
        Assert.Equal((StepActionKind.Custom, "desligar-internet"), (result.Ruler.Steps[1].Action, result.Ruler.Steps[1].EscalationKey));
    }

    [Fact]
    public void Parse_AllWindowsNull_WindowNone()
    {
        var result = RulerJson.Parse("""
            { "id": "mudo", "sendWindows": { "weekdays": null, "saturday": null, "sunday": null, "holidays": null },
              "steps": [ { "id": "d1", "offsetDays": 1, "channels": [ "email" ] } ] }
            """);
        Assert.Equal(RulerErrorCodes.WindowNone, Assert.Single(result.Errors).Code);
    }
}

using Kolek.Dunning.Charges;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Ruler;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Ruler;

/// <summary>The JSON of step conditions, frequency caps, early-payment discounts, the consumer notice rule and ruler books.</summary>
public sealed class RulerRulesJsonTests
{
    private static string With(string extraTop, string step) => $$"""
        { "id": "r", {{extraTop}}
          "steps": [ { "id": "d2", "offsetDays": 2, "channels": [ "email", "whatsapp" ] {{step}} },
                     { "id": "d10", "offsetDays": 10, "channels": [ "email" ] } ] }
        """;

    [Fact]
    public void Parse_ConditionsCapsAndEarlyPayment_Read()
    {
        var ruler = RulerJson.Parse(With(
            """
            "frequencyCaps": [ { "max": 1, "per": "day" }, { "max": 3, "per": "week", "channel": "WhatsApp" } ],
            "lateCharges": { "finePercent": 2, "interestPercentPerMonth": 1, "earlyPayment": { "discountPercent": 5, "daysBeforeDue": 10 } },
            """,
            """, "when": { "minAmount": 100, "maxAmount": 5000.5, "segments": [ "varejo" ], "customer": "consumer", "unpaidOnly": true }""")).GetValueOrThrow();

        Assert.Equal([new FrequencyCap(1, FrequencyPeriod.Day), new FrequencyCap(3, FrequencyPeriod.Week, "whatsapp")], ruler.FrequencyCaps);
        Assert.Equal(new EarlyPaymentDiscount(5m, 10), ruler.LateCharges.EarlyPayment);
        var when = ruler.Steps[0].When;
        Assert.Equal((100m, 5000.5m, CustomerKind.Consumer, true), (when.MinAmount, when.MaxAmount, when.Customer, when.UnpaidOnly));
        Assert.Equal(["varejo"], when.Segments);
        Assert.True(ruler.Steps[1].When.IsEmpty);
    }

    [Fact]
    public void Parse_BadConditionsCapsAndDiscount_EveryErrorWithItsCode()
    {
        var result = RulerJson.Parse(With(
            """
            "frequencyCaps": [ { "max": 0, "per": "day" }, { "max": 1, "per": "month" }, { "per": "week" } ],
            "lateCharges": { "earlyPayment": { "discountPercent": 120 } },
            """,
            """, "when": { "minAmount": 500, "maxAmount": 100, "customer": "governo", "colour": "red" }"""));

        var codes = result.Errors.Select(e => (e.Code, e.Path)).ToList();
        Assert.Contains((RulerErrorCodes.FrequencyCapInvalid, "frequencyCaps[0].max"), codes);
        Assert.Contains((RulerErrorCodes.FieldValue, "frequencyCaps[1].per"), codes);
        Assert.Contains((RulerErrorCodes.FieldType, "frequencyCaps[2].max"), codes);
        Assert.Contains((RulerErrorCodes.EarlyPaymentOutOfRange, "lateCharges.earlyPayment.discountPercent"), codes);
        Assert.Contains((RulerErrorCodes.StepConditionInvalid, "steps[0].when.minAmount"), codes);
        Assert.Contains((RulerErrorCodes.FieldValue, "steps[0].when.customer"), codes);
        Assert.Contains((RulerErrorCodes.FieldUnknown, "steps[0].when.colour"), codes);
    }

    [Fact]
    public void Parse_CapOnAChannelTheHostLacks_Error()
    {
        var result = RulerJson.Parse(With("""  "frequencyCaps": [ { "max": 1, "per": "day", "channel": "sms" } ], """, ""), new HashSet<string> { "email", "whatsapp" });
        Assert.Equal(RulerErrorCodes.FrequencyCapChannelUnknown, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("", 5, true)]
    [InlineData("", 10, false)]
    [InlineData(""", "when": { "customer": "business" }""", 5, false)]
    [InlineData(""", "when": { "customer": "consumer" }""", 9, true)]
    public void Parse_CreditBureauForConsumers_NeedsTenDaysOfNotice(string when, int noticeDays, bool error)
    {
        var json = $$"""
            { "id": "r", "steps": [
              { "id": "aviso", "offsetDays": 5, "channels": [ "email" ] },
              { "id": "serasa", "offsetDays": 20, "action": "credit-bureau", "requiresNotice": "aviso", "noticeDays": {{noticeDays}} {{when}} } ] }
            """;
        var codes = RulerJson.Parse(json).Errors.Select(e => e.Code);
        Assert.Equal(error, codes.Contains(RulerErrorCodes.StepConsumerNoticeTooShort));
    }

    [Fact]
    public void ParseBook_SeveralRulersAndRules_SelectsBySegmentThenChargeTypeElseDefault()
    {
        var json = $$"""
            { "rulers": [ {{CliRulerJson}},
                          { "id": "varejo", "steps": [ { "id": "d1", "offsetDays": 1, "channels": [ "sms" ] } ] },
                          { "id": "mensal", "steps": [ { "id": "d3", "offsetDays": 3, "channels": [ "email" ] } ] } ],
              "select": [ { "segments": [ "varejo" ], "ruler": "varejo" }, { "chargeTypes": [ "mensalidade" ], "ruler": "mensal" } ],
              "default": "padrao" }
            """;
        var book = RulerJson.ParseBook(json).GetValueOrThrow();
        var charge = Charge("C-1", Date(2026, 12, 4)).Charge;
        Assert.Equal("padrao", book.Select(charge, Customer()).Id);
        Assert.Equal("varejo", book.Select(charge with { Type = "mensalidade" }, Customer() with { Segment = "VAREJO" }).Id);
        Assert.Equal("mensal", book.Select(charge with { Type = "mensalidade" }, Customer()).Id);
    }

    [Fact]
    public void ParseBook_SingleRuler_BookOfOne()
    {
        var book = RulerJson.ParseBook(CliRulerJson).GetValueOrThrow();
        Assert.Equal("padrao", Assert.Single(book.Rulers).Id);
        Assert.Equal("padrao", book.DefaultRulerId);
    }

    [Fact]
    public void ParseBook_Errors_ReportedWithTheRulerPath()
    {
        var json = """
            { "rulers": [ { "id": "a", "steps": [ { "id": "x", "channels": [ "email" ] } ] },
                          { "id": "a", "steps": [ { "id": "y", "ofsetDays": 1, "channels": [ "email" ] } ] } ],
              "select": [ { "ruler": "b" } ], "default": "c" }
            """;
        var codes = RulerJson.ParseBook(json).Errors.Select(e => (e.Code, e.Path)).ToList();
        Assert.Contains((RulerErrorCodes.FieldUnknown, "rulers[1].steps[0].ofsetDays"), codes);
        Assert.Contains((RulerErrorCodes.BookDuplicateRuler, "rulers[1].id"), codes);
        Assert.Contains((RulerErrorCodes.BookRulerUnknown, "select[0].ruler"), codes);
        Assert.Contains((RulerErrorCodes.BookRuleEmpty, "select[0]"), codes);
        Assert.Contains((RulerErrorCodes.BookRulerUnknown, "default"), codes);
    }
}

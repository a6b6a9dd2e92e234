using Kolek.Dunning.Charges;
using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Dunning.Tests;

/// <summary>Shared test data: the ruler of CLI.md and small builders.</summary>
internal static class Fixtures
{
    public const string CliRulerJson = """
        { "id": "padrao", "name": "Régua padrão", "timeZone": "America/Sao_Paulo",
          "sendWindows": { "weekdays": "08:00-20:00", "saturday": "09:00-14:00", "sunday": null, "holidays": null },
          "catchUp": "latest", "consolidate": "customer-day",
          "lateCharges": { "finePercent": 2.0, "interestPercentPerMonth": 1.0 },
          "steps": [
            { "id": "d-3", "anchor": "due", "offsetDays": -3, "days": "business", "channels": [ "email" ], "template": "lembrete" },
            { "id": "d0", "anchor": "issue", "offsetDays": 0, "channels": [ "email", "whatsapp" ], "template": "boleto" },
            { "id": "d2", "anchor": "due", "offsetDays": 2, "channels": [ "whatsapp", "email" ], "fallback": true, "template": "atraso" },
            { "id": "d5", "anchor": "due", "offsetDays": 5, "channels": [ "email", "whatsapp" ], "template": "atraso-firme" },
            { "id": "d10", "anchor": "due", "offsetDays": 10, "channels": [ "email", "whatsapp" ], "template": "aviso-final" },
            { "id": "protesto", "anchor": "due", "offsetDays": 30, "action": "protest", "requiresNotice": "d10" } ] }
        """;

    public static DateTimeZone SaoPaulo { get; } = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    public static DunningRuler CliRuler { get; } = RulerJson.Parse(CliRulerJson).GetValueOrThrow();

    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    public static Instant Utc(int year, int month, int day, int hour, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);

    public static Customer Customer(string id = "K-1", bool consumer = false, params string[] optOut) =>
        new() { Id = id, Name = "Cliente " + id, Document = "12345678909", Email = id + "@example.com", Phone = "+5511999990000", Consumer = consumer, OptOut = optOut.ToHashSet() };

    public static CustomerCharge Charge(string id, LocalDate due, decimal amount = 1000m, string customerId = "K-1", ChargeStatus status = ChargeStatus.Open,
        decimal paid = 0m, LocalDate? issue = null, LocalDate? promise = null, Customer? customer = null) =>
        new(new Charge
        {
            Id = id,
            CustomerId = customerId,
            Amount = amount,
            IssueDate = issue ?? due.PlusDays(-20),
            DueDate = due,
            Status = status,
            PaidAmount = paid,
            PromiseToPayUntil = promise,
        }, customer ?? Customer(customerId));
}

using System.Globalization;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using NodaTime;

namespace Kolek.Benchmarks.Data;

/// <summary>A deterministic receivables portfolio for the dunning benchmarks, ordered by customer id.</summary>
/// <remarks>
/// Customers have 1–4 charges; due dates spread over 120 days before and 60 days after <see cref="Today"/>, issued 20–30 days
/// earlier; 25% paid, 2% cancelled, 1% disputed, 10% of the open ones partially paid, 20% of customers consumers. The journal
/// says every step whose moment passed was sent at that moment, except for 1 charge in 100 (a missed run), so that, as in a
/// running system, most evaluations find nothing due.
/// </remarks>
public static class DunningPortfolio
{
    public const string RulerJson = """
        { "id": "padrao", "timeZone": "America/Sao_Paulo",
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

    /// <summary>The local day of the benchmark: Wednesday 2026-12-09; the instant is 10:30 in São Paulo.</summary>
    public static LocalDate Today { get; } = new(2026, 12, 9);

    public static Instant Now { get; } = Instant.FromUtc(2026, 12, 9, 13, 30);

    public static DunningRuler Ruler { get; } = Kolek.Dunning.Ruler.RulerJson.Parse(RulerJson).GetValueOrThrow();

    /// <summary>The charges, streamed in customer order without being held.</summary>
    public static IEnumerable<CustomerCharge> Stream(int charges)
    {
        var random = new Random(20261209);
        var made = 0;
        for (var k = 0; made < charges; k++)
        {
            var id = "K-" + k.ToString("D8", CultureInfo.InvariantCulture);
            var customer = new Customer
            {
                Id = id, Name = "Cliente " + id, Document = "12345678909", Email = id + "@example.com", Phone = "+5511999990000",
                Consumer = random.Next(5) == 0, Segment = random.Next(3) == 0 ? "varejo" : "atacado",
            };
            var count = 1 + random.Next(4);
            for (var n = 0; n < count && made < charges; n++, made++)
            {
                var due = Today.PlusDays(random.Next(-120, 61));
                var amount = random.Next(5_000, 500_000) / 100m;
                var roll = random.Next(100);
                var status = roll < 25 ? ChargeStatus.Paid : roll < 27 ? ChargeStatus.Cancelled : roll < 28 ? ChargeStatus.Disputed : ChargeStatus.Open;
                var paid = status == ChargeStatus.Paid ? amount : random.Next(10) == 0 ? Math.Round(amount * 0.4m, 2) : 0m;
                yield return new CustomerCharge(new Charge
                {
                    Id = "C-" + made.ToString("D9", CultureInfo.InvariantCulture),
                    CustomerId = id,
                    Amount = amount,
                    IssueDate = due.PlusDays(-random.Next(20, 31)),
                    DueDate = due,
                    Status = status,
                    PaidAmount = paid,
                }, customer);
            }
        }
    }

    /// <summary>The journal of a running system: each step whose moment passed before <see cref="Now"/> was done then.</summary>
    public static Dictionary<SentKey, Instant> Journal(IReadOnlyList<CustomerCharge> charges, DunningPlanner planner)
    {
        var done = new Dictionary<SentKey, Instant>();
        for (var i = 0; i < charges.Count; i++)
        {
            if (i % 100 == 99)
            {
                continue; // a missed run: these charges still have something due
            }

            var item = charges[i];
            foreach (var step in Ruler.Steps)
            {
                if (planner.Schedule(item, step, Ruler) is { } s && s.Instant <= Now)
                {
                    foreach (var channel in step.IsEscalation ? [step.EscalationKey] : step.Channels)
                    {
                        done[new SentKey(item.Charge.Id, step.Id, channel)] = s.Instant;
                    }
                }
            }
        }

        return done;
    }

    /// <summary>The journal entries of successive batches of <paramref name="size"/> charges, as a host would read them with each batch.</summary>
    /// <remarks>Each batch's entries are ordered by charge id (as <c>ORDER BY charge_id</c> returns them) in an immutable array, as the host's reader would hand them over.</remarks>
    public static (int Charges, System.Collections.Immutable.ImmutableArray<KeyValuePair<SentKey, Instant>> Entries)[] JournalBatches(CustomerCharge[] charges, Dictionary<SentKey, Instant> journal, int size)
    {
        var byCharge = journal.GroupBy(e => e.Key.ChargeId).ToDictionary(g => g.Key, g => g.ToArray());
        return [.. charges.Chunk(size).Select(chunk => (chunk.Length, System.Collections.Immutable.ImmutableArray.CreateRange(chunk
            .OrderBy(c => c.Charge.Id, StringComparer.Ordinal)
            .SelectMany(c => byCharge.GetValueOrDefault(c.Charge.Id) ?? []))))];
    }

    public static DunningPlanner Planner() => new(BusinessCalendar.BrazilBanking);
}

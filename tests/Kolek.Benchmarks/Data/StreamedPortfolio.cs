using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Benchmarks.Data;

/// <summary>
/// A synthetic portfolio generated lazily, charge by charge (an <see cref="IEnumerable{T}"/>, never a list), as an ERP reader
/// would stream it: issued over the 14 months before the as-of date, due 10 to 45 days after issue, about 70% paid (most on
/// time, some late, a few partially), a few cancelled, disputed or in agreement; and a journal with a reminder for every
/// fifth charge. Deterministic for a seed.
/// </summary>
public sealed class StreamedPortfolio(int charges, int customers, LocalDate asOf, int seed = 42)
{
    private readonly Customer[] _customers = Enumerable.Range(0, customers)
        .Select(i => new Customer { Id = "K-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Name = "Cliente " + i })
        .ToArray();

    /// <summary>The as-of date of the report.</summary>
    public LocalDate AsOf => asOf;

    /// <summary>The charges, generated as they are enumerated.</summary>
    public IEnumerable<CustomerCharge> Charges()
    {
        var random = new Random(seed);
        for (var i = 0; i < charges; i++)
        {
            var customer = _customers[random.Next(_customers.Length)];
            var issue = asOf.PlusDays(-random.Next(0, 425));
            var due = issue.PlusDays(random.Next(10, 46));
            var amount = random.Next(5_000, 500_000) / 100m;
            var roll = random.Next(100);
            var charge = new Charge { Id = Id(i), CustomerId = customer.Id, Amount = amount, IssueDate = issue, DueDate = due };
            charge = roll switch
            {
                < 55 => Paid(charge, due.PlusDays(random.Next(-10, 3))),
                < 70 => Paid(charge, due.PlusDays(random.Next(3, 60))),
                < 75 => charge with { PaidAmount = Math.Round(amount / 3, 2) },
                < 77 => charge with { Status = ChargeStatus.Cancelled },
                < 78 => charge with { Status = ChargeStatus.Disputed },
                < 79 => charge with { Status = ChargeStatus.Agreement },
                _ => charge,
            };
            yield return new CustomerCharge(charge, customer);
        }
    }

    /// <summary>The journal: a "d2" e-mail two days after the due date of every fifth charge.</summary>
    public IEnumerable<JournalEntry> Journal()
    {
        var random = new Random(seed);
        foreach (var c in Charges())
        {
            if (random.Next(5) != 0)
            {
                continue;
            }

            var at = c.Charge.DueDate.PlusDays(2).At(new LocalTime(11, 0)).InUtc().ToInstant();
            if (at.InUtc().Date <= asOf)
            {
                yield return new JournalEntry(new JournalKey(c.Charge.Id, "d2", "email"), "claim", "msg-" + c.Charge.Id, c.Charge.CustomerId, 1, at,
                    JournalOutcome.Sent("p", at));
            }
        }
    }

    private static Charge Paid(Charge charge, LocalDate paid) =>
        charge with { Status = ChargeStatus.Paid, PaidAmount = charge.Amount, PaidDate = paid };

    private static string Id(int i) => "C-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}

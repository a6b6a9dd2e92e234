using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using NodaTime;

namespace Kolek.Dunning.Tests.Running;

/// <summary>
/// Rules 1 and 2 over random portfolios, channel behaviours, run instants and payments between runs, with the ruler of
/// CLI.md (consolidation per customer-day, a fallback step and a protest that needs a notice).
/// </summary>
public sealed class DunningRunnerProperties
{
    private static readonly LocalDate s_origin = new(2026, 3, 2);

    /// <summary>0 accepted, 1 transient, 2 permanent, 3 throws, 4 refused by policy.</summary>
    private static readonly Gen<int> s_outcome = Gen.Frequency((12, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)));

    private static readonly Gen<ChargeSpec> s_charge =
        from customer in Gen.Choose(0, 2)
        from dueDay in Gen.Choose(0, 20)
        from issueBack in Gen.Choose(0, 25)
        from cents in Gen.Choose(1_00, 5_000_00)
        from payBeforeRun in Gen.Frequency((2, Gen.Constant(-1)), (3, Gen.Choose(0, 7)))
        from atSendTime in Gen.Elements(false, true)
        select new ChargeSpec(customer, dueDay, issueBack, cents, payBeforeRun, atSendTime);

    private static Arbitrary<Scenario> Scenarios { get; } = (
        from charges in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(s_charge, n))
        from runs in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(
            from day in Gen.Choose(-25, 60)
            from minute in Gen.Choose(6 * 60, 21 * 60)
            select (day * 24L * 60) + minute, n))
        from email in Gen.ArrayOf(s_outcome, 6)
        from whatsapp in Gen.ArrayOf(s_outcome, 6)
        from escalation in Gen.ArrayOf(s_outcome, 3)
        from retryMinutes in Gen.Choose(1, 24 * 60)
        select new Scenario(charges, [.. runs.Order()], email, whatsapp, escalation, retryMinutes))
        .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property RunAsync_ManyRunsWithPaymentsBetween_NeverTwiceNeverAfterPayment() =>
        Prop.ForAll(Scenarios, s =>
        {
            var (h, attempts) = Wait(() => ExecuteAsync(s, s.RunMinutes));
            CheckNeverTwice(h, attempts);
            foreach (var (run, key, _) in attempts)
            {
                var paidFrom = s.Charges[int.Parse(key.ChargeId[2..], CultureInfo.InvariantCulture)].PayBeforeRun;
                Assert.False(paidFrom >= 0 && run >= paidFrom, $"{key} was attempted in run {run}, the charge was paid before run {paidFrom}");
            }
        });

    [Property(MaxTest = 100)]
    public Property RunAsync_OnceAtTheEndInsteadOfManyRuns_AlsoNeverTwiceAndNothingForPaidCharges() =>
        Prop.ForAll(Scenarios, s =>
        {
            var end = s.RunMinutes[^1];
            var paidUpFront = s with { Charges = [.. s.Charges.Select(c => c.PayBeforeRun is >= 0 && c.PayBeforeRun < s.RunMinutes.Length ? c with { PayBeforeRun = 0 } : c with { PayBeforeRun = -1 })] };
            var (h, attempts) = Wait(() => ExecuteAsync(paidUpFront, [end, end]));
            CheckNeverTwice(h, attempts);
            Assert.DoesNotContain(attempts, a => paidUpFront.Charges[int.Parse(a.Key.ChargeId[2..], CultureInfo.InvariantCulture)].PayBeforeRun == 0);
            Assert.DoesNotContain(attempts, a => a.Run == 1);
        });

    /// <summary>At most one accepted send per key; a key is attempted again only after a transient failure; a fallback step is accepted on one channel at most.</summary>
    private static void CheckNeverTwice(RunnerHarness h, List<(int Run, JournalKey Key, SendResult? Result)> attempts)
    {
        var accepted = attempts.Where(a => a.Result is { IsAccepted: true }).Select(a => a.Key).ToList();
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        foreach (var group in attempts.GroupBy(a => a.Key))
        {
            var list = group.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                Assert.True(list[i - 1].Result is { Status: SendStatus.TransientFailure }, $"{group.Key} attempted again after {list[i - 1].Result?.Status.ToString() ?? "an exception"}");
            }
        }

        Assert.All(accepted.Where(k => k.StepId == "d2").GroupBy(k => k.ChargeId), g => Assert.Single(g));
        Assert.All(h.AcceptedKeys, k => Assert.Contains(k, accepted));
    }

    private static async Task<(RunnerHarness Harness, List<(int Run, JournalKey Key, SendResult? Result)> Attempts)> ExecuteAsync(Scenario s, long[] runMinutes)
    {
        var escalations = new RecordingEscalationHandler();
        var h = new RunnerHarness(escalations: escalations);
        Script(s.Email, s.RetryMinutes, r => h.Email.Then(r), e => h.Email.ThenThrow(e));
        Script(s.WhatsApp, s.RetryMinutes, r => h.WhatsApp.Then(r), e => h.WhatsApp.ThenThrow(e));
        Script(s.Escalation, s.RetryMinutes, r => escalations.Then(_ => r), e => escalations.Then(_ => throw e));
        for (var i = 0; i < s.Charges.Length; i++)
        {
            h.Source.Put(s.Charges[i].ToCustomerCharge(i));
        }

        var attempts = new List<(int Run, JournalKey Key, SendResult? Result)>();
        var start = s_origin.AtMidnight().InZoneStrictly(Fixtures.SaoPaulo).ToInstant();
        for (var run = 0; run < runMinutes.Length; run++)
        {
            var paying = Enumerable.Range(0, s.Charges.Length).Where(i => s.Charges[i].PayBeforeRun == run).ToList();
            foreach (var i in paying)
            {
                if (s.Charges[i].AtSendTime)
                {
                    h.Source.ChangeAtSendTime(ChargeSpec.Id(i), c => c with { Status = ChargeStatus.Paid, PaidAmount = c.Amount });
                }
                else
                {
                    h.Source.Pay(ChargeSpec.Id(i));
                }
            }

            var (email, whatsapp, escalated) = (h.Email.Calls.Count, h.WhatsApp.Calls.Count, escalations.Calls.Count);
            await h.RunAsync(Fixtures.CliRuler, start.Plus(Duration.FromMinutes(runMinutes[run])));
            foreach (var (m, r) in h.Email.Calls.Skip(email).Concat(h.WhatsApp.Calls.Skip(whatsapp)))
            {
                attempts.AddRange(m.Metadata.ChargeIds.Select(id => (run, new JournalKey(id, m.Metadata.StepId, m.Channel), r)));
            }

            foreach (var (q, r) in escalations.Calls.Skip(escalated))
            {
                attempts.AddRange(q.ChargeIds.Select(id => (run, new JournalKey(id, q.StepId, q.ActionName), r)));
            }

            foreach (var i in paying)
            {
                h.Source.Pay(ChargeSpec.Id(i));
            }
        }

        return (h, attempts);
    }

    private static void Script(int[] outcomes, int retryMinutes, Action<SendResult> then, Action<Exception> thenThrow)
    {
        foreach (var o in outcomes)
        {
            switch (o)
            {
                case 1: then(SendResult.TransientFailure("busy", TimeSpan.FromMinutes(retryMinutes))); break;
                case 2: then(SendResult.PermanentFailure("rejected")); break;
                case 3: thenThrow(new InvalidOperationException("connection reset")); break;
                case 4: then(SendResult.RefusedByPolicy("frequency cap")); break;
                default: then(SendResult.Accepted("ok-" + Guid.NewGuid().ToString("N"))); break;
            }
        }
    }

    /// <summary>Runs the async body off xUnit's synchronization context, so blocking on it cannot deadlock.</summary>
    private static T Wait<T>(Func<Task<T>> body) => Task.Run(body).GetAwaiter().GetResult();

    internal sealed record ChargeSpec(int Customer, int DueDay, int IssueBack, int Cents, int PayBeforeRun, bool AtSendTime)
    {
        public static string Id(int index) => "C-" + index.ToString(CultureInfo.InvariantCulture);

        /// <summary>K-0 has every contact; K-1 is a consumer with no phone (WhatsApp fails for good); K-2 opted out of e-mail.</summary>
        public CustomerCharge ToCustomerCharge(int index)
        {
            var customerId = "K-" + Customer.ToString(CultureInfo.InvariantCulture);
            var customer = Customer switch
            {
                1 => Fixtures.Customer(customerId, consumer: true) with { Phone = null },
                2 => Fixtures.Customer(customerId, optOut: ["email"]),
                _ => Fixtures.Customer(customerId),
            };
            var due = s_origin.PlusDays(DueDay);
            return new CustomerCharge(new Charge
            {
                Id = Id(index),
                CustomerId = customerId,
                Amount = Cents / 100m,
                DueDate = due,
                IssueDate = due.PlusDays(-IssueBack),
            }, customer);
        }
    }

    internal sealed record Scenario(ChargeSpec[] Charges, long[] RunMinutes, int[] Email, int[] WhatsApp, int[] Escalation, int RetryMinutes);
}

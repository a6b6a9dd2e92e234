using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Planning;
using NodaTime;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Planning;

/// <summary>Design rules 1–3 as properties: never twice, never after payment, deterministic.</summary>
public sealed class DunningPlannerProperties
{
    private static readonly DunningPlanner s_planner = new(BusinessCalendar.BrazilBanking);
    private static readonly LocalDate s_origin = new(2026, 11, 1);

    private static readonly ChargeStatus[] s_statuses =
        [ChargeStatus.Open, ChargeStatus.Open, ChargeStatus.Open, ChargeStatus.Open, ChargeStatus.Paid, ChargeStatus.Cancelled, ChargeStatus.Disputed, ChargeStatus.Agreement];

    private static Gen<CustomerCharge> OneCharge { get; } =
        from customer in Gen.Choose(0, 2)
        from cents in Gen.Choose(1_000, 500_000)
        from due in Gen.Choose(0, 60)
        from issueBack in Gen.Choose(0, 30)
        from status in Gen.Elements(s_statuses)
        from paidPercent in Gen.Elements(0, 0, 0, 40, 100)
        from promise in Gen.Choose(-30, 40)
        from optOut in Gen.Elements(0, 0, 0, 1, 2, 3)
        let amount = cents / 100m
        let customerId = "K-" + customer.ToString(CultureInfo.InvariantCulture)
        select new CustomerCharge(
            new Charge
            {
                Id = "tmp",
                CustomerId = customerId,
                Amount = amount,
                DueDate = s_origin.PlusDays(due),
                IssueDate = s_origin.PlusDays(due - issueBack),
                Status = status,
                PaidAmount = Math.Round(amount * paidPercent / 100m, 2),
                PromiseToPayUntil = promise < 0 ? null : s_origin.PlusDays(promise),
            },
            Customer(customerId, consumer: customer == 1, optOut: optOut switch { 1 => ["email"], 2 => ["whatsapp"], 3 => ["email", "whatsapp"], _ => [] }));

    private static Arbitrary<Scenario> Scenarios { get; } = (
        from charges in Gen.ArrayOf(OneCharge).Select(a => a.Select((c, i) => c with { Charge = c.Charge with { Id = "C-" + i.ToString("D2", CultureInfo.InvariantCulture) } }).ToArray())
        from doneMask in Gen.Choose(0, 1 << 20)
        from days in Gen.Choose(0, 100)
        from hour in Gen.Frequency((4, Gen.Choose(11, 16)), (1, Gen.Choose(0, 23))) // mostly inside the São Paulo windows
        from minutes in Gen.Choose(0, 59)
        from order in Gen.Shuffle(charges)
        select new Scenario(charges, order, Done(charges, doneMask), s_origin.AtMidnight().InUtc().ToInstant().Plus(Duration.FromMinutes((((days * 24L) + hour) * 60) + minutes))))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Plan_SameInputInAnyOrder_SameAnswer() =>
        Prop.ForAll(Scenarios, s =>
        {
            var first = Render(s_planner.Plan(s.Charges, CliRuler, s.Done, s.Now));
            var again = Render(s_planner.Plan(s.Charges, CliRuler, s.Done, s.Now));
            var shuffled = Render(s_planner.Plan(s.Shuffled, CliRuler, s.Done, s.Now));
            return first == again && first == shuffled;
        });

    [Property(MaxTest = 200)]
    public Property Plan_Due_NoKeyTwiceAndNoDoneKey() =>
        Prop.ForAll(Scenarios, s =>
        {
            var keys = s_planner.Plan(s.Charges, CliRuler, s.Done, s.Now).Due.SelectMany(a => a.Keys).ToList();
            return keys.Distinct().Count() == keys.Count && !keys.Any(s.Done.Contains);
        });

    [Property(MaxTest = 200)]
    public Property Plan_Due_OnlyOpenChargesWithABalanceAndNoPendingPromise() =>
        Prop.ForAll(Scenarios, s =>
        {
            var plan = s_planner.Plan(s.Charges, CliRuler, s.Done, s.Now);
            var byId = s.Charges.ToDictionary(c => c.Charge.Id);
            return plan.Due.SelectMany(a => a.ChargeIds).Select(id => byId[id].Charge).All(c =>
                c.Status == ChargeStatus.Open && c.Outstanding > 0m
                && (c.PromiseToPayUntil is not { } until || until < s.Now.InZone(SaoPaulo).Date));
        });

    [Property(MaxTest = 200)]
    public Property Plan_Due_NotInTheFutureNotOptedOutAndOneCustomerPerAction() =>
        Prop.ForAll(Scenarios, s =>
        {
            var plan = s_planner.Plan(s.Charges, CliRuler, s.Done, s.Now);
            var byId = s.Charges.ToDictionary(c => c.Charge.Id);
            return plan.Due.All(a =>
                a.Instant <= s.Now
                && a.ChargeIds.All(id => byId[id].Customer.Id == a.CustomerId)
                && a.Channels.All(ch => !byId[a.ChargeIds[0]].Customer.HasOptedOut(ch)))
                && (plan.NextWakeUp is not { } wake || wake > s.Now);
        });

    [Property(MaxTest = 100)]
    public Property Preview_SameInputInAnyOrder_SameTimeline() =>
        Prop.ForAll(Scenarios, s =>
        {
            var from = s.Now.InZone(SaoPaulo).Date;
            var a = s_planner.Preview(s.Charges, CliRuler, from, 45);
            var b = s_planner.Preview(s.Shuffled, CliRuler, from, 45);
            return Render(new DunningPlan(a.Events, a.Skipped, null)) == Render(new DunningPlan(b.Events, b.Skipped, null));
        });

    [Property(MaxTest = 200)]
    public Property Plan_Due_InsideTheWindowAtNowAndAtAWindowStart() =>
        Prop.ForAll(Scenarios, s =>
        {
            var plan = s_planner.Plan(s.Charges, CliRuler, s.Done, s.Now);
            var calendar = s_planner.Calendar;
            // Escalations are host actions, not messages to the debtor: they are not held back by the window at the instant,
            // but they are handed over on business days only (scheduled on one, and never on a run on another day).
            return plan.Due.All(a =>
                (a.Action != Dunning.Ruler.StepActionKind.Message
                    ? calendar.IsBusinessDay(a.Local.Date) && calendar.IsBusinessDay(s.Now.InZone(a.Zone).Date)
                    : CliRuler.SendWindows.IsOpen(s.Now.InZone(a.Zone).LocalDateTime, calendar))
                && CliRuler.SendWindows.For(a.Local.Date, calendar) is { } w && w.Start == a.Local.TimeOfDay
                && a.Instant.InZone(a.Zone).LocalDateTime == a.Local);
        });

    [Property(MaxTest = 100)]
    public Property Preview_BusinessDaySteps_OnBusinessDaysAndEveryEventAtAWindowStart() =>
        Prop.ForAll(Scenarios, s =>
        {
            var preview = s_planner.Preview(s.Charges, CliRuler, s_origin, 120);
            var calendar = s_planner.Calendar;
            return preview.Events.All(e =>
                CliRuler.SendWindows.For(e.Local.Date, calendar) is { } w && w.Start == e.Local.TimeOfDay
                && (CliRuler.FindStep(e.StepId)!.Days != Dunning.Ruler.DayCounting.Business || calendar.IsBusinessDay(e.Local.Date))
                && (e.Action == Dunning.Ruler.StepActionKind.Message || calendar.IsBusinessDay(e.Local.Date)));
        });

    [Property(MaxTest = 100)]
    public Property Preview_NothingForPaidOrCancelledCharges() =>
        Prop.ForAll(Scenarios, s =>
        {
            var stopped = s.Charges.Where(c => c.Charge.Status is ChargeStatus.Paid or ChargeStatus.Cancelled || c.Charge.Outstanding == 0m)
                .Select(c => c.Charge.Id).ToHashSet();
            return !s_planner.Preview(s.Charges, CliRuler, s_origin, 120).Events.SelectMany(e => e.ChargeIds).Any(stopped.Contains);
        });

    [Property(MaxTest = 200)]
    public Property Evaluate_SameAsThePlanOfTheChargeAlone_AndPrecheckNeverMissesADueAction() =>
        Prop.ForAll(Scenarios, s =>
        {
            var evaluator = s_planner.CreateEvaluator(CliRuler);
            Instant? DoneAt(SentKey k) => s.Done.Contains(k) ? Instant.MinValue : null;
            var view = View(s.Done);
            return s.Charges.All(c =>
            {
                var full = s_planner.Plan([c], CliRuler, DoneAt, s.Now);
                var fast = evaluator.Evaluate(c, view, s.Now);
                return Render(new DunningPlan(fast, [], null)) == Render(new DunningPlan(full.Due, [], null))
                    && (evaluator.MayBeDue(c, view, s.Now) || full.Due.Count == 0);
            });
        });

    [Property(MaxTest = 200)]
    public Property Evaluate_AnyShapeOfView_SameAsThePlan_WithTwoEvaluatorsSharingTheView() =>
        Prop.ForAll(Scenarios, s =>
        {
            // The view's key masks number keys by reference first, then by characters, and stop beyond 64 distinct keys;
            // evaluators of two rulers keep their bits in the same view. None of this may change an answer.
            var reversed = CliRuler with { Id = "reversa", Steps = [.. CliRuler.Steps.Reverse()] };
            (Dunning.Ruler.DunningRuler Ruler, ChargeEvaluator Evaluator)[] rulers =
                [(CliRuler, s_planner.CreateEvaluator(CliRuler)), (reversed, s_planner.CreateEvaluator(reversed))];
            Instant? DoneAt(SentKey k) => s.Done.Contains(k) ? Instant.MinValue : null;
            var expected = rulers.Select(r => s.Charges.ToDictionary(c => c.Charge.Id, c => Render(new DunningPlan(s_planner.Plan([c], r.Ruler, DoneAt, s.Now).Due, [], null)))).ToArray();
            static string Copy(string text) => new(text.AsSpan());
            var byCharge = s.Done.OrderBy(k => k.ChargeId, StringComparer.Ordinal).ToList();
            var junk = Enumerable.Range(0, 65).Select(n => new SentKey(s.Charges.FirstOrDefault()?.Charge.Id ?? "C-00", "x" + n.ToString(CultureInfo.InvariantCulture), "email"));
            JournalView[] views =
            [
                View(byCharge),                                                              // the ruler's strings, ordered: masks, search
                View(byCharge.Select(k => new SentKey(Copy(k.ChargeId), Copy(k.StepId), Copy(k.Channel)))), // equal strings, other objects
                View(s.Done),                                                                // scattered: a sorted copy
                View(Enumerable.Reverse(byCharge)),                                          // grouped, descending: a table of charges
                View(byCharge.Concat(junk).OrderBy(k => k.ChargeId, StringComparer.Ordinal)), // more keys than mask bits: entries read
                View(byCharge.Select((k, n) => n % 3 == 1 ? k with { ChargeId = Copy(k.ChargeId) } : k)), // a charge's id in several objects, side by side: runs merged
                View(Enumerable.Reverse(byCharge).Select((k, n) => n % 2 == 0 ? k with { ChargeId = Copy(k.ChargeId) } : k)), // the same, descending: merged, then a table
                View(s.Done.Select((k, n) => n % 2 == 0 ? k with { ChargeId = Copy(k.ChargeId) } : k)), // scattered and copied: a sorted copy
            ];
            return views.All(view => new[] { s.Charges, s.Shuffled, s.Charges }.All(order => order.All(c =>
                Enumerable.Range(0, rulers.Length).All(r =>
                    Render(new DunningPlan(rulers[r].Evaluator.Evaluate(c, view, s.Now), [], null)) == expected[r][c.Charge.Id]))));
        });

    [Property(MaxTest = 200)]
    public Property Plan_WithCaps_SameInAnyOrderAndNoCustomerBeyondTheCap() =>
        Prop.ForAll(Scenarios, s =>
        {
            var ruler = CliRuler with
            {
                Consolidate = Dunning.Ruler.Consolidation.Charge,
                FrequencyCaps = [new Dunning.Ruler.FrequencyCap(1, Dunning.Ruler.FrequencyPeriod.Day), new Dunning.Ruler.FrequencyCap(1, Dunning.Ruler.FrequencyPeriod.Week, "whatsapp")],
            };
            var plan = s_planner.Plan(s.Charges, ruler, s.Done, s.Now);
            var shuffled = s_planner.Plan(s.Shuffled, ruler, s.Done, s.Now);
            var uncapped = s_planner.Plan(s.Charges, ruler with { FrequencyCaps = [] }, s.Done, s.Now);
            var messages = plan.Due.Where(a => a.Action == Dunning.Ruler.StepActionKind.Message).ToList();
            return Render(plan) == Render(shuffled)
                && messages.GroupBy(a => a.CustomerId).All(g => g.Count() <= 1)
                && plan.Due.All(a => uncapped.Due.Any(u => Render(new DunningPlan([u], [], null)) == Render(new DunningPlan([a], [], null))))
                && uncapped.Due.Count - plan.Due.Count == plan.Skipped.Count(x => x.Cause == SkipCause.FrequencyCap);
        });

    [Fact]
    public void Evaluate_Sample_PrecheckRulesOutMostButNotAll()
    {
        var evaluator = s_planner.CreateEvaluator(CliRuler);
        var counts = new int[3]; // precheck false; precheck true but nothing due; due
        foreach (var s in Scenarios.Generator.Sample(300, new Rnd(20261203UL), 200))
        {
            var view = View(s.Done);
            foreach (var c in s.Charges)
            {
                counts[!evaluator.MayBeDue(c, view, s.Now) ? 0 : evaluator.Evaluate(c, view, s.Now).Count == 0 ? 1 : 2]++;
            }
        }

        Assert.True(counts[0] > counts[1] + counts[2], string.Join(",", counts));
        Assert.True(counts[2] > 0, string.Join(",", counts));
    }

    [Fact]
    public void Scenarios_Sample_ExerciseDueSkippedAndConsolidation()
    {
        // A fixed seed: this checks that the generator reaches every case, so it must not depend on luck.
        var plans = Scenarios.Generator.Sample(300, new Rnd(20261203UL), 200).Select(s => s_planner.Plan(s.Charges, CliRuler, s.Done, s.Now)).ToList();
        Assert.True(plans.Count(p => p.Due.Count > 0) > plans.Count / 2, $"too few scenarios with due actions: {plans.Count(p => p.Due.Count > 0)} of {plans.Count}");
        Assert.Contains(plans, p => p.Skipped.Count > 0);
        Assert.Contains(plans, p => p.Due.Any(a => a.ChargeIds.Count > 1));
    }

    [Property(MaxTest = 200)]
    public Property JournalView_AnswersAsADictionaryKeepingTheEarliestInstant() =>
        Prop.ForAll(Scenarios, Gen.Choose(0, 1000).ToArbitrary(), (s, seed) =>
        {
            // Every key done at some instant, some given twice with another instant, in the scenario's order.
            var random = new Random(seed);
            var given = s.Done.Select(k => KeyValuePair.Create(k, Instant.FromUnixTimeSeconds(random.Next(1, 1000)))).ToList();
            given.AddRange(given.Where(_ => random.Next(4) == 0).Select(p => KeyValuePair.Create(p.Key, Instant.FromUnixTimeSeconds(random.Next(1, 1000)))).ToList());
            var expected = given.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Min(p => p.Value));
            // Scattered (sorted copy), grouped in descending order (table of charges), ordered by charge id (search), immutable (no copy).
            var byCharge = given.OrderBy(p => p.Key.ChargeId, StringComparer.Ordinal).ToList();
            // Some charge ids given as other objects with the same characters (as a host's reader makes them), anywhere in a
            // charge's entries: the grouping compares references first, and must still make one charge of them.
            static string Copy(string text) => new(text.AsSpan());
            var copies = random.Next(1, 4);
            List<KeyValuePair<SentKey, Instant>> Copied(IEnumerable<KeyValuePair<SentKey, Instant>> pairs) =>
                [.. pairs.Select(p => random.Next(copies) == 0 ? KeyValuePair.Create(p.Key with { ChargeId = Copy(p.Key.ChargeId) }, p.Value) : p)];
            JournalView[] views =
            [
                new(given),
                new(byCharge.AsEnumerable().Reverse()),
                new(byCharge),
                new(byCharge.ToImmutableArray()),
                new(Copied(byCharge)),                          // ordered, ids in several objects: runs merged, search
                new(Copied(byCharge.AsEnumerable().Reverse())), // grouped, descending: runs merged, table of charges
                new(Copied(given)),                             // scattered: a sorted copy
                new(Copied(byCharge.Concat(given.Take(random.Next(0, 3))))), // ordered, then a charge again further on: a sorted copy
            ];
            var asked = s.Charges.SelectMany(c => CliRuler.Steps.SelectMany(step => (step.IsEscalation ? [step.EscalationKey] : step.Channels)
                .Select(channel => new SentKey(c.Charge.Id, step.Id, channel)))).ToList();
            // Asked in order, in reverse and shuffled: the search hint must never change an answer.
            return views.All(view => asked.Concat(Enumerable.Reverse(asked)).Concat(asked.OrderBy(_ => random.Next()))
                    .All(k => view.DoneAt(k) == (expected.TryGetValue(k, out var at) ? at : null))
                && view.ChargeCount == expected.Keys.Select(k => k.ChargeId).Distinct().Count()
                && view.DoneAt(new SentKey("absent", "d0", "email")) is null
                && view.DoneAt(new SentKey("C-00", "absent", "email")) is null);
        });

    private static JournalView View(IEnumerable<SentKey> done) => new(done.Select(k => KeyValuePair.Create(k, Instant.MinValue)));

    private static HashSet<SentKey> Done(CustomerCharge[] charges, int mask)
    {
        var done = new HashSet<SentKey>();
        var bit = 0;
        foreach (var charge in charges)
        {
            foreach (var step in CliRuler.Steps)
            {
                foreach (var channel in step.IsEscalation ? [step.EscalationKey] : step.Channels)
                {
                    if ((mask >> (bit++ % 21) & 1) == 1 && bit % 3 == 0)
                    {
                        done.Add(new SentKey(charge.Charge.Id, step.Id, channel));
                    }
                }
            }
        }

        return done;
    }

    private static string Render(DunningPlan plan) =>
        string.Join('\n', plan.Due.Select(a => FormattableString.Invariant(
            $"{string.Join(',', a.ChargeIds)}|{a.CustomerId}|{a.StepId}|{string.Join(',', a.Channels)}|{a.Local}|{a.Instant}|{a.AmountDue}|{a.Reason}")))
        + "\n--\n" + string.Join('\n', plan.Skipped)
        + "\n--\n" + plan.NextWakeUp;

    public sealed record Scenario(CustomerCharge[] Charges, CustomerCharge[] Shuffled, HashSet<SentKey> Done, Instant Now)
    {
        public override string ToString() =>
            FormattableString.Invariant($"now={Now}, done={Done.Count}, charges=[{string.Join("; ", Charges.Select(c => $"{c.Charge.Id} {c.Charge.Status} {c.Charge.Amount}/{c.Charge.PaidAmount} due {c.Charge.DueDate} promise {c.Charge.PromiseToPayUntil} optout {string.Join('|', c.Customer.OptOut)}"))}]");
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Channels;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>
/// Crashes injected around the provider call (the process dying right before sending, or right after the provider
/// accepted but before the outcome is recorded) over random sequences of runs with the in-memory journal: no key is ever
/// accepted twice, and once the crashes stop every key gets sent or, when a crash left it in doubt, is settled by a later
/// run as "treated as sent" (the default <see cref="InDoubtPolicy"/> for channels without look-up).
/// </summary>
public sealed class CrashInjectionProperties
{
    /// <summary>0 no crash, 1 crash before the send, 2 crash after the provider accepted.</summary>
    private static readonly Gen<int> s_mode = Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)));

    private static readonly DunningRuler s_ruler = RulerOf(Consolidation.CustomerDay, null,
        MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto"),
        MessageStep("d5", 5, ["email"], template: "atraso")) with { CatchUp = new CatchUpPolicy(CatchUpMode.All, 366) };

    /// <summary>Tuesday 14 April 2026, 10:00 in São Paulo: after every step of every charge, inside the send window.</summary>
    private static readonly Instant s_final = At(new LocalDate(2026, 4, 14), 10);

    private static Arbitrary<Scenario> Scenarios { get; } = (
        from charges in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 2).SelectMany(c => Gen.Choose(0, 6).Select(d => (c, d))), n))
        from runs in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(
            from day in Gen.Choose(-2, 20)
            from hour in Gen.Choose(6, 21)
            select (day, hour), n))
        from email in Gen.ArrayOf(s_mode, 12)
        from whatsapp in Gen.ArrayOf(s_mode, 12)
        select new Scenario(charges, [.. runs.Order()], email, whatsapp))
        .ToArbitrary();

    [Property(MaxTest = 100)]
    public Property RunAsync_CrashesAroundTheSend_NeverTwiceAndEverythingNotInDoubtSent() =>
        Prop.ForAll(Scenarios, s =>
        {
            var h = new RunnerHarness();
            for (var i = 0; i < s.Charges.Length; i++)
            {
                var (customer, dueIn) = s.Charges[i];
                h.Source.Put(Charge("C-" + i.ToString(CultureInfo.InvariantCulture), customerId: "K-" + customer.ToString(CultureInfo.InvariantCulture), due: Due.PlusDays(dueIn)));
            }

            var email = new CrashingChannel(h.Email, s.Email);
            var whatsapp = new CrashingChannel(h.WhatsApp, s.WhatsApp);
            var runner = new DunningRunner(Planner, h.Journal, h.Source, [email, whatsapp], TemplateSet.BuiltIn, Creditor, options: ApprovedTemplates);
            var entries = Task.Run(async () =>
            {
                foreach (var (day, hour) in s.Runs)
                {
                    await runner.RunAsync(s_ruler, At(Due.PlusDays(day), hour));
                }

                email.Stop();
                whatsapp.Stop();
                await runner.RunAsync(s_ruler, s_final);
                await runner.RunAsync(s_ruler, s_final.Plus(Duration.FromHours(1)));
                var list = new List<JournalEntry>();
                await foreach (var e in h.Journal.ListAsync())
                {
                    list.Add(e);
                }

                return list;
            }).GetAwaiter().GetResult();

            var accepted = h.AcceptedKeys;
            Assert.Equal(accepted.Count, accepted.Distinct().Count());
            var expected = Enumerable.Range(0, s.Charges.Length).Select(i => "C-" + i.ToString(CultureInfo.InvariantCulture))
                .SelectMany(id => new[] { new JournalKey(id, "d0", "email"), new JournalKey(id, "d0", "whatsapp"), new JournalKey(id, "d5", "email") })
                .ToList();
            var byKey = entries.ToDictionary(e => e.Key);
            Assert.True(byKey.Keys.ToHashSet().SetEquals(expected), "every (charge, step, channel) was claimed once the crashes stopped");
            foreach (var key in expected)
            {
                var state = byKey[key].State;
                Assert.True(state == JournalEntryState.Sent || InDoubtTreatedAsSent(byKey[key]), $"{key} ended {state}");
                if (state == JournalEntryState.Sent)
                {
                    Assert.Single(accepted, k => k == key);
                }
            }

            var crashedAfter = email.CrashedAfterAccepting + whatsapp.CrashedAfterAccepting;
            var acceptedIds = h.Email.Accepted.Concat(h.WhatsApp.Accepted).Select(m => m.IdempotencyKey).ToHashSet();
            Assert.Equal(crashedAfter, entries.Where(InDoubtTreatedAsSent).Select(e => e.MessageId).Distinct().Count(acceptedIds.Contains));
        });

    /// <summary>Left in doubt by a crash, then settled by a later run under the default policy (the channels have no look-up).</summary>
    private static bool InDoubtTreatedAsSent(JournalEntry e) =>
        e.State == JournalEntryState.Skipped && e.Outcome!.Reason!.Contains("treated as sent", StringComparison.Ordinal);

    /// <summary>Wraps a channel and simulates the process dying before the send or after the provider accepted.</summary>
    private sealed class CrashingChannel(IMessageChannel inner, int[] modes) : IMessageChannel
    {
        private int _next;
        private bool _stopped;

        public ChannelKind Kind => inner.Kind;

        public string Name => inner.Name;

        public int CrashedAfterAccepting { get; private set; }

        /// <summary>No more crashes from now on.</summary>
        public void Stop() => _stopped = true;

        public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            var mode = _stopped || _next >= modes.Length ? 0 : modes[_next++];
            if (mode == 1)
            {
                throw new InvalidOperationException("crash before the send");
            }

            var result = await inner.SendAsync(message, cancellationToken);
            if (mode == 2)
            {
                CrashedAfterAccepting++;
                throw new InvalidOperationException("crash after the provider accepted");
            }

            return result;
        }
    }

    internal sealed record Scenario((int Customer, int DueIn)[] Charges, (int Day, int Hour)[] Runs, int[] Email, int[] WhatsApp);
}

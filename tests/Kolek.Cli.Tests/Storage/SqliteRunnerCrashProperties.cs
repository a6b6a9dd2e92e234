using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Channels;
using Kolek.Cli.Outbox;
using Kolek.Cli.Storage;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Cli.Tests.Storage;

/// <summary>
/// Three runners at once on one SQLite journal file (each with its own connection, as three worker processes), either
/// partitioned (i of 3) or all overlapping on the whole portfolio, with crashes injected at every boundary: right after a
/// claim commits (the run dies), after the provider accepted (the channel throws; the key is left in doubt) and just before
/// the outcome is recorded (the run dies). The provider can be asked about a message by its idempotency key, so later
/// runs settle every in-doubt key exactly. Over random portfolios and run sequences: no (charge, step, channel) is ever
/// accepted twice by the provider, and once the crashes stop every one of them has been accepted exactly once.
/// </summary>
public sealed class SqliteRunnerCrashProperties
{
    private static readonly DateTimeZone s_zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    /// <summary>Monday 16 March 2026.</summary>
    private static readonly LocalDate s_due = new(2026, 3, 16);

    private static readonly TemplateCreditor s_creditor = new("Empresa Exemplo Ltda", "11222333000181");

    private static readonly DunningRuler s_ruler = new()
    {
        Id = "crash",
        Consolidate = Consolidation.CustomerDay,
        CatchUp = new CatchUpPolicy(CatchUpMode.All, 366),
        Steps =
        [
            new RulerStep { Id = "d0", Anchor = StepAnchor.Due, OffsetDays = 0, Channels = ["email", "whatsapp"], Template = "boleto" },
            new RulerStep { Id = "d5", Anchor = StepAnchor.Due, OffsetDays = 5, Channels = ["email"], Template = "atraso" },
        ],
    };

    /// <summary>Tuesday 14 April 2026, 10:00 in São Paulo: after every step of every charge, inside the send window.</summary>
    private static readonly Instant s_final = At(new LocalDate(2026, 4, 14), 10);

    /// <summary>0 none, 1 after the claim, 2 after the provider accepted, 3 before the record.</summary>
    private static readonly Gen<int> s_crash = Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)));

    private static Arbitrary<Scenario> Scenarios { get; } = (
        from charges in Gen.Choose(1, 9).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 4).SelectMany(c => Gen.Choose(0, 6).Select(d => (c, d))), n))
        from rounds in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(
            from day in Gen.Choose(-1, 14)
            from hour in Gen.Choose(8, 19)
            select (day, hour), n))
        from partitioned in Gen.Elements(true, false)
        from crashes in Gen.ArrayOf(s_crash, 60)
        select new Scenario(charges, [.. rounds.Distinct().Order()], partitioned, crashes))
        .ToArbitrary();

    [Property(MaxTest = 60)]
    public Property ThreeRunnersWithCrashes_NothingDuplicatedNothingLost() =>
        Prop.ForAll(Scenarios, s => Task.Run(() => CheckAsync(s)).GetAwaiter().GetResult());

    private static async Task CheckAsync(Scenario s)
    {
        var folder = Directory.CreateTempSubdirectory("kolek-crash-").FullName;
        try
        {
            var file = Path.Combine(folder, "state.db");
            using (new SqliteDatabase(file))
            {
                // the schema, once, before the workers race
            }

            var source = new ListSource(s.Charges);
            var provider = new Provider();
            var plan = new CrashPlan(s.Crashes);
            var dbs = Enumerable.Range(0, 3).Select(_ => new SqliteDatabase(file)).ToList();
            try
            {
                var runners = dbs.Select(db => Runner(new CrashingJournal(new SqliteDunningJournal(db), plan), source, provider, plan)).ToList();
                foreach (var (day, hour) in s.Rounds)
                {
                    var now = At(s_due.PlusDays(day), hour);
                    await Task.WhenAll(runners.Select((r, i) => Task.Run(() => RunSurvivingCrashAsync(r, now, s.Partitioned ? new RunPartition(i, 3) : null))));
                }

                plan.Stop();

                // After the crashes: the grace period passes, in-doubt keys are settled, and what is left is sent.
                foreach (var now in new[] { s_final, s_final + Duration.FromHours(1), s_final + Duration.FromHours(2) })
                {
                    await Task.WhenAll(runners.Select((r, i) => Task.Run(() => r.RunAsync(s_ruler, now, s.Partitioned ? new RunPartition(i, 3) : null))));
                }

                var expected = s.Charges.Select((_, i) => Id(i))
                    .SelectMany(id => new[] { new JournalKey(id, "d0", "email"), new JournalKey(id, "d0", "whatsapp"), new JournalKey(id, "d5", "email") })
                    .Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
                var accepted = provider.AcceptedKeys().Select(k => k.ToString()).ToList();
                Assert.Equal(accepted.Count, accepted.Distinct().Count()); // never twice
                Assert.Equal(expected, accepted.Order(StringComparer.Ordinal)); // nothing lost
                var journal = new SqliteDunningJournal(dbs[0]);
                await foreach (var entry in journal.ListAsync())
                {
                    Assert.Equal(JournalEntryState.Sent, entry.State);
                }
            }
            finally
            {
                dbs.ForEach(db => db.Dispose());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunSurvivingCrashAsync(DunningRunner runner, Instant now, RunPartition? partition)
    {
        try
        {
            await runner.RunAsync(s_ruler, now, partition);
        }
        catch (SimulatedCrash)
        {
            // The worker process died; the next round is another process on the same file.
        }
    }

    private static DunningRunner Runner(IDunningJournal journal, IReceivableSource source, Provider provider, CrashPlan plan) =>
        new(OutboxRunner.Planner(), journal, source,
            [new CrashingChannel("email", ChannelKind.Email, provider, plan), new CrashingChannel("whatsapp", ChannelKind.WhatsApp, provider, plan)],
            TemplateSet.BuiltIn, s_creditor, options: OutboxRunner.Options(TemplateSet.BuiltIn));

    private static string Id(int i) => "C-" + i.ToString("D2", CultureInfo.InvariantCulture);

    private static Instant At(LocalDate date, int hour) => date.At(new LocalTime(hour, 0)).InZoneStrictly(s_zone).ToInstant();

    internal sealed record Scenario((int Customer, int DueIn)[] Charges, (int Day, int Hour)[] Rounds, bool Partitioned, int[] Crashes)
    {
        public override string ToString() =>
            $"charges [{string.Join(", ", Charges)}] rounds [{string.Join(", ", Rounds)}] partitioned {Partitioned} crashes [{string.Join("", Crashes)}]";
    }

    private sealed class SimulatedCrash(string where) : Exception("simulated crash " + where);

    /// <summary>Hands out the crash points in order to whichever worker reaches a boundary first; none after <see cref="Stop"/>.</summary>
    private sealed class CrashPlan(int[] crashes)
    {
        private int _next = -1;
        private volatile bool _stopped;

        public void Stop() => _stopped = true;

        public bool At(int boundary)
        {
            if (_stopped)
            {
                return false;
            }

            var i = Interlocked.Increment(ref _next);
            return i < crashes.Length && crashes[i] == boundary;
        }
    }

    /// <summary>The provider behind both channels: every message it accepted, searchable by idempotency key.</summary>
    private sealed class Provider
    {
        private readonly ConcurrentQueue<OutboundMessage> _accepted = new();

        public string Accept(OutboundMessage message)
        {
            _accepted.Enqueue(message);
            return "p-" + message.IdempotencyKey;
        }

        public string? Find(string idempotencyKey) =>
            _accepted.Any(m => m.IdempotencyKey == idempotencyKey) ? "p-" + idempotencyKey : null;

        public List<JournalKey> AcceptedKeys() =>
            [.. _accepted.SelectMany(m => m.Metadata.ChargeIds.Select(id => new JournalKey(id, m.Metadata.StepId, m.Channel)))];
    }

    private sealed class CrashingChannel(string name, ChannelKind kind, Provider provider, CrashPlan plan) : IMessageChannel, IMessageLookup
    {
        public ChannelKind Kind => kind;

        public string Name => name;

        public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            var id = provider.Accept(message);
            if (plan.At(2))
            {
                throw new InvalidOperationException("connection lost after the provider accepted");
            }

            return ValueTask.FromResult(SendResult.Accepted(id));
        }

        public ValueTask<string?> FindAcceptedAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(provider.Find(idempotencyKey));
    }

    private sealed class CrashingJournal(IDunningJournal inner, CrashPlan plan) : IDunningJournal
    {
        public async ValueTask<ClaimResult> TryClaimAsync(JournalClaim claim, CancellationToken cancellationToken = default)
        {
            var result = await inner.TryClaimAsync(claim, cancellationToken);
            return result.IsClaimed && plan.At(1) ? throw new SimulatedCrash("after the claim") : result;
        }

        public ValueTask<bool> RecordOutcomeAsync(ClaimReceipt receipt, JournalOutcome outcome, CancellationToken cancellationToken = default) =>
            plan.At(3) ? throw new SimulatedCrash("before the record") : inner.RecordOutcomeAsync(receipt, outcome, cancellationToken);

        public ValueTask<DeliveryUpdateResult> ApplyDeliveryStatusAsync(DeliveryStatusUpdate update, Instant receivedAt, CancellationToken cancellationToken = default) =>
            inner.ApplyDeliveryStatusAsync(update, receivedAt, cancellationToken);

        public ValueTask<JournalEntry?> GetAsync(JournalKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public IAsyncEnumerable<JournalEntry> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);
    }

    private sealed class ListSource : IReceivableSource
    {
        private readonly Dictionary<string, CustomerCharge> _charges;

        public ListSource((int Customer, int DueIn)[] charges) =>
            _charges = charges.Select((c, i) =>
            {
                var customer = "K-" + c.Customer.ToString(CultureInfo.InvariantCulture);
                var due = s_due.PlusDays(c.DueIn);
                return new CustomerCharge(
                    new Charge { Id = Id(i), CustomerId = customer, Amount = 100m + i, IssueDate = due.PlusDays(-20), DueDate = due },
                    new Customer { Id = customer, Name = "Cliente " + customer, Email = customer + "@example.com", Phone = "+5511999990000" });
            }).ToDictionary(c => c.Charge.Id, StringComparer.Ordinal);

        public async IAsyncEnumerable<CustomerCharge> GetChargesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var charge in _charges.Values)
            {
                yield return charge;
            }

            await Task.CompletedTask;
        }

        public ValueTask<Charge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_charges.TryGetValue(chargeId, out var c) ? c.Charge : null);
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using NodaTime;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Partitioned runs: disjoint, complete, stable across processes, and together equal to one whole run.</summary>
public sealed class RunPartitionTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, -1)]
    [InlineData(-1, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    public void Ctor_OutOfRange_Throws(int index, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RunPartition(index, count));

    [Fact]
    public void IndexOf_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => RunPartition.IndexOf(null!, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunPartition.IndexOf("K-1", 0));
        Assert.Throws<ArgumentNullException>(() => new RunPartition(0, 2).Contains(null!));
    }

    /// <summary>FNV-1a 32-bit reference values (the "a" vector is the published one); UTF-8 bytes, not UTF-16 chars.</summary>
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("K-1", 0x046835bcu)]
    [InlineData("José", 0xbac14587u)]
    public void Fnv1a_KnownInputs_ReferenceHash(string text, uint expected) => Assert.Equal(expected, RunPartition.Fnv1a(text));

    /// <summary>Hard-coded so that a change of hash (or a per-process one such as string.GetHashCode) fails here.</summary>
    [Theory]
    [InlineData("K-1", 3, 1)]
    [InlineData("K-2", 7, 4)]
    [InlineData("cliente-42", 3, 0)]
    [InlineData("cliente-42", 7, 5)]
    [InlineData("José", 7, 3)]
    [InlineData("qualquer", 1, 0)]
    public void IndexOf_KnownCustomers_SamePartitionInEveryProcess(string customerId, int count, int expected)
    {
        Assert.Equal(expected, RunPartition.IndexOf(customerId, count));
        Assert.True(new RunPartition(expected, count).Contains(customerId));
    }

    [Property]
    public Property Contains_EveryCustomer_InExactlyOnePartition() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>[]>(), Gen.Choose(1, 9).ToArbitrary(), (ids, count) =>
        {
            var partitions = Enumerable.Range(0, count).Select(i => new RunPartition(i, count)).ToList();
            return ids.All(id => partitions.Count(p => p.Contains(id.Get)) == 1
                && partitions.Single(p => p.Contains(id.Get)).Index == RunPartition.IndexOf(id.Get, count));
        });

    [Fact]
    public async Task RunAsync_Partition_SendsOnlyToItsCustomers()
    {
        var h = new RunnerHarness();
        var customers = Enumerable.Range(0, 12).Select(i => "K-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var id in customers)
        {
            h.Source.Put(Charge("C-" + id, customerId: id));
        }

        var partition = new RunPartition(1, 3);
        var result = await h.Runner().RunAsync(s_dueDay, At(Due, 9), partition);

        var expected = customers.Where(id => RunPartition.IndexOf(id, 3) == 1).ToList();
        Assert.NotEmpty(expected);
        Assert.NotEqual(customers.Count, expected.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Sent.Select(s => s.CustomerId).Distinct().Order(StringComparer.Ordinal));
        Assert.All(h.Email.Accepted.Concat(h.WhatsApp.Accepted), m => Assert.Contains(m.Metadata.CustomerId, expected));
    }

    [Property(MaxTest = 60)]
    public Property RunAsync_AllPartitions_SendExactlyWhatOneWholeRunSends() =>
        Prop.ForAll(Portfolios, Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(-4, 40).ToArbitrary(), (portfolio, count, day) =>
        {
            var now = At(Due.PlusDays(day), 10);
            var whole = new RunnerHarness();
            var split = new RunnerHarness();
            foreach (var (charge, customer, dueIn) in portfolio)
            {
                whole.Source.Put(Charge(charge, customerId: customer, due: Due.PlusDays(dueIn)));
                split.Source.Put(Charge(charge, customerId: customer, due: Due.PlusDays(dueIn)));
            }

            Task.Run(async () =>
            {
                await whole.Runner().RunAsync(Fixtures.CliRuler, now);
                var runner = split.Runner();
                for (var i = 0; i < count; i++)
                {
                    await runner.RunAsync(Fixtures.CliRuler, now, new RunPartition(i, count));
                }
            }).GetAwaiter().GetResult();

            Assert.Equal(Sent(whole), Sent(split));
        });

    private static readonly DunningRuler s_dueDay = RulerOf(MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto"));

    /// <summary>Up to 10 charges of up to 5 customers, due within three weeks of <see cref="RunnerHarness.Due"/>.</summary>
    private static Arbitrary<(string Charge, string Customer, int DueIn)[]> Portfolios { get; } = Gen.Choose(1, 10)
        .SelectMany(n => Gen.ArrayOf(
            from customer in Gen.Choose(0, 4)
            from dueIn in Gen.Choose(-10, 10)
            select (customer, dueIn), n))
        .Select(specs => specs.Select((s, i) => ("C-" + i.ToString(CultureInfo.InvariantCulture), "cliente-" + s.customer.ToString(CultureInfo.InvariantCulture), s.dueIn)).ToArray())
        .ToArbitrary();

    private static List<string> Sent(RunnerHarness h) =>
        [.. h.Email.Accepted.Concat(h.WhatsApp.Accepted)
            .Select(m => string.Join('|', m.IdempotencyKey, m.Channel, m.Recipient.Value, m.Metadata.CustomerId, m.TextBody))
            .Order(StringComparer.Ordinal)];
}

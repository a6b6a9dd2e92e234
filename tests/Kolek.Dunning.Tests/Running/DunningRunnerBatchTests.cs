using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Charges;
using NodaTime;

namespace Kolek.Dunning.Tests.Running;

/// <summary><see cref="Dunning.Running.DunningRunnerOptions.BatchSize"/>: the same sends as one whole plan, one batch held at a time.</summary>
public sealed class DunningRunnerBatchTests
{
    private static readonly LocalDate s_origin = new(2026, 3, 2);

    /// <summary>Customers 0–5, each charge (customer, due day, cents); charge ids sort by customer, so the source yields customers together.</summary>
    private static Arbitrary<(int Customer, int DueDay, int Cents)[]> Portfolios { get; } =
        Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(
            from customer in Gen.Choose(0, 5)
            from dueDay in Gen.Choose(0, 20)
            from cents in Gen.Choose(1_00, 3_000_00)
            select (customer, dueDay, cents), n)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property RunAsync_InBatches_SendsExactlyWhatOneWholePlanSends() =>
        Prop.ForAll(Portfolios, Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), (portfolio, batchSize, day) =>
        {
            var now = s_origin.PlusDays(day).At(new LocalTime(10, 0)).InZoneStrictly(Fixtures.SaoPaulo).ToInstant();
            var whole = Sends(portfolio, null, now);
            var batched = Sends(portfolio, batchSize, now);
            Assert.Equal(whole, batched);
        });

    [Fact]
    public async Task RunAsync_InBatches_ACustomerMetAgainAfterItsBatch_StopsTheRunNamingTheCharge()
    {
        var h = new RunnerHarness { Options = RunnerHarness.ApprovedTemplates with { BatchSize = 1 } };
        h.Source.Put(Charge("C-1", "K-1", 0, 100_00));
        h.Source.Put(Charge("C-2", "K-2", 0, 100_00));
        h.Source.Put(Charge("C-3", "K-1", 0, 100_00)); // the source yields by charge id: K-1, K-2, K-1
        var now = s_origin.At(new LocalTime(10, 0)).InZoneStrictly(Fixtures.SaoPaulo).ToInstant();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => h.RunAsync(Fixtures.CliRuler, now));

        Assert.Contains("'C-3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'K-1'", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Sends((int Customer, int DueDay, int Cents)[] portfolio, int? batchSize, Instant now)
    {
        var h = new RunnerHarness { Options = RunnerHarness.ApprovedTemplates with { BatchSize = batchSize } };
        for (var i = 0; i < portfolio.Length; i++)
        {
            var (customer, dueDay, cents) = portfolio[i];
            var customerId = "K-" + customer.ToString(CultureInfo.InvariantCulture);
            h.Source.Put(Charge(customerId + "/C-" + i.ToString("D2", CultureInfo.InvariantCulture), customerId, dueDay, cents));
        }

        Task.Run(() => h.RunAsync(Fixtures.CliRuler, now)).GetAwaiter().GetResult();
        return h.Email.Accepted.Concat(h.WhatsApp.Accepted)
            .Select(m => string.Join(",", m.Metadata.ChargeIds.Order(StringComparer.Ordinal)) + "|" + m.Metadata.StepId + "|" + m.Channel + "|" + m.IdempotencyKey)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static CustomerCharge Charge(string id, string customerId, int dueDay, int cents)
    {
        var due = s_origin.PlusDays(dueDay);
        return new CustomerCharge(
            new Charge { Id = id, CustomerId = customerId, Amount = cents / 100m, DueDate = due, IssueDate = due.PlusDays(-10) },
            Fixtures.Customer(customerId));
    }
}

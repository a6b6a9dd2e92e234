using System.Globalization;
using System.Runtime.CompilerServices;
using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Benchmarks.Dunning;

/// <summary>A portfolio of charges all due on one day, and a channel that accepts everything in memory.</summary>
internal static class DunningRunData
{
    /// <summary>Monday 16 March 2026.</summary>
    public static readonly LocalDate Due = new(2026, 3, 16);

    /// <summary>10:00 in São Paulo on the due day: the D+0 step of every charge is due, inside the send window.</summary>
    public static readonly Instant Now = Due.At(new LocalTime(10, 0)).InZoneStrictly(DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]).ToInstant();

    public static readonly TemplateCreditor Creditor = new("Empresa Exemplo Ltda", "11222333000181");

    /// <summary>One e-mail per charge on its due day (no consolidation), with the built-in <c>boleto</c> template.</summary>
    public static readonly DunningRuler Ruler = new()
    {
        Id = "bench",
        Steps = [new RulerStep { Id = "d0", Anchor = StepAnchor.Due, OffsetDays = 0, Channels = ["email"], Template = "boleto" }],
    };

    /// <summary>Creates <paramref name="count"/> open charges due today, one customer each.</summary>
    public static MemorySource Portfolio(int count)
    {
        var charges = new Dictionary<string, CustomerCharge>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = "NF-" + i.ToString("D7", CultureInfo.InvariantCulture);
            var customer = "K-" + i.ToString("D7", CultureInfo.InvariantCulture);
            charges[id] = new CustomerCharge(
                new Charge
                {
                    Id = id,
                    CustomerId = customer,
                    Amount = 100m + (i % 5000),
                    IssueDate = Due.PlusDays(-20),
                    DueDate = Due,
                    LinhaDigitavel = "34191790010104351004791020150008291070026000",
                },
                new Customer { Id = customer, Name = "Cliente " + customer, Email = customer.ToLowerInvariant() + "@example.com" });
        }

        return new MemorySource(charges);
    }

    internal sealed class MemorySource(Dictionary<string, CustomerCharge> charges) : IReceivableSource
    {
        public async IAsyncEnumerable<CustomerCharge> GetChargesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var charge in charges.Values)
            {
                yield return charge;
            }

            await Task.CompletedTask;
        }

        public ValueTask<Charge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(charges.TryGetValue(chargeId, out var c) ? c.Charge : null);
    }

    /// <summary>Accepts every message at once and counts them.</summary>
    internal sealed class CountingChannel : IMessageChannel
    {
        private int _count;

        public ChannelKind Kind => ChannelKind.Email;

        public string Name => "email";

        public int Count => _count;

        public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(SendResult.Accepted("m-" + Interlocked.Increment(ref _count).ToString(CultureInfo.InvariantCulture)));
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Running;

namespace Kolek.Dunning.Tests.Running;

/// <summary>
/// A mutable portfolio. <see cref="GetChargesAsync"/> lists what the host listed (open charges, as a host query would);
/// <see cref="GetChargeAsync"/> reads the current state, which <see cref="ChangeAtSendTime"/> can move ahead of the
/// listing to simulate a payment landing between planning and sending.
/// </summary>
internal sealed class FakeReceivableSource : IReceivableSource
{
    private readonly ConcurrentDictionary<string, CustomerCharge> _listed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Charge> _current = new(StringComparer.Ordinal);

    public FakeReceivableSource(params IEnumerable<CustomerCharge> charges)
    {
        foreach (var c in charges)
        {
            Put(c);
        }
    }

    /// <summary>Adds or replaces a charge, both in the listing and in its current state.</summary>
    public void Put(CustomerCharge charge)
    {
        _listed[charge.Charge.Id] = charge;
        _current[charge.Charge.Id] = charge.Charge;
    }

    /// <summary>Marks a charge paid in full, everywhere.</summary>
    public void Pay(string chargeId)
    {
        var c = _listed[chargeId];
        Put(c with { Charge = c.Charge with { Status = ChargeStatus.Paid, PaidAmount = c.Charge.Amount } });
    }

    /// <summary>Changes only what <see cref="GetChargeAsync"/> returns, as if it changed after the listing.</summary>
    public void ChangeAtSendTime(string chargeId, Func<Charge, Charge> change) => _current[chargeId] = change(_current[chargeId]);

    /// <summary>Forgets a charge in its current state only (the host deleted it after listing).</summary>
    public void ForgetAtSendTime(string chargeId) => _current.TryRemove(chargeId, out _);

    public async IAsyncEnumerable<CustomerCharge> GetChargesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var c in _listed.Values.OrderBy(c => c.Charge.Id, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return c;
        }
    }

    /// <summary>Awaited at the start of every <see cref="GetChargeAsync"/>, that is after planning and before claiming.</summary>
    public Func<Task>? BeforeReRead { get; set; }

    public async ValueTask<Charge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default)
    {
        if (BeforeReRead is not null)
        {
            await BeforeReRead();
        }

        return _current.GetValueOrDefault(chargeId);
    }
}

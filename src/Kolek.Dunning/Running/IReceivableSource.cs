using Kolek.Dunning.Charges;

namespace Kolek.Dunning.Running;

/// <summary>The host's receivables as the runner reads them: the open portfolio, and the latest state of one charge.</summary>
/// <remarks>The host implements it over its ERP database. The runner calls <see cref="GetChargeAsync"/> right before each
/// send, so a charge paid a second ago is not chased (DESIGN.md rule 2).</remarks>
public interface IReceivableSource
{
    /// <summary>Streams the charges to plan for (normally every charge that is not settled), each with its customer.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The charges, in any order.</returns>
    IAsyncEnumerable<CustomerCharge> GetChargesAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the current state of one charge.</summary>
    /// <param name="chargeId">The charge's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The charge, or <see langword="null"/> when the host no longer knows it.</returns>
    ValueTask<Charge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default);
}

using System.Runtime.CompilerServices;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Running;

namespace Kolek.Cli.Erp;

/// <summary>
/// The receivables of an ERP export (CHARGES.csv, optionally CUSTOMERS.csv) as the runner reads them. The export is a
/// snapshot: a charge's state is what the file says, so the re-read before a send returns the same charge.
/// </summary>
public sealed class ErpReceivables : IReceivableSource
{
    private readonly Dictionary<string, Charge> _byId;

    private ErpReceivables(IReadOnlyList<CustomerCharge> charges)
    {
        Charges = charges;
        _byId = charges.ToDictionary(c => c.Charge.Id, c => c.Charge, StringComparer.Ordinal);
    }

    /// <summary>Every charge of the export with its customer, in file order.</summary>
    public IReadOnlyList<CustomerCharge> Charges { get; }

    /// <summary>Reads the export. Rows that cannot be used (unreadable or contradictory cells, an id given twice) are left out
    /// and told to <paramref name="problems"/>, as is each customer id that CUSTOMERS.csv (when given) does not list.</summary>
    public static ErpReceivables Load(string chargesPath, string? customersPath, Commands.InputProblems problems)
    {
        var charges = problems.Take(ErpExport.LoadCharges(chargesPath));
        if (customersPath is null)
        {
            return new ErpReceivables(ErpExport.Join(charges, []));
        }

        var customers = problems.Take(ErpExport.LoadCustomers(customersPath));
        return new ErpReceivables(ErpExport.Join(charges, customers, (customerId, chargeId) => problems.Warn("input.customer.unknown", customersPath,
            $"Customer '{customerId}' (charge '{chargeId}' and any other of theirs) is not in this file: collected with no name and no contact, so no message can reach them.")));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CustomerCharge> GetChargesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var cc in Charges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return cc;
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<Charge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_byId.GetValueOrDefault(chargeId));
}

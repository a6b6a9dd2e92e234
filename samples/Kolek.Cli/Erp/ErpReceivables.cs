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

    /// <summary>Reads the export; a charge id given twice is an error naming the second line.</summary>
    public static ErpReceivables Load(string chargesPath, string? customersPath)
    {
        var charges = ErpExport.LoadCharges(chargesPath);
        var customers = customersPath is null ? [] : ErpExport.LoadCustomers(customersPath);
        return new ErpReceivables(ErpExport.Join(charges, customers));
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

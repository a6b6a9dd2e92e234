using System.Runtime.CompilerServices;
using Kolek.Cli.Storage;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Running;
using Kolek.Reconciliation.Matching;
using NodaTime;

namespace Kolek.Cli.Demo;

/// <summary>
/// The demo's stand-in for an ERP: the exported charges, with the payments the reconciliation recorded applied on top.
/// Every read goes to the database, so the runner's re-read right before a send sees a payment recorded a moment ago.
/// </summary>
public sealed class DemoPortfolio(IReadOnlyList<Charge> exported, IReadOnlyList<Customer> customers, SqliteReconciliationLedger ledger)
    : IReceivableSource
{
    private static readonly DateTimeZone s_zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    private readonly Dictionary<string, Charge> _exported = exported.ToDictionary(c => c.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Customer> _customers = customers.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>Every charge as it stands now (export + recorded payments), in export order.</summary>
    public IReadOnlyList<Charge> Current()
    {
        var settled = ledger.SettledByCharge();
        return exported.Select(c => Apply(c, settled)).ToList();
    }

    /// <summary>Every charge with its customer.</summary>
    public IReadOnlyList<CustomerCharge> CurrentWithCustomers() =>
        Current().Select(c => new CustomerCharge(c, _customers.GetValueOrDefault(c.CustomerId) ?? new Customer { Id = c.CustomerId })).ToList();

    /// <summary>The open charges as the matcher sees them: outstanding balance, payer document, references, late-charge terms.</summary>
    public IReadOnlyList<OpenItem> OpenItems(Dunning.LateCharges.LateChargeTerms terms) =>
        CurrentWithCustomers()
            .Where(cc => cc.Charge is { Status: ChargeStatus.Open, Outstanding: > 0m })
            .Select(cc => new OpenItem(cc.Charge.Id, cc.Customer.Id, cc.Charge.Amount, cc.Charge.DueDate)
            {
                Outstanding = cc.Charge.Outstanding,
                IssueDate = cc.Charge.IssueDate,
                PayerDocuments = cc.Customer.Document.Length > 0 ? [cc.Customer.Document] : [],
                Consumer = cc.Customer.Consumer,
                References = new OpenItemReferences
                {
                    NossoNumero = cc.Charge.NossoNumero,
                    Txid = cc.Charge.Txid,
                    DocumentNumber = cc.Charge.Id,
                    LinhaDigitavel = cc.Charge.LinhaDigitavel,
                },
                LateCharges = new OpenItemLateChargeTerms(terms.FinePercent, terms.InterestPercentPerMonth),
            })
            .ToList();

    /// <inheritdoc />
    public async IAsyncEnumerable<CustomerCharge> GetChargesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var cc in CurrentWithCustomers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return cc;
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<Charge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_exported.TryGetValue(chargeId, out var c) ? Apply(c, ledger.SettledByCharge()) : null);

    /// <summary>The charge with the recorded payments applied; once settled, it is paid on the (São Paulo) date the last payment was recorded.</summary>
    private static Charge Apply(Charge charge, IReadOnlyDictionary<string, SettledPayment> settled)
    {
        if (!settled.TryGetValue(charge.Id, out var paid) || charge.Status != ChargeStatus.Open)
        {
            return charge;
        }

        var updated = charge with { PaidAmount = charge.PaidAmount + paid.Principal };
        return updated.Outstanding == 0m
            ? updated with { Status = ChargeStatus.Paid, PaidDate = charge.PaidDate ?? paid.LastRecordedAt.InZone(s_zone).Date }
            : updated;
    }
}

using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Tests.Matching;

/// <summary>Small builders for transactions and open items.</summary>
internal static class Build
{
    public const string Cpf = "12345678909";
    public const string OtherCpf = "98765432100";
    public const string Cnpj = "11222333000181";

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static BankTransaction Credit(string id, decimal amount, string date = "2026-11-05") => new()
    {
        Id = id,
        Kind = TransactionKind.Credit,
        BookingDate = Date(date),
        Amount = amount,
        Source = new SourceLocation(1),
    };

    public static BankTransaction Debit(string id, decimal amount, string date = "2026-11-05") =>
        Credit(id, -amount, date) with { Kind = TransactionKind.Debit };

    public static BankTransaction Event(string id, string date = "2026-11-05") =>
        Credit(id, 0m, date) with { Kind = TransactionKind.Event };

    public static BankTransaction WithNossoNumero(this BankTransaction t, string value) =>
        t with { References = t.References with { NossoNumero = value } };

    public static BankTransaction WithTxid(this BankTransaction t, string value) =>
        t with { References = t.References with { Txid = value } };

    public static BankTransaction WithPayer(this BankTransaction t, string document, string name = "Maria da Silva") =>
        t with { Payer = new Payer(name, document) };

    public static OpenItem Item(string id, decimal amount, string due = "2026-11-05", string customer = "K-1", string? document = null) =>
        new(id, customer, amount, Date(due)) { PayerDocuments = document is null ? [] : [document] };

    public static OpenItem WithNossoNumero(this OpenItem i, string value) =>
        i with { References = i.References with { NossoNumero = value } };

    public static OpenItem WithTxid(this OpenItem i, string value) =>
        i with { References = i.References with { Txid = value } };

    public static OpenItem WithLateCharges(this OpenItem i, decimal finePercent = 2m, decimal interestPercentPerMonth = 1m) =>
        i with { LateCharges = new OpenItemLateChargeTerms(finePercent, interestPercentPerMonth) };

    public static ReconciliationMatcher Matcher(Action<MatchingOptions>? configure = null)
    {
        var options = new MatchingOptions();
        configure?.Invoke(options);
        return new ReconciliationMatcher(options);
    }

    public static ReconciliationResult Reconcile(
        IEnumerable<BankTransaction> transactions, IEnumerable<OpenItem> items, Action<MatchingOptions>? configure = null) =>
        Matcher(configure).Reconcile(transactions, items);

    public static ItemBalance Balance(this ReconciliationResult result, string itemId) =>
        result.Items.Single(i => i.ItemId == itemId);
}

using System.Globalization;
using System.Xml.Linq;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using static Kolek.Reconciliation.Readers.Camt.CamtXml;

namespace Kolek.Reconciliation.Readers.Camt;

/// <summary>Turns the <c>Ntry</c> elements of camt statements and notifications into <see cref="BankTransaction"/>s.</summary>
internal sealed class CamtEntryReader(DiagnosticBag diagnostics)
{
    private readonly StableIds _ids = new("camt-");

    public CurrencyTally Currencies { get; } = new();

    /// <summary>Reads one <c>Ntry</c> into its transactions (none when it cannot be read), tallying it into its statement's <paramref name="totals"/>.</summary>
    public List<BankTransaction> ReadEntry(XElement element, string accountKey, CamtStatementTotals totals)
    {
        totals.Currencies.Add(Currency(Child(element, "Amt")));
        if (ReadEntry(element) is not { } entry)
        {
            totals.Complete = false;
            return [];
        }

        Currencies.Add(entry.Currency, entry.Line);
        if (IsBooked(entry))
        {
            totals.BookedSum += entry.SignedAmount;
        }

        return [.. Split(entry).Select(part => Build(entry, part, accountKey))];
    }

    private static bool IsBooked(CamtEntry entry) => string.Equals(entry.Status, "BOOK", StringComparison.OrdinalIgnoreCase);

    private CamtEntry? ReadEntry(XElement ntry)
    {
        var line = Line(ntry);
        var amount = Child(ntry, "Amt");
        if (!TryAmount(amount, out var value))
        {
            diagnostics.Error(Line(amount ?? ntry), "Amt", "camt.amount.invalid",
                $"Valor ilegível '{amount?.Value.Trim()}' em Ntry/Amt: lançamento não lido (nunca tratado como zero).");
            return null;
        }

        var indicator = Text(ntry, "CdtDbtInd");
        if (indicator is not ("CRDT" or "DBIT"))
        {
            diagnostics.Error(line, "CdtDbtInd", "camt.direction.invalid",
                $"CdtDbtInd '{indicator}' não é CRDT nem DBIT: lançamento não lido.");
            return null;
        }

        var booking = Date(Child(ntry, "BookgDt"), out var rawBooking);
        var valueDate = Date(Child(ntry, "ValDt"), out var rawValue);
        if (rawValue is not null && valueDate is null)
        {
            diagnostics.Warning(line, "ValDt", "camt.date.invalid", $"ValDt ilegível '{rawValue}': ignorada.");
        }

        if (booking is null)
        {
            if (valueDate is null)
            {
                diagnostics.Error(line, "BookgDt", "camt.date.missing",
                    $"Lançamento sem BookgDt nem ValDt legível ('{rawBooking}'): não lido.");
                return null;
            }

            diagnostics.Warning(line, "BookgDt", "camt.date.fallback", "Lançamento sem BookgDt legível: usada a data-valor (ValDt).");
        }

        var status = Text(ntry, "Sts", "Cd") ?? Text(ntry, "Sts") ?? Text(ntry, "Sts", "Prtry");
        if (status is null)
        {
            diagnostics.Warning(line, "Sts", "camt.status.missing", "Lançamento sem Sts: tratado como contabilizado (BOOK).");
            status = "BOOK";
        }

        var reversal = string.Equals(Text(ntry, "RvslInd"), "true", StringComparison.OrdinalIgnoreCase);
        var signed = indicator == "DBIT" ? -value : value;
        if (reversal)
        {
            diagnostics.Warning(line, "RvslInd", "camt.entry.reversal", string.Create(CultureInfo.InvariantCulture,
                $"Estorno (RvslInd=true): mantido como {(signed < 0 ? "débito" : "crédito")} conforme CdtDbtInd {indicator}, descrição marcada \"Estorno\"."));
        }

        return new CamtEntry(ntry, line, signed, Currency(amount), reversal, status, booking ?? valueDate!.Value, valueDate,
            Text(ntry, "AcctSvcrRef") ?? Text(ntry, "NtryRef"), CamtBankCodes.Occurrence(Child(ntry, "BkTxCd")));
    }

    /// <summary>One part per <c>TxDtls</c> when their amounts add up to the entry; the whole entry otherwise.</summary>
    private List<CamtPart> Split(CamtEntry entry)
    {
        var details = Children(entry.Element, "NtryDtls").SelectMany(d => Children(d, "TxDtls")).ToList();
        var declared = Children(entry.Element, "NtryDtls").Select(d => Text(d, "Btch", "NbOfTxs")).FirstOrDefault(n => n is not null);
        if (declared is not null && declared != details.Count.ToString(CultureInfo.InvariantCulture) && details.Count > 0)
        {
            diagnostics.Warning(entry.Line, "NbOfTxs", "camt.batch.count", string.Create(CultureInfo.InvariantCulture,
                $"O lote declara NbOfTxs={declared} mas traz {details.Count} TxDtls."));
        }

        if (details.Count <= 1)
        {
            return [new CamtPart(entry.SignedAmount, details.FirstOrDefault())];
        }

        var parts = new List<CamtPart>();
        foreach (var tx in details)
        {
            var amount = Child(tx, "Amt") ?? At(tx, "AmtDtls", "TxAmt", "Amt");
            if (!TryAmount(amount, out var value) || !string.Equals(Currency(amount), entry.Currency, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            var indicator = Text(tx, "CdtDbtInd");
            var negative = indicator is null ? entry.SignedAmount < 0 : indicator == "DBIT";
            parts.Add(new CamtPart(negative ? -value : value, tx));
        }

        if (parts.Count == details.Count && parts.Sum(p => p.SignedAmount) == entry.SignedAmount)
        {
            return parts;
        }

        diagnostics.Warning(entry.Line, "TxDtls", "camt.batch.unsplit", string.Create(CultureInfo.InvariantCulture,
            $"As {details.Count} TxDtls do lançamento não somam o valor dele na mesma moeda (faltam valores ou diferem): lido como um só lançamento de {NaturalKey.Amount(entry.SignedAmount)}."));
        return [new CamtPart(entry.SignedAmount, null)];
    }

    private BankTransaction Build(CamtEntry entry, CamtPart part, string accountKey)
    {
        var tx = part.Details;
        var line = tx is null ? entry.Line : Line(tx);
        var endToEnd = Text(tx, "Refs", "EndToEndId");
        if (string.Equals(endToEnd, "NOTPROVIDED", StringComparison.OrdinalIgnoreCase))
        {
            endToEnd = null;
        }

        var fitid = Text(tx, "Refs", "AcctSvcrRef") ?? entry.Reference;
        var booked = IsBooked(entry);
        var kind = !booked || part.SignedAmount == 0m ? TransactionKind.Event
            : part.SignedAmount > 0m ? TransactionKind.Credit : TransactionKind.Debit;
        if (!booked)
        {
            diagnostics.Warning(line, "Sts", "camt.entry.not-booked", string.Create(CultureInfo.InvariantCulture,
                $"Lançamento com status {entry.Status} (não contabilizado): informado como evento, não move dinheiro."));
        }
        else if (part.SignedAmount == 0m)
        {
            diagnostics.Warning(line, "Amt", "camt.amount.zero", "Lançamento de valor zero: informado como evento.");
        }

        var key = string.Join('|', accountKey, entry.Reference, fitid, endToEnd, Text(tx, "Refs", "InstrId"), Text(tx, "Refs", "TxId"),
            NaturalKey.Date(entry.BookingDate), NaturalKey.Amount(part.SignedAmount));
        var description = Description(entry, tx);
        return new BankTransaction
        {
            Id = _ids.Next(key, out _),
            Kind = kind,
            BookingDate = entry.BookingDate,
            ValueDate = entry.ValueDate,
            Amount = part.SignedAmount,
            Currency = CurrencyTally.Foreign(entry.Currency),
            Occurrence = booked ? entry.Occurrence : CamtBankCodes.Status(entry.Status),
            Description = entry.Reversal ? "Estorno: " + (description ?? "lançamento estornado") : description,
            References = new TransactionReferences
            {
                Fitid = fitid,
                EndToEndId = endToEnd,
                DocumentNumber = CreditorReference(tx),
            },
            Payer = part.SignedAmount > 0m ? PayerOf(tx) : null,
            Source = new SourceLocation(line),
        };
    }

    private static string? Description(CamtEntry entry, XElement? tx)
    {
        var unstructured = Children(Child(tx, "RmtInf"), "Ustrd").Select(u => u.Value.Trim()).Where(u => u.Length > 0).ToList();
        return unstructured.Count > 0
            ? string.Join(' ', unstructured)
            : Text(tx, "RmtInf", "Strd", "AddtlRmtInf") ?? Text(tx, "AddtlTxInf") ?? Text(entry.Element, "AddtlNtryInf");
    }

    private static string? CreditorReference(XElement? tx) =>
        Children(Child(tx, "RmtInf"), "Strd").Select(s => Text(s, "CdtrRefInf", "Ref")).FirstOrDefault(r => r is not null);

    /// <summary>The debtor (<c>RltdPties/Dbtr</c>, v8+: <c>Dbtr/Pty</c>): its name, and its id when it is a valid CPF/CNPJ.</summary>
    private static Payer? PayerOf(XElement? tx)
    {
        var debtor = At(tx, "RltdPties", "Dbtr");
        var party = Child(debtor, "Pty") ?? debtor;
        if (party is null)
        {
            return null;
        }

        var ids = Child(party, "Id")?.Descendants().Where(e => e.Name.LocalName == "Id" && !e.HasElements).Select(e => e.Value);
        var document = ids?.Select(TaxIdScanner.Find).FirstOrDefault(d => d is not null);
        var name = Text(party, "Nm");
        return name is null && document is null ? null : new Payer(name, document);
    }
}

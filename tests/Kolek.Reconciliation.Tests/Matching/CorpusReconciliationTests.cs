using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using NodaTime;
using static Kolek.Reconciliation.Tests.Matching.Build;

namespace Kolek.Reconciliation.Tests.Matching;

/// <summary>
/// End to end on the shared corpus: real bank files read by the readers, reconciled against open items derived from
/// what each file (and <c>SOURCES.md</c>) says, with the outcome every transaction should have.
/// </summary>
/// <remarks>
/// <para>How the open items are derived (the same rules a host would follow when it issued these charges):</para>
/// <list type="bullet">
/// <item><b>CNAB returns</b>: the company issued one boleto per title the return settles. Its open item has the
/// title's nosso número and its face value, which the bank states as the amount paid plus the discount and rebate
/// it granted, minus the interest and fine it collected (<c>valor pago + desconto + abatimento − juros − multa</c>);
/// it is due on the settlement date. For every such item a <em>decoy</em> exists: another customer's item with the same
/// amount and due date and no reference, so that an equal amount alone must not attract the credit.</item>
/// <item><b>OFX/PIX/camt</b>: items are written per file below, from the amounts, references and payer documents
/// <c>SOURCES.md</c> lists, with the decoys, late charges and split payments a portfolio has.</item>
/// </list>
/// <para>Amounts in the expectations are copied from <c>SOURCES.md</c>, not computed from the reader's output, so a
/// reader or matcher regression fails here.</para>
/// </remarks>
public class CorpusReconciliationTests
{
    private static readonly ReconciliationMatcher s_matcher = Matcher();

    /// <summary>Every liquidation pays the title of its nosso número at face value (discounts and the bank's
    /// interest included); decoys with the same amount stay open; entries, write-offs and other occurrences are
    /// ignored as events.</summary>
    /// <param name="file">The corpus file.</param>
    /// <param name="credits">Liquidations in the file (SOURCES.md).</param>
    /// <param name="paid">Their total paid (SOURCES.md).</param>
    /// <param name="events">Occurrences that move no money.</param>
    [CorpusTheory]
    [InlineData("cnab240/bb-laravelboleto-retorno.ret", 5, "128.80", 0)]
    [InlineData("cnab240/caixa-laravelboleto-retorno.ret", 9, "1010.00", 0)]
    [InlineData("cnab240/santander-brcobranca-retorno.ret", 1, "10.00", 1)]
    [InlineData("cnab240/bb-brcobranca-trimmed-lines.ret", 35, "21880.94", 0)]
    [InlineData("cnab240/sicoob-brcobranca-trimmed-crlf.ret", 3, "6.00", 0)]
    [InlineData("cnab240/ailos-brcobranca-trimmed.ret", 3, "6.00", 0)]
    [InlineData("cnab240/sicredi-brcobranca.crt", 0, "0.00", 2)]
    [InlineData("cnab400/bb-brcobranca-cbr643-convenio7.ret", 26, "10051.83", 0)]
    [InlineData("cnab400/bnb-laravelboleto-retorno.ret", 7, "16555.16", 3)]
    [InlineData("cnab400/bnb-brcobranca-retorno.ret", 1, "175.00", 0)]
    [InlineData("cnab400/fibra-laravelboleto-no-final-newline.ret", 5, "95434.39", 6)]
    [InlineData("cnab400/bradesco-laravelboleto-retorno.ret", 6, "5.10", 1)]
    [InlineData("cnab400/bradesco-brcobranca-crlf.ret", 0, "0.00", 6)]
    [InlineData("cnab400/unicred-brcobranca-retorno.ret", 1, "444.00", 0)]
    public void CnabReturn_EveryLiquidationPaysTheTitleOfItsNossoNumero(string file, int credits, string paid, int events)
    {
        var transactions = Read(file);
        var liquidations = transactions.Where(t => t.Kind == TransactionKind.Credit).ToList();
        var items = liquidations.SelectMany(TitleAndDecoy).ToList();

        var result = s_matcher.Reconcile(transactions, items);

        Assert.Equal(credits, result.Matches.Count);
        Assert.All(result.Matches, m => Assert.Equal((MatchRules.NossoNumero, 1.0), (m.Rule, m.Confidence)));
        Assert.Equal(decimal.Parse(paid, System.Globalization.CultureInfo.InvariantCulture), result.Matches.SelectMany(m => m.Allocations).Sum(a => a.Amount));
        Assert.All(result.Matches, m => Assert.Equal(0m, m.Remainder));
        Assert.Empty(result.Suggestions);
        Assert.Empty(result.Unmatched);
        Assert.Equal(events, result.Ignored.Count(i => i.Reason == IgnoreReason.Event));
        Assert.Equal(transactions.Count, credits + events);
        Assert.All(result.Items, i => Assert.Equal(i.ItemId.StartsWith("TITLE-", StringComparison.Ordinal) ? ItemStatus.Paid : ItemStatus.Open, i.Status));
        // The bank's discounts are written off and its interest counted as late charges, each exactly as the file says.
        Assert.Equal(liquidations.Sum(t => (t.Discount ?? 0m) + (t.Rebate ?? 0m)), result.Matches.SelectMany(m => m.Allocations).Sum(a => a.WrittenOff));
        Assert.Equal(liquidations.Sum(t => (t.Interest ?? 0m) + (t.Fine ?? 0m)), result.Matches.SelectMany(m => m.Allocations).Sum(a => a.LateCharges));
    }

    /// <summary>Caixa (SOURCES.md): titles of 80.00 paid with 70.00 and 480.00 paid with 420.00, the bank granting the
    /// difference as a discount; Fibra: 2,077.73 paid against a face of 2,074.28, the 3.45 being interest.</summary>
    [CorpusFact]
    public void CnabReturn_DiscountAndInterestTheBankDeclares_SettleTheFaceValueInFull()
    {
        var caixa = Read("cnab240/caixa-laravelboleto-retorno.ret");
        var caixaResult = s_matcher.Reconcile(caixa, caixa.SelectMany(TitleAndDecoy));
        var fibra = Read("cnab400/fibra-laravelboleto-no-final-newline.ret");
        var fibraResult = s_matcher.Reconcile(fibra, fibra.Where(t => t.Kind == TransactionKind.Credit).SelectMany(TitleAndDecoy));

        var discounted = caixaResult.Matches.SelectMany(m => m.Allocations).Where(a => a.WrittenOff > 0m).ToList();
        Assert.Equal(6, discounted.Count);
        Assert.Equal(5, discounted.Count(a => (a.Amount, a.WrittenOff, a.Settled) == (70.00m, 10.00m, 80.00m)));
        Assert.Single(discounted, a => (a.Amount, a.WrittenOff, a.Settled) == (420.00m, 60.00m, 480.00m));
        var late = Assert.Single(fibraResult.Matches.SelectMany(m => m.Allocations), a => a.LateCharges > 0m);
        Assert.Equal((2077.73m, 3.45m, 2074.28m), (late.Amount, late.LateCharges, late.Settled));
    }

    /// <summary>Santander (SOURCES.md): a title of 10.00 (T segment) paid with 11.00 (U segment) without interest
    /// declared: the title is paid and the 1.00 over is reported as the remainder, not hidden.</summary>
    [CorpusFact]
    public void CnabReturn_PaidMoreThanTheFaceValue_ReportsTheRemainder()
    {
        var transactions = Read("cnab240/santander-laravelboleto-retorno.ret");
        OpenItem[] items = [new OpenItem("TITLE-1040", "K-1", 10.00m, Date("2014-06-04")).WithNossoNumero("1040")];

        var match = Assert.Single(s_matcher.Reconcile(transactions, items).Matches);

        Assert.Equal(MatchRules.NossoNumero, match.Rule);
        Assert.Equal(1.00m, match.Remainder);
        Assert.Equal(10.00m, Assert.Single(match.Allocations).Amount);
        Assert.Contains("sobra de R$ 1,00", match.Explanation, StringComparison.Ordinal);
    }

    /// <summary>The host's open item says 100.00 for a title the bank settled at 80.00 (first Caixa title, paid
    /// 80.00): a partial payment, 20.00 stays open.</summary>
    [CorpusFact]
    public void CnabReturn_PaidLessThanTheHostsAmount_IsAPartialPayment()
    {
        var transactions = Read("cnab240/caixa-laravelboleto-retorno.ret");
        var first = transactions[0];
        OpenItem[] items = [new OpenItem("TITLE-A", "K-1", 100.00m, first.BookingDate).WithNossoNumero(first.References.NossoNumero!)];

        var result = s_matcher.Reconcile([first], items);

        Assert.Equal(80.00m, Assert.Single(Assert.Single(result.Matches).Allocations).Amount);
        Assert.Equal((ItemStatus.PartiallyPaid, 20.00m), (result.Items[0].Status, result.Items[0].Outstanding));
    }

    /// <summary>Importing the same return again, with the first run's matches in the ledger and the new balances,
    /// changes nothing: every line is already reconciled.</summary>
    [CorpusFact]
    public async Task CnabReturn_ImportedTwiceThroughTheLedger_ChangesNothing()
    {
        var transactions = Read("cnab400/bb-brcobranca-cbr643-convenio7.ret");
        var items = transactions.SelectMany(TitleAndDecoy).ToList();
        var ledger = new InMemoryReconciliationLedger();
        var first = s_matcher.Reconcile(transactions, items);
        foreach (var match in first.Matches)
        {
            Assert.True(await ledger.TryRecordAsync(ReconciliationLedgerEntry.From(match, Instant.FromUtc(2026, 12, 3, 12, 0))));
        }

        var balances = first.Items.ToDictionary(i => i.ItemId, i => i.Outstanding);
        var reconciled = await ledger.FindRecordedAsync(transactions.Select(t => t.Id));
        var second = s_matcher.Reconcile(transactions, items.Select(i => i with { Outstanding = balances[i.Id] }), reconciled);

        Assert.Equal(26, first.Matches.Count);
        Assert.Empty(second.Matches);
        Assert.Equal(26, second.Ignored.Count(i => i.Reason == IgnoreReason.AlreadyReconciled));
        Assert.Equal(first.Items.Select(i => (i.ItemId, i.Outstanding)), second.Items.Select(i => (i.ItemId, i.Outstanding)));
    }

    /// <summary>Nubank export (April 2025, SOURCES.md): 6 credits, 10 debits. Items of the portfolio:</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Maria Aparecida's CPF shows as <c>•••.123.456-••</c> in the PIX memos, so her CPF is 987.123.456-28:
    /// she owes INV-MA-1 (450.00, due 2025-04-04), and INV-MA-2 (10.00) and INV-MA-3 (8.00), both due earlier.
    /// Her 450.00 pays INV-MA-1 on the masked CPF and the amount; her 18.00 pays INV-MA-2 and INV-MA-3 together (the
    /// only combination of her items that makes 18.00).</item>
    /// <item>João (CPF 123.456.789-09, not matching the fragment) owes INV-JO-1 of 450.00 due the same day: a decoy,
    /// it stays open.</item>
    /// <item>Two customers without a CPF on file owe 120.00 each (due 2025-04-25 and 04-27), and one owes 80.00
    /// (due 2025-04-20): the "Resgate RDB" credits of 120.00 and 80.00 carry no reference and no CPF, so amount and
    /// date make suggestions only, never matches.</item>
    /// <item>No item for the NuInvest transfer (2,544.17) or the card top-up (25.00): unmatched.</item>
    /// </list>
    /// </remarks>
    [CorpusFact]
    public void NubankOfx_MaskedCpfSplitPaymentDecoysAndSuggestions()
    {
        var transactions = Read("ofx/nubank-brunopoiano-real-export.ofx");
        const string maria = "98712345628";
        OpenItem[] items =
        [
            Item("INV-MA-1", 450.00m, "2025-04-04", "K-MARIA", maria),
            Item("INV-MA-2", 10.00m, "2025-03-31", "K-MARIA", maria),
            Item("INV-MA-3", 8.00m, "2025-04-02", "K-MARIA", maria),
            Item("INV-JO-1", 450.00m, "2025-04-04", "K-JOAO", Cpf),
            Item("INV-X-120", 120.00m, "2025-04-25", "K-X"),
            Item("INV-Y-120", 120.00m, "2025-04-27", "K-Y"),
            Item("INV-Z-80", 80.00m, "2025-04-20", "K-Z"),
        ];

        var result = s_matcher.Reconcile(transactions, items);

        Assert.Equal(16, transactions.Count);
        var byAmount = result.Matches.ToDictionary(m => transactions.Single(t => t.Id == m.TransactionId).Amount);
        Assert.Equal(2, byAmount.Count);
        Assert.Equal((MatchRules.PayerDocumentAmount, "INV-MA-1"), (byAmount[450.00m].Rule, byAmount[450.00m].Allocations.Single().ItemId));
        Assert.Contains("CPF parcial do pagador (•••123456••)", byAmount[450.00m].Explanation, StringComparison.Ordinal);
        Assert.Equal(MatchRules.PayerDocumentSubsetSum, byAmount[18.00m].Rule);
        Assert.Equal(["INV-MA-2", "INV-MA-3"], byAmount[18.00m].Allocations.Select(a => a.ItemId).Order(StringComparer.Ordinal));

        var suggestions = result.Suggestions.ToDictionary(s => transactions.Single(t => t.Id == s.TransactionId).Amount);
        Assert.Equal(["INV-X-120", "INV-Y-120"], suggestions[120.00m].Candidates.SelectMany(c => c.ItemIds).Order(StringComparer.Ordinal));
        Assert.All(suggestions[120.00m].Candidates, c => Assert.Equal(MatchRules.AmountDate, c.Rule));
        Assert.Equal("INV-Z-80", Assert.Single(suggestions[80.00m].Candidates).ItemIds.Single());

        Assert.Equal([25.00m, 2544.17m], result.Unmatched.Select(u => transactions.Single(t => t.Id == u.TransactionId).Amount).Order());
        Assert.All(result.Unmatched, u => Assert.Equal(UnmatchedReasons.NoCandidate, u.Reason));
        Assert.Equal(10, result.Ignored.Count(i => i.Reason == IgnoreReason.Debit));
        Assert.Equal(ItemStatus.Open, result.Balance("INV-JO-1").Status);
        Assert.Equal(["INV-MA-1", "INV-MA-2", "INV-MA-3"], result.Items.Where(i => i.Status == ItemStatus.Paid).Select(i => i.ItemId).Order(StringComparer.Ordinal));
    }

    /// <summary>BACEN webhook (SOURCES.md): two PIX of 110.00. The charge of txid <c>c3e0…343c</c> was issued for
    /// 100.00 and the payer sent 110.00 (the file carries the 10.00 devolução as a debit): matched on the txid with
    /// 10.00 reported over. The charge of txid <c>9711…0002</c> was 110.00: matched exactly.</summary>
    [CorpusFact]
    public void PixWebhook_TxidMatchesWithTheOverpaymentReported()
    {
        var transactions = Read("pix/bacen-webhook-pix-callback.json");
        OpenItem[] items =
        [
            Item("COB-1", 100.00m, "2020-09-09").WithTxid("c3e0e7a4e7f1469a9f782d3d4999343c"),
            Item("COB-2", 110.00m, "2020-09-09").WithTxid("971122d8f37211eaadc10242ac120002"),
            Item("DECOY", 110.00m, "2020-09-09", "K-2"),
        ];

        var result = s_matcher.Reconcile(transactions, items);

        Assert.Equal(2, result.Matches.Count);
        Assert.All(result.Matches, m => Assert.Equal(MatchRules.Txid, m.Rule));
        Assert.Equal([0m, 10.00m], result.Matches.Select(m => m.Remainder).Order());
        Assert.Equal(IgnoreReason.Debit, Assert.Single(result.Ignored).Reason);
        Assert.Equal(ItemStatus.Open, result.Balance("DECOY").Status);
    }

    /// <summary>BACEN <c>GET /pix</c> (SOURCES.md): 100.00 and 200.00 name the txids of the host's charges and are
    /// matched; the third PIX of 200.00 (a "Saque Pix" whose txid names no charge) finds only another customer's
    /// 200.00 charge due that day, which stays a suggestion: equal amounts never auto-match.</summary>
    [CorpusFact]
    public void PixReceivedList_TxidsMatchAndAnEqualAmountIsOnlySuggested()
    {
        var transactions = Read("pix/bacen-pix-recebidos-consulta-lista.json");
        OpenItem[] items =
        [
            Item("COB-REFORMA", 100.00m, "2020-09-10").WithTxid("cd1fe328c875481285a6f233ae41b662"),
            Item("COB-REVISAO", 200.00m, "2020-09-10").WithTxid("5b933948f3224266b1050ac54319e775"),
            Item("COB-OUTRO", 200.00m, "2020-09-10", "K-2"),
        ];

        var result = s_matcher.Reconcile(transactions, items);

        Assert.Equal(["COB-REFORMA", "COB-REVISAO"], result.Matches.Select(m => m.Allocations.Single().ItemId).Order(StringComparer.Ordinal));
        var suggestion = Assert.Single(result.Suggestions);
        Assert.Equal("COB-OUTRO", Assert.Single(suggestion.Candidates).ItemIds.Single());
        Assert.Equal(MatchRules.AmountDate, suggestion.Candidates[0].Rule);
        Assert.Equal(IgnoreReason.Debit, Assert.Single(result.Ignored).Reason);
    }

    /// <summary>camt.054 with a Swiss QR reference (SOURCES.md: 5.00, reference <c>000…003</c>): the invoice number 3
    /// is the structured reference without its leading zeros, so the credit matches on the document number; another
    /// 5.00 item due that day stays open.</summary>
    [CorpusFact]
    public void Camt054_StructuredReferenceMatchesTheDocumentNumber()
    {
        var transactions = Read("camt/camt054-v4-oca-qrr-reference.xml");
        OpenItem[] items =
        [
            Item("FAT-3", 5.00m, "2022-01-26") with { References = new OpenItemReferences { DocumentNumber = "3" } },
            Item("FAT-4", 5.00m, "2022-01-26", "K-2") with { References = new OpenItemReferences { DocumentNumber = "4" } },
        ];

        // The file is in euros: items in euros are reconciled with MatchingOptions.Currency = "EUR".
        var result = Matcher(o => o.Currency = "EUR").Reconcile(transactions, items);

        var match = Assert.Single(result.Matches);
        Assert.Equal((MatchRules.DocumentNumber, "FAT-3"), (match.Rule, match.Allocations.Single().ItemId));
        Assert.Equal(ItemStatus.Open, result.Balance("FAT-4").Status);
    }

    /// <summary>Statements with no open item of ours: every credit is unmatched (no candidate), every debit ignored
    /// as a debit, and the counts are those of SOURCES.md.</summary>
    [CorpusTheory]
    [InlineData("ofx/bb-asgrim-two-stmtrs-latin1-crlf.ofx", 32, 4)]
    [InlineData("ofx/bb-annacruz-latin1-trailing-spaces.ofx", 12, 69)]
    [InlineData("ofx/itau-rmusmanno-crlf-fixed-width-memo.ofx", 54, 55)]
    [InlineData("ofx/bancoreal-annacruz-ascii-mismatched-close-tag.ofx", 2, 34)]
    [InlineData("ofx/nubank-creditcard-asgrim-ampersand.ofx", 3, 13)]
    [InlineData("camt/camt053-v2-oca-abnamro-style-reversal-batch.xml", 1, 3, "EUR")]
    public void StatementWithoutOurItems_CreditsUnmatchedDebitsIgnored(string file, int credits, int debits, string currency = "BRL")
    {
        var transactions = Read(file);

        var result = Matcher(o => o.Currency = currency).Reconcile(transactions, []);

        Assert.Empty(result.Matches);
        Assert.Empty(result.Suggestions);
        Assert.Equal(credits, result.Unmatched.Count);
        Assert.All(result.Unmatched, u => Assert.Equal(UnmatchedReasons.NoCandidate, u.Reason));
        Assert.Equal(debits, result.Ignored.Count(i => i.Reason == IgnoreReason.Debit));
        Assert.Equal(transactions.Count, result.Unmatched.Count + result.Ignored.Count);
    }

    /// <summary>A statement in euros against items in reais (the default <see cref="MatchingOptions.Currency"/>): its
    /// credits are ignored as <see cref="IgnoreReason.ForeignCurrency"/>, never compared with the items' amounts; the
    /// reader says the currency on each transaction and warns once.</summary>
    [CorpusFact]
    public void ForeignCurrencyStatement_CreditsIgnoredAsForeignCurrency()
    {
        const string file = "camt/camt054-v4-oca-qrr-reference.xml";
        var statement = StatementReader.Read(file, File.ReadAllBytes(Corpus.Corpus.PathOf(file.Split('/'))));
        var credit = Assert.Single(statement.Transactions, t => t.Kind == TransactionKind.Credit);
        OpenItem[] items = [Item("FAT-3", 5.00m, "2022-01-26") with { References = new OpenItemReferences { DocumentNumber = "3" } }];

        var result = s_matcher.Reconcile(statement.Transactions, items);

        Assert.Equal("EUR", credit.Currency);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.currency.foreign");
        Assert.Empty(result.Matches);
        Assert.Empty(result.Suggestions);
        Assert.Equal(IgnoreReason.ForeignCurrency, Assert.Single(result.Ignored, i => i.TransactionId == credit.Id).Reason);
        Assert.Equal(ItemStatus.Open, result.Balance("FAT-3").Status);
    }

    /// <summary>The title of a liquidation and a decoy with the same amount and due date (see the class remarks).</summary>
    private static IEnumerable<OpenItem> TitleAndDecoy(BankTransaction liquidation)
    {
        var nossoNumero = liquidation.References.NossoNumero ?? throw new InvalidOperationException("A liquidation without nosso número.");
        var face = liquidation.Amount + (liquidation.Discount ?? 0m) + (liquidation.Rebate ?? 0m) - (liquidation.Interest ?? 0m) - (liquidation.Fine ?? 0m);
        yield return new OpenItem("TITLE-" + nossoNumero, "K-" + nossoNumero, face, liquidation.BookingDate).WithNossoNumero(nossoNumero);
        yield return new OpenItem("DECOY-" + nossoNumero, "K-OTHER", face, liquidation.BookingDate);
    }

    private static List<BankTransaction> Read(string file)
    {
        var statement = StatementReader.Read(file, File.ReadAllBytes(Corpus.Corpus.PathOf(file.Split('/'))));
        Assert.DoesNotContain(statement.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return [.. statement.Transactions];
    }
}

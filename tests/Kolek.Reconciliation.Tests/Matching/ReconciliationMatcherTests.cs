using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Statements;
using static Kolek.Reconciliation.Tests.Matching.Build;

namespace Kolek.Reconciliation.Tests.Matching;

public class ReconciliationMatcherTests
{
    [Fact]
    public void Reconcile_NossoNumeroWithLeadingZerosAndPunctuation_PaysItem()
    {
        var result = Reconcile(
            [Credit("T1", 100m).WithNossoNumero("000012345-6")],
            [Item("INV-1", 100m).WithNossoNumero("123456"), Item("INV-2", 100m).WithNossoNumero("654321")]);

        var match = Assert.Single(result.Matches);
        Assert.Equal(MatchRules.NossoNumero, match.Rule);
        Assert.Equal(1.0, match.Confidence);
        Assert.Equal("INV-1", Assert.Single(match.Allocations).ItemId);
        Assert.Equal(new ItemBalance("INV-1", ItemStatus.Paid, 0m), result.Balance("INV-1"));
        Assert.Equal(new ItemBalance("INV-2", ItemStatus.Open, 100m), result.Balance("INV-2"));
    }

    [Fact]
    public void Reconcile_Txid_PaysItem()
    {
        var item = Item("PIX-1", 89.90m) with { References = new OpenItemReferences { Txid = "kolek7f3a9c2e41b84d0f9e6a1b2c3d" } };

        var result = Reconcile([Credit("T1", 89.90m).WithTxid("kolek7f3a9c2e41b84d0f9e6a1b2c3d")], [item]);

        var match = Assert.Single(result.Matches);
        Assert.Equal(MatchRules.Txid, match.Rule);
        Assert.Equal(89.90m, match.Allocations.Single().Amount);
    }

    [Fact]
    public void Reconcile_EndToEndId_PaysItem()
    {
        const string e2e = "E18236120202611051432s0123456789";
        var item = Item("PIX-2", 50m) with { References = new OpenItemReferences { EndToEndId = e2e } };
        var credit = Credit("T1", 50m) with { References = new TransactionReferences { EndToEndId = e2e } };

        var match = Assert.Single(Reconcile([credit], [item]).Matches);

        Assert.Equal(MatchRules.EndToEndId, match.Rule);
        Assert.Equal("PIX-2", match.Allocations.Single().ItemId);
    }

    [Fact]
    public void Reconcile_DocumentNumberField_PaysItem()
    {
        var item = Item("INV-7", 320m) with { References = new OpenItemReferences { DocumentNumber = "NF-004521" } };
        var credit = Credit("T1", 320m) with { References = new TransactionReferences { DocumentNumber = "nf 004521" } };

        var match = Assert.Single(Reconcile([credit], [item]).Matches);

        Assert.Equal(MatchRules.DocumentNumber, match.Rule);
    }

    [Fact]
    public void Reconcile_DocumentNumberInMemo_PaysItem()
    {
        var items = new[]
        {
            Item("INV-7", 320m) with { References = new OpenItemReferences { DocumentNumber = "4521" } },
            Item("INV-8", 320m) with { References = new OpenItemReferences { DocumentNumber = "4522" } },
        };
        var credit = Credit("T1", 320m) with { Description = "PIX RECEBIDO ACME LTDA PAGTO NF 4521" };

        var match = Assert.Single(Reconcile([credit], items).Matches);

        Assert.Equal(MatchRules.MemoReference, match.Rule);
        Assert.Equal("INV-7", match.Allocations.Single().ItemId);
        Assert.Contains("\"4521\"", match.Explanation);
    }

    [Fact]
    public void Reconcile_PrefixedCodeInMemo_PaysItem()
    {
        var item = Item("X", 75m) with { References = new OpenItemReferences { DocumentNumber = "INV-2" } };
        var credit = Credit("T1", 75m) with { Description = "TED RECEBIDA REF INV-2" };

        Assert.Equal(MatchRules.MemoReference, Assert.Single(Reconcile([credit], [item]).Matches).Rule);
    }

    [Theory]
    [InlineData("PIX RECEBIDO NF-103B", "NF-103B")]
    [InlineData("REF NF-4521/2", "NF-4521/2")]
    [InlineData("TED NF 88 CLIENTE", "NF-88")]
    [InlineData("PGTO FATURA Nº 4521", "4521")]
    public void Reconcile_DocumentNumberWithItsPrefixInMemo_PaysItem(string description, string documentNumber)
    {
        // User trial (session 6): document numbers that carry their prefix (letters after the digits, an installment,
        // a space instead of the hyphen) were not found, and the credit fell back to an amount+date suggestion.
        var item = Item("X", 75m) with { References = new OpenItemReferences { DocumentNumber = documentNumber } };
        var other = Item("Y", 75m, "2026-11-05", "K-2");
        var credit = Credit("T1", 75m) with { Description = description };

        var match = Assert.Single(Reconcile([credit], [item, other]).Matches);

        Assert.Equal(MatchRules.MemoReference, match.Rule);
        Assert.Equal("X", match.Allocations.Single().ItemId);
    }

    [Fact]
    public void Reconcile_CreditInAnotherCurrency_IgnoredUnlessTheItemsAreInIt()
    {
        // User trial (session 6): a camt entry of USD 10.00 was suggested for a R$ 10,00 item ("Valor R$ 10,00").
        var item = Item("X", 10m) with { References = new OpenItemReferences { DocumentNumber = "NF-9" } };
        var usd = Credit("T1", 10m) with { Description = "REF NF-9", Currency = "usd" };
        var brl = Credit("T2", 10m) with { Description = "REF NF-9", Currency = null };

        var result = Reconcile([usd, brl], [item]);
        var inDollars = Reconcile([usd], [item], o => o.Currency = "USD");

        Assert.Equal(("T1", IgnoreReason.ForeignCurrency), (Assert.Single(result.Ignored).TransactionId, result.Ignored[0].Reason));
        Assert.Equal("T2", Assert.Single(result.Matches).TransactionId);
        Assert.Equal("T1", Assert.Single(inDollars.Matches).TransactionId);
    }

    [Fact]
    public void Reconcile_CustomMemoPattern_IsUsed()
    {
        var item = Item("INV-9", 75m) with { References = new OpenItemReferences { DocumentNumber = "778899" } };
        var credit = Credit("T1", 75m) with { Description = "PGTO CLI#778899" };

        Assert.Empty(Reconcile([credit], [item]).Matches);
        var result = Reconcile([credit], [item], o => o.MemoPatterns.Add(@"CLI#(?<ref>\d+)"));
        Assert.Equal(MatchRules.MemoReference, Assert.Single(result.Matches).Rule);
    }

    [Fact]
    public void Reconcile_PayerCpfAndAmount_PaysItemWithClerkExplanation()
    {
        var items = new[]
        {
            Item("INV-1", 150m, "2026-10-05", "K-2", OtherCpf),
            Item("INV-2", 150m, "2026-11-05", "K-1", Cpf),
        };

        var result = Reconcile([Credit("T1", 150m).WithPayer("123.456.789-09")], items);

        var match = Assert.Single(result.Matches);
        Assert.Equal(MatchRules.PayerDocumentAmount, match.Rule);
        Assert.Equal("INV-2", match.Allocations.Single().ItemId);
        Assert.Equal(
            "Valor R$ 150,00 igual ao valor em aberto do título INV-2 (vencimento 05/11/2026) e CPF do pagador confere.",
            match.Explanation);
    }

    [Fact]
    public void Reconcile_MaskedCpfInMemoWithinWindow_PaysItem()
    {
        var items = new[] { Item("INV-2", 150m, "2026-11-05", "K-1", Cpf), Item("INV-3", 150m, "2026-11-05", "K-2", OtherCpf) };
        var credit = Credit("T1", 150m, "2026-11-06") with { Description = "PIX RECEBIDO MARIA S •••.456.789-••" };

        var match = Assert.Single(Reconcile([credit], items).Matches);

        Assert.Equal("INV-2", match.Allocations.Single().ItemId);
        Assert.Contains("CPF parcial do pagador", match.Explanation);
        Assert.True(match.Confidence < 0.9);
    }

    [Fact]
    public void Reconcile_AlphanumericCnpj_PaysItem()
    {
        var item = Item("INV-5", 990m, document: "12.ABC.345/01DE-35");

        var match = Assert.Single(Reconcile([Credit("T1", 990m).WithPayer("12ABC34501DE35")], [item]).Matches);

        Assert.Equal(MatchRules.PayerDocumentAmount, match.Rule);
        Assert.Contains("CNPJ", match.Explanation);
    }

    [Fact]
    public void Reconcile_LatePaymentWithFineAndInterest_AllocatesLateCharges()
    {
        // Due 05/11, paid 15/11: 150.00 + fine 3.00 + interest 0.50 (10 days) = 153.50.
        var item = Item("INV-1", 150m).WithNossoNumero("777").WithLateCharges();

        var result = Reconcile([Credit("T1", 153.50m, "2026-11-15").WithNossoNumero("777")], [item]);

        var match = Assert.Single(result.Matches);
        Assert.Equal(new Allocation("INV-1", 153.50m, 3.50m, 0m), match.Allocations.Single());
        Assert.Equal(0m, match.Remainder);
        Assert.Equal(ItemStatus.Paid, result.Balance("INV-1").Status);
        Assert.Contains("multa de R$ 3,00 e juros de R$ 0,50 (10 dias de atraso)", match.Explanation);
    }

    [Fact]
    public void Reconcile_LatePaymentByPayerDocument_MatchesExpectedLateAmount()
    {
        var item = Item("INV-1", 150m, document: Cpf).WithLateCharges();

        var match = Assert.Single(Reconcile([Credit("T1", 153.50m, "2026-11-15").WithPayer(Cpf)], [item]).Matches);

        Assert.Equal(MatchRules.PayerDocumentAmount, match.Rule);
        Assert.Equal(3.50m, match.Allocations.Single().LateCharges);
    }

    [Fact]
    public void Reconcile_CnabCreditWithDiscount_PaysInFull()
    {
        var item = Item("INV-1", 100m).WithNossoNumero("555");
        var credit = Credit("T1", 95m).WithNossoNumero("555") with { Discount = 3m, Rebate = 2m };

        var result = Reconcile([credit], [item]);

        Assert.Equal(new Allocation("INV-1", 95m, 0m, 5m), Assert.Single(result.Matches).Allocations.Single());
        Assert.Equal(new ItemBalance("INV-1", ItemStatus.Paid, 0m), result.Balance("INV-1"));
    }

    [Fact]
    public void Reconcile_CnabDeclaredInterest_ExplainsExcess()
    {
        var item = Item("INV-1", 100m).WithNossoNumero("555");
        var credit = Credit("T1", 102.40m, "2026-11-20").WithNossoNumero("555") with { Interest = 0.40m, Fine = 2m };

        var match = Assert.Single(Reconcile([credit], [item]).Matches);

        Assert.Equal(new Allocation("INV-1", 102.40m, 2.40m, 0m), match.Allocations.Single());
        Assert.Equal(0m, match.Remainder);
    }

    [Fact]
    public void Reconcile_OnePaymentForThreeBoletos_AllocatesEach()
    {
        var items = new[]
        {
            Item("INV-1", 100m, "2026-10-05", document: Cpf),
            Item("INV-2", 250m, "2026-10-20", document: Cpf),
            Item("INV-3", 80m, "2026-11-05", document: Cpf),
            Item("INV-4", 999m, "2026-11-05", document: Cpf),
        };

        var result = Reconcile([Credit("T1", 430m).WithPayer(Cpf)], items);

        var match = Assert.Single(result.Matches);
        Assert.Equal(MatchRules.PayerDocumentSubsetSum, match.Rule);
        Assert.Equal(["INV-1", "INV-2", "INV-3"], match.Allocations.Select(a => a.ItemId));
        Assert.Equal([100m, 250m, 80m], match.Allocations.Select(a => a.Amount));
        Assert.Equal(ItemStatus.Open, result.Balance("INV-4").Status);
    }

    [Fact]
    public void Reconcile_SeveralSubsetsFit_Suggestion()
    {
        var items = new[]
        {
            Item("INV-1", 100m, "2026-10-05", document: Cpf),
            Item("INV-2", 50m, "2026-10-20", document: Cpf),
            Item("INV-3", 50m, "2026-11-05", document: Cpf),
            Item("INV-4", 100m, "2026-11-06", document: Cpf),
        };

        var result = Reconcile([Credit("T1", 150m).WithPayer(Cpf)], items);

        Assert.Empty(result.Matches);
        var suggestion = Assert.Single(result.Suggestions);
        Assert.True(suggestion.Candidates.Count >= 2);
        Assert.All(suggestion.Candidates, c => Assert.Equal(MatchRules.PayerDocumentSubsetSum, c.Rule));
    }

    [Fact]
    public void Reconcile_PartialPayment_ItemStaysPartiallyPaid()
    {
        var result = Reconcile([Credit("T1", 40m).WithNossoNumero("9")], [Item("INV-1", 100m).WithNossoNumero("9")]);

        var match = Assert.Single(result.Matches);
        Assert.Equal(new Allocation("INV-1", 40m, 0m, 0m), match.Allocations.Single());
        Assert.Equal(new ItemBalance("INV-1", ItemStatus.PartiallyPaid, 60m), result.Balance("INV-1"));
        Assert.Contains("restam R$ 60,00", match.Explanation);
    }

    [Fact]
    public void Reconcile_Overpayment_ExcessIsRemainder()
    {
        var result = Reconcile([Credit("T1", 110m).WithNossoNumero("9")], [Item("INV-1", 100m).WithNossoNumero("9")]);

        var match = Assert.Single(result.Matches);
        Assert.Equal(new Allocation("INV-1", 100m, 0m, 0m), match.Allocations.Single());
        Assert.Equal(10m, match.Remainder);
        Assert.Equal(ItemStatus.Paid, result.Balance("INV-1").Status);
        Assert.Contains("sobra de R$ 10,00", match.Explanation);
    }

    [Fact]
    public void Reconcile_OverpaymentBeyondLateCharges_LateChargesAllocatedRestRemainder()
    {
        var item = Item("INV-1", 150m).WithNossoNumero("9").WithLateCharges();

        var match = Assert.Single(Reconcile([Credit("T1", 160m, "2026-11-15").WithNossoNumero("9")], [item]).Matches);

        Assert.Equal(new Allocation("INV-1", 153.50m, 3.50m, 0m), match.Allocations.Single());
        Assert.Equal(6.50m, match.Remainder);
    }

    [Fact]
    public void Reconcile_TwoEqualChargesSamePayer_OldestDueWins()
    {
        var items = new[]
        {
            Item("INV-B", 200m, "2026-11-05", document: Cpf),
            Item("INV-A", 200m, "2026-10-05", document: Cpf),
        };

        var result = Reconcile([Credit("T1", 200m).WithPayer(Cpf)], items);

        var match = Assert.Single(result.Matches);
        Assert.Equal("INV-A", match.Allocations.Single().ItemId);
        Assert.Contains("art. 355", match.Explanation);
        Assert.Equal(ItemStatus.Open, result.Balance("INV-B").Status);
    }

    [Fact]
    public void Reconcile_TwoEqualChargesNoPayerEvidence_RankedSuggestion()
    {
        var items = new[]
        {
            Item("INV-1", 200m, "2026-11-03", "K-1"),
            Item("INV-2", 200m, "2026-11-05", "K-2"),
        };

        var result = Reconcile([Credit("T1", 200m)], items);

        Assert.Empty(result.Matches);
        var suggestion = Assert.Single(result.Suggestions);
        Assert.Equal(["INV-2", "INV-1"], suggestion.Candidates.Select(c => c.ItemIds.Single()));
        Assert.True(suggestion.Candidates[0].Score > suggestion.Candidates[1].Score);
        Assert.All(suggestion.Candidates, c => Assert.Equal(MatchRules.AmountDate, c.Rule));
        Assert.All(result.Items, i => Assert.Equal(ItemStatus.Open, i.Status));
    }

    [Fact]
    public void Reconcile_SingleAmountCandidateWithoutPayer_StillOnlySuggestion()
    {
        var result = Reconcile([Credit("T1", 200m)], [Item("INV-1", 200m)]);

        Assert.Empty(result.Matches);
        Assert.Equal("INV-1", Assert.Single(Assert.Single(result.Suggestions).Candidates).ItemIds.Single());
    }

    [Fact]
    public void Reconcile_MaskedCpfOfTwoPayers_Suggestion()
    {
        // Both CPFs show 456.789 in the middle.
        var items = new[] { Item("INV-1", 150m, document: "11145678922"), Item("INV-2", 150m, customer: "K-2", document: "33345678944") };
        var credit = Credit("T1", 150m) with { Description = "PIX ***.456.789-**" };

        var result = Reconcile([credit], items);

        Assert.Empty(result.Matches);
        Assert.Equal(2, Assert.Single(result.Suggestions).Candidates.Count);
    }

    [Fact]
    public void Reconcile_LaterMatchResolvesEarlierAmbiguity_PassesRunToFixedPoint()
    {
        // T1's masked CPF fits both payers until T2 (later, full CPF) pays INV-2; then T1 can only be INV-1. Without
        // running the passes to a fixed point, T1 would stay a suggestion now and match on the next import.
        var items = new[] { Item("INV-1", 150m, document: "11145678922"), Item("INV-2", 150m, customer: "K-2", document: "33345678944") };
        var t1 = Credit("T1", 150m, "2026-11-05") with { Description = "PIX ***.456.789-**" };
        var t2 = Credit("T2", 150m, "2026-11-06").WithPayer("33345678944");

        var result = Reconcile([t1, t2], items);

        Assert.Equal([("T1", "INV-1"), ("T2", "INV-2")], result.Matches.Select(m => (m.TransactionId, m.Allocations.Single().ItemId)));
    }

    [Fact]
    public void Reconcile_ReusedFitidDifferentId_BothProcessed()
    {
        var first = Credit("ofx:a:1", 100m).WithNossoNumero("1") with { References = new TransactionReferences { Fitid = "123", NossoNumero = "1" } };
        var second = Credit("ofx:a:2", 100m).WithNossoNumero("2") with { References = new TransactionReferences { Fitid = "123", NossoNumero = "2" } };

        var result = Reconcile([first, second], [Item("INV-1", 100m).WithNossoNumero("1"), Item("INV-2", 100m).WithNossoNumero("2")]);

        Assert.Equal(["ofx:a:1", "ofx:a:2"], result.Matches.Select(m => m.TransactionId));
        Assert.Empty(result.Ignored);
    }

    [Fact]
    public void Reconcile_SameIdTwiceFirstCopyMatched_SecondIsAlreadyReconciled()
    {
        // The first copy reconciled the id in this call, as a later run with the ledger would say of it.
        var line = Credit("T1", 100m).WithNossoNumero("1");

        var result = Reconcile([line, line], [Item("INV-1", 100m).WithNossoNumero("1")]);

        Assert.Single(result.Matches);
        Assert.Equal(new IgnoredTransaction("T1", IgnoreReason.AlreadyReconciled), Assert.Single(result.Ignored));
        Assert.Equal(new ItemBalance("INV-1", ItemStatus.Paid, 0m), result.Balance("INV-1"));
    }

    [Fact]
    public void Reconcile_SameIdTwiceFirstCopyUnmatched_SecondIsDuplicateInImportNotAlreadyReconciled()
    {
        // User trial: the second copy read "already-reconciled" although nothing had reconciled the first.
        var line = Credit("T1", 12.34m);

        var result = Reconcile([line, line], [Item("INV-1", 100m)]);

        Assert.Equal("T1", Assert.Single(result.Unmatched).TransactionId);
        Assert.Equal(new IgnoredTransaction("T1", IgnoreReason.DuplicateInImport), Assert.Single(result.Ignored));
        Assert.Empty(result.Matches);
    }

    [Fact]
    public void Reconcile_SameDebitTwice_SecondIsDuplicateInImport()
    {
        var line = Debit("D1", 30m);

        var result = Reconcile([line, line], [Item("INV-1", 30m)]);

        Assert.Equal(
            [new IgnoredTransaction("D1", IgnoreReason.Debit), new IgnoredTransaction("D1", IgnoreReason.DuplicateInImport)],
            result.Ignored);
    }

    [Fact]
    public void Reconcile_SameIdTwiceAndInLedger_BothAlreadyReconciled()
    {
        var line = Credit("T1", 100m).WithNossoNumero("1");

        var result = Matcher().Reconcile([line, line], [Item("INV-1", 100m).WithNossoNumero("1")], new HashSet<string> { "T1" });

        Assert.Equal([IgnoreReason.AlreadyReconciled, IgnoreReason.AlreadyReconciled], result.Ignored.Select(i => i.Reason));
        Assert.Equal(ItemStatus.Open, result.Balance("INV-1").Status);
    }

    [Fact]
    public void Reconcile_DebitAndEvent_Ignored()
    {
        var result = Reconcile([Debit("D1", 30m), Event("E1")], [Item("INV-1", 30m)]);

        Assert.Equal(
            [new IgnoredTransaction("D1", IgnoreReason.Debit), new IgnoredTransaction("E1", IgnoreReason.Event)],
            result.Ignored);
        Assert.Empty(result.Matches);
        Assert.Empty(result.Suggestions);
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Reconcile_AlreadyReconciled_IgnoredAndItemUntouched()
    {
        var result = Matcher().Reconcile(
            [Credit("T1", 100m).WithNossoNumero("1")],
            [Item("INV-1", 100m).WithNossoNumero("1")],
            new HashSet<string> { "T1" });

        Assert.Equal(new IgnoredTransaction("T1", IgnoreReason.AlreadyReconciled), Assert.Single(result.Ignored));
        Assert.Equal(ItemStatus.Open, result.Balance("INV-1").Status);
    }

    [Fact]
    public void Reconcile_NoCandidate_UnmatchedWithReason()
    {
        var result = Reconcile([Credit("T1", 12.34m)], [Item("INV-1", 100m)]);

        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal(UnmatchedReasons.NoCandidate, unmatched.Reason);
        Assert.Contains("R$ 12,34", unmatched.Explanation);
    }

    [Fact]
    public void Reconcile_SecondPixOfSamePayerAndAmount_SuggestedAsPossibleDuplicateAndNothingAllocated()
    {
        // User trial: the second PIX landed as "no-candidate", with no hint that it repeats the first.
        var result = Reconcile(
            [Credit("T1", 100m).WithPayer(Cpf), Credit("T2", 100m, "2026-11-06").WithPayer(Cpf)],
            [Item("INV-1", 100m, document: Cpf)]);

        Assert.Equal("T1", Assert.Single(result.Matches).TransactionId);
        Assert.Empty(result.Unmatched);
        var suggestion = Assert.Single(result.Suggestions);
        Assert.Equal("T2", suggestion.TransactionId);
        var candidate = Assert.Single(suggestion.Candidates);
        Assert.Equal(["INV-1"], candidate.ItemIds);
        Assert.Equal(MatchRules.PossibleDuplicate, candidate.Rule);
        Assert.Equal(0.6, candidate.Score);
        Assert.Equal(
            "Possível pagamento em duplicidade: valor R$ 100,00 e CPF do pagador iguais aos do lançamento T1 (05/11/2026), que já quitou o título INV-1 "
            + "(vencimento 05/11/2026) nesta conciliação — verifique e devolva ou credite o cliente; nada foi alocado.",
            candidate.Explanation);
        Assert.Equal(new ItemBalance("INV-1", ItemStatus.Paid, 0m), result.Balance("INV-1"));
    }

    [Fact]
    public void Reconcile_RepeatOfASubsetPayment_SuggestsTheSameItemsAsPossibleDuplicate()
    {
        var items = new[] { Item("INV-1", 100m, "2026-10-05", document: Cpf), Item("INV-2", 50m, document: Cpf) };

        var result = Reconcile([Credit("T1", 150m).WithPayer(Cpf), Credit("T2", 150m, "2026-11-09").WithPayer(Cpf)], items);

        Assert.Equal(MatchRules.PayerDocumentSubsetSum, Assert.Single(result.Matches).Rule);
        var candidate = Assert.Single(Assert.Single(result.Suggestions).Candidates);
        Assert.Equal(["INV-1", "INV-2"], candidate.ItemIds);
        Assert.Equal(MatchRules.PossibleDuplicate, candidate.Rule);
    }

    [Fact]
    public void Reconcile_PayerAndFaceValueOfAnItemSettledBeforeTheRun_SuggestedAsPossibleDuplicate()
    {
        var settled = Item("INV-1", 100m, document: Cpf) with { Outstanding = 0m };

        var result = Reconcile([Credit("T2", 100m, "2026-11-20").WithPayer(Cpf)], [settled]);

        var candidate = Assert.Single(Assert.Single(result.Suggestions).Candidates);
        Assert.Equal(["INV-1"], candidate.ItemIds);
        Assert.Equal((MatchRules.PossibleDuplicate, 0.5), (candidate.Rule, candidate.Score));
        Assert.Contains("já quitado antes desta conciliação", candidate.Explanation, StringComparison.Ordinal);
        Assert.Equal(new ItemBalance("INV-1", ItemStatus.Paid, 0m), result.Balance("INV-1"));
    }

    [Fact]
    public void Reconcile_RepeatOfAMaskedDocumentMatch_SuggestedAsPossibleDuplicateWithTheFragment()
    {
        // Found by RepeatOfAPayerMatch_IsNeverLeftWithoutCandidate: the first credit matched through a masked CPF only.
        var credit = Credit("T1", 140m, "2026-10-29").WithPayer(Cnpj) with { Description = "PIX •••.456.789-••" };

        var result = Reconcile([credit, credit with { Id = "T2", BookingDate = Date("2026-10-30") }], [Item("INV-2", 140m, "2026-10-07", document: Cpf)]);

        Assert.Equal("T1", Assert.Single(result.Matches).TransactionId);
        var candidate = Assert.Single(Assert.Single(result.Suggestions).Candidates);
        Assert.Equal((MatchRules.PossibleDuplicate, 0.5), (candidate.Rule, candidate.Score));
        Assert.Contains("CPF parcial do pagador (•••456789••)", candidate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_SamePayerOtherAmountAfterItemPaid_StaysNoCandidate()
    {
        var result = Reconcile(
            [Credit("T1", 100m).WithPayer(Cpf), Credit("T2", 80m, "2026-11-06").WithPayer(Cpf)],
            [Item("INV-1", 100m, document: Cpf)]);

        Assert.Empty(result.Suggestions);
        Assert.Equal(("T2", UnmatchedReasons.NoCandidate), (Assert.Single(result.Unmatched).TransactionId, result.Unmatched[0].Reason));
    }

    [Fact]
    public void Reconcile_RepeatWhileThePayerHasAnotherOpenItemOfOtherAmount_RanksThePossibleDuplicateFirst()
    {
        var result = Reconcile(
            [Credit("T1", 100m).WithPayer(Cpf), Credit("T2", 100m, "2026-11-06").WithPayer(Cpf)],
            [Item("INV-1", 100m, document: Cpf), Item("INV-2", 70m, "2026-12-05", document: Cpf)]);

        var candidates = Assert.Single(result.Suggestions).Candidates;
        Assert.Equal(
            [(MatchRules.PossibleDuplicate, "INV-1"), (MatchRules.PayerDocumentAmount, "INV-2")],
            candidates.Select(c => (c.Rule, c.ItemIds.Single())));
        Assert.Equal(new ItemBalance("INV-2", ItemStatus.Open, 70m), result.Balance("INV-2"));
    }

    [Fact]
    public void Reconcile_DuplicatePaymentOfSettledItem_UnmatchedAsAlreadySettled()
    {
        var result = Reconcile(
            [Credit("T1", 100m).WithNossoNumero("1"), Credit("T2", 100m, "2026-11-06").WithNossoNumero("1")],
            [Item("INV-1", 100m).WithNossoNumero("1")]);

        Assert.Equal("T1", Assert.Single(result.Matches).TransactionId);
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal(("T2", UnmatchedReasons.ItemAlreadySettled), (unmatched.TransactionId, unmatched.Reason));
    }

    [Fact]
    public void Reconcile_StrongReferenceBeatsEarlierPayerMatch()
    {
        // T1 (earlier) only has the payer's CPF; T2 names INV-1 by nosso número. References are processed first, so
        // T2 takes INV-1 and T1 falls to INV-2, whatever the order.
        var items = new[]
        {
            Item("INV-1", 100m, "2026-10-05", document: Cpf).WithNossoNumero("1"),
            Item("INV-2", 100m, "2026-11-05", document: Cpf).WithNossoNumero("2"),
        };

        var result = Reconcile([Credit("T1", 100m, "2026-11-01").WithPayer(Cpf), Credit("T2", 100m, "2026-11-02").WithNossoNumero("1")], items);

        Assert.Equal(
            [("T1", "INV-2", MatchRules.PayerDocumentAmount), ("T2", "INV-1", MatchRules.NossoNumero)],
            result.Matches.Select(m => (m.TransactionId, m.Allocations.Single().ItemId, m.Rule)));
    }

    [Fact]
    public void Reconcile_FeeTolerance_ShortfallWrittenOff()
    {
        var item = Item("INV-1", 100m, document: Cpf);

        Assert.Empty(Reconcile([Credit("T1", 98.50m).WithPayer(Cpf)], [item]).Matches);
        var result = Reconcile([Credit("T1", 98.50m).WithPayer(Cpf)], [item], o => o.FeeTolerance = 2m);

        Assert.Equal(new Allocation("INV-1", 98.50m, 0m, 1.50m), Assert.Single(result.Matches).Allocations.Single());
        Assert.Equal(ItemStatus.Paid, result.Balance("INV-1").Status);
    }

    [Fact]
    public void Reconcile_PayerKnownAmountDifferent_SuggestsPossiblePartialPayment()
    {
        var result = Reconcile([Credit("T1", 30m).WithPayer(Cpf)], [Item("INV-1", 100m, document: Cpf)]);

        var candidate = Assert.Single(Assert.Single(result.Suggestions).Candidates);
        Assert.Contains("possível pagamento parcial", candidate.Explanation);
    }

    [Fact]
    public void Reconcile_NonPositiveCredit_Unmatched()
    {
        var result = Reconcile([Credit("T1", 0m)], []);

        Assert.Equal(UnmatchedReasons.NonPositiveAmount, Assert.Single(result.Unmatched).Reason);
    }

    [Fact]
    public void Reconcile_DuplicateItemIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => Reconcile([], [Item("INV-1", 1m), Item("INV-1", 2m)]));
    }

    [Fact]
    public void Ctor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => Matcher(o =>
        {
            o.FeeTolerance = -1m;
            o.MaxSuggestions = 0;
        }));

        Assert.Contains(nameof(MatchingOptions.FeeTolerance), error.Message);
        Assert.Contains(nameof(MatchingOptions.MaxSuggestions), error.Message);
    }
}

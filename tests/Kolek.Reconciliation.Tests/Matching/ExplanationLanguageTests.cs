using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Statements;
using static Kolek.Reconciliation.Tests.Matching.Build;

namespace Kolek.Reconciliation.Tests.Matching;

/// <summary>Explanations in Portuguese (the default) or English: the same sentence for the same evidence, in the
/// clerk's language (issue #4).</summary>
public class ExplanationLanguageTests
{
    private static readonly string[] s_portugueseWords = ["confere", "título", "valor ", "em aberto", "vencimento", "pagador", "rédito", "Nenhum", "combinação"];

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "reference fits",
            "Nosso número 123 confere; valor R$ 1.100,00 igual ao valor em aberto do título INV-1 (vencimento 05/11/2026).",
            "Nosso número 123 matches; amount R$ 1,100.00 equals the open amount of charge INV-1 (due 2026-11-05)."
        },
        {
            "partial payment",
            "Nosso número 123 confere; pagamento parcial de R$ 40,00 do título INV-1 (vencimento 05/11/2026): restam R$ 1.060,00 de R$ 1.100,00 em aberto.",
            "Nosso número 123 matches; partial payment of R$ 40.00 toward charge INV-1 (due 2026-11-05): R$ 1,060.00 of R$ 1,100.00 still open."
        },
        {
            "overpayment",
            "Nosso número 123 confere; valor R$ 1.110,00 quita os R$ 1.100,00 em aberto do título INV-1 (vencimento 05/11/2026); sobra de R$ 10,00 não explicada (multa e juros esperados: R$ 0,00).",
            "Nosso número 123 matches; amount R$ 1,110.00 settles the R$ 1,100.00 open on charge INV-1 (due 2026-11-05); unexplained excess of R$ 10.00 (expected fine and interest: R$ 0.00)."
        },
        {
            "late with fine and interest",
            "Nosso número 777 confere; valor R$ 153,50 igual ao valor em aberto do título INV-1 (vencimento 05/11/2026), R$ 150,00, mais multa de R$ 3,00 e juros de R$ 0,50 (10 dias de atraso).",
            "Nosso número 777 matches; amount R$ 153.50 equals the open amount of charge INV-1 (due 2026-11-05), R$ 150.00, plus a fine of R$ 3.00 and interest of R$ 0.50 (10 days late)."
        },
        {
            "payer document and amount, tie",
            "Valor R$ 150,00 igual ao valor em aberto do título INV-1 (vencimento 05/10/2026) e CPF do pagador confere; há 1 outro título do mesmo pagador com a mesma evidência — aplicado ao de vencimento mais antigo (art. 355 do Código Civil).",
            "Amount R$ 150.00 equals the open amount of charge INV-1 (due 2026-10-05) and the payer's CPF matches; 1 other charge of the same payer has the same evidence — applied to the one due first (art. 355 of the Brazilian Civil Code)."
        },
        {
            "several items of one payer",
            "Valor R$ 150,00 igual à soma em aberto dos títulos INV-1 e INV-2 e CPF do pagador confere; nenhuma outra combinação de títulos desse pagador dá o mesmo valor.",
            "Amount R$ 150.00 equals the open total of charges INV-1 and INV-2 and the payer's CPF matches; no other combination of this payer's charges gives the same amount."
        },
        {
            "memo reference",
            "Referência \"4521\" no histórico confere; valor R$ 320,00 igual ao valor em aberto do título INV-7 (vencimento 05/11/2026).",
            "Reference \"4521\" in the description matches; amount R$ 320.00 equals the open amount of charge INV-7 (due 2026-11-05)."
        },
        {
            "no candidate",
            "Nenhum título em aberto com a referência, o CPF/CNPJ do pagador ou o valor R$ 12,34 em 05/11/2026.",
            "No open charge has the reference, the payer's CPF/CNPJ or the amount R$ 12.34 on 2026-11-05."
        },
        {
            "non-positive amount",
            "Crédito com valor R$ 0,00: nada a conciliar.",
            "Credit of R$ 0.00: nothing to reconcile."
        },
        {
            "item already settled",
            "A referência do crédito aponta para o título INV-1 (vencimento 05/11/2026), que já está quitado; possível pagamento em duplicidade — verifique e devolva ou credite o cliente.",
            "The credit's reference points to charge INV-1 (due 2026-11-05), which is already settled; possibly a duplicate payment — check it, then refund or credit the customer."
        },
        {
            "amount and date only",
            "Valor R$ 100,00 igual ao valor em aberto do título INV-1 (vencimento 05/11/2026), pago 2 dias depois do vencimento; sem referência nem CPF/CNPJ do pagador que confirme.",
            "Amount R$ 100.00 equals the open amount of charge INV-1 (due 2026-11-05), paid 2 days after the due date; no reference or payer CPF/CNPJ confirms it."
        },
        {
            "payer with another amount",
            "CPF do pagador confere com o título INV-1 (vencimento 05/11/2026), mas o valor R$ 60,00 não corresponde aos R$ 100,00 em aberto (possível pagamento parcial).",
            "The payer's CPF matches charge INV-1 (due 2026-11-05), but the amount R$ 60.00 differs from the R$ 100.00 open (possibly a partial payment)."
        },
        {
            "referenced items with another sum",
            "Referência \"4521\" no histórico aponta para os títulos INV-1 e INV-2; o valor R$ 50,00 difere da soma em aberto (R$ 200,00) — confirme a divisão.",
            "Reference \"4521\" in the description points to charges INV-1 and INV-2; the amount R$ 50.00 differs from their open total (R$ 200.00) — confirm the split."
        },

        // User trial: a suggestion compared the credit with the face value only, though the item was late or
        // discounted on the payment date and the credit had been compared with that amount.
        {
            "payer with another amount, late",
            "CPF do pagador confere com o título INV-1 (vencimento 05/11/2026), mas o valor R$ 101,00 não corresponde aos R$ 102,33 esperados em 15/11/2026: R$ 100,00 em aberto mais multa de R$ 2,00 e juros de R$ 0,33 (10 dias de atraso); possível pagamento parcial.",
            "The payer's CPF matches charge INV-1 (due 2026-11-05), but the amount R$ 101.00 differs from the R$ 102.33 expected on 2026-11-15: R$ 100.00 open plus a fine of R$ 2.00 and interest of R$ 0.33 (10 days late); possibly a partial payment."
        },
        {
            "payer with another amount, early",
            "CPF do pagador confere com o título INV-1 (vencimento 05/11/2026), mas o valor R$ 90,00 não corresponde aos R$ 95,00 esperados em 30/10/2026: R$ 100,00 em aberto menos R$ 5,00 de desconto por pagamento até 01/11/2026; possível pagamento parcial.",
            "The payer's CPF matches charge INV-1 (due 2026-11-05), but the amount R$ 90.00 differs from the R$ 95.00 expected on 2026-10-30: R$ 100.00 open less R$ 5.00 of discount for payment by 2026-11-01; possibly a partial payment."
        },
        {
            "referenced items with another sum, late",
            "Referência \"4521\" no histórico aponta para os títulos INV-1 e INV-2; o valor R$ 50,00 difere da soma em aberto (R$ 200,00) e da soma com multa e juros em 15/11/2026 (R$ 204,66) — confirme a divisão.",
            "Reference \"4521\" in the description points to charges INV-1 and INV-2; the amount R$ 50.00 differs from their open total (R$ 200.00) and from that total with fine and interest on 2026-11-15 (R$ 204.66) — confirm the split."
        },
        {
            "referenced item, late",
            "Referência \"4521\" no histórico aponta para o título INV-1 (vencimento 05/11/2026), com R$ 102,33 esperados em 15/11/2026: R$ 100,00 em aberto mais multa de R$ 2,00 e juros de R$ 0,33 (10 dias de atraso); crédito de R$ 50,00.",
            "Reference \"4521\" in the description points to charge INV-1 (due 2026-11-05), with R$ 102.33 expected on 2026-11-15: R$ 100.00 open plus a fine of R$ 2.00 and interest of R$ 0.33 (10 days late); credit of R$ 50.00."
        },
        {
            "possible duplicate in this run",
            "Possível pagamento em duplicidade: valor R$ 100,00 e CPF do pagador iguais aos do lançamento T1 (05/11/2026), que já quitou o título INV-1 (vencimento 05/11/2026) nesta conciliação — verifique e devolva ou credite o cliente; nada foi alocado.",
            "Possibly a duplicate payment: the amount R$ 100.00 and the payer's CPF are those of transaction T1 (2026-11-05), which already settled charge INV-1 (due 2026-11-05) in this run — check it, then refund or credit the customer; nothing was allocated."
        },
        {
            "possible duplicate of a settled item",
            "Possível pagamento em duplicidade: CPF do pagador confere com o título INV-1 (vencimento 05/11/2026), já quitado antes desta conciliação, e o valor R$ 100,00 é o valor de face dele — verifique e devolva ou credite o cliente; nada foi alocado.",
            "Possibly a duplicate payment: the payer's CPF matches charge INV-1 (due 2026-11-05), already settled before this run, and the amount R$ 100.00 is its face value — check it, then refund or credit the customer; nothing was allocated."
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reconcile_EachLanguage_ExplainsInThatLanguage(string scenario, string portuguese, string english)
    {
        var (transactions, items) = Scenario(scenario);

        var inPortuguese = Reconcile(transactions, items);
        var inEnglish = Reconcile(transactions, items, o => o.ExplanationLanguage = ExplanationLanguage.English);

        Assert.Contains(portuguese, Explanations(inPortuguese));
        Assert.Contains(english, Explanations(inEnglish));
        Assert.All(Explanations(inEnglish), e => Assert.True(IsEnglishSentence(e), e));
        Assert.Equal(Serialize(WithoutExplanations(inPortuguese)), Serialize(WithoutExplanations(inEnglish)));
    }

    [Fact]
    public void Reconcile_DefaultOptions_ExplainInPortuguese()
    {
        var (transactions, items) = Scenario("reference fits");

        Assert.Equal(
            Explanations(Reconcile(transactions, items, o => o.ExplanationLanguage = ExplanationLanguage.PortugueseBrazil)),
            Explanations(Reconcile(transactions, items)));
    }

    [Fact]
    public void Options_DefaultLanguage_IsPortuguese()
    {
        Assert.Equal(ExplanationLanguage.PortugueseBrazil, new MatchingOptions().ExplanationLanguage);
    }

    [Fact]
    public void Options_UndefinedLanguage_IsRejected()
    {
        var result = new MatchingOptionsValidator().Validate(null, new MatchingOptions { ExplanationLanguage = (ExplanationLanguage)3 });

        Assert.Equal(["Property ExplanationLanguage: must be PortugueseBrazil or English."], result.Failures);
        var error = Assert.Throws<ArgumentException>(() => Matcher(o => o.ExplanationLanguage = default));
        Assert.Contains("ExplanationLanguage must be PortugueseBrazil or English.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every explanation of a result, in result order (matches, suggestion candidates, unmatched).</summary>
    internal static IEnumerable<string> Explanations(ReconciliationResult result) =>
        result.Matches.Select(m => m.Explanation)
            .Concat(result.Suggestions.SelectMany(s => s.Candidates).Select(c => c.Explanation))
            .Concat(result.Unmatched.Select(u => u.Explanation));

    /// <summary>The result with every explanation blanked: what must not depend on the language.</summary>
    internal static ReconciliationResult WithoutExplanations(ReconciliationResult result) => result with
    {
        Matches = [.. result.Matches.Select(m => m with { Explanation = string.Empty })],
        Suggestions = [.. result.Suggestions.Select(s => s with { Candidates = [.. s.Candidates.Select(c => c with { Explanation = string.Empty })] })],
        Unmatched = [.. result.Unmatched.Select(u => u with { Explanation = string.Empty })],
        Items = [.. result.Items],
    };

    /// <summary>A sentence (capital first, full stop last) with none of the Portuguese words of the explanations.</summary>
    internal static bool IsEnglishSentence(string explanation) =>
        explanation.Length > 1 && char.IsUpper(explanation[0]) && explanation[^1] == '.'
        && !s_portugueseWords.Any(w => explanation.Contains(w, StringComparison.Ordinal));

    private static string Serialize(ReconciliationResult result) => System.Text.Json.JsonSerializer.Serialize(result);

    /// <summary>Transactions and items one of whose explanations is the named case.</summary>
    private static (BankTransaction[] Transactions, OpenItem[] Items) Scenario(string name) => name switch
    {
        "reference fits" => ([Credit("T1", 1100m).WithNossoNumero("123")], [Item("INV-1", 1100m).WithNossoNumero("123")]),
        "partial payment" => ([Credit("T1", 40m).WithNossoNumero("123")], [Item("INV-1", 1100m).WithNossoNumero("123")]),
        "overpayment" => ([Credit("T1", 1110m).WithNossoNumero("123")], [Item("INV-1", 1100m).WithNossoNumero("123")]),
        "late with fine and interest" => ([Credit("T1", 153.50m, "2026-11-15").WithNossoNumero("777")], [Item("INV-1", 150m).WithNossoNumero("777").WithLateCharges()]),
        "payer document and amount, tie" => (
            [Credit("T1", 150m).WithPayer(Cpf)],
            [Item("INV-1", 150m, "2026-10-05", document: Cpf), Item("INV-2", 150m, "2026-11-05", document: Cpf)]),
        "several items of one payer" => (
            [Credit("T1", 150m).WithPayer(Cpf)],
            [Item("INV-1", 100m, "2026-10-05", document: Cpf), Item("INV-2", 50m, "2026-11-05", document: Cpf)]),
        "memo reference" => (
            [Credit("T1", 320m) with { Description = "PIX RECEBIDO ACME LTDA PAGTO NF 4521" }],
            [Item("INV-7", 320m) with { References = new OpenItemReferences { DocumentNumber = "4521" } }]),
        "no candidate" => ([Credit("T1", 12.34m)], [Item("INV-1", 100m)]),
        "non-positive amount" => ([Credit("T1", 0m)], [Item("INV-1", 100m)]),
        "item already settled" => (
            [Credit("T1", 100m).WithNossoNumero("123"), Credit("T2", 100m).WithNossoNumero("123")],
            [Item("INV-1", 100m).WithNossoNumero("123")]),
        "amount and date only" => ([Credit("T1", 100m, "2026-11-07")], [Item("INV-1", 100m)]),
        "payer with another amount" => ([Credit("T1", 60m).WithPayer(Cpf)], [Item("INV-1", 100m, document: Cpf)]),
        "referenced items with another sum" => (
            [Credit("T1", 50m) with { Description = "PAGTO NF 4521" }],
            [
                Item("INV-1", 100m) with { References = new OpenItemReferences { DocumentNumber = "4521" } },
                Item("INV-2", 100m) with { References = new OpenItemReferences { NossoNumero = "4521" } },
            ]),
        "payer with another amount, late" => ([Credit("T1", 101m, "2026-11-15").WithPayer(Cpf)], [Item("INV-1", 100m, document: Cpf).WithLateCharges()]),
        "payer with another amount, early" => (
            [Credit("T1", 90m, "2026-10-30").WithPayer(Cpf)],
            [Item("INV-1", 100m, document: Cpf) with { EarlyPaymentDiscount = new OpenItemEarlyPaymentDiscount(5m, Date("2026-11-01")) }]),
        "referenced items with another sum, late" or "referenced item, late" => (
            [Credit("T1", 50m, "2026-11-15") with { Description = "PAGTO NF 4521" }],
            [
                Item("INV-1", 100m).WithLateCharges() with { References = new OpenItemReferences { DocumentNumber = "4521" } },
                Item("INV-2", 100m).WithLateCharges() with { References = new OpenItemReferences { NossoNumero = "4521" } },
            ]),
        "possible duplicate in this run" => (
            [Credit("T1", 100m).WithPayer(Cpf), Credit("T2", 100m, "2026-11-06").WithPayer(Cpf)],
            [Item("INV-1", 100m, document: Cpf)]),
        "possible duplicate of a settled item" => ([Credit("T2", 100m).WithPayer(Cpf)], [Item("INV-1", 100m, document: Cpf) with { Outstanding = 0m }]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}

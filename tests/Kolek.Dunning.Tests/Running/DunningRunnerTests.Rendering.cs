using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Templates;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>What the rendered messages say.</summary>
public sealed partial class DunningRunnerTests
{
    private const string Linha = "34191.79001 01043.510047 91020.150008 1 69880000123456";

    [Fact]
    public async Task RunAsync_RenderedEmail_NamesCreditorAmountAndBoletoLineWithASubject()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", 1234.56m, linhaDigitavel: Linha));

        await h.RunAsync(s_dueDay, At(Due, 9));

        var email = Assert.Single(h.Email.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.Contains("Empresa Exemplo Ltda", email.Subject, StringComparison.Ordinal);
        Assert.Contains("CNPJ 11.222.333/0001-81", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("R$ 1.234,56", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(Linha, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("16/03/2026", email.TextBody, StringComparison.Ordinal);
        Assert.NotNull(email.HtmlBody);
        Assert.Contains("11.222.333/0001-81", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RenderedWhatsApp_NamesCreditorAmountAndBoletoLineWithoutSubject()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", 1234.56m, linhaDigitavel: Linha));

        await h.RunAsync(s_dueDay, At(Due, 9));

        var whatsapp = Assert.Single(h.WhatsApp.Accepted);
        Assert.Null(whatsapp.Subject);
        Assert.Contains("CNPJ 11.222.333/0001-81", whatsapp.TextBody, StringComparison.Ordinal);
        Assert.Contains("R$ 1.234,56", whatsapp.TextBody, StringComparison.Ordinal);
        Assert.Contains(Linha, whatsapp.TextBody, StringComparison.Ordinal);
        Assert.Contains("Olá, Cliente K-1!", whatsapp.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownTemplateName_FallsBackAndWarns()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var ruler = RulerOf(MessageStep("d0", 0, ["email"], template: "nao-existe"));

        var result = await h.RunAsync(ruler, At(Due, 9));

        Assert.Single(h.Email.Accepted);
        Assert.Contains(result.Warnings, w => w.Code == "template.fallback");
    }

    [Theory]
    [InlineData(true, "R$ 1.020,00")]
    [InlineData(false, "R$ 1.100,00")]
    public async Task RunAsync_LateMessage_AppliesTheConsumerFineCap(bool consumer, string expected)
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", 1000m, customer: Fixtures.Customer("K-1", consumer)));
        var ruler = RulerOf(Consolidation.Charge, new LateChargeTerms { FinePercent = 10m }, MessageStep("d2", 2, ["email"], template: "atraso"));

        await h.RunAsync(ruler, s_d2);

        Assert.Contains(expected, Assert.Single(h.Email.Accepted).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CaughtUpMessage_StatesTheAmountOfTheDayItIsSent()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", 1000m));
        var ruler = RulerOf(Consolidation.Charge, new LateChargeTerms { FinePercent = 2m, InterestPercentPerMonth = 3m },
            MessageStep("d2", 2, ["email"], template: "atraso"));
        var now = At(Due.PlusDays(4), 9); // Friday; the D+2 step was due on Wednesday
        var planned = Assert.Single(Planner.Plan([Charge("C-1", 1000m)], ruler, new HashSet<SentKey>(), now).Due);
        var onSchedule = LateChargeCalculator.AmountDue(1000m, Due, Due.PlusDays(2), ruler.LateCharges, Planner.Calendar).Total;
        Assert.NotEqual(onSchedule, planned.AmountDue);

        await h.RunAsync(ruler, now);

        var body = Assert.Single(h.Email.Accepted).TextBody;
        Assert.Contains(PtBrFormat.Money(planned.AmountDue), body, StringComparison.Ordinal);
        Assert.DoesNotContain(PtBrFormat.Money(onSchedule), body, StringComparison.Ordinal);
        Assert.Contains("4 dias de atraso", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ChargeWithItsOwnEarlyPaymentDiscount_MessageStatesTheDiscountedAmountAsThePlanDoes()
    {
        // ruler.md: a charge's own EarlyPayment replaces the ruler's. The plan's AmountDue took it; the message ignored it (tryout7).
        var h = new RunnerHarness();
        var item = Charge("C-1", 1000m);
        item = item with { Charge = item.Charge with { EarlyPayment = new EarlyPaymentDiscount(5m) } };
        h.Source.Put(item);
        var ruler = RulerOf(MessageStep("d-2", -2, ["email"], template: "lembrete"));
        var now = At(Due.PlusDays(-2), 9);
        var planned = Assert.Single(Planner.Plan([item], ruler, new HashSet<SentKey>(), now).Due);
        Assert.Equal(950m, planned.AmountDue);

        await h.RunAsync(ruler, now);

        Assert.Contains("R$ 950,00", Assert.Single(h.Email.Accepted).TextBody, StringComparison.Ordinal);
    }
}

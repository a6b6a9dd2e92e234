using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Ruler;
using NodaTime;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Backoff and the last attempt; each consolidated charge's own values and payment options in the message.</summary>
public sealed partial class DunningRunnerTests
{
    [Fact]
    public async Task RunAsync_AlwaysTransient_BacksOffDoublingAndGivesUpAtTheLastAttempt()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var ruler = RulerOf(MessageStep("d0", 0, ["email"], template: "boleto"));
        for (var i = 0; i < 10; i++)
        {
            h.Email.Then(SendResult.TransientFailure("mail server busy"));
        }

        var now = At(Due, 9);
        var waits = new List<Duration>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await h.RunAsync(ruler, now);
            var entry = await h.EntryAsync("C-1", "d0", "email");
            Assert.Equal(attempt, entry!.Attempt);
            if (attempt < 5)
            {
                Assert.Equal(JournalEntryState.TransientFailure, entry.State);
                waits.Add(entry.Outcome!.RetryNotBefore!.Value - now);
                now = entry.Outcome.RetryNotBefore!.Value;
            }
            else
            {
                Assert.Equal(JournalEntryState.PermanentFailure, entry.State);
                Assert.StartsWith("desistência após 5 tentativas: mail server busy", entry.Outcome!.Reason, StringComparison.Ordinal);
            }
        }

        await h.RunAsync(ruler, now + Duration.FromDays(1));
        Assert.Equal([15, 30, 60, 120], waits.Select(w => (int)w.TotalMinutes));
        Assert.Equal(5, h.Email.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_ConsolidatedLateCharges_EachChargeWithItsValuesBoletoPixAndLink()
    {
        var h = new RunnerHarness();
        var customer = Fixtures.Customer();
        h.Source.Put(new CustomerCharge(new Charge
        {
            Id = "NF-1", CustomerId = "K-1", Amount = 1000m, PaidAmount = 400m, IssueDate = Due.PlusDays(-20), DueDate = Due,
            LinhaDigitavel = Linha, PixCopiaECola = "00020126580014br.gov.bcb.pix0136nf1", PaymentLink = "https://pagar.example.com/NF-1",
        }, customer));
        h.Source.Put(new CustomerCharge(new Charge
        {
            Id = "NF-2", CustomerId = "K-1", Amount = 250m, IssueDate = Due.PlusDays(-20), DueDate = Due,
            PixCopiaECola = "00020126580014br.gov.bcb.pix0136nf2", PaymentLink = "https://pagar.example.com/NF-2",
        }, customer));
        var ruler = RulerOf(Consolidation.CustomerDay, new LateChargeTerms { FinePercent = 2m, InterestPercentPerMonth = 1m },
            MessageStep("d5", 5, ["email"], template: "atraso"));

        await h.RunAsync(ruler, At(Due.PlusDays(5), 9));

        var text = Assert.Single(h.Email.Accepted).TextBody;
        // NF-1: 600,00 open; fine 12,00 + interest 600 × 1% ÷ 30 × 5 = 1,00 → 613,00. NF-2: 5,00 + 0,42 → 255,42.
        foreach (var expected in new[]
        {
            "Valor original R$ 1.000,00, já pago R$ 400,00", "R$ 13,00 de multa e juros sobre R$ 600,00", "R$ 613,00",
            "R$ 5,42 de multa e juros sobre R$ 250,00", "R$ 255,42", "Total: R$ 868,42",
            Linha, "PIX copia e cola: 00020126580014br.gov.bcb.pix0136nf1", "PIX copia e cola: 00020126580014br.gov.bcb.pix0136nf2",
            "Pagamento on-line: https://pagar.example.com/NF-1", "Pagamento on-line: https://pagar.example.com/NF-2",
            "Empresa Exemplo Ltda", "CNPJ 11.222.333/0001-81",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}

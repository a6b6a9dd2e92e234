using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Tests.Templates;

/// <summary>Models shared by the template tests.</summary>
internal static class TemplateModels
{
    internal static readonly TemplateCreditor Creditor = new("Empresa Exemplo Ltda", "11222333000181")
    {
        Address = "Rua das Flores, 100 - São Paulo/SP",
        Contact = "(11) 3456-7890",
    };

    internal static TemplateModel TwoCharges(MessageTone tone = MessageTone.Friendly, LocalDate? today = null) => new(
        Creditor,
        new TemplateCustomer("Maria da Silva"),
        "d2",
        tone,
        [
            new TemplateCharge("C-1", 1234.56m, 0m, 1234.56m, 1260.12m, new LocalDate(2026, 12, 1), 6)
            {
                LinhaDigitavel = "34191.79001 01043.510047 91020.150008 1 12340000123456",
                PixCopiaECola = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913EMPRESA6009SAO PAULO62070503***6304ABCD",
            },
            new TemplateCharge("C-2", 500m, 200m, 300m, 300m, new LocalDate(2026, 12, 10), 0)
            {
                PaymentLink = "https://pagar.example.com/C-2",
            },
        ],
        today ?? new LocalDate(2026, 12, 7));
}

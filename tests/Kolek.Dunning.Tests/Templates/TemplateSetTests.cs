using Kolek.Channels;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Tests.Templates;

public class TemplateSetTests
{
    public static TheoryData<string, string> BuiltInEntries()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "lembrete", "boleto", "atraso", "atraso-firme", "aviso-final", "generico" })
        {
            foreach (var channel in new[] { "email", "whatsapp", "sms" })
            {
                data.Add(name, channel);
            }
        }

        return data;
    }

    public static TheoryData<string> BuiltInNames() => new("lembrete", "boleto", "atraso", "atraso-firme", "aviso-final", "generico");

    [Fact]
    public void BuiltIn_HasEveryStepTemplateOfTheExampleRulerOnEveryChannel()
    {
        Assert.Equal(18, TemplateSet.BuiltIn.Entries.Count);
        Assert.All(BuiltInEntries(), row => Assert.True(TemplateSet.BuiltIn.Contains((string)row[0], (string)row[1])));
    }

    [Theory]
    [MemberData(nameof(BuiltInEntries))]
    public void Render_BuiltInWithTwoCharges_ShowsCreditorAmountsAndDates(string name, string channel)
    {
        var result = TemplateSet.BuiltIn.Render(name, channel, TemplateModels.TwoCharges());
        var message = result.Message;

        Assert.Empty(result.Warnings);
        Assert.Contains("Empresa Exemplo Ltda", message.TextBody);
        Assert.Contains("CNPJ 11.222.333/0001-81", message.TextBody);
        Assert.Contains("Maria", message.TextBody);
        Assert.DoesNotContain("Maria da Silva", message.TextBody);
        Assert.DoesNotContain("{{", message.TextBody);
        Assert.DoesNotContain('\u00A0', message.TextBody);
        if (channel == "sms")
        {
            Assert.Contains("R$ 1.560,12", message.TextBody);
            Assert.Contains("01/12/2026", message.TextBody);
        }
        else
        {
            Assert.Contains("R$ 1.260,12", message.TextBody);
            Assert.Contains("R$ 300,00", message.TextBody);
            Assert.Contains("01/12/2026", message.TextBody);
            Assert.Contains("10/12/2026", message.TextBody);
            Assert.Contains("PIX copia e cola: 00020126", message.TextBody);
            Assert.Contains("https://pagar.example.com/C-2", message.TextBody);
        }

        if (channel == "email")
        {
            Assert.False(string.IsNullOrWhiteSpace(message.Subject));
            Assert.Contains("R$ 1.560,12", message.TextBody);
            Assert.Contains("34191.79001 01043.510047 91020.150008 1 12340000123456", message.TextBody);
            Assert.Contains("Rua das Flores, 100", message.TextBody);
            Assert.Contains("CNPJ 11.222.333/0001-81", message.HtmlBody);
            Assert.StartsWith("<!DOCTYPE html>", message.HtmlBody);
        }
        else
        {
            Assert.Null(message.Subject);
            Assert.Null(message.HtmlBody);
        }
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Render_BuiltInSms_StaysInGsm7ForAsciiNames(string name)
    {
        var text = TemplateSet.BuiltIn.Render(name, "sms", TemplateModels.TwoCharges()).Message.TextBody;

        var analysis = SmsText.Analyze(text.TrimEnd('\n'));

        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.InRange(analysis.Segments, 1, 3);
    }

    [Theory]
    [InlineData("aviso-final", "email", true)]
    [InlineData("aviso-final", "whatsapp", true)]
    [InlineData("aviso-final", "sms", true)]
    [InlineData("lembrete", "email", false)]
    [InlineData("boleto", "whatsapp", false)]
    [InlineData("atraso", "email", false)]
    [InlineData("atraso-firme", "email", false)]
    public void Render_EscalationIsMentionedOnlyInTheFinalNotice(string name, string channel, bool mentions)
    {
        var text = TemplateSet.BuiltIn.Render(name, channel, TemplateModels.TwoCharges(MessageTone.Final)).Message.TextBody;

        Assert.Equal(mentions, text.Contains("protesto", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SingleChargeNotYetDue_UsesSingularAndFutureTense()
    {
        var model = TemplateModels.TwoCharges(MessageTone.Reminder, new LocalDate(2026, 11, 28));
        var single = new TemplateModel(model.Creditor, model.Customer, "d-3", MessageTone.Reminder,
            [model.Charges[0] with { DaysLate = -3, UpdatedAmount = 1234.56m }], model.Today);

        var text = TemplateSet.BuiltIn.Render("generico", "email", single).Message.TextBody;

        Assert.Contains("referentes ao documento abaixo", text);
        Assert.Contains("- Documento C-1, vence em 01/12/2026: R$ 1.234,56", text);
        Assert.DoesNotContain("Documento C-1\n", text);
        Assert.DoesNotContain("multa", text);
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Render_EmailForChargeWithoutPaymentDetails_HasNoEmptyHowToPaySection(string name)
    {
        // An ERP that exports no linha digitável, PIX or link: "Como pagar:" followed by nothing read as a broken e-mail.
        var model = new TemplateModel(
            TemplateModels.Creditor,
            new TemplateCustomer("Maria da Silva"),
            "d2",
            MessageTone.Friendly,
            [new TemplateCharge("C-1", 1000m, 0m, 1000m, 1021.67m, new LocalDate(2026, 12, 1), 5)],
            new LocalDate(2026, 12, 6));

        var body = TemplateSet.BuiltIn.Render(name, "email", model).Message.TextBody;

        Assert.DoesNotContain("Como pagar:", body);
        Assert.DoesNotContain("com os dados a seguir", body);
        Assert.Contains("Total: R$ 1.021,67", body);
        Assert.Contains("segunda via", body);
    }

    [Fact]
    public void Render_UnknownTemplateName_FallsBackToChannelGenericWithWarning()
    {
        var result = TemplateSet.BuiltIn.Render("cobranca-especial", "email", TemplateModels.TwoCharges());

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("template.fallback", warning.Code);
        Assert.Contains("cobranca-especial", warning.Message);
        Assert.Equal(TemplateSet.BuiltIn.Render("generico", "email", TemplateModels.TwoCharges()).Message, result.Message);
    }

    [Fact]
    public void Render_UnknownChannel_FallsBackToShortWhatsAppGeneric()
    {
        var result = TemplateSet.BuiltIn.Render("atraso", "telegram", TemplateModels.TwoCharges());

        Assert.Contains("'whatsapp'", Assert.Single(result.Warnings).Message);
        Assert.Null(result.Message.Subject);
        Assert.Contains("Consta em aberto", result.Message.TextBody);
    }

    [Fact]
    public void WithSources_ValidUserTemplate_ReplacesBuiltIn()
    {
        var load = TemplateSet.BuiltIn.WithSources(
        [
            new TemplateSource("atraso", "EMAIL", "Subject: Oi {{ customer.first_name }}\n\nDeve {{ total_due }}."),
            new TemplateSource("nova-etapa", "whatsapp", "Nova: {{ total_due }}"),
        ]);

        Assert.True(load.Success);
        var message = load.Set.Render("atraso", "email", TemplateModels.TwoCharges()).Message;
        Assert.Equal("Oi Maria", message.Subject);
        Assert.Equal("Deve R$ 1.560,12.\n", message.TextBody);
        Assert.Empty(load.Set.Render("nova-etapa", "whatsapp", TemplateModels.TwoCharges()).Warnings);
        Assert.NotEqual(message, TemplateSet.BuiltIn.Render("atraso", "email", TemplateModels.TwoCharges()).Message);
    }

    [Fact]
    public void WithSources_InvalidUserTemplate_IsLeftOutAndReportedBeforeAnySend()
    {
        var load = TemplateSet.BuiltIn.WithSources(
        [
            new TemplateSource("atraso", "whatsapp", "Olá {{ cliente.nome }}, {{ total }}", "atraso.whatsapp.txt"),
            new TemplateSource("boleto", "email", "sem assunto {{ total_due }}"),
        ]);

        Assert.False(load.Success);
        Assert.Equal(["atraso.whatsapp.txt", "boleto.email"], load.Failures.Select(f => f.Origin));
        Assert.Contains("cliente.nome", load.Failures[0].Summary);
        Assert.Contains("total (1:", load.Failures[0].Summary);
        Assert.Contains("Subject", load.Failures[1].Summary);
        Assert.Contains("Não identificamos", load.Set.Render("atraso", "whatsapp", TemplateModels.TwoCharges()).Message.TextBody);
    }

    [Theory]
    [InlineData("atraso-firme.whatsapp.txt", "atraso-firme", "whatsapp")]
    [InlineData("lembrete.EMAIL.TXT", "lembrete", "email")]
    public void TemplateSource_TryFromFileName_ReadsNameAndChannel(string fileName, string name, string channel)
    {
        Assert.True(TemplateSource.TryFromFileName(fileName, "x", out var source));
        Assert.Equal(name, source.Name);
        Assert.Equal(channel, source.Channel);
        Assert.Equal(fileName, source.Origin);
    }

    [Theory]
    [InlineData("atraso.txt")]
    [InlineData("atraso.email.html")]
    [InlineData("a.b.c.txt")]
    [InlineData(".email.txt")]
    public void TemplateSource_TryFromFileName_OtherNames_AreRejected(string fileName)
    {
        Assert.False(TemplateSource.TryFromFileName(fileName, "x", out _));
    }
}

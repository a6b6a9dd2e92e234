using Kolek.Dunning.Templates;

namespace Kolek.Dunning.Tests.Templates;

public class TemplateParserTests
{
    [Fact]
    public void ParseText_KnownVariables_RendersValues()
    {
        var template = TemplateParser.ParseText("{{ customer.first_name }} deve {{total_due}} a {{ creditor.name }} (CNPJ {{ creditor.cnpj }}) em {{ today }}.").Value;

        var text = template.Render(TemplateModels.TwoCharges());

        Assert.Equal("Maria deve R$ 1.560,12 a Empresa Exemplo Ltda (CNPJ 11.222.333/0001-81) em 07/12/2026.", text);
    }

    [Fact]
    public void ParseText_ChargesLoop_RepeatsWithChargeVariables()
    {
        var template = TemplateParser.ParseText("{{# charges }}[{{ id }} {{ due_date }} {{ updated_amount }} {{ days_late }} {{ customer.first_name }}]{{/ charges }}").Value;

        Assert.Equal(
            "[C-1 01/12/2026 R$ 1.260,12 6 Maria][C-2 10/12/2026 R$ 300,00 0 Maria]",
            template.Render(TemplateModels.TwoCharges()));
    }

    [Fact]
    public void ParseText_SectionsOverTextAndFlags_RenderWhenPresent()
    {
        var template = TemplateParser.ParseText(
            "{{# charges }}{{ id }}:{{# linha_digitavel }}boleto{{/ linha_digitavel }}{{^ linha_digitavel }}sem-boleto{{/ linha_digitavel }}"
            + "{{# overdue }}+atraso{{/ overdue }}{{# partially_paid }}+parcial{{/ partially_paid }};{{/ charges }}").Value;

        Assert.Equal("C-1:boleto+atraso;C-2:sem-boleto+parcial;", template.Render(TemplateModels.TwoCharges()));
    }

    [Fact]
    public void ParseText_StandaloneSectionLines_AreRemovedWholly()
    {
        const string source = "Início\n  {{# charges }}\n- {{ id }}\n  {{/ charges }}\n{{! comentário }}\nFim\n";

        var text = TemplateParser.ParseText(source).Value.Render(TemplateModels.TwoCharges());

        Assert.Equal("Início\n- C-1\n- C-2\nFim\n", text);
    }

    [Fact]
    public void ParseText_UnknownVariables_ListsEveryOneWithPosition()
    {
        var result = TemplateParser.ParseText("Olá {{ customer.nome }},\n{{ totl }} {{# charges }}{{ valor }}{{/ charges }}");

        Assert.False(result.Success);
        Assert.Null(result.ValueOrNull);
        Assert.Equal(
            [("customer.nome", 1, 5), ("totl", 2, 1), ("valor", 2, 26)],
            result.Errors.Select(e => (e.Name, e.Line, e.Column)));
        Assert.All(result.Errors, e => Assert.Equal("template.unknown_variable", e.Code));
        Assert.Contains("unknown variables: customer.nome (1:5), totl (2:1), valor (2:26)", result.ErrorSummary);
        Assert.Contains("Known variables:", result.ErrorSummary);
        var thrown = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("customer.nome", thrown.Message);
    }

    [Fact]
    public void ParseText_ChargeVariableOutsideLoop_IsUnknown()
    {
        var result = TemplateParser.ParseText("{{ due_date }}");

        Assert.Equal("due_date", Assert.Single(result.Errors).Name);
    }

    [Theory]
    [InlineData("{{ charges }}", "template.not_text")]
    [InlineData("{{ overdue }}", "template.not_text")]
    [InlineData("{{# charges }}x", "template.unclosed_section")]
    [InlineData("x{{/ charges }}", "template.unexpected_close")]
    [InlineData("{{# charges }}{{# overdue }}x{{/ charges }}{{/ overdue }}", "template.unexpected_close")]
    [InlineData("Olá {{ customer.name", "template.unclosed_tag")]
    [InlineData("{{ customer.name.ToUpper() }}", "template.invalid_tag")]
    [InlineData("{{ System.IO.File }}", "template.invalid_tag")]
    [InlineData("{{ }}", "template.invalid_tag")]
    [InlineData("{{> partial }}", "template.invalid_tag")]
    public void ParseText_MalformedTemplate_ReportsCode(string source, string code)
    {
        var result = TemplateParser.ParseText(source);

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void ParseMessage_SubjectLine_SplitsSubjectAndBody()
    {
        var template = TemplateParser.ParseMessage("Subject: Fatura de {{ customer.first_name }}\n\nOlá!\n", requireSubject: true).Value;

        var message = template.Render(TemplateModels.TwoCharges(), includeHtml: false);

        Assert.Equal("Fatura de Maria", message.Subject);
        Assert.Equal("Olá!\n", message.TextBody);
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public void ParseMessage_AssuntoHeader_IsAcceptedAsSubject()
    {
        var template = TemplateParser.ParseMessage("Assunto: Aviso\nCorpo", requireSubject: true).Value;

        Assert.Equal("Aviso", template.Render(TemplateModels.TwoCharges(), false).Subject);
    }

    [Fact]
    public void ParseMessage_EmailWithoutSubject_Fails()
    {
        var result = TemplateParser.ParseMessage("Olá {{ customer.name }}", requireSubject: true);

        Assert.Equal("template.missing_subject", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void ParseMessage_ErrorInBody_ReportsLineInWholeContent()
    {
        var result = TemplateParser.ParseMessage("Subject: x\n\nLinha 3\n{{ nada }}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Render_HtmlTemplate_EncodesValuesButNotMarkup()
    {
        var model = TemplateModels.TwoCharges() with { };
        var hostile = new Kolek.Dunning.Templates.TemplateModel(
            model.Creditor, new TemplateCustomer("<script>alert(1)</script> & Cia", IsPerson: false), "d2", MessageTone.Friendly, model.Charges, model.Today);
        var template = TemplateParser.ParseMessage("Subject: x\n\ntexto", true, "<p>{{ customer.name }}</p>").Value;

        var message = template.Render(hostile, includeHtml: true);

        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cia</p>", message.HtmlBody);
        Assert.Equal("texto\n", message.TextBody);
    }

    [Fact]
    public void Render_DerivedHtml_IsEncodedParagraphs()
    {
        var template = TemplateParser.ParseMessage("Subject: A & B\n\nOlá <b>{{ customer.first_name }}</b>\nlinha 2\n\nparágrafo 2").Value;

        var html = template.Render(TemplateModels.TwoCharges(), includeHtml: true).HtmlBody!;

        Assert.Contains("<title>A &amp; B</title>", html);
        Assert.Contains("<p>Ol&#225; &lt;b&gt;Maria&lt;/b&gt;<br>\nlinha 2</p>", html);
        Assert.Contains("<p>par&#225;grafo 2</p>", html);
        Assert.DoesNotContain("<script", html);
    }
}

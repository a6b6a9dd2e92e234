namespace Kolek.Channels.Tests.Messages;

public class OutboundMessageTests
{
    private static readonly ContactPoint s_recipient = ContactPoint.Email(EmailAddress.Parse("maria@example.com").Value);

    [Fact]
    public void Ctor_ValidArguments_SetsDefaults()
    {
        var metadata = new MessageMetadata("K-1", ["C-1", "C-2"], "d2");
        var message = new OutboundMessage("kolek-1", "email", s_recipient, "Olá", metadata) { Subject = "Fatura" };

        Assert.Equal("Fatura", message.Subject);
        Assert.Empty(message.Attachments);
        Assert.Null(message.Template);
        Assert.Null(message.HtmlBody);
        Assert.Equal(["C-1", "C-2"], message.Metadata.ChargeIds);
    }

    [Fact]
    public void MessageMetadata_CopiesChargeIds()
    {
        var ids = new List<string> { "C-1" };
        var metadata = new MessageMetadata("K-1", ids, "d2");
        ids.Add("C-9");

        Assert.Equal(["C-1"], metadata.ChargeIds);
    }

    [Fact]
    public void Ctor_InvalidArguments_Throw()
    {
        var metadata = new MessageMetadata("K-1", ["C-1"], "d2");
        Assert.Throws<ArgumentException>(() => new OutboundMessage("", "email", s_recipient, "x", metadata));
        Assert.Throws<ArgumentNullException>(() => new OutboundMessage("k", "email", null!, "x", metadata));
        Assert.Throws<ArgumentException>(() => new MessageMetadata("K-1", [], "d2"));
        Assert.Throws<ArgumentException>(() => new MessageAttachment("boleto.pdf", "pdf", new byte[] { 1 }));
    }

    [Fact]
    public void TemplateReference_HoldsParameters()
    {
        var template = new TemplateReference("cobranca_atraso", "pt_BR") { PositionalParameters = ["Maria", "R$ 10,00"] };

        Assert.Equal("pt_BR", template.Language);
        Assert.Equal(2, template.PositionalParameters.Count);
        Assert.Empty(template.NamedParameters);
    }
}

using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Tests.Templates;

public class TemplateModelTests
{
    [Theory]
    [InlineData("11.222.333/0001-81")]
    [InlineData("12.ABC.345/01DE-35")]
    [InlineData("12abc34501de35")]
    public void TemplateCreditor_ValidCnpj_KeepsBareUpperCase(string cnpj)
    {
        var creditor = new TemplateCreditor("Empresa", cnpj);

        Assert.Equal(14, creditor.Cnpj.Length);
        Assert.DoesNotContain('.', creditor.Cnpj);
        Assert.Equal(creditor.Cnpj.ToUpperInvariant(), creditor.Cnpj);
    }

    [Theory]
    [InlineData("11.222.333/0001-82")]
    [InlineData("11.222.333/0001-18")]
    [InlineData("00000000000000")]
    [InlineData("1122233300018")]
    [InlineData("12.ABC.345/01DE-36")]
    [InlineData("12.ABC.345/01DE-3A")]
    public void TemplateCreditor_InvalidCnpj_Throws(string cnpj)
    {
        Assert.Throws<ArgumentException>(() => new TemplateCreditor("Empresa", cnpj));
    }

    [Theory]
    [InlineData("Maria da Silva", true, "Maria")]
    [InlineData("  João  ", true, "João")]
    [InlineData("Padaria Pão Quente Ltda", false, "Padaria Pão Quente Ltda")]
    public void GreetingName_PersonByFirstNameCompanyByFullName(string name, bool isPerson, string expected)
    {
        Assert.Equal(expected, new TemplateCustomer(name, isPerson).GreetingName);
    }

    [Fact]
    public void TotalDue_SumsUpdatedAmounts()
    {
        Assert.Equal(1560.12m, TemplateModels.TwoCharges().TotalDue);
    }

    [Fact]
    public void Ctor_NoCharges_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TemplateModel(
            TemplateModels.Creditor, new TemplateCustomer("Maria"), "d2", MessageTone.Friendly, [], new LocalDate(2026, 12, 7)));
    }
}

using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Tests.Templates;

public class PtBrFormatTests
{
    [Theory]
    [InlineData("1234.56", "R$ 1.234,56")]
    [InlineData("0.05", "R$ 0,05")]
    [InlineData("1000000", "R$ 1.000.000,00")]
    [InlineData("-1234.56", "-R$ 1.234,56")]
    [InlineData("0", "R$ 0,00")]
    [InlineData("999.99", "R$ 999,99")]
    [InlineData("1000", "R$ 1.000,00")]
    [InlineData("0.005", "R$ 0,01")]
    [InlineData("-0.005", "-R$ 0,01")]
    [InlineData("-0.004", "R$ 0,00")]
    [InlineData("999.995", "R$ 1.000,00")]
    [InlineData("12345678901.2", "R$ 12.345.678.901,20")]
    public void Money_Amount_FormatsBrazilianWithPlainSpace(string amount, string expected)
    {
        var text = PtBrFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, text);
        Assert.DoesNotContain('\u00A0', text);
    }

    [Fact]
    public void Money_DiffersFromDotNetPtBrOnlyByTheNonBreakingSpace()
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("pt-BR");
        var dotnet = 1234.56m.ToString("C", culture);

        Assert.Equal(dotnet.Replace('\u00A0', ' '), PtBrFormat.Money(1234.56m));
    }

    [Theory]
    [InlineData(2026, 1, 5, "05/01/2026")]
    [InlineData(2026, 12, 31, "31/12/2026")]
    [InlineData(999, 2, 3, "03/02/0999")]
    public void Date_FormatsDayMonthYear(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, PtBrFormat.Date(new LocalDate(year, month, day)));
    }

    [Theory]
    [InlineData("11222333000181", "11.222.333/0001-81")]
    [InlineData("11.222.333/0001-81", "11.222.333/0001-81")]
    [InlineData("12abc34501de35", "12.ABC.345/01DE-35")]
    public void Cnpj_FormatsWithMask(string cnpj, string expected)
    {
        Assert.Equal(expected, PtBrFormat.Cnpj(cnpj));
    }

    [Fact]
    public void Cnpj_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => PtBrFormat.Cnpj("1122233300018"));
    }

    [Theory]
    [InlineData(1, "1 dia")]
    [InlineData(0, "0 dias")]
    [InlineData(5, "5 dias")]
    public void Days_WritesSingularAndPlural(int days, string expected)
    {
        Assert.Equal(expected, PtBrFormat.Days(days));
    }
}

using Kolek.Reconciliation.Identifiers;

namespace Kolek.Reconciliation.Tests.Identifiers;

public class NossoNumeroTests
{
    [Theory]
    [InlineData("00000040101", "00000040101")]
    [InlineData(" 123 ", "123")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    public void Parse_Digits_KeepsThemAsWritten(string text, string value) => Assert.Equal(value, NossoNumero.Parse(text).Value.Value);

    [Theory]
    [InlineData("", "nosso_numero.empty")]
    [InlineData("123456789012345678901", "nosso_numero.format")]
    [InlineData("0000004P", "nosso_numero.format")]
    [InlineData("40101-7", "nosso_numero.format")]
    public void Parse_Invalid_ReportsWhy(string text, string code) => Assert.Equal(code, NossoNumero.Parse(text).ErrorCode);

    // Carteira 09 and the nosso número + check character of the Bradesco CNAB 400 return in the corpus
    // (cnab400/bradesco-brcobranca-crlf.ret, positions 71-82), including the 'P' for remainder 1.
    [Theory]
    [InlineData("09", "51350000004", 'P')]
    [InlineData("09", "51350000007", '4')]
    [InlineData("09", "51350000009", '0')]
    [InlineData("09", "51350000011", '2')]
    [InlineData("09", "50980000002", '8')]
    public void BradescoCheckDigit_MatchesTheBanksReturnFile(string carteira, string number, char digit) =>
        Assert.Equal(digit, NossoNumero.BradescoCheckDigit(carteira, number));

    [Fact]
    public void BradescoCheckDigit_WrongShapes_Throw()
    {
        Assert.Throws<ArgumentException>(() => NossoNumero.BradescoCheckDigit("9", "51350000004"));
        Assert.Throws<ArgumentException>(() => NossoNumero.BradescoCheckDigit("09", "5135000000"));
    }
}

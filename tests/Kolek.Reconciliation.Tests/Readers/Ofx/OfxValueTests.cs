using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Readers.Ofx;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Ofx;

public class OfxValueTests
{
    [Theory]
    [InlineData("239.55", "239.55")]
    [InlineData("-530,86", "-530.86")]
    [InlineData("            -11,76", "-11.76")]
    [InlineData("+47.01", "47.01")]
    [InlineData("-140", "-140")]
    [InlineData("-33.3", "-33.3")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("1.200.042", "1200042")]
    [InlineData(" 13318.36 ", "13318.36")]
    [InlineData(".5", "0.5")]
    [InlineData("- 2,5", "-2.5")]
    public void TryParse_BankAmounts_ReadsExactDecimal(string raw, string expected)
    {
        Assert.True(OfxAmount.TryParse(raw, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("            .  ")]
    [InlineData(",")]
    [InlineData("+")]
    [InlineData("1.23.4")]
    [InlineData("1,2,3.4.5")]
    [InlineData("12-3")]
    [InlineData("1e5")]
    [InlineData("99999999999999999999999999999999")]
    public void TryParse_Garbage_Fails(string raw) => Assert.False(OfxAmount.TryParse(raw, out _));

    [Theory]
    [InlineData("20231201", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201143022", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201143022.500", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201120000[-5:EST]", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201120000[0:GMT]", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201120000.123[-8:PST]", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201100000[-03:EST]", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201235959[-3:BRT]", nameof(OfxDateStatus.Valid))]
    [InlineData("20231201 junk", nameof(OfxDateStatus.ValidWithOddSuffix))]
    public void Parse_OfxDateTimes_KeepTheLocalDateAsWritten(string raw, string status)
    {
        Assert.Equal(Enum.Parse<OfxDateStatus>(status), OfxDate.Parse(raw, out var date));
        Assert.Equal(new LocalDate(2023, 12, 1), date);
    }

    [Theory]
    [InlineData("00000000", nameof(OfxDateStatus.Zero))]
    [InlineData("00000000000000", nameof(OfxDateStatus.Zero))]
    [InlineData("20230230", nameof(OfxDateStatus.Invalid))]
    [InlineData("2023-12-01", nameof(OfxDateStatus.Invalid))]
    [InlineData("", nameof(OfxDateStatus.Invalid))]
    public void Parse_NoDate_IsZeroOrInvalid(string raw, string status) =>
        Assert.Equal(Enum.Parse<OfxDateStatus>(status), OfxDate.Parse(raw, out _));

    [Theory]
    [InlineData("11222333000181", true)]
    [InlineData("12345678000195", true)]
    [InlineData("12ABC34501DE35", true)]
    [InlineData("12345678000196", false)]
    [InlineData("11111111111111", false)]
    public void IsCnpj_ChecksDigitsIncludingAlphanumeric(string value, bool valid) => Assert.Equal(valid, TaxIdScanner.IsCnpj(value));

    [Theory]
    [InlineData("12345678909", true)]
    [InlineData("12345678900", false)]
    [InlineData("00000000000", false)]
    public void IsCpf_ChecksDigits(string value, bool valid) => Assert.Equal(valid, TaxIdScanner.IsCpf(value));

    [Fact]
    public void Tokenize_EmptyElementBeforeNextTag_HasNoValueAndKeepsLines()
    {
        var nodes = OfxTokenizer.Tokenize("<LEDGERBAL>\r\n<BALAMT>\r\n<DTASOF>20190924\r</LEDGERBAL>");

        Assert.Equal(
            [("LEDGERBAL", (string?)null, 1), ("BALAMT", null, 2), ("DTASOF", "20190924", 3), ("LEDGERBAL", null, 4)],
            nodes.Select(n => (n.Name, n.Value, n.Line)));
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Identifiers;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Identifiers;

public class BoletoTests
{
    // Hand-made around the factor rollover; check digits computed by the demo data generator's Python functions
    // (samples/Kolek.Cli/tools/generate-demo-data.py), an implementation independent of ours.
    [Theory]
    [InlineData("00191.23454 67890.123457 67890.123457 1 99990000123456", "00191999900001234561234567890123456789012345", 9999, "2025-02-21", "1234.56")]
    [InlineData("00191.23454 67890.123457 67890.123457 7 10000000123456", "00197100000001234561234567890123456789012345", 1000, "2025-02-22", "1234.56")]
    [InlineData("00191.23454 67890.123457 67890.123457 8 10010000000005", "00198100100000000051234567890123456789012345", 1001, "2025-02-23", "0.05")]
    [InlineData("00191.23454 67890.123457 67890.123457 6 00000000099900", "00196000000000999001234567890123456789012345", 0, null, "999.00")]
    public void Parse_AroundTheRollover_ReadsEveryField(string line, string barcode, int factor, string? due, string amount)
    {
        var fromLine = LinhaDigitavel.Parse(line).Value;
        var bar = fromLine.ToBarcode();
        Assert.Equal(barcode, bar.Value);
        Assert.Equal(line, fromLine.Formatted);
        Assert.Equal(fromLine, bar.ToLinhaDigitavel());
        Assert.Equal("001", bar.BankCode);
        Assert.Equal(9, bar.CurrencyCode);
        Assert.Equal(factor, bar.DueFactor.Value);
        Assert.Equal(due is null ? null : LocalDate.FromDateTime(DateTime.Parse(due, CultureInfo.InvariantCulture)), bar.DueDate);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), bar.Amount);
        Assert.Equal("1234567890123456789012345", bar.FreeField);
        Assert.Equal(bar, Boleto.Parse(barcode).Value);
        Assert.Equal(bar, Boleto.Parse(line.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)).Value);
    }

    [Theory]
    [InlineData("2000-07-03", 1000)]
    [InlineData("2000-07-04", 1001)]
    [InlineData("2012-04-27", 5316)]
    [InlineData("2025-02-20", 9998)]
    [InlineData("2025-02-21", 9999)]
    [InlineData("2025-02-22", 1000)]
    [InlineData("2025-02-23", 1001)]
    [InlineData("2026-09-16", 1571)]
    [InlineData("2049-10-13", 9999)]
    [InlineData("2049-10-14", 1000)]
    public void DueFactor_FromDate_RestartsAt1000On20250222(string date, int factor)
    {
        var day = Date(date);
        Assert.Equal(factor, BoletoDueFactor.FromDate(day).Value);
        Assert.Equal(day, BoletoDueFactor.FromValue(factor).ToDate(day.PlusDays(-30)));
        Assert.Equal(day, BoletoDueFactor.FromValue(factor).ToDate(day.PlusDays(30)));
    }

    [Theory]
    [InlineData(9999, "2025-02-21")]
    [InlineData(1000, "2025-02-22")]
    [InlineData(5316, "2036-12-17")]
    [InlineData(5317, "2036-12-18")]
    public void DueFactor_ToDateWithoutReference_UsesTheWindowAroundTheRollover(int factor, string date) =>
        Assert.Equal(Date(date), BoletoDueFactor.FromValue(factor).ToDate());

    [Theory]
    [InlineData(5316, "2012-05-10", "2012-04-27")]
    [InlineData(9999, "2025-03-10", "2025-02-21")]
    [InlineData(1000, "2025-02-10", "2025-02-22")]
    [InlineData(9000, "2022-06-10", "2022-05-29")]
    [InlineData(9000, "2033-06-01", "2047-01-18")] // the window starts 2025-03-15, so 2022-05-29 is out and the next cycle wins
    [InlineData(1000, "2049-10-01", "2049-10-14")]
    public void DueFactor_ToDateNearReference_PicksTheCycleInTheWindow(int factor, string reference, string date)
    {
        Assert.Equal(Date(date), BoletoDueFactor.FromValue(factor).ToDate(Date(reference)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(999)]
    public void DueFactor_Below1000_MeansNoDueDate(int factor)
    {
        Assert.False(BoletoDueFactor.FromValue(factor).HasDueDate);
        Assert.Null(BoletoDueFactor.FromValue(factor).ToDate(Date("2026-01-01")));
    }

    [Fact]
    public void DueFactor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BoletoDueFactor.FromValue(10000));
        Assert.Throws<ArgumentOutOfRangeException>(() => BoletoDueFactor.FromDate(Date("2000-07-02")));
    }

    [Theory]
    [InlineData("00191.23454 67890.123457 67890.123457 1 99990000123457", "boleto.check_digit")]
    [InlineData("00191.23455 67890.123457 67890.123457 1 99990000123456", "boleto.field_check_digit")]
    [InlineData("00191.23454 67890.123458 67890.123457 1 99990000123456", "boleto.field_check_digit")]
    [InlineData("00191.23454 67890.123457 67890.123451 1 99990000123456", "boleto.field_check_digit")]
    [InlineData("00191.23454 67890.123457 67890.123457 1 9999000012345", "boleto.format")]
    [InlineData("00191.23454 67890.123457 67890.12345X 1 99990000123456", "boleto.format")]
    [InlineData("", "boleto.empty")]
    [InlineData("83640000001 1 33120138000 2 37000000000 7 10000000000 1", "boleto.not_bank_slip")]
    [InlineData("846700000017435900240209024050002435842210108119", "boleto.not_bank_slip")]
    public void LinhaDigitavelParse_Invalid_ReportsWhy(string text, string code)
    {
        Assert.Equal(code, LinhaDigitavel.Parse(text).ErrorCode);
        Assert.Equal(code, Boleto.Parse(text).ErrorCode);
    }

    [Theory]
    [InlineData("00191999900001234561234567890123456789012345", null)]
    [InlineData("00192999900001234561234567890123456789012345", "boleto.check_digit")]
    [InlineData("84670000001435900240209024050002435842210108", "boleto.not_bank_slip")]
    [InlineData("0019199990000123456123456789012345678901234", "boleto.format")]
    public void BarcodeParse_ChecksTheGeneralDigit(string text, string? code) => Assert.Equal(code, BoletoBarcode.Parse(text).ErrorCode);

    [Fact]
    public void NotBankSlip_SaysWhatItIs() =>
        Assert.Contains("not a bank boleto", Boleto.Parse("846700000017435900240209024050002435842210108119").Error, StringComparison.Ordinal);

    [Fact]
    public void Create_WritesTheFactorAndAmount()
    {
        var barcode = BoletoBarcode.Create("237", Date("2025-02-22"), 80.22m, "3381090000004010100274510");
        Assert.Equal("1000", barcode.Value[5..9]);
        Assert.Equal("0000008022", barcode.Value[9..19]);
        Assert.Equal("0000", BoletoBarcode.Create("237", null, 1m, "3381090000004010100274510").Value[5..9]);
        Assert.Throws<ArgumentOutOfRangeException>(() => BoletoBarcode.Create("237", null, 1.001m, "3381090000004010100274510"));
        Assert.Throws<ArgumentException>(() => BoletoBarcode.Create("23", null, 1m, "3381090000004010100274510"));
        Assert.Throws<ArgumentException>(() => BoletoBarcode.Create("237", null, 1m, "338109"));
    }

    [Fact]
    public void DemoCharges_EveryLinhaDigitavel_IsValidAndMatchesItsCharge()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "samples", "Kolek.Cli", "data", "charges.csv"));
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var checkedCount = 0;
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            var text = row[Column("linha_digitavel")];
            if (text.Length == 0)
            {
                continue;
            }

            var result = LinhaDigitavel.Parse(text);
            Assert.True(result.Success, $"{row[0]}: {result.Error}");
            var barcode = result.Value.ToBarcode();
            Assert.Equal(text, result.Value.Formatted);
            Assert.Equal("237", barcode.BankCode);
            Assert.Equal(decimal.Parse(row[Column("amount")], CultureInfo.InvariantCulture), barcode.Amount);
            var due = Date(row[Column("due_date")]);
            Assert.Equal(due, barcode.DueDate);
            Assert.Equal(due, barcode.DueDateNear(Date(row[Column("issue_date")])));
            Assert.Equal(row[Column("nosso_numero")], barcode.FreeField[6..17]);
            checkedCount++;
        }

        Assert.Equal(50, checkedCount);
    }

    [Property(MaxTest = 300)]
    public Property BarcodeAndLinhaDigitavel_RoundTrip() => Prop.ForAll(Barcodes(), barcode =>
    {
        var line = barcode.ToLinhaDigitavel();
        var reparsed = LinhaDigitavel.Parse(line.Formatted).Value;
        return reparsed == line
            && reparsed.ToBarcode() == barcode
            && BoletoBarcode.Parse(barcode.Value).Value == barcode
            && Boleto.Parse(line.Value).Value == barcode;
    });

    [Property(MaxTest = 300)]
    public Property LinhaDigitavel_DigitChangedInFieldsOneToFour_IsRejected() => Prop.ForAll(
        Barcodes(), Gen.Choose(0, 32).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(),
        (barcode, position, delta) =>
        {
            var line = barcode.ToLinhaDigitavel().Value;
            var changed = line[..position] + (char)('0' + ((line[position] - '0' + delta) % 10)) + line[(position + 1)..];
            return !LinhaDigitavel.TryParse(changed, out _) && !Boleto.Parse(changed).Success;
        });

    [Property(MaxTest = 200)]
    public Property Create_DueDate_ReadsBackNearAnyReferenceInTheWindow() => Prop.ForAll(
        Gen.Choose(0, 18000).ToArbitrary(), Gen.Choose(-5999, 3000).ToArbitrary(),
        (days, offset) =>
        {
            var due = BoletoDueFactor.FirstCycleStart.PlusDays(days);
            var barcode = BoletoBarcode.Create("341", due, 10m, "0000000000000000000000000");
            return barcode.DueDateNear(due.PlusDays(offset)) == due;
        });

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kolek.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kolek.sln not found above " + AppContext.BaseDirectory);
    }

    private static Arbitrary<BoletoBarcode> Barcodes() =>
        (from bank in Gen.Choose(0, 799)
         from days in Gen.Choose(-1, 18000)
         from cents in Gen.Choose(0, int.MaxValue)
         from free in Gen.ArrayOf(Gen.Choose(0, 9), 25)
         select BoletoBarcode.Create(
             bank.ToString("D3", CultureInfo.InvariantCulture),
             days < 0 ? null : BoletoDueFactor.FirstCycleStart.PlusDays(days),
             cents / 100m,
             string.Concat(free))).ToArbitrary();

    private static LocalDate Date(string text) => LocalDate.FromDateTime(DateTime.Parse(text, CultureInfo.InvariantCulture));
}

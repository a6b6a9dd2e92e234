using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Identifiers;

namespace Kolek.Reconciliation.Tests.Identifiers;

public class TaxIdTests
{
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Theory]
    [InlineData("123.456.789-09", "12345678909")]
    [InlineData("12345678909", "12345678909")]
    [InlineData(" 529.982.247-25 ", "52998224725")]
    [InlineData("111.444.777-35", "11144477735")]
    public void CpfParse_Valid_GivesBareAndFormatted(string text, string bare)
    {
        var cpf = Cpf.Parse(text).Value;
        Assert.Equal(bare, cpf.Value);
        Assert.Equal($"{bare[..3]}.{bare[3..6]}.{bare[6..9]}-{bare[9..]}", cpf.Formatted);
        Assert.Equal(cpf.Formatted, cpf.ToString());
    }

    [Theory]
    [InlineData(null, "cpf.empty")]
    [InlineData("  ", "cpf.empty")]
    [InlineData("123.456.789-00", "cpf.check_digits")]
    [InlineData("12345678919", "cpf.check_digits")]
    [InlineData("111.111.111-11", "cpf.repeated")]
    [InlineData("00000000000", "cpf.repeated")]
    [InlineData("1234567890", "cpf.format")]
    [InlineData("123.456.789.09", "cpf.format")]
    [InlineData("123456789-09", "cpf.format")]
    [InlineData("1234567890A", "cpf.format")]
    public void CpfParse_Invalid_ReportsWhy(string? text, string code)
    {
        var result = Cpf.Parse(text);
        Assert.False(result.Success);
        Assert.Equal(code, result.ErrorCode);
        Assert.False(Cpf.TryParse(text, out _));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void CpfParse_WrongCheckDigits_NamesTheExpectedOnes()
    {
        var result = Cpf.Parse("123.456.789-00");
        Assert.Contains("give 09", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.345.678/0001-95", "12345678000195", false)]
    [InlineData("11222333000181", "11222333000181", false)]
    [InlineData("12.ABC.345/01DE-35", "12ABC34501DE35", true)]
    [InlineData("12ABC34501DE35", "12ABC34501DE35", true)]
    [InlineData("12.abc.345/01de-35", "12ABC34501DE35", true)]
    public void CnpjParse_Valid_GivesBareFormattedAndParts(string text, string bare, bool alphanumeric)
    {
        var cnpj = Cnpj.Parse(text).Value;
        Assert.Equal(bare, cnpj.Value);
        Assert.Equal($"{bare[..2]}.{bare[2..5]}.{bare[5..8]}/{bare[8..12]}-{bare[12..]}", cnpj.Formatted);
        Assert.Equal(bare[..8], cnpj.Root);
        Assert.Equal(bare[8..12], cnpj.Branch);
        Assert.Equal(alphanumeric, cnpj.IsAlphanumeric);
    }

    [Theory]
    [InlineData("12.345.678/0001-96", "cnpj.check_digits")]
    [InlineData("12ABC34501DE53", "cnpj.check_digits")]
    [InlineData("12ABC34501DF35", "cnpj.check_digits")]
    [InlineData("00.000.000/0000-00", "cnpj.repeated")]
    [InlineData("11111111111111", "cnpj.repeated")]
    [InlineData("12ABC34501DE3A", "cnpj.format")]
    [InlineData("12.ABC.345/01DE-3", "cnpj.format")]
    [InlineData("12-ABC-345/01DE-35", "cnpj.format")]
    [InlineData("12ÀBC34501DE35", "cnpj.format")]
    [InlineData("", "cnpj.empty")]
    public void CnpjParse_Invalid_ReportsWhy(string text, string code) => Assert.Equal(code, Cnpj.Parse(text).ErrorCode);

    [Theory]
    [InlineData("123.456.789-09", TaxIdKind.Cpf, "123.456.789-09")]
    [InlineData("12345678000195", TaxIdKind.Cnpj, "12.345.678/0001-95")]
    [InlineData("12.ABC.345/01DE-35", TaxIdKind.Cnpj, "12.ABC.345/01DE-35")]
    public void TaxIdParse_EitherDocument_PicksTheKind(string text, TaxIdKind kind, string formatted)
    {
        var taxId = TaxId.Parse(text).Value;
        Assert.Equal(kind, taxId.Kind);
        Assert.Equal(formatted, taxId.Formatted);
        if (kind == TaxIdKind.Cpf)
        {
            Assert.Equal(taxId, (TaxId)taxId.AsCpf());
            Assert.Throws<InvalidOperationException>(() => taxId.AsCnpj());
        }
        else
        {
            Assert.Equal(taxId, (TaxId)taxId.AsCnpj());
            Assert.Throws<InvalidOperationException>(() => taxId.AsCpf());
        }
    }

    [Theory]
    [InlineData("123.456.789-00", "cpf.check_digits")]
    [InlineData("12.345.678/0001-96", "cnpj.check_digits")]
    [InlineData("123456789", "taxid.format")]
    [InlineData(null, "taxid.empty")]
    public void TaxIdParse_Invalid_KeepsTheDocumentsReason(string? text, string code) => Assert.Equal(code, TaxId.Parse(text).ErrorCode);

    [Fact]
    public void Default_IsNotAValidDocument()
    {
        Assert.Null(default(Cpf).Value);
        Assert.Equal(string.Empty, default(Cnpj).Formatted);
        Assert.Equal(string.Empty, default(TaxId).Formatted);
    }

    [Property(MaxTest = 300)]
    public Property CpfParse_GeneratedValid_AlwaysParsesMaskedAndBare() => Prop.ForAll(CpfBases(), base9 =>
    {
        var bare = OracleCpf(base9);
        var masked = $"{bare[..3]}.{bare[3..6]}.{bare[6..9]}-{bare[9..]}";
        return Cpf.Parse(bare).Value.Value == bare && Cpf.Parse(masked).Value.Value == bare;
    });

    [Property(MaxTest = 300)]
    public Property CpfParse_CheckDigitChanged_IsAlwaysRejected() => Prop.ForAll(
        CpfBases(), Gen.Choose(9, 10).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(),
        (base9, position, delta) => !Cpf.TryParse(ChangeDigit(OracleCpf(base9), position, delta), out _));

    /// <summary>
    /// A changed body digit is rejected exactly when an independent oracle says the check digits no longer fit. Modulo 11
    /// with "remainder 0 or 1 gives 0" cannot catch every change (see <see cref="CpfParse_BlindSpotOfModulo11_IsAccepted"/>),
    /// so "always rejected" would be false; the parser must agree with the arithmetic, and most changes are caught.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property CpfParse_BodyDigitChanged_RejectedUnlessTheArithmeticCannotSee() => Prop.ForAll(
        CpfBases(), Gen.Choose(0, 8).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(),
        (base9, position, delta) =>
        {
            var changed = ChangeDigit(OracleCpf(base9), position, delta);
            var stillFits = OracleCpf(changed[..9]) == changed && changed.Distinct().Count() > 1;
            return Cpf.TryParse(changed, out _) == stillFits;
        });

    [Fact]
    public void CpfParse_BlindSpotOfModulo11_IsAccepted()
    {
        // 725.707.729-xx: lowering the first digit moves the first remainder from 0 to 1 (both give 0) and the second
        // sum by 11: both check digits stay, so the typo cannot be detected by any CPF validator.
        var valid = OracleCpf("725707729");
        var typo = "6" + valid[1..];
        Assert.True(Cpf.TryParse(valid, out _));
        Assert.True(Cpf.TryParse(typo, out _));
    }

    [Fact]
    public void CnpjParse_SixAndAAreWorth11Apart_SoSwappingThemIsNotDetected()
    {
        // '6' is worth 6 and 'A' 17 (ASCII − 48): the difference is 11, invisible to modulo 11 at every weight.
        var valid = OracleCnpj("12ABC34501DE");
        var swapped = valid.Replace('A', '6');
        Assert.Equal("12.ABC.345/01DE-35", Cnpj.Parse(valid).Value.Formatted);
        Assert.True(Cnpj.TryParse(swapped, out var other));
        Assert.Equal("126BC34501DE35", other.Value);
    }

    [Property(MaxTest = 300)]
    public Property CnpjParse_GeneratedValid_AlwaysParses() => Prop.ForAll(CnpjBases(), base12 =>
    {
        var bare = OracleCnpj(base12);
        var masked = $"{bare[..2]}.{bare[2..5]}.{bare[5..8]}/{bare[8..12]}-{bare[12..]}";
        var parsed = Cnpj.Parse(masked).Value;
        return parsed.Value == bare && TaxId.Parse(bare).Value.Kind == TaxIdKind.Cnpj;
    });

    [Property(MaxTest = 300)]
    public Property CnpjParse_CheckDigitChanged_IsAlwaysRejected() => Prop.ForAll(
        CnpjBases(), Gen.Choose(12, 13).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(),
        (base12, position, delta) => !Cnpj.TryParse(ChangeDigit(OracleCnpj(base12), position, delta), out _));

    /// <summary>As for the CPF: a changed body character is rejected exactly when the oracle's check digits no longer fit.</summary>
    [Property(MaxTest = 300)]
    public Property CnpjParse_BodyCharacterChanged_RejectedUnlessTheArithmeticCannotSee() => Prop.ForAll(
        CnpjBases(), Gen.Choose(0, 11).ToArbitrary(), Gen.Choose(1, 35).ToArbitrary(),
        (base12, position, delta) =>
        {
            var valid = OracleCnpj(base12);
            var replacement = Alphanumerics[(Alphanumerics.IndexOf(valid[position], StringComparison.Ordinal) + delta) % 36];
            var changed = valid[..position] + replacement + valid[(position + 1)..];
            var stillFits = OracleCnpj(changed[..12]) == changed && changed.Distinct().Count() > 1;
            return Cnpj.TryParse(changed, out _) == stillFits;
        });

    private static Arbitrary<string> CpfBases() =>
        Gen.ArrayOf(Gen.Choose(0, 9), 9).Select(d => string.Concat(d)).Where(b => b.Distinct().Count() > 1).ToArbitrary();

    private static Arbitrary<string> CnpjBases() =>
        Gen.ArrayOf(Gen.Elements(Alphanumerics.ToCharArray()), 12).Select(c => new string(c)).Where(b => b.Distinct().Count() > 1).ToArbitrary();

    private static string ChangeDigit(string text, int position, int delta) =>
        text[..position] + (char)('0' + ((text[position] - '0' + delta) % 10)) + text[(position + 1)..];

    /// <summary>An independent CPF oracle: weights 10..2 then 11..2, digit = (sum × 10) mod 11, 10 → 0.</summary>
    private static string OracleCpf(string base9)
    {
        var digits = base9.Select(c => c - '0').ToList();
        foreach (var top in new[] { 10, 11 })
        {
            var sum = digits.Select((d, i) => d * (top - i)).Sum();
            var r = sum * 10 % 11;
            digits.Add(r == 10 ? 0 : r);
        }

        return string.Concat(digits);
    }

    /// <summary>An independent CNPJ oracle with the Receita Federal weight tables and ASCII − 48 values.</summary>
    private static string OracleCnpj(string base12)
    {
        int[] first = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        int[] second = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        var text = base12;
        foreach (var weights in new[] { first, second })
        {
            var r = text.Select((c, i) => (c - 48) * weights[i]).Sum() % 11;
            text += r < 2 ? "0" : (11 - r).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return text;
    }
}

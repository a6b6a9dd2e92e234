using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Readers.Internal;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

/// <summary>The byte-level field helpers behind the CNAB readers' fast paths mean what the string operations they replace meant.</summary>
public class CnabFieldTests
{
    /// <summary>Latin-1 white space of every kind <see cref="char.IsWhiteSpace(char)"/> knows, and a few non-blank bytes.</summary>
    private static readonly byte[] s_alphabet = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1C, 0x00, (byte)'0', (byte)'A', 0xC7, 0xFF];

    [Property(MaxTest = 500)]
    public Property Trim_IsStringTrimOverLatin1() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(s_alphabet)).ToArbitrary(), bytes =>
        {
            var text = Encoding.Latin1.GetString(bytes);
            return Encoding.Latin1.GetString(CnabBytes.Trim(bytes)) == text.Trim()
                && Encoding.Latin1.GetString(CnabBytes.TrimEnd(bytes)) == text.TrimEnd();
        });

    /// <summary>Mostly spaces, the usual padding, with now and then another white space or a non-blank byte: the fast
    /// paths (a blank field of 8–15 bytes read as two words, spaces searched for alone) and their fallbacks.</summary>
    private static readonly byte[] s_padded = [0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x09, 0xA0, 0x85, (byte)'0', (byte)'A', 0xC7];

    [Property(MaxTest = 1000)]
    public Property Trim_SpacePaddedFields_IsStringTrim() =>
        Prop.ForAll(Gen.Choose(0, 48).SelectMany(n => Gen.ArrayOf(Gen.Elements(s_padded), n)).ToArbitrary(), bytes =>
        {
            var text = Encoding.Latin1.GetString(bytes);
            return Encoding.Latin1.GetString(CnabBytes.Trim(bytes)) == text.Trim();
        });

    [Fact]
    public void IsWhiteSpace_EveryByte_IsCharIsWhiteSpaceOfLatin1() =>
        Assert.All(Enumerable.Range(0, 256), b => Assert.Equal(char.IsWhiteSpace((char)b), CnabBytes.IsWhiteSpace((byte)b)));

    [Property(MaxTest = 500)]
    public Property AllZeros_IsEveryByteZero() =>
        Prop.ForAll(Gen.Choose(0, 24).SelectMany(n => Gen.ArrayOf(Gen.Elements((byte)'0', (byte)'0', (byte)'0', (byte)'1', (byte)' ', (byte)'A'), n)).ToArbitrary(),
            bytes => CnabBytes.AllZeros(bytes) == bytes.All(b => b == (byte)'0'));

    [Theory]
    [InlineData("        ")]
    [InlineData("             ")]
    [InlineData("               ")]
    [InlineData("      \t      ")]
    [InlineData("\u00A0            ")]
    [InlineData("      7      ")]
    [InlineData("                ")]
    [InlineData(" \t  NOME   \u00A0        ")]
    [InlineData("   NOME DO PAGADOR                     ")]
    public void Trim_BlankOrPaddedField_IsStringTrim(string field)
    {
        var bytes = Encoding.Latin1.GetBytes(field);
        Assert.Equal(field.Trim(), Encoding.Latin1.GetString(CnabBytes.Trim(bytes)));
    }

    [Fact]
    public void Date_WithMemo_GivesEachRecordItsOwnDate_AndReportsEveryMalformedOne()
    {
        var memo = new CnabDateMemo();
        var bag = new DiagnosticBag();
        var span = new CnabSpan(1, 6);
        LocalDate? Read(string raw) => new CnabFieldReader(Encoding.Latin1.GetBytes(raw), 1, bag).Date(span, "data", CnabDateFormat.DayMonthYear2, memo);

        Assert.Equal(new LocalDate(2025, 4, 2), Read("020425"));
        Assert.Equal(new LocalDate(2025, 4, 2), Read("020425"));
        Assert.Equal(new LocalDate(2025, 4, 3), Read("030425"));
        Assert.Null(Read("310225"));
        Assert.Null(Read("310225"));
        Assert.Null(Read("000000"));
        Assert.Null(Read("      "));
        Assert.Equal(new LocalDate(2025, 4, 3), Read("030425"));
        Assert.Equal(new LocalDate(2025, 4, 3), Read(" 030425".Trim()));
        Assert.Equal(2, bag.ToList().Count(d => d.Code == "cnab.date.invalid"));
    }

    [Fact]
    public void Money_AllDigitsOrPadded_ReadsAsDecimalDivisionWould()
    {
        var bag = new DiagnosticBag();
        decimal? Read(string raw) => new CnabFieldReader(Encoding.Latin1.GetBytes(raw), 1, bag).Money(new CnabSpan(1, raw.Length), "valor");

        Assert.Equal(123.45m, Read("0000000012345"));
        Assert.Equal("123.4", Read("0000000012340")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("123", Read("0000000012300")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0m, Read("0000000000000"));
        Assert.Equal(1.5m, Read("     150"));
        Assert.Null(Read("             "));
        Assert.Null(Read("00000001234X5"));
        Assert.Single(bag.ToList(), d => d.Code == "cnab.amount.invalid");
    }

    [Fact]
    public void Occurrences_NumberedAndOtherCodes_KeepTheirMeaningAndAreMadeOncePerFile()
    {
        var occurrences = new CnabOccurrences(CnabOccurrenceTables.Bradesco, new HashSet<string> { "06" });

        var first = occurrences.Get("06"u8);
        Assert.Same(first, occurrences.Get("06"u8));
        Assert.Equal("Liquidação normal", first.Value.Description);
        Assert.True(first.IsSettlement);
        Assert.False(occurrences.Get("02"u8).IsSettlement);
        Assert.Equal("Ocorrência desconhecida", occurrences.Get("A1"u8).Value.Description);
        Assert.Same(occurrences.Get("A1"u8), occurrences.Get("A1"u8));
        Assert.Equal("0A", occurrences.Get("0A"u8).Code);
    }
}

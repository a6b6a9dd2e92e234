using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Identifiers;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Tests.Readers.Internal;

/// <summary><see cref="TaxIdScanner.Find"/> looks for bare numbers in ASCII text without its regular expression: it must
/// return exactly what the two patterns, tried in their order, return.</summary>
public class TaxIdScannerPropertyTests
{
    private static readonly string[] Pieces =
    [
        " ", " - ", ".", ",", "/", "-", "*", "•", "_", "a", "Z", "é", "\u0663", "\u200D", "\t", "0", "7", "PIX ", "CPF:",
        "12345678909", "11222333000181", "12345678900", "11111111111", "123.456.789-09", "11.222.333/0001-81",
        "12.ABC.345/01DE-35", "•••.456.789-••",
    ];

    [Property(MaxTest = 3000)]
    public Property Find_GivesWhatThePatternsGive() => Prop.ForAll(Texts(), text => TaxIdScanner.Find(text) == Reference(text));

    [Theory]
    [InlineData("PIX RECEBIDO - CLIENTE 2 - 10000000280")]
    [InlineData("12345678909")]
    [InlineData("x12345678909")]
    [InlineData("12345678909.1")]
    [InlineData("12345678909.")]
    [InlineData("-12345678909 11222333000181")]
    [InlineData("12345678909_ 11222333000181*")]
    [InlineData("112223330001811 12345678909")]
    [InlineData("1234567890912345678909 ,12345678909,")]
    public void Find_Examples_GiveWhatThePatternsGive(string text) => Assert.Equal(Reference(text), TaxIdScanner.Find(text));

    private static Arbitrary<string> Texts() =>
        Gen.ListOf(Gen.OneOf(
                Gen.Elements(Pieces),
                Gen.ArrayOf(Gen.Choose(0, 9), 9).Select(d => string.Concat(d)).Select(b => b + Cpf.CheckDigits(b)),
                Gen.Choose(1, 16).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n)).Select(d => string.Concat(d))))
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    /// <summary>The scan as the regular expressions alone give it.</summary>
    private static string? Reference(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains('.', StringComparison.Ordinal) && text.Contains('-', StringComparison.Ordinal))
        {
            foreach (var m in TaxIdScanner.Formatted().EnumerateMatches(text))
            {
                var kept = new StringBuilder();
                foreach (var c in text.AsSpan(m.Index, m.Length))
                {
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        kept.Append(char.ToUpperInvariant(c));
                    }
                }

                var bare = kept.ToString();
                if ((bare.Length == 11 && TaxIdScanner.IsCpf(bare)) || (bare.Length == 14 && TaxIdScanner.IsCnpj(bare)))
                {
                    return bare;
                }
            }
        }

        foreach (var m in TaxIdScanner.Bare().EnumerateMatches(text))
        {
            var value = text.Substring(m.Index, m.Length);
            if ((m.Length == 11 && TaxIdScanner.IsCpf(value)) || (m.Length == 14 && TaxIdScanner.IsCnpj(value)))
            {
                return value;
            }
        }

        return null;
    }
}

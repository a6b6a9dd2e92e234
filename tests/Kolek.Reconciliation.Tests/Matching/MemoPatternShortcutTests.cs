using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Matching.Internal;

namespace Kolek.Reconciliation.Tests.Matching;

/// <summary>The matcher reads a memo pattern's reference from the match itself, without captures, only when the
/// pattern's <c>ref</c> group is the whole match; these tests pin down which patterns qualify and that the shortcut
/// finds the same references as the captures.</summary>
public class MemoPatternShortcutTests
{
    [Fact]
    public void DefaultPatterns_LinhaDigitavelPrefixedCodeAndTxidAreWholeMatches()
    {
        var whole = MatchingOptions.DefaultMemoPatterns.Select(MatcherSettings.IsWholeMatchReference).ToArray();

        Assert.Equal([true, false, false, true, true], whole);
    }

    [Theory]
    [InlineData(@"(?<ref>\d+)", true)]
    [InlineData(@"\b(?<ref>[A-Z]{3}\d+)\b", true)]
    [InlineData(@"(?i)\b(?<ref>nf[)(]\d+)\b", true)]
    [InlineData(@"CLI#(?<ref>\d+)", false)]
    [InlineData(@"(?<ref>\d+)-X", false)]
    [InlineData(@"(?<ref>\d+)(X)", false)]
    [InlineData(@"(?<ref>\d+)+", false)]
    [InlineData(@"(?<ref>a)|(?<ref>b)", false)]
    [InlineData(@"(?<ref>a(?<ref>b))", false)]
    [InlineData(@"(?<ref>\d+\))", true)]
    [InlineData(@"(?<ref>\d+\\)\b", true)]
    [InlineData(@"\d+", false)]
    public void IsWholeMatchReference_OnlyForAGroupSpanningThePattern(string pattern, bool expected) =>
        Assert.Equal(expected, MatcherSettings.IsWholeMatchReference(pattern));

    private static readonly string[] s_tokens =
    [
        "PIX", "QR", "RECEBIDO", "INV-12", "ped-0007", "NF", "4521", "-", " ", "  ", ".", "/", "nosso", "numero",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", "c3e0e7a4e7f1469a9f782d3d4999343c", "7978c0c97ea847e78e8849634473c1f1X9",
        "23790", "12345.67890 12345.678901 12345.678901 1 12345678901234", "•••.123.456-••", "_", "é",
    ];

    /// <summary>For every default pattern the shortcut applies to, the matches' text equals the <c>ref</c> captures.</summary>
    [Property(MaxTest = 300)]
    public Property WholeMatchPatterns_MatchTextEqualsRefCapture() => Prop.ForAll(
        Gen.ListOf(Gen.Elements(s_tokens)).Select(t => string.Concat(t)).ToArbitrary(),
        description => MatchingOptions.DefaultMemoPatterns.Where(MatcherSettings.IsWholeMatchReference).All(p =>
        {
            var regex = MatchingOptionsValidator.CompilePattern(p);
            var captured = regex.Matches(description).Select(m => m.Groups["ref"].Value);
            var matched = new List<string>();
            foreach (var match in regex.EnumerateMatches(description))
            {
                matched.Add(description.Substring(match.Index, match.Length));
            }

            return captured.SequenceEqual(matched);
        }));
}

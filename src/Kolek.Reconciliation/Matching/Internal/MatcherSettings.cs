using System.Text.RegularExpressions;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>An immutable, validated copy of <see cref="MatchingOptions"/> with the memo patterns compiled.</summary>
internal sealed class MatcherSettings
{
    private static readonly System.Buffers.SearchValues<char> s_inlineOptions = System.Buffers.SearchValues.Create("imnsx-");

    public MatcherSettings(MatchingOptions options)
    {
        FeeTolerance = options.FeeTolerance;
        DateWindowDays = options.DateWindowDays;
        MemoPatterns = [.. options.MemoPatterns.Select(MatchingOptionsValidator.CompilePattern)];
        ReferenceIsWholeMatch = [.. options.MemoPatterns.Select(IsWholeMatchReference)];
        MinimumMemoReferenceLength = options.MinimumMemoReferenceLength;
        MaxSubsetItems = options.MaxSubsetItems;
        SubsetSearchBudget = options.SubsetSearchBudget;
        MaxSuggestions = options.MaxSuggestions;
        MaxDegreeOfParallelism = options.MaxDegreeOfParallelism;
        Currency = options.Currency;
        Wording = Wording.For(options.ExplanationLanguage);
        AdjustDueDate = options.AdjustDueDate ?? LateCharges.NextMondayIfWeekend;
    }

    public decimal FeeTolerance { get; }

    public int DateWindowDays { get; }

    public IReadOnlyList<Regex> MemoPatterns { get; }

    /// <summary>Per memo pattern, whether its <c>ref</c> group is the whole match (see <see cref="IsWholeMatchReference"/>).</summary>
    public IReadOnlyList<bool> ReferenceIsWholeMatch { get; }

    public int MinimumMemoReferenceLength { get; }

    public int MaxSubsetItems { get; }

    public int SubsetSearchBudget { get; }

    public int MaxSuggestions { get; }

    /// <summary>How many threads a run may use (1: the calling thread only).</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Open items per thread below which their scan is not worth splitting (lowered by tests, to split small
    /// inputs).</summary>
    public int MinItemsPerThread { get; init; } = 32_768;

    /// <summary>Credits per thread below which their evaluations are not worth splitting (lowered by tests).</summary>
    public int MinCreditsPerThread { get; init; } = 1024;

    /// <summary>The open items' currency: credits in another are ignored.</summary>
    public string Currency { get; }

    /// <summary>Whether a transaction's amount is in <see cref="Currency"/> (no currency stated is BRL).</summary>
    public bool InItemsCurrency(Statements.BankTransaction transaction) =>
        string.Equals(transaction.Currency ?? MatchingDefaults.Currency, Currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>The explanations' language.</summary>
    public Wording Wording { get; }

    public Func<LocalDate, LocalDate> AdjustDueDate { get; }

    /// <summary>Whether a pattern is <c>(?&lt;ref&gt;…)</c> alone, optionally after inline options such as <c>(?i)</c> and
    /// between <c>\b</c> anchors: then the reference is the whole match, and the matcher finds matches without asking
    /// the non-backtracking engine for captures (the costly part of its matching).</summary>
    internal static bool IsWholeMatchReference(string pattern)
    {
        var body = pattern.AsSpan();
        if (body.StartsWith("(?") && body.IndexOf(')') is var close and > 2 && !body[2..close].ContainsAnyExcept(s_inlineOptions))
        {
            body = body[(close + 1)..];
        }

        if (body.StartsWith(@"\b"))
        {
            body = body[2..];
        }

        if (body.EndsWith(@"\b") && !body.EndsWith(@"\\b"))
        {
            body = body[..^2];
        }

        // Another group named ref inside, or free-spacing mode (comments), could make the group differ from the match.
        if (!body.StartsWith("(?<ref>") || !body.EndsWith(")") || body[1..].Contains("(?<ref>", StringComparison.Ordinal)
            || body[1..].Contains("(?'ref'", StringComparison.Ordinal) || pattern.Contains('x', StringComparison.Ordinal) && pattern.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }

        // The group opened at the start must close at the last character.
        var depth = 0;
        for (var i = 0; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = EndOfClass(body, i);
                    if (i < 0)
                    {
                        return false;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    if (depth == 0 && i != body.Length - 1)
                    {
                        return false;
                    }

                    break;
            }
        }

        return depth == 0;
    }

    /// <summary>The position of the <c>]</c> closing the character class opened at <paramref name="open"/>; -1 when none.</summary>
    private static int EndOfClass(ReadOnlySpan<char> pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                continue;
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }
}

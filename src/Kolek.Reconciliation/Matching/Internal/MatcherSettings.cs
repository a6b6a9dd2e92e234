using System.Text.RegularExpressions;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>An immutable, validated copy of <see cref="MatchingOptions"/> with the memo patterns compiled.</summary>
internal sealed class MatcherSettings
{
    public MatcherSettings(MatchingOptions options)
    {
        FeeTolerance = options.FeeTolerance;
        DateWindowDays = options.DateWindowDays;
        MemoPatterns = [.. options.MemoPatterns.Select(MatchingOptionsValidator.CompilePattern)];
        MinimumMemoReferenceLength = options.MinimumMemoReferenceLength;
        MaxSubsetItems = options.MaxSubsetItems;
        SubsetSearchBudget = options.SubsetSearchBudget;
        MaxSuggestions = options.MaxSuggestions;
        AdjustDueDate = options.AdjustDueDate ?? LateCharges.NextMondayIfWeekend;
    }

    public decimal FeeTolerance { get; }

    public int DateWindowDays { get; }

    public IReadOnlyList<Regex> MemoPatterns { get; }

    public int MinimumMemoReferenceLength { get; }

    public int MaxSubsetItems { get; }

    public int SubsetSearchBudget { get; }

    public int MaxSuggestions { get; }

    public Func<LocalDate, LocalDate> AdjustDueDate { get; }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kolek.Reconciliation.Matching;

/// <summary>Checks <see cref="MatchingOptions"/> and reports every problem at once.</summary>
internal sealed class MatchingOptionsValidator : IValidateOptions<MatchingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (property, message) in Errors(options))
        {
            builder.AddError(message, property);
        }

        return builder.Build();
    }

    /// <summary>Every problem of <paramref name="options"/>, as (property, message) pairs; empty when valid.</summary>
    public static IReadOnlyList<(string Property, string Message)> Errors(MatchingOptions options)
    {
        var errors = new List<(string, string)>();
        if (options.FeeTolerance < 0m)
        {
            errors.Add((nameof(MatchingOptions.FeeTolerance), "must be zero or more."));
        }

        if (options.DateWindowDays is < 0 or > MatchingDefaults.MaxDateWindowDays)
        {
            errors.Add((nameof(MatchingOptions.DateWindowDays), Invariant($"must be between 0 and {MatchingDefaults.MaxDateWindowDays}.")));
        }

        if (options.MinimumMemoReferenceLength < 1)
        {
            errors.Add((nameof(MatchingOptions.MinimumMemoReferenceLength), "must be at least 1."));
        }

        if (options.MaxSubsetItems is < 0 or > MatchingDefaults.MaxSubsetItemsLimit)
        {
            errors.Add((nameof(MatchingOptions.MaxSubsetItems), Invariant($"must be between 0 and {MatchingDefaults.MaxSubsetItemsLimit}.")));
        }

        if (options.SubsetSearchBudget < 1)
        {
            errors.Add((nameof(MatchingOptions.SubsetSearchBudget), "must be at least 1."));
        }

        if (options.MaxSuggestions < 1)
        {
            errors.Add((nameof(MatchingOptions.MaxSuggestions), "must be at least 1."));
        }

        if (options.MaxDegreeOfParallelism is < 1 or > MatchingDefaults.MaxDegreeOfParallelismLimit)
        {
            errors.Add((nameof(MatchingOptions.MaxDegreeOfParallelism), Invariant($"must be between 1 and {MatchingDefaults.MaxDegreeOfParallelismLimit}.")));
        }

        if (options.Currency is not { Length: 3 } currency || !char.IsAsciiLetterUpper(currency[0]) || !char.IsAsciiLetterUpper(currency[1]) || !char.IsAsciiLetterUpper(currency[2]))
        {
            errors.Add((nameof(MatchingOptions.Currency), "must be an ISO 4217 code of three upper-case letters, such as BRL."));
        }

        if (!Enum.IsDefined(options.ExplanationLanguage))
        {
            errors.Add((nameof(MatchingOptions.ExplanationLanguage), "must be PortugueseBrazil or English."));
        }

        if (options.MemoPatterns is null)
        {
            errors.Add((nameof(MatchingOptions.MemoPatterns), "must not be null."));
        }
        else
        {
            for (var i = 0; i < options.MemoPatterns.Count; i++)
            {
                var problem = PatternProblem(options.MemoPatterns[i]);
                if (problem is not null)
                {
                    errors.Add((Invariant($"{nameof(MatchingOptions.MemoPatterns)}[{i}]"), problem));
                }
            }
        }

        return errors;
    }

    /// <summary>Compiles a memo pattern the way the matcher does.</summary>
    public static Regex CompilePattern(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static string? PatternProblem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "must not be empty.";
        }

        try
        {
            _ = CompilePattern(pattern);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return "is not a valid non-backtracking regular expression: " + e.Message;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

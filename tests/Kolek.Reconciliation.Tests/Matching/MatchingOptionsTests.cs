using Kolek.Reconciliation.Matching;

namespace Kolek.Reconciliation.Tests.Matching;

public class MatchingOptionsTests
{
    [Fact]
    public void Ctor_Ok()
    {
        var options = new MatchingOptions();

        Assert.Equal(0m, options.FeeTolerance);
        Assert.Equal(30, options.DateWindowDays);
        Assert.Equal(MatchingOptions.DefaultMemoPatterns, options.MemoPatterns);
        Assert.Equal(3, options.MinimumMemoReferenceLength);
        Assert.Equal(20, options.MaxSubsetItems);
        Assert.Equal(100_000, options.SubsetSearchBudget);
        Assert.Equal(5, options.MaxSuggestions);
        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
        Assert.Null(options.AdjustDueDate);
        Assert.Equal("BRL", options.Currency);
    }

    [Theory]
    [InlineData("BRL", true)]
    [InlineData("EUR", true)]
    [InlineData("brl", false)]
    [InlineData("BR", false)]
    [InlineData("REAL", false)]
    [InlineData("B1L", false)]
    [InlineData(null, false)]
    public void Validate_Currency_ThreeUpperCaseLetters(string? currency, bool valid)
    {
        var result = new MatchingOptionsValidator().Validate(null, new MatchingOptions { Currency = currency! });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Validate_DefaultOptions_Succeeds()
    {
        Assert.True(new MatchingOptionsValidator().Validate(null, new MatchingOptions()).Succeeded);
    }

    [Fact]
    public void Validate_InvalidOptions_ReportsEveryError()
    {
        var options = new MatchingOptions
        {
            FeeTolerance = -1m,
            DateWindowDays = 5000,
            MinimumMemoReferenceLength = 0,
            MaxSubsetItems = 41,
            SubsetSearchBudget = 0,
            MaxSuggestions = 0,
            MaxDegreeOfParallelism = 0,
            MemoPatterns = ["(unclosed", " "],
            Currency = "brl",
        };

        var result = new MatchingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "FeeTolerance", "DateWindowDays", "MinimumMemoReferenceLength", "MaxSubsetItems", "SubsetSearchBudget",
                "MaxSuggestions", "MaxDegreeOfParallelism", "Currency", "MemoPatterns[0]", "MemoPatterns[1]",
            ],
            result.Failures!.Select(f => f.Split(' ')[1].TrimEnd(':')));
    }

    [Fact]
    public void Matcher_OptionsChangedAfterConstruction_Unaffected()
    {
        var options = new MatchingOptions();
        var matcher = new ReconciliationMatcher(options);
        options.MemoPatterns.Clear();
        var item = Build.Item("INV-1", 10m) with { References = new OpenItemReferences { DocumentNumber = "4521" } };

        var result = matcher.Reconcile([Build.Credit("T1", 10m) with { Description = "NF 4521" }], [item]);

        Assert.Single(result.Matches);
    }
}

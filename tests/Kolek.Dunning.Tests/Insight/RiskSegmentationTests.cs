using Kolek.Dunning.Charges;
using Kolek.Dunning.Insight.Risk;

namespace Kolek.Dunning.Tests.Insight;

public sealed class RiskSegmentationTests
{
    [Theory]
    [InlineData(0.0, "bom-pagador")]
    [InlineData(0.1999, "bom-pagador")]
    [InlineData(0.2, "atencao")]
    [InlineData(0.4999, "atencao")]
    [InlineData(0.5, "risco")]
    [InlineData(1.0, "risco")]
    public void SegmentFor_Default_BandsAreLowerInclusive(double probability, string segment) =>
        Assert.Equal(segment, RiskSegmentation.Default.SegmentFor(probability));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void SegmentFor_NotAProbability_Throws(double probability) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskSegmentation.Default.SegmentFor(probability));

    [Fact]
    public void Constructor_CustomBands_Used()
    {
        var segmentation = new RiskSegmentation([new RiskSegment("vip", 0), new RiskSegment("padrao", 0.1), new RiskSegment("intensiva", 0.35)]);

        Assert.Equal("vip", segmentation.SegmentFor(0.05));
        Assert.Equal("padrao", segmentation.SegmentFor(0.3));
        Assert.Equal("intensiva", segmentation.SegmentFor(0.35));
    }

    [Fact]
    public void Constructor_InvalidBands_ListsEveryError()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new RiskSegmentation([new RiskSegment("a", 0.1), new RiskSegment(" ", 0.2), new RiskSegment("c", 0.05), new RiskSegment("a", 1.5)]));

        Assert.Equal(
            """
            Segmentação de risco inválida:
            segmento 'a': o primeiro segmento deve começar em 0.
            segmento 1: nome vazio.
            segmento 'c': início 0.05 deve ser maior que o do segmento anterior.
            segmento 'a': início 1.5 fora de [0, 1].
            segmento 'a': nome repetido. (Parameter 'segments')
            """.ReplaceLineEndings("\n"),
            error.Message);
        Assert.Throws<ArgumentException>(() => new RiskSegmentation([]));
    }

    [Fact]
    public void Apply_ScoredCustomers_GetTheirSegment_OthersUnchanged()
    {
        Customer[] customers = [new() { Id = "K-1" }, new() { Id = "K-2", Segment = "varejo" }, new() { Id = "K-3", Segment = "varejo" }];
        RiskScore[] scores = [new("K-3", 0.7, "ignored", []), new("K-1", 0.05, "ignored", [])];

        var segmented = RiskSegmentation.Default.Apply(customers, scores);

        Assert.Equal(["K-1", "K-2", "K-3"], segmented.Select(c => c.Id));
        Assert.Equal(["bom-pagador", "varejo", "risco"], segmented.Select(c => c.Segment));
        Assert.Null(customers[0].Segment);
    }

    [Fact]
    public void Apply_DuplicateScore_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            RiskSegmentation.Default.Apply([new Customer { Id = "K-1" }], [new RiskScore("K-1", 0.1, "x", []), new RiskScore("K-1", 0.2, "x", [])]));

    [Fact]
    public void RiskScore_ToString_ListsTheReasons()
    {
        // Integrator trial (session 6): printed "Reasons = System.Collections.Generic.List`1[…RiskReason]".
        var score = new RiskScore("K-1", 0.83, "alto", [new RiskReason("late-share", 1.25, "atrasos", "late payments"), new RiskReason("tenure", -0.4, "antigo", "long-standing")]);

        Assert.Equal("RiskScore { CustomerId = K-1, Probability = 0.83, Segment = alto, Reasons = [late-share +1.25, tenure -0.4] }", score.ToString());
    }
}

using Kolek.Dunning.Analytics;

namespace Kolek.Dunning.Tests.Analytics;

public sealed class AgingReportTests
{
    [Theory]
    [InlineData(-5, "current")]
    [InlineData(0, "current")]
    [InlineData(1, "1-30")]
    [InlineData(30, "1-30")]
    [InlineData(31, "31-60")]
    [InlineData(60, "31-60")]
    [InlineData(61, "61-90")]
    [InlineData(90, "61-90")]
    [InlineData(91, "90+")]
    [InlineData(5000, "90+")]
    public void NameFor_BucketEdges_InclusiveUpperBounds(int daysLate, string bucket) =>
        Assert.Equal(bucket, AgingBucket.NameFor(daysLate));

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3600, 2450, 0.6806)]
    [InlineData(3, 1, 0.3333)]
    [InlineData(3, 2, 0.6667)]
    [InlineData(200000, 1, 0)] // 0.000005 → 0.0000
    [InlineData(100, 100, 1)]
    public void DelinquencyRate_OverdueOverOutstanding_RoundedToFourDecimals(int outstanding, int overdue, double expected)
    {
        var report = new AgingReport([], 1, outstanding, overdue);

        Assert.Equal((decimal)expected, report.DelinquencyRate);
    }

    [Fact]
    public void DelinquencyRate_ExactMidpoint_HalfEven()
    {
        // 0.00125 → 0.0012 half-even (0.0013 away from zero); 0.00135 → 0.0014.
        Assert.Equal(0.0012m, new AgingReport([], 1, 100000m, 125m).DelinquencyRate);
        Assert.Equal(0.0014m, new AgingReport([], 1, 100000m, 135m).DelinquencyRate);
    }

    [Fact]
    public void Buckets_SourceListChangedAfterConstruction_ReportUnchanged()
    {
        var source = new List<AgingBucket> { new("current", 1, 10m) };
        var report = new AgingReport(source, 1, 10m, 0m);

        source.Add(new AgingBucket("90+", 1, 5m));

        Assert.Single(report.Buckets);
        Assert.Throws<NotSupportedException>(() => ((IList<AgingBucket>)report.Buckets).Add(new AgingBucket("x", 0, 0m)));
    }

    [Fact]
    public void Equals_SameValuesInDistinctLists_EqualWithSameHashCode()
    {
        var a = new AgingReport([new AgingBucket("current", 1, 10m), new AgingBucket("1-30", 2, 5m)], 3, 15m, 5m);
        var b = new AgingReport(new List<AgingBucket> { new("current", 1, 10m), new("1-30", 2, 5m) }, 3, 15m, 5m);
        var reordered = new AgingReport([new AgingBucket("1-30", 2, 5m), new AgingBucket("current", 1, 10m)], 3, 15m, 5m);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, reordered);
        Assert.NotEqual(a, a with { Overdue = 6m });
    }

    [Fact]
    public void Ctor_NullBuckets_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new AgingReport(null!, 0, 0m, 0m));
        Assert.Throws<ArgumentException>(() => new AgingReport([null!], 0, 0m, 0m));
    }
}

using System.Globalization;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Planning;
using static Kolek.Dunning.Tests.Fixtures;

namespace Kolek.Dunning.Tests.Planning;

public sealed class DunningForecastTests
{
    private static readonly DunningPlanner s_planner = new(BusinessCalendar.BrazilBanking);

    private static List<CustomerCharge> Portfolio() =>
        [.. from k in Enumerable.Range(0, 12)
            from n in Enumerable.Range(0, 1 + (k % 4))
            let customer = "K-" + k.ToString("D2", CultureInfo.InvariantCulture)
            select Charge($"C-{k:D2}-{n}", Date(2026, 12, 1).PlusDays((k * 3) + n), amount: 100m + k, customerId: customer)];

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(1000)]
    public void Forecast_InBatches_SameCountsAsOnePreview(int batchSize)
    {
        var charges = Portfolio();
        var forecast = s_planner.Forecast(charges, CliRuler, Date(2026, 11, 20), 30, batchSize);
        var preview = s_planner.Preview(charges, CliRuler, Date(2026, 11, 20), 30);

        Assert.Equal(30, forecast.Days.Count);
        Assert.Equal(charges.Count, forecast.Charges);
        Assert.Equal(12, forecast.Customers);
        foreach (var day in forecast.Days)
        {
            var events = preview.Events.Where(e => e.Local.Date == day.Date).ToList();
            Assert.Equal(events.Count(e => e.Action == Dunning.Ruler.StepActionKind.Message), day.Messages);
            Assert.Equal(events.Where(e => e.Action == Dunning.Ruler.StepActionKind.Message).Sum(e => e.AmountDue), day.AmountDue);
            Assert.Equal(events.Where(e => e.Action == Dunning.Ruler.StepActionKind.Message).Sum(e => e.ChargeIds.Count), day.ChargesContacted);
        }

        Assert.True(forecast.Days.Sum(d => d.Messages) > 0);
        Assert.True(forecast.LargestBatch <= batchSize + 3, $"largest batch {forecast.LargestBatch}"); // a customer has at most 4 charges
    }

    [Fact]
    public async Task ForecastAsync_SameAsTheSynchronousForecast()
    {
        var charges = Portfolio();
        async IAsyncEnumerable<CustomerCharge> Source()
        {
            foreach (var c in charges)
            {
                await Task.Yield();
                yield return c;
            }
        }

        var a = await s_planner.ForecastAsync(Source(), CliRuler, Date(2026, 11, 20), 30, 4);
        var b = s_planner.Forecast(charges, CliRuler, Date(2026, 11, 20), 30, 4);
        Assert.Equal(b.Days.Select(d => (d.Date, d.Messages, d.Escalations, d.AmountDue)), a.Days.Select(d => (d.Date, d.Messages, d.Escalations, d.AmountDue)));
    }

    [Fact]
    public void Forecast_NotOrderedByCustomer_ThrowsNamingTheCharge()
    {
        var charges = Portfolio();
        charges.Reverse();
        var error = Assert.Throws<ArgumentException>(() => s_planner.Forecast(charges, CliRuler, Date(2026, 11, 20), 30));
        Assert.Contains("ordered by customer", error.Message);
        Assert.Equal("chargesByCustomer", error.ParamName); // tryout7: named the internal parameter 'item'
    }

    [Fact]
    public void Forecast_NullCharge_ArgumentExceptionNamingTheSequence()
    {
        // tryout7: an ArgumentNullException for a parameter 'item' that the method does not have.
        var error = Assert.Throws<ArgumentException>(() => s_planner.Forecast([null!], CliRuler, Date(2026, 11, 20), 30));
        Assert.Equal("chargesByCustomer", error.ParamName);
        Assert.IsNotType<ArgumentNullException>(error);
    }
}

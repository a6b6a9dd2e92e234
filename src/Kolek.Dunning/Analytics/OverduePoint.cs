using NodaTime;

namespace Kolek.Dunning.Analytics;

/// <summary>One point of the delinquency trend: the receivables and the overdue part of them at the end of a day.</summary>
/// <param name="Date">The day (a month end, or the as-of date).</param>
/// <param name="Receivables">The receivables at the end of <paramref name="Date"/> (see <see cref="CollectionMetrics"/>), in BRL.</param>
/// <param name="Overdue">The part owed on charges past their adjusted due date on <paramref name="Date"/>, in BRL.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record OverduePoint(LocalDate Date, decimal Receivables, decimal Overdue)
{
    /// <summary><c>Overdue ÷ Receivables</c>, rounded half-even to 4 decimals; 0 when nothing is receivable.</summary>
    public decimal Rate => Receivables == 0m ? 0m : Math.Round(Overdue / Receivables, 4, MidpointRounding.ToEven);
}

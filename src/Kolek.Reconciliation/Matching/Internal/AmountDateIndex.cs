using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The items grouped by due date and, within a due date, sorted by outstanding amount: finds the few items whose
/// amount can fit a credit without testing every item due within the date window.</summary>
/// <remarks>
/// <para>Why: the amount+date rule used to test every item due within ±<see cref="MatchingOptions.DateWindowDays"/> days
/// of each credit left without a match. With items spread over a year that is a sixth of the portfolio per credit, so
/// the run grew with credits × items (21 s for 10 000 × 100 000). The index narrows each due date of the window to an
/// outstanding-amount range by binary search; only items in those ranges get the exact
/// <see cref="ReconciliationRun"/> fit test, so the outcome is unchanged.</para>
/// <para>The ranges follow from the fit rules, with S = credit + discount (at most amount + discount) and o the
/// outstanding principal: face value o = S; declared charges o = S − declared; within the fee tolerance
/// S ≤ o ≤ S + tolerance; with computed late charges o + q = S (or up to the tolerance above S), where
/// q = round(o × fine%) + round(o × interest% × days ÷ 30) lies within o × rate ± 0.01, so
/// o ∈ [(S − 0.01) ÷ (1 + rate), (S + tolerance + 0.01) ÷ (1 + rate)] for the lowest and highest rate among the items
/// of that due date. Bounds are widened by a cent more to absorb decimal division.</para>
/// <para>Built once, after the passes, from the final outstanding amounts; classification does not change them.</para>
/// </remarks>
internal sealed class AmountDateIndex
{
    private const decimal Slack = 0.02m;

    /// <summary>The late-charge ranges divide by a rate, and fine and interest are each rounded to the cent by the exact
    /// computation: a few cents of margin keep the candidates a superset (the exact fit test decides).</summary>
    private const decimal LateSlack = 0.05m;

    /// <summary>Per day number from <see cref="_firstDay"/>, the positions of that due date's items (empty: none).</summary>
    private readonly DueDay[] _days;
    private readonly int _firstDay;

    /// <summary>Per day number from <see cref="_firstDay"/>, the items due that day with an early-payment discount.</summary>
    private readonly List<int>?[] _early = [];

    /// <summary>Item indexes, grouped by due date, each group in ascending outstanding amount.</summary>
    private readonly int[] _byAmount;

    /// <summary>Per distinct <see cref="LateRates"/> of the days (<see cref="DueDay.RatesId"/>) and days late, the
    /// inverses of the highest and lowest growth factor 1 + rate, computed on first use.</summary>
    /// <remarks>Every credit left for suggestions looks at each day of its window, and dividing decimals per day and
    /// credit cost more than the rest of the look-up; the days share a few rates, so the divisions are done once per
    /// (rates, days late) and the bounds are products. The products differ from the quotients by less than 10⁻²⁰ of
    /// the amount, far inside <see cref="LateSlack"/>. Entries are immutable objects, so credits looked up on several
    /// threads at once share the cache safely (a race at worst computes an entry twice, with the same value).</remarks>
    private readonly InverseRates?[]?[] _factors = [];

    /// <summary>The distinct rates, by <see cref="DueDay.RatesId"/>.</summary>
    private readonly List<LateRates> _rates = [];

    /// <summary>The outstanding amount, in whole cents rounded down (see <see cref="Cents"/>), of the item at the same
    /// position of <see cref="_byAmount"/>.</summary>
    private readonly long[] _cents;

    /// <remarks>Each due date's items are sorted by a primitive key, the outstanding amount in cents rounded down, with
    /// the indexes alongside, not through a comparison delegate reading decimals. Rounding down keeps the order
    /// (a ≤ b gives cents(a) ≤ cents(b)), so the items between cents(low) and cents(high) include every item between low
    /// and high: a few more candidates, which the exact fit test then drops. Items with the same key may end up in any
    /// order, as <see cref="Candidates"/> sorts what it finds. The items themselves are read once, in the caller's order (see
    /// <see cref="ItemCatalog.InputOrder"/>).</remarks>
    public AmountDateIndex(ItemCatalog catalog, decimal[] outstanding)
    {
        var count = outstanding.Length;
        _byAmount = new int[count];
        _cents = Array.ConvertAll(outstanding, Cents);
        if (count == 0)
        {
            _days = [];
            return;
        }

        var (input, positionOf) = (catalog.InputOrder, catalog.PositionOf);
        var dayOf = new int[count];
        for (var k = 0; k < count; k++)
        {
            dayOf[positionOf[k]] = ItemCatalog.DayNumber(input[k].DueDate);
        }

        _firstDay = dayOf[0];
        _days = new DueDay[dayOf[^1] - _firstDay + 1];
        _early = new List<int>?[_days.Length];
        var start = 0;
        while (start < count)
        {
            var end = start;
            for (; end < count && dayOf[end] == dayOf[start]; end++)
            {
                _byAmount[end] = end;
            }

            Array.Sort(_cents, _byAmount, start, end - start);
            _days[dayOf[start] - _firstDay] = new DueDay(start, end, null);
            start = end;
        }

        // Late-charge rates per due date: they only bound the amount ranges, which are widened by LateSlack for
        // rounding, and the exact fit test decides. Items usually share one terms object, so its rates
        // are converted once per run of equal terms.
        OpenItemLateChargeTerms? lastTerms = null;
        var (lastConsumer, fine, interest) = (false, 0m, 0m);
        // Per due date and consumer flag, the terms last folded into that day's rates: another item with the same terms
        // object adds nothing, and is skipped without the decimal comparisons.
        var folded = new OpenItemLateChargeTerms?[_days.Length * 2];
        for (var k = 0; k < count; k++)
        {
            var item = input[k];
            if (item.EarlyPaymentDiscount is null && item.LateCharges is null)
            {
                continue;
            }

            var d = ItemCatalog.DayNumber(item.DueDate) - _firstDay;
            if (item.EarlyPaymentDiscount is not null)
            {
                // Few items have one: they are candidates on every credit of their window, the exact fit test decides.
                (_early[d] ??= []).Add(positionOf[k]);
            }

            if (item.LateCharges is not { } terms)
            {
                continue;
            }

            ref var seen = ref folded[(d * 2) + (item.Consumer ? 1 : 0)];
            if (ReferenceEquals(seen, terms))
            {
                continue;
            }

            seen = terms;
            if (!ReferenceEquals(terms, lastTerms) || item.Consumer != lastConsumer)
            {
                (lastTerms, lastConsumer) = (terms, item.Consumer);
                fine = item.Consumer ? Math.Min(terms.FinePercent, LateCharges.ConsumerFineCapPercent) : terms.FinePercent;
                interest = terms.InterestPercentPerMonth;
            }

            ref var day = ref _days[d];
            day.Late = day.Late is { } rates
                ? new LateRates(Math.Min(rates.MinFine, fine), Math.Max(rates.MaxFine, fine), Math.Min(rates.MinInterest, interest), Math.Max(rates.MaxInterest, interest))
                : new LateRates(fine, fine, interest, interest);
        }

        var ids = new Dictionary<LateRates, int>();
        for (var d = 0; d < _days.Length; d++)
        {
            if (_days[d].Late is { MaxFine: 0m, MaxInterest: 0m })
            {
                _days[d].Late = null;
            }

            if (_days[d].Late is { } rates)
            {
                if (!ids.TryGetValue(rates, out var id))
                {
                    id = _rates.Count;
                    ids.Add(rates, id);
                    _rates.Add(rates);
                }

                _days[d].RatesId = id;
            }
        }

        _factors = new InverseRates?[]?[_rates.Count];
    }

    /// <summary>1 ÷ (1 + highest rate) and 1 ÷ (1 + lowest rate) for the rates and days late (see <see cref="_factors"/>).</summary>
    private (decimal InverseHighRate, decimal InverseLowRate) Factors(int ratesId, int daysLate)
    {
        var byDaysLate = _factors[ratesId] ??= new InverseRates?[Math.Max(64, daysLate + 1)];
        if (daysLate >= byDaysLate.Length)
        {
            Array.Resize(ref byDaysLate, Math.Max(daysLate + 1, byDaysLate.Length * 2));
            _factors[ratesId] = byDaysLate;
        }

        var factors = byDaysLate[daysLate];
        if (factors is null)
        {
            var rates = _rates[ratesId];
            var lowRate = 1m + ((rates.MinFine + (rates.MinInterest * daysLate / 30m)) / 100m);
            var highRate = 1m + ((rates.MaxFine + (rates.MaxInterest * daysLate / 30m)) / 100m);
            factors = new InverseRates(1m / highRate, 1m / lowRate);
            byDaysLate[daysLate] = factors;
        }

        return (factors.High, factors.Low);
    }

    /// <summary>Indexes of the items due between <paramref name="from"/> and <paramref name="to"/> (both included) whose
    /// outstanding amount could fit a credit of <paramref name="amount"/> paid on <paramref name="paymentDate"/>,
    /// ascending (oldest due first); a superset of the items that fit, never missing one.</summary>
    public List<int> Candidates(
        LocalDate from, LocalDate to, LocalDate paymentDate, decimal amount, decimal discount, decimal declaredLateCharges, decimal tolerance)
    {
        var found = new List<int>();
        var highest = amount + discount;
        // Face value and fee tolerance: o between S and S + tolerance; declared charges: o = S − declared. The same
        // cents on every day of the window.
        var face = (Cents(amount - Slack), Cents(highest + tolerance + Slack));
        var declared = declaredLateCharges > 0m
            ? (Cents(amount - declaredLateCharges - Slack), Cents(highest - declaredLateCharges + Slack))
            : (1L, 0L);
        var (lateLow, lateHigh) = (amount - 0.01m, highest + tolerance + 0.01m);
        var paymentDay = ItemCatalog.DayNumber(paymentDate);
        var last = Math.Min(ItemCatalog.DayNumber(to) - _firstDay, _days.Length - 1);
        for (var d = Math.Max(ItemCatalog.DayNumber(from) - _firstDay, 0); d <= last; d++)
        {
            var day = _days[d];
            if (day.Start == day.End)
            {
                continue;
            }

            AddRange(found, day, face);
            AddRange(found, day, declared);
            if (_early[d] is { } early)
            {
                found.AddRange(early);
            }

            // Computed late charges: only owed when paid after the due date.
            var daysLate = paymentDay - (d + _firstDay);
            if (day.Late is not null && daysLate > 0)
            {
                var (inverseHighRate, inverseLowRate) = Factors(day.RatesId, daysLate);
                var (low, high) = (lateLow * inverseHighRate, lateHigh * inverseLowRate);
                AddRange(found, day, (
                    Cents(low - LateSlack),
                    Cents(high + LateSlack)));
            }
        }

        found.Sort();
        return found.Count < 2 ? found : [.. found.Distinct()];
    }

    private void AddRange(List<int> found, DueDay day, (long Low, long High) cents)
    {
        if (cents.Low > cents.High)
        {
            return;
        }

        for (var k = LowerBound(day, cents.Low); k < day.End && _cents[k] <= cents.High; k++)
        {
            found.Add(_byAmount[k]);
        }
    }

    /// <summary>The first position of the day whose amount in cents is at least <paramref name="value"/>.</summary>
    private int LowerBound(DueDay day, long value)
    {
        int low = day.Start, high = day.End;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_cents[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>An amount in whole cents, rounded down; beyond ±10¹⁵ clamped (order is all that matters).</summary>
    /// <remarks>Amounts with at most two decimals (every item's outstanding amount, in practice) are read from the
    /// decimal's integer and scale, exactly, without decimal arithmetic.</remarks>
    private static long Cents(decimal amount)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && (uint)bits[1] < (1u << 20) && scale <= 2)
        {
            var cents = ((((long)bits[1]) << 32) | (uint)bits[0]) * (scale == 0 ? 100 : scale == 1 ? 10 : 1);
            if (cents < 100_000_000_000_000_000)
            {
                return bits[3] < 0 ? -cents : cents;
            }
        }

        return amount >= 1e15m ? long.MaxValue
            : amount <= -1e15m ? long.MinValue
            : (long)decimal.Floor(amount * 100m);
    }

    /// <summary>The positions of one due date's items in the amount-sorted array, and their late-charge rates.</summary>
    private record struct DueDay(int Start, int End, LateRates? Late)
    {
        /// <summary>The index of <see cref="Late"/> among the distinct rates (meaningful only when it is not null).</summary>
        public int RatesId { get; set; }
    }

    /// <summary>The lowest and highest fine (consumer cap applied) and monthly interest, in percent, among a day's items.</summary>
    private readonly record struct LateRates(decimal MinFine, decimal MaxFine, decimal MinInterest, decimal MaxInterest);

    /// <summary>1 ÷ (1 + highest rate) and 1 ÷ (1 + lowest rate), see <see cref="_factors"/>.</summary>
    private sealed record InverseRates(decimal High, decimal Low);
}

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

    private readonly decimal[] _outstanding;
    private readonly Dictionary<LocalDate, DueDay> _days = [];
    private readonly int[] _byAmount;

    public AmountDateIndex(IReadOnlyList<OpenItem> items, decimal[] outstanding)
    {
        _outstanding = outstanding;
        _byAmount = new int[items.Count];
        var start = 0;
        while (start < items.Count)
        {
            var due = items[start].DueDate;
            var end = start;
            decimal minFine = decimal.MaxValue, maxFine = 0m, minInterest = decimal.MaxValue, maxInterest = 0m;
            for (; end < items.Count && items[end].DueDate == due; end++)
            {
                _byAmount[end] = end;
                if (items[end].LateCharges is { } terms)
                {
                    var fine = items[end].Consumer ? Math.Min(terms.FinePercent, LateCharges.ConsumerFineCapPercent) : terms.FinePercent;
                    (minFine, maxFine) = (Math.Min(minFine, fine), Math.Max(maxFine, fine));
                    (minInterest, maxInterest) = (Math.Min(minInterest, terms.InterestPercentPerMonth), Math.Max(maxInterest, terms.InterestPercentPerMonth));
                }
            }

            Array.Sort(_byAmount, start, end - start, Comparer<int>.Create((a, b) =>
                outstanding[a] != outstanding[b] ? outstanding[a].CompareTo(outstanding[b]) : a.CompareTo(b)));
            var late = maxFine > 0m || maxInterest > 0m
                ? new LateRates(minFine, maxFine, minInterest, maxInterest)
                : (LateRates?)null;
            _days[due] = new DueDay(start, end, late);
            start = end;
        }
    }

    /// <summary>Indexes of the items due between <paramref name="from"/> and <paramref name="to"/> (both included) whose
    /// outstanding amount could fit a credit of <paramref name="amount"/> paid on <paramref name="paymentDate"/>,
    /// ascending (oldest due first); a superset of the items that fit, never missing one.</summary>
    public List<int> Candidates(
        LocalDate from, LocalDate to, LocalDate paymentDate, decimal amount, decimal discount, decimal declaredLateCharges, decimal tolerance)
    {
        var found = new List<int>();
        var highest = amount + discount;
        for (var due = from; due <= to; due = due.PlusDays(1))
        {
            if (!_days.TryGetValue(due, out var day))
            {
                continue;
            }

            // Face value and fee tolerance: o between S and S + tolerance.
            AddRange(found, day, amount - Slack, highest + tolerance + Slack);
            if (declaredLateCharges > 0m)
            {
                AddRange(found, day, amount - declaredLateCharges - Slack, highest - declaredLateCharges + Slack);
            }

            // Computed late charges: only owed when paid after the due date.
            var daysLate = Period.DaysBetween(due, paymentDate);
            if (day.Late is { } rates && daysLate > 0)
            {
                var lowRate = 1m + ((rates.MinFine + (rates.MinInterest * daysLate / 30m)) / 100m);
                var highRate = 1m + ((rates.MaxFine + (rates.MaxInterest * daysLate / 30m)) / 100m);
                AddRange(found, day, ((amount - 0.01m) / highRate) - Slack, ((highest + tolerance + 0.01m) / lowRate) + Slack);
            }
        }

        found.Sort();
        return found.Count < 2 ? found : [.. found.Distinct()];
    }

    private void AddRange(List<int> found, DueDay day, decimal low, decimal high)
    {
        var first = LowerBound(day, low);
        for (var k = first; k < day.End && _outstanding[_byAmount[k]] <= high; k++)
        {
            found.Add(_byAmount[k]);
        }
    }

    /// <summary>The first position of the day whose outstanding amount is at least <paramref name="value"/>.</summary>
    private int LowerBound(DueDay day, decimal value)
    {
        int low = day.Start, high = day.End;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_outstanding[_byAmount[middle]] < value)
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

    /// <summary>The positions of one due date's items in the amount-sorted array, and their late-charge rates.</summary>
    private readonly record struct DueDay(int Start, int End, LateRates? Late);

    /// <summary>The lowest and highest fine (consumer cap applied) and monthly interest, in percent, among a day's items.</summary>
    private readonly record struct LateRates(decimal MinFine, decimal MaxFine, decimal MinInterest, decimal MaxInterest);
}

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Bounded exact subset-sum search: which sets of at least two values add up to a target.</summary>
internal static class SubsetSearch
{
    /// <summary>Finds up to <paramref name="maxSolutions"/> sets of indexes of <paramref name="values"/> (all positive)
    /// whose sum is exactly <paramref name="target"/>, trying earlier values first.</summary>
    /// <returns>The solutions found, each sorted ascending, and whether the budget ran out before the search ended.</returns>
    public static (IReadOnlyList<int[]> Solutions, bool Exhausted) Find(
        IReadOnlyList<decimal> values, decimal target, int maxSolutions, int budget)
    {
        var suffix = new decimal[values.Count + 1];
        for (var i = values.Count - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] + values[i];
        }

        var search = new Search(values, suffix, target, maxSolutions, budget);
        search.Visit(0, 0m);
        return (search.Solutions, search.Exhausted);
    }

    private sealed class Search(IReadOnlyList<decimal> values, decimal[] suffix, decimal target, int maxSolutions, int budget)
    {
        private readonly Stack<int> _chosen = new();
        private int _steps;

        public List<int[]> Solutions { get; } = [];

        public bool Exhausted { get; private set; }

        public void Visit(int index, decimal sum)
        {
            if (Solutions.Count >= maxSolutions || Exhausted)
            {
                return;
            }

            if (++_steps > budget)
            {
                Exhausted = true;
                return;
            }

            if (sum == target)
            {
                if (_chosen.Count >= 2)
                {
                    Solutions.Add([.. _chosen.Order()]);
                }

                return;
            }

            if (index == values.Count || sum > target || sum + suffix[index] < target)
            {
                return;
            }

            _chosen.Push(index);
            Visit(index + 1, sum + values[index]);
            _chosen.Pop();
            Visit(index + 1, sum);
        }
    }
}

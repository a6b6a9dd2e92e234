namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>Loops over every item of the portfolio cut into consecutive ranges run side by side.</summary>
/// <remarks>A run reads all million items several times (ids, due dates, amounts, terms): each read is a cache miss
/// per item, memory-bound, and on one thread while the other cores wait. The body must only write what belongs to its
/// range (and read what no range writes), so the result is the same for any number of threads.</remarks>
internal static class ItemRanges
{
    /// <summary>How many threads for <paramref name="count"/> items.</summary>
    public static int Degree(int count, int parallelism, int minItemsPerThread) =>
        Math.Max(1, Math.Min(parallelism, count / Math.Max(1, minItemsPerThread)));

    /// <summary>Runs <paramref name="body"/> over ranges <c>[from, to)</c> covering <c>[0, count)</c>, one per thread.</summary>
    public static void ForEach(int count, int degree, Action<int, int> body)
    {
        if (degree <= 1)
        {
            body(0, count);
            return;
        }

        Parallel.For(0, degree, new ParallelOptions { MaxDegreeOfParallelism = degree }, r =>
            body((int)((long)count * r / degree), (int)((long)count * (r + 1) / degree)));
    }
}

namespace Kolek.Dunning.Analytics;

/// <summary>One aging bucket: the open items whose days late fall in a range, and their outstanding total.</summary>
/// <param name="Bucket">The bucket's name: <c>"current"</c> (0 days late), <c>"1-30"</c>, <c>"31-60"</c>, <c>"61-90"</c> or <c>"90+"</c> (91 days or more).</param>
/// <param name="Count">The number of open items in the bucket.</param>
/// <param name="Amount">The sum of their outstanding principal, in BRL (exact, not rounded).</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record AgingBucket(string Bucket, int Count, decimal Amount)
{
    /// <summary>The bucket names in report order.</summary>
    /// <value><c>"current"</c>, <c>"1-30"</c>, <c>"31-60"</c>, <c>"61-90"</c>, <c>"90+"</c>.</value>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(["current", "1-30", "31-60", "61-90", "90+"]);

    /// <summary>The name of the bucket that holds an item <paramref name="daysLate"/> days late.</summary>
    /// <param name="daysLate">Days late; zero or less is <c>"current"</c>.</param>
    /// <returns>One of <see cref="Names"/>: 0 → <c>"current"</c>, 1–30, 31–60, 61–90, 91+ → <c>"90+"</c>.</returns>
    public static string NameFor(int daysLate) => Names[IndexFor(daysLate)];

    /// <summary>The position in <see cref="Names"/> of the bucket for <paramref name="daysLate"/>.</summary>
    internal static int IndexFor(int daysLate) => daysLate switch
    {
        <= 0 => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 90 => 3,
        _ => 4,
    };
}

namespace Kolek.Reconciliation.Tests.Corpus;

/// <summary>
/// Finds the shared corpus of real bank files: <c>$KOLEK_CORPUS</c>, else <c>../shared/corpus</c> beside the
/// repository root. Tests never copy corpus files into the repository.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Locate);

    /// <summary>The corpus folder, or null when it cannot be found.</summary>
    public static string? Root => s_root.Value;

    /// <summary>True when running in CI (<c>CI=true</c>), where a missing corpus must fail, not skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of a corpus file, e.g. <c>Path("ofx", "x.ofx")</c>; throws when the corpus is missing.</summary>
    public static string PathOf(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(MissingMessage), .. parts]);

    /// <summary>Every file of a corpus sub-folder (not its <c>spec</c> sub-folder), sorted.</summary>
    public static IEnumerable<object[]> Files(string folder, string pattern = "*") =>
        Root is null
            ? [["(corpus missing)"]]
            : Directory.GetFiles(System.IO.Path.Combine(Root, folder), pattern)
                .Order(StringComparer.Ordinal)
                .Select(f => new object[] { System.IO.Path.GetFileName(f) });

    internal const string MissingMessage =
        "The shared corpus was not found: set KOLEK_CORPUS or put it at ../shared/corpus beside the repository.";

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("KOLEK_CORPUS");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Directory.Exists(fromEnv) ? System.IO.Path.GetFullPath(fromEnv) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kolek.sln")))
            {
                var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "corpus"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}

/// <summary>A fact over the corpus: skipped (and reported as skipped) when the corpus is missing outside CI; run, and so failing, in CI.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CorpusFactAttribute()
    {
        if (Corpus.Root is null && !Corpus.InCi)
        {
            Skip = Corpus.MissingMessage;
        }
    }
}

/// <summary>A theory over the corpus, with the same skip rule as <see cref="CorpusFactAttribute"/>.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CorpusTheoryAttribute()
    {
        if (Corpus.Root is null && !Corpus.InCi)
        {
            Skip = Corpus.MissingMessage;
        }
    }
}

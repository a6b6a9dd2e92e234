using System.Diagnostics;

namespace Kolek.Cli.Tests;

/// <summary>Debian's headless Chromium, for the tests that look at the HTML report in a real browser.</summary>
internal static class Chromium
{
    private static readonly Lazy<string?> s_path = new(Locate);

    /// <summary>The browser's path, or null when it is not installed.</summary>
    public static string? Path => s_path.Value;

    /// <summary>True when running in CI (<c>CI=true</c>), where a missing browser must fail, not skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string MissingMessage = "Chromium was not found (/usr/bin/chromium or chromium on PATH): apt-get install -y chromium; .ci/run installs it.";

    /// <summary>Runs the browser headless with <paramref name="args"/> and a throw-away profile; returns its exit code and stdout.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var browser = Path ?? throw new InvalidOperationException(MissingMessage);
        var profile = Directory.CreateTempSubdirectory("kolek-chromium-").FullName;
        var psi = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", $"--user-data-dir={profile}", .. args])
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                p.Kill(true);
                throw new TimeoutException("chromium did not finish in 2 minutes.");
            }

            return (p.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static string? Locate()
    {
        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return dirs.SelectMany(d => new[] { "chromium", "chromium-browser" }.Select(n => System.IO.Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs Chromium: skipped when it is missing outside CI; run, and so failing, in CI (<c>CI=true</c>).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.InCi)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Kolek.Cli.Tests;

/// <summary>Runs the built <c>kolek</c> command as a separate process, from a working folder of the test's choosing.</summary>
internal static class Kolek
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Configuration { get; } = typeof(Kolek).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    public static string Dll => Path.Combine(RepositoryRoot, "samples", "Kolek.Cli", "bin", Configuration, "net10.0", "kolek.dll");

    public static string DataFile(params string[] parts) =>
        Path.Combine([RepositoryRoot, "samples", "Kolek.Cli", "data", .. parts]);

    public static KolekResult Run(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(true);
            throw new TimeoutException("kolek did not finish in 3 minutes.");
        }

        return new KolekResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kolek.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kolek.sln not found above the test assembly.");
    }
}

/// <summary>What a <c>kolek</c> process did.</summary>
public sealed record KolekResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json()
    {
        try
        {
            return JsonDocument.Parse(Stdout).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not JSON ({e.Message}). exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
    }
}

using System.IO.Compression;
using System.Reflection;

namespace Kolek.Packaging.Tests;

/// <summary>
/// The SDK experience of an ERP vendor: pack the three packages, restore a tiny consumer project against that feed
/// (plus the machine's public source), build it and run it.
/// </summary>
public sealed class PackageConsumerTests
{
    private static readonly string[] s_packages = ["Kolek.Channels.Abstractions", "Kolek.Dunning", "Kolek.Reconciliation"];

    [Fact]
    public void Pack_ThenConsumerProject_RestoresBuildsAndRuns()
    {
        var root = ProcessRunner.RepositoryRoot();
        var configuration = typeof(PackageConsumerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var work = Directory.CreateTempSubdirectory("kolek-consumer-");
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            foreach (var package in s_packages)
            {
                var (code, output) = ProcessRunner.Run("dotnet",
                    $"pack \"{Path.Combine(root, "src", package)}\" -c {configuration} --no-build -o \"{feed}\" -p:Version=0.0.0-test",
                    root);
                Assert.True(code == 0, output);
                AssertPackageContents(Path.Combine(feed, $"{package}.0.0.0-test.nupkg"), package);
            }

            var consumer = Path.Combine(work.FullName, "consumer");
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Consumer"), consumer);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="kolek-test-feed" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            var packagesDir = Path.Combine(work.FullName, "packages");
            var run = ProcessRunner.Run("dotnet", $"run -c Release -p:RestorePackagesPath=\"{packagesDir}\"", consumer);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("consumer ok", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void AssertPackageContents(string nupkg, string package)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"lib/net10.0/{package}.dll", names);
        Assert.Contains($"lib/net10.0/{package}.xml", names);
        Assert.Contains("README.md", names);
        Assert.Contains("LICENSE", names);
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var name = Path.GetFileName(file);
            File.Copy(file, Path.Combine(to, name.EndsWith(".txt", StringComparison.Ordinal) ? name[..^4] : name));
        }
    }
}

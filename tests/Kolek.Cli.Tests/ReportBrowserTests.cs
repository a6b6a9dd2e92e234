using Xunit.Abstractions;

namespace Kolek.Cli.Tests;

/// <summary>The HTML report of <c>kolek report --html</c> opened in real headless Chromium: it renders, and its charts are in the DOM.</summary>
public sealed class ReportBrowserTests(ReportCommandTests.AfterDemo state, ITestOutputHelper output) : IClassFixture<ReportCommandTests.AfterDemo>
{
    [ChromiumFact]
    public void Html_InHeadlessChromium_RendersChartsAndIsNotBlank()
    {
        Assert.True(state.Report.ExitCode == 0, state.Report.Stderr);
        var url = new Uri(state.Html).AbsoluteUri;
        var screenshot = Path.Combine(state.Folder, "relatorio.png");
        var blankHtml = Path.Combine(state.Folder, "blank.html");
        var blankShot = Path.Combine(state.Folder, "blank.png");
        File.WriteAllText(blankHtml, "<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>");

        var shot = Chromium.Run($"--screenshot={screenshot}", "--window-size=1280,2000", url);
        Chromium.Run($"--screenshot={blankShot}", "--window-size=1280,2000", new Uri(blankHtml).AbsoluteUri);
        var dom = Chromium.Run("--dump-dom", url);
        output.WriteLine($"screenshot: {screenshot}");

        Assert.True(File.Exists(screenshot), $"no screenshot; chromium exit {shot.ExitCode}: {shot.Stderr}");
        var png = Png.Decode(File.ReadAllBytes(screenshot));
        var blank = Png.Decode(File.ReadAllBytes(blankShot));
        Assert.Equal((1280, 2000), (png.Width, png.Height));
        Assert.True(new FileInfo(screenshot).Length > 30_000, $"screenshot of {new FileInfo(screenshot).Length} bytes");
        Assert.Equal(1, blank.DistinctColours()); // the check below can fail: a blank page is one colour
        Assert.True(png.DistinctColours() > 50, $"{png.DistinctColours()} colours: the page looks blank");

        Assert.Contains("<svg id=\"chart-aging\"", dom.Stdout, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-trend\"", dom.Stdout, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-steps\"", dom.Stdout, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-risk\"", dom.Stdout, StringComparison.Ordinal);
        Assert.Contains("<rect", dom.Stdout, StringComparison.Ordinal);
        Assert.Contains("Relatório da carteira", dom.Stdout, StringComparison.Ordinal);
    }
}

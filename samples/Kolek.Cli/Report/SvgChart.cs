using System.Globalization;
using System.Text;

namespace Kolek.Cli.Report;

/// <summary>One series of a bar chart: a name for the legend, a colour and one value per category.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<decimal> Values);

/// <summary>Inline SVG bar charts, drawn in C# (no script, no font, no image): the report stays one self-contained file.</summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int Left = 16;
    private const int Right = 16;
    private const int Top = 28;

    /// <summary>A vertical bar chart: one group of bars per category, one bar per series, each labelled with <paramref name="format"/>.</summary>
    public static string Columns(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        Func<decimal, string> format, string? emptyNote = null)
    {
        const int height = 300, bottom = 48;
        var plot = height - Top - bottom;
        var max = series.SelectMany(s => s.Values).DefaultIfEmpty(0m).Max();
        var empty = emptyNote is not null && max == 0m;
        var svg = Open(id, title, height);
        Line(svg, Left, Top + plot, Width - Right, Top + plot, "#9aa5b1");
        var group = (Width - Left - Right) / (double)Math.Max(1, categories.Count);
        var bar = Math.Min(56.0, group * 0.8 / Math.Max(1, series.Count));
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + c * group + (group - bar * series.Count) / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                var h = max == 0m ? 0 : (double)(value / max) * (plot - 18);
                var x = x0 + s * bar;
                svg.Append(Inv($"<rect x=\"{x:F1}\" y=\"{Top + plot - h:F1}\" width=\"{bar - 4:F1}\" height=\"{h:F1}\" fill=\"{series[s].Color}\"><title>"))
                    .Append(Esc($"{series[s].Name} · {categories[c]}: {format(value)}")).Append("</title></rect>");
                if (!empty)
                {
                    Text(svg, x + (bar - 4) / 2, Top + plot - h - 5, format(value), "middle", 11, "#243b53");
                }
            }

            Text(svg, Left + c * group + group / 2, Top + plot + 18, categories[c], "middle", 12, "#243b53");
        }

        Legend(svg, series, height - 12);
        if (empty)
        {
            Text(svg, Width / 2.0, Top + plot / 2.0, emptyNote!, "middle", 14, "#627d98");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A horizontal bar chart of rates in [0, 1]: one bar per row, labelled with its text.</summary>
    public static string Rates(string id, string title, IReadOnlyList<(string Label, decimal Rate, string Text, string Detail)> rows, string emptyNote)
    {
        const int rowHeight = 30, labelWidth = 190;
        var height = Top + Math.Max(1, rows.Count) * rowHeight + 24;
        var svg = Open(id, title, height);
        var plot = Width - Left - Right - labelWidth - 130;
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + i * rowHeight;
            var (label, rate, text, detail) = rows[i];
            var w = (double)Math.Clamp(rate, 0m, 1m) * plot;
            Text(svg, Left + labelWidth - 8, y + 19, label, "end", 12, "#243b53");
            svg.Append(Inv($"<rect x=\"{Left + labelWidth}\" y=\"{y + 5}\" width=\"{plot}\" height=\"20\" fill=\"#e4e7eb\"/>"));
            svg.Append(Inv($"<rect x=\"{Left + labelWidth}\" y=\"{y + 5}\" width=\"{w:F1}\" height=\"20\" fill=\"#2f855a\"><title>")).Append(Esc($"{label}: {text}; {detail}")).Append("</title></rect>");
            Text(svg, Left + labelWidth + plot + 8, y + 19, text, "start", 12, "#243b53");
        }

        if (rows.Count == 0)
        {
            Text(svg, Width / 2.0, Top + 20, emptyNote, "middle", 14, "#627d98");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>HTML-escapes text for element content and quoted attribute values alike: <c>&amp; &lt; &gt; " '</c>; other
    /// characters (accents included) stay as they are, the document being UTF-8.</summary>
    public static string Esc(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static StringBuilder Open(string id, string title, int height) =>
        new StringBuilder()
            .Append(Inv($"<svg id=\"{id}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\""))
            .Append(Esc(title)).Append("\"><title>").Append(Esc(title)).Append("</title>");

    private static void Legend(StringBuilder svg, IReadOnlyList<ChartSeries> series, double y)
    {
        if (series.Count < 2)
        {
            return;
        }

        var x = (double)Left;
        foreach (var s in series)
        {
            svg.Append(Inv($"<rect x=\"{x:F1}\" y=\"{y - 10:F1}\" width=\"12\" height=\"12\" fill=\"{s.Color}\"/>"));
            Text(svg, x + 18, y, s.Name, "start", 12, "#243b53");
            x += 30 + s.Name.Length * 7;
        }
    }

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string color) =>
        svg.Append(Inv($"<line x1=\"{x1:F1}\" y1=\"{y1:F1}\" x2=\"{x2:F1}\" y2=\"{y2:F1}\" stroke=\"{color}\"/>"));

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size, string color) =>
        svg.Append(Inv($"<text x=\"{x:F1}\" y=\"{y:F1}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{color}\">")).Append(Esc(text)).Append("</text>");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

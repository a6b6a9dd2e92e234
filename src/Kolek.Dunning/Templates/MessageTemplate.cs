using System.Net;
using System.Text;

namespace Kolek.Dunning.Templates;

/// <summary>A complete message template: optional subject, text body and optional HTML body, all validated.</summary>
/// <remarks><threadsafety>Immutable; safe to render from several threads.</threadsafety></remarks>
public sealed class MessageTemplate
{
    internal MessageTemplate(TextTemplate? subject, TextTemplate text, TextTemplate? html)
    {
        Subject = subject;
        Text = text;
        Html = html;
    }

    /// <summary>Gets the subject template, for channels that have a subject.</summary>
    public TextTemplate? Subject { get; }

    /// <summary>Gets the text body template.</summary>
    public TextTemplate Text { get; }

    /// <summary>Gets the HTML body template; when <see langword="null"/>, HTML is derived from the text body.</summary>
    public TextTemplate? Html { get; }

    /// <summary>Renders the message.</summary>
    /// <param name="model">The values to show.</param>
    /// <param name="includeHtml">Whether to produce an HTML body (e-mail).</param>
    /// <returns>Subject (single line, trimmed), text body (trailing blank lines removed) and HTML body when asked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public RenderedMessage Render(TemplateModel model, bool includeHtml)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scope = TemplateVariables.ScopeOf(model);
        var subject = Subject?.Render(scope, htmlEncode: false).ReplaceLineEndings(" ").Trim();
        var text = Text.Render(scope, htmlEncode: false).TrimEnd() + "\n";
        string? html = null;
        if (includeHtml)
        {
            html = Html is not null ? Html.Render(scope, htmlEncode: true) : SimpleHtml(subject, text);
        }

        return new RenderedMessage(subject, text, html);
    }

    /// <summary>Wraps plain text in a minimal, self-contained HTML document: paragraphs at blank lines, line breaks kept, everything encoded.</summary>
    private static string SimpleHtml(string? title, string text)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"pt-BR\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title ?? string.Empty))
            .Append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5\">\n");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = paragraph.Split('\n').Select(WebUtility.HtmlEncode);
            html.Append("<p>").Append(string.Join("<br>\n", lines)).Append("</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }
}

/// <summary>A rendered message, ready to go into an outbound message.</summary>
/// <param name="Subject">The subject line, for channels that have one.</param>
/// <param name="TextBody">The plain-text body, ending with one line break.</param>
/// <param name="HtmlBody">The HTML body, when asked for (e-mail).</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record RenderedMessage(string? Subject, string TextBody, string? HtmlBody);

namespace Kolek.Dunning.Templates;

/// <summary>Parses and validates Kolek's message templates, reporting every problem (including unknown variables) before anything is sent.</summary>
/// <remarks>
/// <para>The language, a small and safe subset of Mustache:</para>
/// <list type="bullet">
/// <item><c>{{ customer.first_name }}</c> writes a value (already formatted: <c>R$ 1.234,56</c>, <c>05/01/2026</c>).</item>
/// <item><c>{{# charges }} … {{/ charges }}</c> repeats its content for each charge; inside, the charge's own variables
/// (<c>{{ id }}</c>, <c>{{ updated_amount }}</c>, <c>{{ due_date }}</c>…) and all outer variables are available.</item>
/// <item><c>{{# name }} … {{/ name }}</c> over a text or flag renders its content when the text is not empty or the flag is set;
/// <c>{{^ name }} … {{/ name }}</c> renders when it is empty or unset.</item>
/// <item><c>{{! comment }}</c> is dropped.</item>
/// <item>A section or comment tag alone on its line removes that whole line from the output.</item>
/// </list>
/// <para>
/// Message templates (<see cref="ParseMessage"/>) may start with a <c>Subject:</c> (or <c>Assunto:</c>) line; the body
/// follows, after an optional blank line.
/// </para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
public static class TemplateParser
{
    internal const string UnknownVariable = "template.unknown_variable";

    /// <summary>Parses one text template (a body, a subject or an HTML body).</summary>
    /// <param name="source">The template text.</param>
    /// <returns>The template, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static TemplateParseResult<TextTemplate> ParseText(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<TemplateError>();
        var nodes = new TreeBuilder(source, errors).Build();
        Validate(nodes, [TemplateVariables.Root], errors);
        return new TemplateParseResult<TextTemplate>(new TextTemplate(source, nodes), errors);
    }

    /// <summary>Parses a message template: an optional <c>Subject:</c> line, then the text body; optionally an HTML body.</summary>
    /// <param name="content">The template, for example <c>"Subject: Lembrete\n\nOlá, {{ customer.first_name }}…"</c>.</param>
    /// <param name="requireSubject">Whether a subject line is required (e-mail).</param>
    /// <param name="htmlContent">An HTML body template, or <see langword="null"/> to derive simple HTML from the text body.</param>
    /// <returns>The template, or every error found (line numbers refer to <paramref name="content"/>, or to <paramref name="htmlContent"/> for its errors).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static TemplateParseResult<MessageTemplate> ParseMessage(string content, bool requireSubject = false, string? htmlContent = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<TemplateError>();
        var (subjectSource, body, bodyLineOffset) = SplitSubject(content.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (requireSubject && string.IsNullOrWhiteSpace(subjectSource))
        {
            errors.Add(new TemplateError("template.missing_subject", 1, 1, "an e-mail template must start with a 'Subject:' line"));
        }

        TextTemplate? subject = null;
        if (!string.IsNullOrWhiteSpace(subjectSource))
        {
            var parsed = ParseText(subjectSource);
            errors.AddRange(parsed.Errors);
            subject = parsed.ValueOrNull;
        }

        var text = ParseText(body);
        errors.AddRange(text.Errors.Select(e => e.Line > 0 ? e with { Line = e.Line + bodyLineOffset } : e));

        TextTemplate? html = null;
        if (htmlContent is not null)
        {
            var parsedHtml = ParseText(htmlContent);
            errors.AddRange(parsedHtml.Errors);
            html = parsedHtml.ValueOrNull;
        }

        var template = text.ValueOrNull is { } t ? new MessageTemplate(subject, t, html) : null;
        return new TemplateParseResult<MessageTemplate>(template, errors);
    }

    private static (string? Subject, string Body, int BodyLineOffset) SplitSubject(string content)
    {
        var firstLineEnd = content.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? content : content[..firstLineEnd];
        string? subject = null;
        foreach (var header in new[] { "Subject:", "Assunto:" })
        {
            if (firstLine.StartsWith(header, StringComparison.OrdinalIgnoreCase))
            {
                subject = firstLine[header.Length..].Trim();
            }
        }

        if (subject is null)
        {
            return (null, content, 0);
        }

        var rest = firstLineEnd < 0 ? string.Empty : content[(firstLineEnd + 1)..];
        var offset = 1;
        if (rest.StartsWith('\n'))
        {
            rest = rest[1..];
            offset = 2;
        }

        return (subject, rest, offset);
    }

    private static void Validate(
        IReadOnlyList<TemplateNode> nodes,
        List<IReadOnlyDictionary<string, (VariableKind Kind, string Description)>> scopes,
        List<TemplateError> errors)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TemplateNode.Variable variable:
                    var kind = Find(scopes, variable.Name);
                    if (kind is null)
                    {
                        errors.Add(Unknown(variable.Name, variable.Line, variable.Column));
                    }
                    else if (kind != VariableKind.Text)
                    {
                        errors.Add(new TemplateError(
                            "template.not_text",
                            variable.Line,
                            variable.Column,
                            $"'{variable.Name}' is a {(kind == VariableKind.List ? "list" : "flag")}; use it as a section: {{{{# {variable.Name} }}}}…{{{{/ {variable.Name} }}}}",
                            variable.Name));
                    }

                    break;
                case TemplateNode.Section section:
                    var sectionKind = Find(scopes, section.Name);
                    if (sectionKind is null)
                    {
                        errors.Add(Unknown(section.Name, section.Line, section.Column));
                        Validate(section.Children, scopes, errors);
                    }
                    else if (sectionKind == VariableKind.List && !section.Inverted)
                    {
                        scopes.Add(TemplateVariables.Charge);
                        Validate(section.Children, scopes, errors);
                        scopes.RemoveAt(scopes.Count - 1);
                    }
                    else
                    {
                        Validate(section.Children, scopes, errors);
                    }

                    break;
            }
        }
    }

    private static VariableKind? Find(List<IReadOnlyDictionary<string, (VariableKind Kind, string Description)>> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out var entry))
            {
                return entry.Kind;
            }
        }

        return null;
    }

    private static TemplateError Unknown(string name, int line, int column) =>
        new(UnknownVariable, line, column, $"unknown variable '{name}'", name);

    /// <summary>Turns source text into nodes: finds tags, drops standalone tag lines, nests sections.</summary>
    private sealed class TreeBuilder(string source, List<TemplateError> errors)
    {
        private enum TagKind
        {
            Variable,
            Open,
            Inverted,
            Close,
            Comment,
        }

        public List<TemplateNode> Build()
        {
            var tags = ScanTags();
            var root = new List<TemplateNode>();
            var stack = new Stack<(Tag Tag, List<TemplateNode> Children)>();
            var current = root;
            var textStart = 0;
            foreach (var tag in tags)
            {
                if (tag.Start > textStart)
                {
                    current.Add(new TemplateNode.Literal(source[textStart..tag.Start]));
                }

                textStart = tag.End;
                switch (tag.Kind)
                {
                    case TagKind.Variable:
                        current.Add(new TemplateNode.Variable(tag.Name, tag.Line, tag.Column));
                        break;
                    case TagKind.Open or TagKind.Inverted:
                        stack.Push((tag, current));
                        current = [];
                        break;
                    case TagKind.Close when stack.Count > 0 && stack.Peek().Tag.Name == tag.Name:
                        var (open, parent) = stack.Pop();
                        parent.Add(new TemplateNode.Section(open.Name, open.Kind == TagKind.Inverted, current, open.Line, open.Column));
                        current = parent;
                        break;
                    case TagKind.Close:
                        var expected = stack.Count > 0 ? $"'{{{{/ {stack.Peek().Tag.Name} }}}}'" : "no section to close";
                        errors.Add(new TemplateError(
                            "template.unexpected_close", tag.Line, tag.Column, $"'{{{{/ {tag.Name} }}}}' does not close the open section (expected {expected})", tag.Name));
                        break;
                }
            }

            if (textStart < source.Length)
            {
                current.Add(new TemplateNode.Literal(source[textStart..]));
            }

            while (stack.Count > 0)
            {
                var (open, parent) = stack.Pop();
                errors.Add(new TemplateError(
                    "template.unclosed_section", open.Line, open.Column, $"section '{open.Name}' is never closed with {{{{/ {open.Name} }}}}", open.Name));
                parent.Add(new TemplateNode.Section(open.Name, open.Kind == TagKind.Inverted, current, open.Line, open.Column));
                current = parent;
            }

            return root;
        }

        private List<Tag> ScanTags()
        {
            var tags = new List<Tag>();
            var position = 0;
            while (true)
            {
                var open = source.IndexOf("{{", position, StringComparison.Ordinal);
                if (open < 0)
                {
                    break;
                }

                var (line, column) = LineAndColumn(open);
                var close = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    errors.Add(new TemplateError("template.unclosed_tag", line, column, "'{{' is never closed with '}}'"));
                    break;
                }

                var inner = source[(open + 2)..close].Trim();
                var kind = inner.Length == 0 ? TagKind.Variable : inner[0] switch
                {
                    '#' => TagKind.Open,
                    '^' => TagKind.Inverted,
                    '/' => TagKind.Close,
                    '!' => TagKind.Comment,
                    _ => TagKind.Variable,
                };
                var name = kind == TagKind.Variable ? inner : inner[1..].Trim();
                position = close + 2;
                if (kind != TagKind.Comment && !IsValidName(name))
                {
                    errors.Add(new TemplateError(
                        "template.invalid_tag", line, column, $"'{source[open..position]}' is not a variable or section tag (names are lower-case words joined by dots)", name));
                    continue;
                }

                tags.Add(Standalone(new Tag(kind, name, open, position, line, column)));
            }

            return tags;
        }

        /// <summary>Widens a section or comment tag that is alone on its line to swallow the whole line.</summary>
        private Tag Standalone(Tag tag)
        {
            if (tag.Kind == TagKind.Variable)
            {
                return tag;
            }

            var lineStart = tag.Start == 0 ? 0 : source.LastIndexOf('\n', tag.Start - 1) + 1;
            var lineEnd = source.IndexOf('\n', tag.End);
            var after = lineEnd < 0 ? source.Length : lineEnd;
            var blankBefore = source.AsSpan(lineStart, tag.Start - lineStart).IsWhiteSpace();
            var blankAfter = source.AsSpan(tag.End, after - tag.End).IsWhiteSpace();
            return blankBefore && blankAfter
                ? tag with { Start = lineStart, End = lineEnd < 0 ? source.Length : lineEnd + 1 }
                : tag;
        }

        private (int Line, int Column) LineAndColumn(int index)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index; i++)
            {
                if (source[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, index - lineStart + 1);
        }

        private static bool IsValidName(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (var part in name.Split('.'))
            {
                if (part.Length == 0 || !(char.IsAsciiLetterLower(part[0]) || part[0] == '_')
                    || !part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed record Tag(TagKind Kind, string Name, int Start, int End, int Line, int Column);
    }
}

using System.Net;
using System.Text;

namespace Kolek.Dunning.Templates;

/// <summary>A parsed and validated text template: literal text, <c>{{ variables }}</c> and <c>{{# sections }}</c>.</summary>
/// <remarks>
/// Obtained from <see cref="TemplateParser.ParseText"/>, which has already checked every name, so rendering cannot fail.
/// The language has no expressions, calls or includes: a template can only show the model's values, repeat over its
/// charges and skip parts, so user-supplied templates are safe to load.
/// <threadsafety>Immutable; safe to render from several threads.</threadsafety>
/// </remarks>
public sealed class TextTemplate
{
    private readonly IReadOnlyList<TemplateNode> _nodes;

    internal TextTemplate(string source, IReadOnlyList<TemplateNode> nodes)
    {
        Source = source;
        _nodes = nodes;
    }

    /// <summary>Gets the template's source text.</summary>
    public string Source { get; }

    /// <summary>Renders the template.</summary>
    /// <param name="model">The values to show.</param>
    /// <param name="htmlEncode">Whether to HTML-encode the values (for an HTML template); literal text is kept as written.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public string Render(TemplateModel model, bool htmlEncode = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Render(TemplateVariables.ScopeOf(model), htmlEncode);
    }

    /// <summary>Renders with the model's variables already computed (<see cref="TemplateVariables.ScopeOf(TemplateModel)"/>), so the parts of one message share them.</summary>
    internal string Render(IReadOnlyDictionary<string, object?> root, bool htmlEncode)
    {
        var output = new StringBuilder();
        var scopes = new List<IReadOnlyDictionary<string, object?>> { root };
        Render(_nodes, scopes, output, htmlEncode);
        return output.ToString();
    }

    /// <summary>Returns the template's source text.</summary>
    /// <returns><see cref="Source"/>.</returns>
    public override string ToString() => Source;

    private static void Render(IReadOnlyList<TemplateNode> nodes, List<IReadOnlyDictionary<string, object?>> scopes, StringBuilder output, bool htmlEncode)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TemplateNode.Literal literal:
                    output.Append(literal.Text);
                    break;
                case TemplateNode.Variable variable:
                    var text = Lookup(scopes, variable.Name) as string ?? string.Empty;
                    output.Append(htmlEncode ? WebUtility.HtmlEncode(text) : text);
                    break;
                case TemplateNode.Section section:
                    RenderSection(section, scopes, output, htmlEncode);
                    break;
            }
        }
    }

    private static void RenderSection(TemplateNode.Section section, List<IReadOnlyDictionary<string, object?>> scopes, StringBuilder output, bool htmlEncode)
    {
        var value = Lookup(scopes, section.Name);
        var truthy = value switch
        {
            bool flag => flag,
            string text => text.Length > 0,
            IReadOnlyList<Dictionary<string, object?>> list => list.Count > 0,
            _ => false,
        };

        if (section.Inverted)
        {
            if (!truthy)
            {
                Render(section.Children, scopes, output, htmlEncode);
            }

            return;
        }

        if (value is IReadOnlyList<Dictionary<string, object?>> items)
        {
            foreach (var item in items)
            {
                scopes.Add(item);
                Render(section.Children, scopes, output, htmlEncode);
                scopes.RemoveAt(scopes.Count - 1);
            }
        }
        else if (truthy)
        {
            Render(section.Children, scopes, output, htmlEncode);
        }
    }

    private static object? Lookup(List<IReadOnlyDictionary<string, object?>> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>The syntax tree of a template.</summary>
internal abstract record TemplateNode
{
    private TemplateNode()
    {
    }

    internal sealed record Literal(string Text) : TemplateNode;

    internal sealed record Variable(string Name, int Line, int Column) : TemplateNode;

    internal sealed record Section(string Name, bool Inverted, IReadOnlyList<TemplateNode> Children, int Line, int Column) : TemplateNode;
}

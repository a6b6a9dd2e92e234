namespace Kolek.Channels;

/// <summary>A provider-side template to send instead of free text, such as a WhatsApp Business approved template.</summary>
/// <remarks>
/// Providers fill either positional parameters (WhatsApp <c>{{1}}</c>, <c>{{2}}</c>…) or named ones; set the kind the
/// template was approved with. Values are already formatted for display (<c>R$ 1.234,56</c>, <c>05/01/2026</c>).
/// <threadsafety>Immutable when built from collections nobody mutates.</threadsafety>
/// </remarks>
public sealed record TemplateReference
{
    /// <summary>Initializes a new template reference.</summary>
    /// <param name="name">The template's name at the provider, for example <c>cobranca_atraso_v2</c>.</param>
    /// <param name="language">The template's language code as the provider spells it, for example <c>pt_BR</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="language"/> is empty.</exception>
    public TemplateReference(string name, string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        Name = name;
        Language = language;
    }

    /// <summary>Gets the template's name at the provider.</summary>
    public string Name { get; }

    /// <summary>Gets the template's language code, for example <c>pt_BR</c>.</summary>
    public string Language { get; }

    /// <summary>Gets the values of positional parameters, in order (the first fills <c>{{1}}</c>).</summary>
    /// <value>The default value is an empty list.</value>
    public IReadOnlyList<string> PositionalParameters { get; init; } = [];

    /// <summary>Gets the values of named parameters.</summary>
    /// <value>The default value is an empty dictionary.</value>
    public IReadOnlyDictionary<string, string> NamedParameters { get; init; } = new Dictionary<string, string>();
}

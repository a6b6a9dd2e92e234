using Kolek.Channels;
using Kolek.Dunning.Templates;

namespace Kolek.Dunning.Running;

/// <summary>
/// A WhatsApp Business template approved by Meta, with how to fill its parameters from a Kolek message: what the runner
/// sends on WhatsApp outside the customer's 24-hour service window, where free text is not allowed.
/// </summary>
/// <remarks>
/// Each parameter is a Kolek <see cref="TextTemplate"/> (for example <c>{{ customer.first_name }}</c> or
/// <c>{{ total_due }}</c>), parsed with <see cref="TemplateParser.ParseText"/>, so an unknown variable fails before any send.
/// Set either positional parameters (<c>{{1}}</c>, <c>{{2}}</c>… in the approved text) or named ones, as the template was approved.
/// <threadsafety>Immutable when built from collections nobody mutates; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record WhatsAppTemplate
{
    /// <summary>Initializes a new approved template.</summary>
    /// <param name="name">The template's name at Meta, for example <c>cobranca_atraso_v2</c>.</param>
    /// <param name="language">The language it was approved in, for example <c>pt_BR</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="language"/> is empty.</exception>
    public WhatsAppTemplate(string name, string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        Name = name;
        Language = language;
    }

    /// <summary>Gets the template's name at Meta.</summary>
    public string Name { get; }

    /// <summary>Gets the language it was approved in.</summary>
    public string Language { get; }

    /// <summary>Gets the values of <c>{{1}}</c>, <c>{{2}}</c>…, in order.</summary>
    /// <value>The default value is an empty list.</value>
    public IReadOnlyList<TextTemplate> PositionalParameters { get; init; } = [];

    /// <summary>Gets the values of named parameters.</summary>
    /// <value>The default value is an empty dictionary.</value>
    public IReadOnlyDictionary<string, TextTemplate> NamedParameters { get; init; } = new Dictionary<string, TextTemplate>(StringComparer.Ordinal);

    /// <summary>Fills the parameters for one message.</summary>
    /// <param name="model">The message's values.</param>
    /// <returns>The reference to hand to the channel in <see cref="OutboundMessage.Template"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public TemplateReference Fill(TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TemplateReference(Name, Language)
        {
            PositionalParameters = [.. PositionalParameters.Select(p => p.Render(model))],
            NamedParameters = NamedParameters.ToDictionary(p => p.Key, p => p.Value.Render(model), StringComparer.Ordinal),
        };
    }
}

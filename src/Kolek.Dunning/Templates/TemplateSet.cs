namespace Kolek.Dunning.Templates;

/// <summary>The message templates available to a run, by (template name, channel): Kolek's built-in pt-BR templates plus the user's.</summary>
/// <remarks>
/// <para>
/// Built-in templates exist for <c>lembrete</c>, <c>boleto</c>, <c>atraso</c>, <c>atraso-firme</c>, <c>aviso-final</c> and
/// the fallback <c>generico</c>, on channels <c>email</c>, <c>whatsapp</c> and <c>sms</c>. User templates loaded with
/// <see cref="WithSources"/> replace built-ins of the same name and channel.
/// </para>
/// <para>
/// Resolution never fails: a name with no template for a channel falls back to that channel's <c>generico</c> template
/// (a channel Kolek does not know uses the WhatsApp one, plain short text) and reports a <see cref="TemplateWarning"/>.
/// Call <see cref="Resolve"/> for every (template, channel) of a ruler at start-up to surface those warnings before
/// anything is sent.
/// </para>
/// <threadsafety>Immutable; safe to share and render from several threads.</threadsafety>
/// </remarks>
public sealed class TemplateSet
{
    private static readonly Lazy<TemplateSet> s_builtIn = new(CreateBuiltIn);

    private readonly Dictionary<(string Name, string Channel), MessageTemplate> _templates;

    private TemplateSet(Dictionary<(string Name, string Channel), MessageTemplate> templates)
    {
        _templates = templates;
    }

    /// <summary>Gets the set of Kolek's built-in pt-BR templates.</summary>
    public static TemplateSet BuiltIn => s_builtIn.Value;

    /// <summary>Gets the (template name, channel) pairs the set holds, in ordinal order.</summary>
    public IReadOnlyList<(string Name, string Channel)> Entries =>
        [.. _templates.Keys.OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Channel, StringComparer.Ordinal)];

    /// <summary>Tells whether the set has a template for a name and channel (without fallback).</summary>
    /// <param name="name">The template name.</param>
    /// <param name="channel">The channel name; compared case-insensitively.</param>
    /// <returns><see langword="true"/> when the exact template exists.</returns>
    public bool Contains(string name, string channel)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(channel);
        return _templates.ContainsKey((name, channel.ToLowerInvariant()));
    }

    /// <summary>Returns a set with user templates added (replacing built-ins of the same name and channel); invalid ones are left out and reported.</summary>
    /// <param name="sources">The user templates.</param>
    /// <returns>The new set and, per invalid source, its errors; an e-mail template must have a <c>Subject:</c> line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is null.</exception>
    public TemplateSetLoadResult WithSources(IEnumerable<TemplateSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var templates = new Dictionary<(string Name, string Channel), MessageTemplate>(_templates);
        var failures = new List<TemplateLoadFailure>();
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            var channel = source.Channel.Trim().ToLowerInvariant();
            var origin = source.Origin ?? $"{source.Name}.{channel}";
            if (string.IsNullOrWhiteSpace(source.Name) || channel.Length == 0)
            {
                failures.Add(new TemplateLoadFailure(origin, [new TemplateError("template.invalid_source", 0, 0, "a template needs a name and a channel")]));
                continue;
            }

            var parsed = TemplateParser.ParseMessage(source.Content, requireSubject: channel == BuiltInTemplates.Email, source.HtmlContent);
            if (parsed.Success)
            {
                templates[(source.Name.Trim(), channel)] = parsed.Value;
            }
            else
            {
                failures.Add(new TemplateLoadFailure(origin, parsed.Errors) { Summary = parsed.ErrorSummary });
            }
        }

        return new TemplateSetLoadResult(new TemplateSet(templates), failures);
    }

    /// <summary>Finds the template for a name and channel, falling back to the channel's generic template.</summary>
    /// <param name="name">The template name a ruler step names.</param>
    /// <param name="channel">The channel name.</param>
    /// <returns>The template, and a warning when it is a fallback.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public TemplateResolution Resolve(string name, string channel)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(channel);
        var channelKey = channel.Trim().ToLowerInvariant();
        if (_templates.TryGetValue((name, channelKey), out var exact))
        {
            return new TemplateResolution(exact, null);
        }

        var fallbackChannel = _templates.ContainsKey((BuiltInTemplates.Generic, channelKey)) ? channelKey : BuiltInTemplates.WhatsApp;
        var fallback = _templates.GetValueOrDefault((BuiltInTemplates.Generic, fallbackChannel))
            ?? BuiltIn._templates[(BuiltInTemplates.Generic, fallbackChannel)];
        var warning = new TemplateWarning(
            "template.fallback",
            $"no template '{name}' for channel '{channel}'; using the built-in generic template for '{fallbackChannel}'");
        return new TemplateResolution(fallback, warning);
    }

    /// <summary>Renders the message for a ruler step's template on a channel.</summary>
    /// <param name="name">The template name.</param>
    /// <param name="channel">The channel name; <c>email</c> gets a subject and an HTML body.</param>
    /// <param name="model">The values to show.</param>
    /// <returns>The message, and the warnings (a fallback) met on the way.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public TemplateRenderResult Render(string name, string channel, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var resolution = Resolve(name, channel);
        var isEmail = channel.Trim().Equals(BuiltInTemplates.Email, StringComparison.OrdinalIgnoreCase);
        var message = resolution.Template.Render(model, includeHtml: isEmail);
        return new TemplateRenderResult(message, resolution.Warning is null ? [] : [resolution.Warning]);
    }

    private static TemplateSet CreateBuiltIn()
    {
        var templates = new Dictionary<(string Name, string Channel), MessageTemplate>();
        foreach (var (name, channel, content) in BuiltInTemplates.Sources())
        {
            var parsed = TemplateParser.ParseMessage(content, requireSubject: channel == BuiltInTemplates.Email);
            templates[(name, channel)] = parsed.Success
                ? parsed.Value
                : throw new InvalidOperationException($"Built-in template {name}.{channel} is invalid: {parsed.ErrorSummary}");
        }

        return new TemplateSet(templates);
    }
}

/// <summary>The template chosen for a (name, channel), with a warning when it is a fallback.</summary>
/// <param name="Template">The template to render.</param>
/// <param name="Warning">Set when the exact template was missing and a generic one was chosen.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateResolution(MessageTemplate Template, TemplateWarning? Warning);

/// <summary>A rendered message and the warnings met while choosing its template.</summary>
/// <param name="Message">The rendered subject and bodies.</param>
/// <param name="Warnings">Warnings, such as a fallback to the generic template; empty when none.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateRenderResult(RenderedMessage Message, IReadOnlyList<TemplateWarning> Warnings);

/// <summary>A user template that could not be loaded.</summary>
/// <param name="Origin">Where it came from (file name, or <c>name.channel</c>).</param>
/// <param name="Errors">Every error found in it.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateLoadFailure(string Origin, IReadOnlyList<TemplateError> Errors)
{
    /// <summary>Gets one readable paragraph listing the errors, including any unknown variables.</summary>
    /// <value>The default value is the errors joined by semicolons.</value>
    public string Summary { get; init; } = string.Join("; ", Errors);
}

/// <summary>The result of loading user templates: the new set, and the templates that were left out with their errors.</summary>
/// <param name="Set">The set with every valid user template added.</param>
/// <param name="Failures">The invalid templates; empty when all loaded. A host should refuse to run with failures, before sending anything.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateSetLoadResult(TemplateSet Set, IReadOnlyList<TemplateLoadFailure> Failures)
{
    /// <summary>Gets a value indicating whether every template loaded.</summary>
    public bool Success => Failures.Count == 0;
}

namespace Kolek.Dunning.Templates;

/// <summary>A user template as text, to load into a <see cref="TemplateSet"/> (the library takes content; reading files is the host's job).</summary>
/// <param name="Name">The template name rulers refer to, for example <c>atraso</c>.</param>
/// <param name="Channel">The channel it is for, for example <c>email</c> or <c>whatsapp</c>.</param>
/// <param name="Content">The template: for e-mail a <c>Subject:</c> line, then the body (see <see cref="TemplateParser"/>).</param>
/// <param name="Origin">Where the content came from (a file name), for error messages; defaults to <c>name.channel</c>.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateSource(string Name, string Channel, string Content, string? Origin = null)
{
    /// <summary>Gets an HTML body template for e-mail; when <see langword="null"/>, HTML is derived from the text body.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? HtmlContent { get; init; }

    /// <summary>Creates a source from a file named <c>{template}.{channel}.txt</c> (the <c>--templates DIR</c> convention), for example <c>atraso-firme.whatsapp.txt</c>.</summary>
    /// <param name="fileName">The file name, without directory.</param>
    /// <param name="content">The file's content.</param>
    /// <param name="source">The source, when the name follows the convention.</param>
    /// <returns><see langword="true"/> when <paramref name="fileName"/> has the form <c>{template}.{channel}.txt</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> or <paramref name="content"/> is null.</exception>
    public static bool TryFromFileName(string fileName, string content, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TemplateSource? source)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        source = null;
        var parts = fileName.Split('.');
        if (parts.Length != 3 || !parts[2].Equals("txt", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
        {
            return false;
        }

        source = new TemplateSource(parts[0], parts[1].ToLowerInvariant(), content, fileName);
        return true;
    }
}

namespace Kolek.Dunning.Templates;

/// <summary>A problem found in a template before anything is sent.</summary>
/// <param name="Code">A stable code: <c>template.unknown_variable</c>, <c>template.unclosed_tag</c>, <c>template.invalid_tag</c>,
/// <c>template.unclosed_section</c>, <c>template.unexpected_close</c>, <c>template.not_text</c>, <c>template.missing_subject</c>,
/// <c>template.invalid_source</c>.</param>
/// <param name="Line">The 1-based line of the problem, 0 when it concerns the whole template.</param>
/// <param name="Column">The 1-based column, 0 when it concerns the whole template.</param>
/// <param name="Message">What is wrong, in English, naming the offending text.</param>
/// <param name="Name">The variable or section name involved, when there is one.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateError(string Code, int Line, int Column, string Message, string? Name = null)
{
    /// <summary>Returns the error as <c>line:column: message</c>.</summary>
    /// <returns>The error text.</returns>
    public override string ToString() => Line > 0 ? $"{Line}:{Column}: {Message}" : Message;
}

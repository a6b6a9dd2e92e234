namespace Kolek.Dunning.Templates;

/// <summary>Something the caller should know about a rendering that still produced a message, such as a fallback to a built-in template.</summary>
/// <param name="Code">A stable code, for example <c>template.fallback</c>.</param>
/// <param name="Message">What happened.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateWarning(string Code, string Message);

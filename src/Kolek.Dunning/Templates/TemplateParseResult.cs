using System.Diagnostics.CodeAnalysis;

namespace Kolek.Dunning.Templates;

/// <summary>The result of parsing a template: the template, or every error found in it.</summary>
/// <typeparam name="T">The parsed template type.</typeparam>
/// <remarks>
/// A template with errors is an expected outcome (templates are written by users), so parsing never throws for it.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed class TemplateParseResult<T>
    where T : class
{
    private readonly T? _value;

    internal TemplateParseResult(T? value, IReadOnlyList<TemplateError> errors)
    {
        _value = errors.Count == 0 ? value : null;
        Errors = errors;
    }

    /// <summary>Gets a value indicating whether the template is valid.</summary>
    [MemberNotNullWhen(true, nameof(ValueOrNull))]
    public bool Success => Errors.Count == 0;

    /// <summary>Gets the template.</summary>
    /// <exception cref="InvalidOperationException">The template has errors; the message is <see cref="ErrorSummary"/>.</exception>
    public T Value => _value ?? throw new InvalidOperationException(ErrorSummary);

    /// <summary>Gets the template, or <see langword="null"/> when it has errors.</summary>
    public T? ValueOrNull => _value;

    /// <summary>Gets every error found, in source order; empty on success.</summary>
    public IReadOnlyList<TemplateError> Errors { get; }

    /// <summary>Gets one readable paragraph listing every error, for logs and command-line output; empty on success.</summary>
    /// <value>For example <c>2 template errors: unknown variables customer.nome (3:5), totl (7:1). …</c>.</value>
    public string ErrorSummary
    {
        get
        {
            if (Success)
            {
                return string.Empty;
            }

            var unknown = Errors.Where(e => e.Code == TemplateParser.UnknownVariable).ToList();
            var parts = new List<string>();
            if (unknown.Count > 0)
            {
                parts.Add("unknown variables: " + string.Join(", ", unknown.Select(e => $"{e.Name} ({e.Line}:{e.Column})")));
            }

            parts.AddRange(Errors.Where(e => e.Code != TemplateParser.UnknownVariable).Select(e => e.ToString()));
            var known = unknown.Count > 0
                ? " Known variables: " + TemplateVariables.Describe(TemplateVariables.Root)
                  + "; inside {{# charges }}: " + TemplateVariables.Describe(TemplateVariables.Charge) + "."
                : string.Empty;
            return $"{Errors.Count} template error{(Errors.Count == 1 ? string.Empty : "s")}: {string.Join("; ", parts)}.{known}";
        }
    }
}

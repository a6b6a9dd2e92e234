using System.Diagnostics.CodeAnalysis;

namespace Kolek.Dunning.Ruler;

/// <summary>The outcome of <see cref="RulerJson.Parse"/>: a valid ruler, or every error found.</summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RulerParseResult
{
    private RulerParseResult(DunningRuler? ruler, IReadOnlyList<RulerValidationError> errors)
    {
        Ruler = ruler;
        Errors = errors;
    }

    /// <summary>The ruler, when the text is valid.</summary>
    public DunningRuler? Ruler { get; }

    /// <summary>Every error found (structure and validation); empty on success.</summary>
    public IReadOnlyList<RulerValidationError> Errors { get; }

    /// <summary>Whether the text is a valid ruler.</summary>
    [MemberNotNullWhen(true, nameof(Ruler))]
    public bool Success => Ruler is not null;

    /// <summary>The ruler, or an exception listing every error.</summary>
    /// <returns>The ruler.</returns>
    /// <exception cref="InvalidOperationException">The text was not a valid ruler; the message lists every error.</exception>
    public DunningRuler GetValueOrThrow() => Ruler ?? throw new InvalidOperationException(
        "The ruler is invalid:" + string.Concat(Errors.Select(e => $"{Environment.NewLine}- {e.Code} at '{e.Path}': {e.Message}")));

    /// <summary>A summary: success, the ruler and the errors per code.</summary>
    /// <returns>For example <c>RulerParseResult { Success = False, Ruler = null, Errors = 2 (ruler.step.duplicate_id 2) }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(RulerParseResult),
        (nameof(Success), Success.ToString()),
        (nameof(Ruler), Ruler?.Id ?? "null"),
        (nameof(Errors), Internal.ResultText.Counts(Errors.Select(e => e.Code))));

    internal static RulerParseResult Ok(DunningRuler ruler) => new(ruler, []);

    internal static RulerParseResult Failed(IReadOnlyList<RulerValidationError> errors) => new(null, errors);
}

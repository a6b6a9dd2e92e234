using System.Diagnostics.CodeAnalysis;

namespace Kolek.Dunning.Ruler;

/// <summary>The outcome of <see cref="RulerJson.ParseBook"/>: a valid ruler book, or every error found.</summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record RulerBookParseResult
{
    private RulerBookParseResult(RulerBook? book, IReadOnlyList<RulerValidationError> errors)
    {
        Book = book;
        Errors = errors;
    }

    /// <summary>The book, when the text is valid.</summary>
    public RulerBook? Book { get; }

    /// <summary>Every error found (structure and validation); empty on success.</summary>
    public IReadOnlyList<RulerValidationError> Errors { get; }

    /// <summary>Whether the text is a valid ruler book.</summary>
    [MemberNotNullWhen(true, nameof(Book))]
    public bool Success => Book is not null;

    /// <summary>The book, or an exception listing every error.</summary>
    /// <returns>The book.</returns>
    /// <exception cref="InvalidOperationException">The text was not a valid ruler book; the message lists every error.</exception>
    public RulerBook GetValueOrThrow() => Book ?? throw new InvalidOperationException(
        "The ruler book is invalid:" + string.Concat(Errors.Select(e => $"{Environment.NewLine}- {e.Code} at '{e.Path}': {e.Message}")));

    /// <summary>A summary: success, the book and the errors per code.</summary>
    /// <returns>For example <c>RulerBookParseResult { Success = False, Book = null, Errors = 2 (ruler.step.duplicate_id 2) }</c>.</returns>
    public override string ToString() => Internal.ResultText.Record(nameof(RulerBookParseResult),
        (nameof(Success), Success.ToString()),
        (nameof(Book), Book is null ? "null" : $"{Book.Rulers.Count} ruler(s)"),
        (nameof(Errors), Internal.ResultText.Counts(Errors.Select(e => e.Code))));

    internal static RulerBookParseResult Ok(RulerBook book) => new(book, []);

    internal static RulerBookParseResult Failed(IReadOnlyList<RulerValidationError> errors) => new(null, errors);
}

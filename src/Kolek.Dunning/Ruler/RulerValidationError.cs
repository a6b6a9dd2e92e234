namespace Kolek.Dunning.Ruler;

/// <summary>A problem found in a ruler.</summary>
/// <param name="Code">A stable, testable code (see <see cref="RulerErrorCodes"/>), e.g. <c>ruler.step.duplicate_id</c>.</param>
/// <param name="Path">Where, as a JSON path without the leading <c>$.</c> (e.g. <c>steps[2].channels[0]</c>); empty for the whole document.</param>
/// <param name="Message">An English explanation for people.</param>
public sealed record RulerValidationError(string Code, string Path, string Message);

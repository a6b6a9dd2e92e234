namespace Kolek.Reconciliation.Statements;

/// <summary>Something a reader could not read, or read with doubt: where, which field, and why.</summary>
/// <param name="Line">1-based line in the file, when known.</param>
/// <param name="Field">The field or tag concerned, when known (e.g. <c>TRNAMT</c>).</param>
/// <param name="Severity">Whether data was lost (<see cref="DiagnosticSeverity.Error"/>) or only doubted.</param>
/// <param name="Code">A stable, machine-readable code such as <c>ofx.amount.invalid</c>.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record StatementDiagnostic(int? Line, string? Field, DiagnosticSeverity Severity, string Code, string Message);

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Read, but something looked odd; nothing was lost.</summary>
    Warning = 1,

    /// <summary>A part of the file could not be read; it is not among the transactions.</summary>
    Error = 2,
}

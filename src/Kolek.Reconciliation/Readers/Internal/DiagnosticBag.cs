using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Collects the diagnostics of one read and returns them in file order.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<StatementDiagnostic> _items = [];

    public void Warning(int? line, string? field, string code, string message) =>
        _items.Add(new StatementDiagnostic(line, field, DiagnosticSeverity.Warning, code, message));

    public void Error(int? line, string? field, string code, string message) =>
        _items.Add(new StatementDiagnostic(line, field, DiagnosticSeverity.Error, code, message));

    /// <summary>The diagnostics sorted by line (file-level ones without a line first), keeping insertion order on ties.</summary>
    public IReadOnlyList<StatementDiagnostic> ToList() =>
        [.. _items.OrderBy(d => d.Line ?? 0)];
}

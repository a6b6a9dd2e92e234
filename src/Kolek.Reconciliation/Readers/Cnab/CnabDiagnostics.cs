using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Collects the diagnostics of one CNAB read, in file order.</summary>
internal sealed class CnabDiagnostics
{
    private readonly List<StatementDiagnostic> _items = [];

    public IReadOnlyList<StatementDiagnostic> Items => _items;

    public void Warning(int? line, string? field, string code, string message) =>
        _items.Add(new StatementDiagnostic(line, field, DiagnosticSeverity.Warning, code, message));

    public void Error(int? line, string? field, string code, string message) =>
        _items.Add(new StatementDiagnostic(line, field, DiagnosticSeverity.Error, code, message));
}

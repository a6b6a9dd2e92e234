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

    /// <summary>How many diagnostics were reported so far (a position for <see cref="WarningAt"/>).</summary>
    public int Count => _items.Count;

    /// <summary>Reports a warning at <paramref name="index"/>, as if it had been reported when <see cref="Count"/> was that.</summary>
    public void WarningAt(int index, int? line, string? field, string code, string message) =>
        _items.Insert(index, new StatementDiagnostic(line, field, DiagnosticSeverity.Warning, code, message));

    /// <summary>Puts <paramref name="first"/>'s diagnostics before all others, as if they had been reported first.</summary>
    public void InsertFirst(DiagnosticBag first) => _items.InsertRange(0, first._items);

    /// <summary>The diagnostics sorted by line (file-level ones without a line first), keeping insertion order on ties.</summary>
    public IReadOnlyList<StatementDiagnostic> ToList() =>
        [.. _items.OrderBy(d => d.Line ?? 0)];
}

using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Pix;

/// <summary>The state of one PIX read: the transactions not yet handed out, the diagnostics so far, the ids already used
/// (by their 64-bit hash, 8 bytes each, so a file of millions of pix stays in bounded memory), the line of each object.</summary>
internal sealed class PixReadContext
{
    private readonly HashCounter _ids = new();

    /// <summary>The transactions read since the caller last took them.</summary>
    public List<BankTransaction> Transactions { get; } = [];

    public List<StatementDiagnostic> Diagnostics { get; } = [];

    public Dictionary<string, int> Lines { get; set; } = [];

    public int? LineOf(string path) => Lines.TryGetValue(path, out var line) ? line : null;

    /// <summary>Claims a transaction id; false (with a warning) when the same payment already appeared in the file.</summary>
    public bool TryClaim(string id, int? line)
    {
        if (_ids.Add(ContentHash.KeyHash(id)) == 0)
        {
            return true;
        }

        Warning(line, "endToEndId", "pix.duplicate", $"{id} aparece mais de uma vez no arquivo; lido uma só vez.");
        return false;
    }

    public void Warning(int? line, string? field, string code, string message) =>
        Diagnostics.Add(new StatementDiagnostic(line, field, DiagnosticSeverity.Warning, code, message));

    public void Error(int? line, string? field, string code, string message) =>
        Diagnostics.Add(new StatementDiagnostic(line, field, DiagnosticSeverity.Error, code, message));
}

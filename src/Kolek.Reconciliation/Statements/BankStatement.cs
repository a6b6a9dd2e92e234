namespace Kolek.Reconciliation.Statements;

/// <summary>What a reader made of one bank file: its transactions and a diagnostic for every part it could not read.</summary>
/// <remarks>A file holding several statements (e.g. two OFX <c>STMTRS</c>) yields one result with all transactions;
/// <see cref="Account"/> is then the first account found.</remarks>
public sealed record BankStatement
{
    /// <summary>The file name or path given to the reader, for reports.</summary>
    public required string Path { get; init; }

    /// <summary>The format read (the best guess when the file was malformed).</summary>
    public required StatementFormat Format { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The account, when the file identifies one.</summary>
    public BankAccount? Account { get; init; }

    /// <summary>Every transaction read, in file order.</summary>
    public required IReadOnlyList<BankTransaction> Transactions { get; init; }

    /// <summary>Every problem met, in file order.</summary>
    public required IReadOnlyList<StatementDiagnostic> Diagnostics { get; init; }

    /// <summary>Whether any diagnostic is an error (part of the file was not read).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

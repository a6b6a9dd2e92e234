using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>The frame shared by both CNAB flavours: split and fit the lines, read the records, wrap the result.</summary>
internal static class CnabStatement
{
    /// <summary>Reads the records with <paramref name="readRecords"/>, which returns the account and fills the transactions;
    /// <paramref name="sequence"/> is where a sequence number ends each record (CNAB 400), to tell shifted from trimmed records.</summary>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content, int width, CnabSpan? sequence, StatementFormat format,
        Func<List<CnabLine>, CnabDiagnostics, List<BankTransaction>, BankAccount> readRecords)
    {
        var diagnostics = new CnabDiagnostics();
        var lines = CnabLines.Fit(CnabLines.Split(content), width, sequence, diagnostics);
        var transactions = new List<BankTransaction>();
        BankAccount? account = null;
        if (lines.Count == 0)
        {
            diagnostics.Error(null, null, "cnab.file.empty", "O arquivo não tem registros.");
        }
        else
        {
            account = readRecords(lines, diagnostics, transactions);
        }

        return new BankStatement
        {
            Path = path,
            Format = format,
            Sha256 = ContentHash.Sha256Hex(content),
            Account = account,
            Transactions = transactions,
            Diagnostics = diagnostics.Items,
        };
    }
}

using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>The frame shared by both CNAB flavours: split and fit the lines, read the records, wrap the result.</summary>
internal static class CnabStatement
{
    /// <summary>Reads the records with <paramref name="readRecords"/>, which returns the account and fills the transactions.</summary>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content, int width, StatementFormat format,
        Func<List<CnabLine>, CnabDiagnostics, List<BankTransaction>, BankAccount> readRecords)
    {
        var diagnostics = new CnabDiagnostics();
        var lines = CnabLines.Fit(CnabLines.Split(content), width, diagnostics);
        var transactions = new List<BankTransaction>();
        BankAccount? account = null;
        if (lines.Count == 0)
        {
            diagnostics.Error(null, null, "cnab.file.empty", "The file has no records.");
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

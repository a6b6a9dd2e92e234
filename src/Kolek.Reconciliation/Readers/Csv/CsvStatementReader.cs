using System.Globalization;
using System.Text;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Csv;

/// <summary>Reads a CSV bank or ERP export whose columns are declared by a <see cref="CsvStatementLayout"/>.</summary>
/// <remarks>
/// <para>CSV is never auto-detected by <see cref="StatementReader.Detect"/>: it has no signature, any text with
/// separators would pass, and the column mapping cannot be guessed reliably, so a damaged OFX or MT940 file would be
/// misread as CSV. The caller names the format (<see cref="StatementFormat.Csv"/>, which picks the
/// <see cref="CsvStatementLayout.BrazilianBank"/> or <see cref="CsvStatementLayout.BrazilianBankCreditDebit"/> preset by
/// the header) or, for any other export, its layout.</para>
/// <para>Every row becomes a transaction or an error diagnostic with its line and column; blank rows are skipped.
/// Pure: takes bytes, does no I/O. Thread-safe.</para>
/// </remarks>
public static class CsvStatementReader
{
    private static readonly Encoding s_windows1252 =
        CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>Reads a CSV export with the preset its header names: <see cref="CsvStatementLayout.BrazilianBankCreditDebit"/>
    /// when it has <c>credito</c> and <c>debito</c> columns and no <c>valor</c>, else <see cref="CsvStatementLayout.BrazilianBank"/>;
    /// never throws on content.</summary>
    /// <param name="path">The file's name or path, used in reports only.</param>
    /// <param name="content">The whole file, as bytes.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content) => ReadWith(path, content, null);

    /// <summary>Reads a CSV export with a declared layout; never throws on content.</summary>
    /// <param name="path">The file's name or path, used in reports only.</param>
    /// <param name="content">The whole file, as bytes.</param>
    /// <param name="layout">Which column holds what, and how values are written.</param>
    /// <returns>Every row read as a transaction (credits positive, debits negative), and an error per row not read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="layout"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="layout"/> is not usable (see <see cref="CsvStatementLayout.Validate"/>).</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content, CsvStatementLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return ReadWith(path, content, layout);
    }

    /// <summary>Reads with <paramref name="layout"/>, or with the preset the header names when it is null (both presets
    /// share their separator and encoding, so the records are split once).</summary>
    private static BankStatement ReadWith(string path, ReadOnlySpan<byte> content, CsvStatementLayout? layout)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (layout?.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(layout));
        }

        var diagnostics = new DiagnosticBag();
        var split = layout ?? CsvStatementLayout.BrazilianBank;
        var records = CsvRecords.Split(Decode(content, split.Encoding), split.Separator, out var unclosed);
        layout ??= PresetNamedBy(records.FirstOrDefault(r => !r.IsBlank));
        if (unclosed > 0)
        {
            diagnostics.Warning(unclosed, null, "csv.quote.unclosed", "Aspas abertas e nunca fechadas; o restante do arquivo foi lido como um só campo.");
        }

        var transactions = new List<BankTransaction>();
        var rows = records.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0)
        {
            diagnostics.Error(null, null, "csv.empty", "O arquivo CSV não tem linhas.");
        }
        else if (CsvRowReader.Create(layout, layout.HasHeader ? rows[0] : null, diagnostics) is { } reader)
        {
            foreach (var row in rows.Skip(layout.HasHeader ? 1 : 0))
            {
                if (reader.Read(row) is { } transaction)
                {
                    transactions.Add(transaction);
                }
            }
        }

        return new BankStatement
        {
            Path = path,
            Format = StatementFormat.Csv,
            Sha256 = ContentHash.Sha256Hex(content),
            Account = null,
            Transactions = transactions,
            Diagnostics = diagnostics.ToList(),
        };
    }

    /// <summary>The preset whose columns the header names (see <see cref="Read(string, ReadOnlySpan{byte})"/>).</summary>
    private static CsvStatementLayout PresetNamedBy(CsvRecord? header)
    {
        var names = (header?.Fields ?? []).Select(name => name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.Contains("credito") && names.Contains("debito") && !names.Contains("valor")
            ? CsvStatementLayout.BrazilianBankCreditDebit
            : CsvStatementLayout.BrazilianBank;
    }

    private static string Decode(ReadOnlySpan<byte> content, CsvTextEncoding encoding)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        return content.StartsWith(bom)
            ? Encoding.UTF8.GetString(content[bom.Length..])
            : (encoding == CsvTextEncoding.Windows1252 ? s_windows1252 : Encoding.UTF8).GetString(content);
    }
}

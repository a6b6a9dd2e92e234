using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using static Kolek.Reconciliation.Readers.Camt.CamtXml;

namespace Kolek.Reconciliation.Readers.Camt;

/// <summary>Reads ISO 20022 camt.053 bank statements and camt.054 debit/credit notifications (versions .001.02 to .001.08).</summary>
/// <remarks>
/// <para>Security: the XML is read with DTDs prohibited, no resolver, at most 1,024 characters from entities and
/// <see cref="CamtXml.MaxElementBytes"/> bytes per element below a statement; a file with a <c>&lt;!DOCTYPE&gt;</c> (an XXE
/// or "billion laughs" attempt) is refused with a <c>camt.xml.dtd-prohibited</c> error, never resolved or expanded.</para>
/// <para>Streaming: the file is read one <c>Ntry</c> at a time with an <see cref="System.Xml.XmlReader"/> (never as a
/// whole tree), after a pass ahead that checks the XML is well-formed (a damaged file yields its one error and no
/// transaction) and collects each statement's account; a statement's balances are checked at its end.</para>
/// <para>Transactions: one per <c>TxDtls</c> of an entry when the details' amounts, in the entry's currency, add up to
/// the entry (a batch with <c>NbOfTxs=2</c> gives two); otherwise, and for an entry without details, one for the entry
/// (<c>camt.batch.unsplit</c> warning when details were there). The amount is signed by <c>CdtDbtInd</c> (CRDT positive,
/// DBIT negative; a detail's own indicator wins for its part). Only <c>BOOK</c> entries are credits or debits; PDNG,
/// INFO, FUTR… are <see cref="TransactionKind.Event"/>s whose occurrence says why. A reversal (<c>RvslInd=true</c>)
/// keeps the direction of its indicator, its description starts with "Estorno: " and a <c>camt.entry.reversal</c>
/// warning marks it. Dates: <c>BookgDt</c> (else <c>ValDt</c>, with a warning) and <c>ValDt</c>, from <c>Dt</c> or the
/// local date written in <c>DtTm</c>, never shifted through UTC. References: <c>EndToEndId</c> (not "NOTPROVIDED"),
/// the first structured creditor reference (<c>Strd/CdtrRefInf/Ref</c>) as the document number, the detail's or the
/// entry's <c>AcctSvcrRef</c> (else <c>NtryRef</c>) as the FITID. Description: <c>Ustrd</c> lines, else
/// <c>AddtlRmtInf</c>, <c>AddtlTxInf</c>, <c>AddtlNtryInf</c>. Payer on credits: <c>RltdPties/Dbtr</c> name, and its
/// id when that is a valid CPF/CNPJ. Amounts are kept in the file's currency; each currency other than BRL is
/// reported once (<c>camt.currency.foreign</c>).</para>
/// <para>Stable id: <c>camt-</c> + 16 hex digits of the XXH3 64-bit hash of account | entry reference | detail references
/// (AcctSvcrRef, EndToEndId, InstrId, TxId) | booking date | signed amount, with <c>|#n</c> for the n-th repeat of an
/// identical key in the file. A statement whose opening balance plus its booked entries differs from its closing
/// balance gets a <c>camt.balance.mismatch</c> warning. Never throws on content; stateless and thread-safe.</para>
/// </remarks>
public static class CamtReader
{
    internal const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.";

    /// <summary>Whether the content is camt.053 or camt.054 XML, from its namespace or root element (never the file name).</summary>
    /// <param name="content">The file's bytes (the first few kilobytes are enough).</param>
    /// <returns><see langword="true"/> for a camt.053 or camt.054 document.</returns>
    public static bool CanRead(ReadOnlySpan<byte> content) => FormatOf(content) != StatementFormat.Unknown;

    /// <summary>Reads every entry of a camt.053 or camt.054 file, with a diagnostic for each part that could not be read.</summary>
    /// <param name="path">The file name or path, only echoed in the result (nothing is opened).</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The statement: format camt053 or camt054, the SHA-256 of the bytes, the first account, every
    /// transaction in file order and every diagnostic in line order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        return StreamedStatement.ReadAll(path, content, StatementFormat.Camt053, Stream);
    }

    /// <summary>Reads the file one <c>Ntry</c> at a time: a pass ahead checks that the XML is well-formed (a damaged
    /// file gives its one error and no transaction, as a whole-file parse would) and collects each statement's account,
    /// then the real pass loads each entry alone and checks each statement's balances at its end.</summary>
    internal static IEnumerable<BankTransaction> Stream(StreamedStatement output)
    {
        var input = TwoPassInput.Open(output);
        var diagnostics = output.Bag;
        var headFormat = FormatOf(input.Start(StatementReader.SniffLength));
        output.Format = headFormat == StatementFormat.Unknown ? StatementFormat.Camt053 : headFormat;
        var ahead = new CamtDocument(new DiagnosticBag());
        using (var stream = input.Ahead())
        {
            if (!ahead.Check(stream, () => input.Contains("<!DOCTYPE"u8), diagnostics))
            {
                input.Main(); // back to the start, so that the whole file is hashed
                yield break;
            }
        }

        output.Account = ahead.Accounts.FirstOrDefault(a => a is not null);
        var document = new CamtDocument(diagnostics);
        var entries = new CamtEntryReader(diagnostics);
        foreach (var node in document.Walk(input.Main()))
        {
            if (node.Entry is { } entry)
            {
                var account = ahead.Accounts.ElementAtOrDefault(node.Statement);
                foreach (var transaction in entries.ReadEntry(entry, NaturalKey.Code(account?.Number), node.Totals))
                {
                    yield return transaction;
                }
            }
            else
            {
                CheckBalances(node.Header!, node.Totals, diagnostics);
            }
        }

        output.Format = document.Format == StatementFormat.Unknown ? output.Format : document.Format;
        entries.Currencies.Report(diagnostics, "camt", "Ccy");
    }

    /// <summary>camt053 or camt054 from the first kilobytes: the camt namespace, else the message's root element.</summary>
    internal static StatementFormat FormatOf(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        content = content.StartsWith(bom) ? content[bom.Length..] : content;
        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || content[start] != (byte)'<')
        {
            return StatementFormat.Unknown;
        }

        var head = Encoding.Latin1.GetString(content.Slice(start, Math.Min(content.Length - start, 4096)));
        if (head.Contains(NamespacePrefix + "053", StringComparison.Ordinal) || head.Contains("BkToCstmrStmt>", StringComparison.Ordinal))
        {
            return StatementFormat.Camt053;
        }

        return head.Contains(NamespacePrefix + "054", StringComparison.Ordinal) || head.Contains("BkToCstmrDbtCdtNtfctn>", StringComparison.Ordinal)
            ? StatementFormat.Camt054
            : StatementFormat.Unknown;
    }

    internal static BankAccount? AccountOf(XElement statement)
    {
        var account = Child(statement, "Acct");
        var number = Text(account, "Id", "IBAN") ?? Text(account, "Id", "Othr", "Id");
        var bank = Text(account, "Svcr", "FinInstnId", "BIC") ?? Text(account, "Svcr", "FinInstnId", "BICFI");
        return number is null && bank is null ? null : new BankAccount(bank, null, number);
    }

    /// <summary>Warns when opening (OPBD, else PRCD) + booked entries ≠ closing (CLBD), all in one currency.</summary>
    private static void CheckBalances(XElement statement, CamtStatementTotals totals, DiagnosticBag diagnostics)
    {
        var opening = Balance(statement, "OPBD") ?? Balance(statement, "PRCD");
        var closing = Balance(statement, "CLBD");
        if (!totals.Complete || opening is not { } open || closing is not { } close || open.Currency != close.Currency)
        {
            return;
        }

        var bookedSum = totals.BookedSum;
        if (totals.Currencies.Any(c => c != open.Currency) || open.Amount + bookedSum == close.Amount)
        {
            return;
        }

        diagnostics.Warning(close.Line, "Bal", "camt.balance.mismatch", string.Create(CultureInfo.InvariantCulture,
            $"Saldo inicial {NaturalKey.Amount(open.Amount)} + lançamentos {NaturalKey.Amount(bookedSum)} = {NaturalKey.Amount(open.Amount + bookedSum)}, mas o saldo final declarado é {NaturalKey.Amount(close.Amount)} {close.Currency}."));
    }

    private static (decimal Amount, string? Currency, int Line)? Balance(XElement statement, string code)
    {
        var balance = Children(statement, "Bal").FirstOrDefault(b => (Text(b, "Tp", "CdOrPrtry", "Cd") ?? Text(b, "Tp", "Cd")) == code);
        var amount = Child(balance, "Amt");
        return balance is not null && TryAmount(amount, out var value)
            ? (Text(balance, "CdtDbtInd") == "DBIT" ? -value : value, Currency(amount), Line(balance))
            : null;
    }
}

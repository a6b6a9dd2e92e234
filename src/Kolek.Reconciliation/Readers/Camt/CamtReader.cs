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
/// <see cref="CamtXml.MaxCharacters"/> characters in all; a file with a <c>&lt;!DOCTYPE&gt;</c> (an XXE or
/// "billion laughs" attempt) is refused with a <c>camt.xml.dtd-prohibited</c> error, never resolved or expanded.</para>
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
/// <para>Stable id: <c>camt-</c> + 16 hex digits of the SHA-256 of account | entry reference | detail references
/// (AcctSvcrRef, EndToEndId, InstrId, TxId) | booking date | signed amount, with <c>|#n</c> for the n-th repeat of an
/// identical key in the file. A statement whose opening balance plus its booked entries differs from its closing
/// balance gets a <c>camt.balance.mismatch</c> warning. Never throws on content; stateless and thread-safe.</para>
/// </remarks>
public static class CamtReader
{
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.";

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
        var diagnostics = new DiagnosticBag();
        var format = FormatOf(content);
        var entries = new CamtEntryReader(diagnostics);
        BankAccount? account = null;
        if (Load(content, diagnostics) is { Root: { } root })
        {
            var (documentFormat, statements) = Statements(root, diagnostics);
            format = documentFormat == StatementFormat.Unknown ? format : documentFormat;
            foreach (var statement in statements)
            {
                var own = AccountOf(statement);
                account ??= own;
                var (sum, complete) = entries.ReadEntries(statement, NaturalKey.Code(own?.Number));
                CheckBalances(statement, sum, complete, diagnostics);
            }

            entries.Currencies.Report(diagnostics, "camt", "Ccy");
        }

        return new BankStatement
        {
            Path = path,
            Format = format == StatementFormat.Unknown ? StatementFormat.Camt053 : format,
            Sha256 = ContentHash.Sha256Hex(content),
            Account = account,
            Transactions = entries.Transactions,
            Diagnostics = diagnostics.ToList(),
        };
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

    private static (StatementFormat Format, List<XElement> Statements) Statements(XElement root, DiagnosticBag diagnostics)
    {
        var message = root.Name.LocalName == "Document" ? root.Elements().FirstOrDefault() : root;
        var (format, child) = message?.Name.LocalName switch
        {
            "BkToCstmrStmt" => (StatementFormat.Camt053, "Stmt"),
            "BkToCstmrDbtCdtNtfctn" => (StatementFormat.Camt054, "Ntfctn"),
            _ => (StatementFormat.Unknown, (string?)null),
        };

        if (child is null)
        {
            diagnostics.Error(Line(message ?? root), message?.Name.LocalName, "camt.document.unknown",
                $"A mensagem '{message?.Name.LocalName}' não é um extrato camt.053 (BkToCstmrStmt) nem uma notificação camt.054 (BkToCstmrDbtCdtNtfctn): nada lido.");
            return (format, []);
        }

        CheckVersion(root.Name.NamespaceName, format, Line(root), diagnostics);
        var statements = Children(message, child).ToList();
        if (statements.Count == 0)
        {
            diagnostics.Error(Line(message), child, "camt.statement.missing",
                $"O documento não tem nenhum <{child}>: nenhum lançamento a ler (arquivo incompleto ou inválido).");
        }

        return (format, statements);
    }

    private static void CheckVersion(string ns, StatementFormat format, int line, DiagnosticBag diagnostics)
    {
        var expected = NamespacePrefix + (format == StatementFormat.Camt053 ? "053" : "054") + ".001.";
        var known = ns.StartsWith(expected, StringComparison.Ordinal)
            && int.TryParse(ns.AsSpan(expected.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version is >= 2 and <= 8;
        if (!known)
        {
            diagnostics.Warning(line, "xmlns", "camt.version.unknown", string.Create(CultureInfo.InvariantCulture,
                $"Namespace '{ns}' fora das versões .001.02 a .001.08 conhecidas: lido pelos nomes dos elementos, confira o resultado."));
        }
    }

    private static BankAccount? AccountOf(XElement statement)
    {
        var account = Child(statement, "Acct");
        var number = Text(account, "Id", "IBAN") ?? Text(account, "Id", "Othr", "Id");
        var bank = Text(account, "Svcr", "FinInstnId", "BIC") ?? Text(account, "Svcr", "FinInstnId", "BICFI");
        return number is null && bank is null ? null : new BankAccount(bank, null, number);
    }

    /// <summary>Warns when opening (OPBD, else PRCD) + booked entries ≠ closing (CLBD), all in one currency.</summary>
    private static void CheckBalances(XElement statement, decimal bookedSum, bool complete, DiagnosticBag diagnostics)
    {
        var opening = Balance(statement, "OPBD") ?? Balance(statement, "PRCD");
        var closing = Balance(statement, "CLBD");
        if (!complete || opening is not { } open || closing is not { } close || open.Currency != close.Currency)
        {
            return;
        }

        var entryCurrencies = Children(statement, "Ntry").Select(n => Currency(Child(n, "Amt"))).Distinct().ToList();
        if (entryCurrencies.Any(c => c != open.Currency) || open.Amount + bookedSum == close.Amount)
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

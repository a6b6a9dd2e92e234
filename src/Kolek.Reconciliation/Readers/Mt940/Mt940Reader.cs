using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Mt940;

/// <summary>Reads SWIFT MT940 customer statements: one or more statements per file, as banks export them.</summary>
/// <remarks>
/// <para>Fields read: <c>:20:</c> opens a statement, <c>:25:</c> account, <c>:28C:</c> number, <c>:60F:/:60M:</c> opening
/// and <c>:62F:/:62M:</c> closing balance, each <c>:61:</c> with the <c>:86:</c> fields after it (several <c>:86:</c> and
/// continuation lines are joined). Bank headers, <c>-</c> separators, blank lines and a missing final line break are
/// tolerated. Each <c>:61:</c> is a <see cref="BankTransaction"/>: C credit (positive), D debit (negative), RC reversal of
/// a credit (a debit) and RD reversal of a debit (a credit), the last two with "Estorno: " before the description; a zero
/// amount is an <see cref="TransactionKind.Event"/>. Booking date is the entry date (MMDD) when written, else the value
/// date; value date is the value date. The description is the <c>:86:</c> text (kept whole, SEPA <c>?20</c> subfields and
/// <c>/XXX/</c> codes included), preceded by the <c>:61:</c> details (text after the reference, supplementary line) when
/// there are any, "details - information"; the customer reference (unless NONREF) is the document
/// number, the bank reference after <c>//</c> the FITID; from SEPA <c>:86:</c> subfields, <c>EREF+</c> is the end-to-end id
/// and, on credits, <c>?32</c>/<c>?33</c> the payer's name.</para>
/// <para>Dates: a day past the end of its month (30 February) is clamped to the last day of the month with a
/// <c>mt940.date.clamped</c> warning and the line is kept (its amount and the balances are right); a month or day that
/// cannot exist at all is an <c>mt940.date.invalid</c> error and the line is left out. Opening balance + lines ≠ closing
/// balance gives <c>mt940.balance.mismatch</c>; each currency other than BRL is reported once
/// (<c>mt940.currency.foreign</c>).</para>
/// <para>Stable id: <c>mt940-</c> + 16 hex digits of the SHA-256 of account | booking date | value date | mark | amount |
/// type | customer reference | bank reference | description, with <c>|#n</c> for the n-th repeat in the file. Never throws
/// on content; stateless and thread-safe.</para>
/// </remarks>
public static partial class Mt940Reader
{
    [GeneratedRegex(@"^:(20|61|60[FM]|62[FM]):", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex KeyTag();

    [GeneratedRegex(@"^:6[02][FM]:[CD]\d{6}[A-Z]{3}\d+,\d*\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BalanceLine();

    [GeneratedRegex(@"\?(?<code>\d{2})(?<text>[^?]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SepaSubfield();

    /// <summary>Whether the content is MT940: a <c>:20:</c> line together with a <c>:61:</c>, <c>:60F:</c> or <c>:62F:</c>
    /// line, or at least a well-formed balance line (a statement fragment). The file name plays no part.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns><see langword="true"/> when the content is recognised as MT940.</returns>
    public static bool CanRead(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 64 * 1024)];
        if (head.IndexOf(":6"u8) < 0)
        {
            return false;
        }

        var text = Encoding.Latin1.GetString(head).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var tags = KeyTag().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return (tags.Contains("20") && tags.Count > 1) || BalanceLine().IsMatch(text);
    }

    /// <summary>Reads every <c>:61:</c> line of an MT940 file, with a diagnostic for each part that could not be read.</summary>
    /// <param name="path">The file name or path, only echoed in the result (nothing is opened).</param>
    /// <param name="content">The file's bytes (UTF-8, else ISO-8859-1).</param>
    /// <returns>The statement: format <see cref="StatementFormat.Mt940"/>, the SHA-256 of the bytes, the first account,
    /// every transaction in file order and every diagnostic in line order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        var statements = Parse(content, diagnostics);
        var ids = new StableIds("mt940-");
        var currencies = new CurrencyTally();
        var transactions = new List<BankTransaction>();
        foreach (var statement in statements)
        {
            var sum = 0m;
            var complete = true;
            foreach (var entry in statement.Entries)
            {
                if (Mt940Parsing.ParseLine(entry.Line, diagnostics) is not { } line)
                {
                    complete = false;
                    continue;
                }

                sum += line.SignedAmount;
                currencies.Add(statement.Opening?.Currency ?? statement.Closing?.Currency, entry.Line.Line);
                transactions.Add(Build(statement, entry, line, ids, diagnostics));
            }

            CheckBalances(statement, sum, complete, diagnostics);
        }

        currencies.Report(diagnostics, "mt940", "60F");
        var account = statements.Select(s => s.Account).FirstOrDefault(a => a is not null);
        return new BankStatement
        {
            Path = path,
            Format = StatementFormat.Mt940,
            Sha256 = ContentHash.Sha256Hex(content),
            Account = account is null ? null : new BankAccount(null, null, account),
            Transactions = transactions,
            Diagnostics = diagnostics.ToList(),
        };
    }

    /// <summary>The statements of the file, with their balances and raw lines (for tests and the reader).</summary>
    internal static List<Mt940Statement> Parse(ReadOnlySpan<byte> content, DiagnosticBag diagnostics) =>
        Mt940Structure.Statements(Mt940Structure.Fields(Mt940Structure.Decode(content)), diagnostics);

    private static BankTransaction Build(Mt940Statement statement, Mt940Entry entry, Mt940Line line, StableIds ids, DiagnosticBag diagnostics)
    {
        var at = entry.Line.Line;
        var information = Information(entry);
        var description = (line.Details, information) switch
        {
            (null, _) => information,
            (_, null) => line.Details,
            _ => line.Details + " - " + information,
        };
        var kind = line.Amount == 0m ? TransactionKind.Event : line.SignedAmount > 0m ? TransactionKind.Credit : TransactionKind.Debit;
        if (kind == TransactionKind.Event)
        {
            diagnostics.Warning(at, "61", "mt940.amount.zero", "Lançamento de valor zero: informado como evento.");
        }

        if (line.IsReversal)
        {
            diagnostics.Warning(at, "61", "mt940.entry.reversal", string.Create(CultureInfo.InvariantCulture,
                $"Estorno ({line.Mark}): lido como {(line.SignedAmount > 0m ? "crédito" : "débito")}, descrição marcada \"Estorno\"."));
            description = "Estorno: " + (description ?? "lançamento estornado");
        }

        var subfields = information is not null && information.Contains("?2", StringComparison.Ordinal) ? Subfields(information) : [];
        var booking = line.EntryDate ?? line.ValueDate;
        var customer = string.Equals(line.CustomerReference, "NONREF", StringComparison.OrdinalIgnoreCase) || line.CustomerReference.Length == 0
            ? null
            : line.CustomerReference;
        var key = string.Join('|', NaturalKey.Code(statement.Account), NaturalKey.Date(booking), NaturalKey.Date(line.ValueDate), line.Mark,
            NaturalKey.Amount(line.Amount), line.TypeCode, customer, line.BankReference, description is null ? null : string.Join(' ', description.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var name = string.Concat(subfields.Where(s => s.Code is "32" or "33").Select(s => s.Text)).Trim();
        return new BankTransaction
        {
            Id = ids.Next(key, out _),
            Kind = kind,
            BookingDate = booking,
            ValueDate = line.ValueDate,
            Amount = line.SignedAmount,
            Currency = CurrencyTally.Foreign(statement.Opening?.Currency ?? statement.Closing?.Currency),
            Occurrence = Mt940TransactionTypes.Describe(line.TypeCode),
            Description = description,
            References = new TransactionReferences
            {
                Fitid = line.BankReference,
                DocumentNumber = customer,
                EndToEndId = EndToEndId(subfields),
            },
            Payer = kind == TransactionKind.Credit && name.Length > 0 ? new Payer(name, null) : null,
            Source = new SourceLocation(at),
        };
    }

    /// <summary>The <c>:86:</c> text: structured (<c>?NN</c>) lines are joined as written (they wrap mid-word), free text with spaces.</summary>
    private static string? Information(Mt940Entry entry)
    {
        var parts = entry.Information.Select(f =>
        {
            var separator = f.Value.Contains('?', StringComparison.Ordinal) ? string.Empty : " ";
            return string.Join(separator, f.Lines.Select(l => l.Trim())).Trim();
        }).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static List<(string Code, string Text)> Subfields(string information) =>
        [.. SepaSubfield().Matches(information).Select(m => (m.Groups["code"].Value, m.Groups["text"].Value))];

    /// <summary>The SEPA end-to-end reference: the text after <c>EREF+</c> in the purpose subfields ?20–?29, unless NOTPROVIDED.</summary>
    private static string? EndToEndId(List<(string Code, string Text)> subfields)
    {
        var purpose = string.Concat(subfields.Where(s => s.Code.StartsWith('2')).Select(s => s.Text));
        var start = purpose.IndexOf("EREF+", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var value = purpose[(start + 5)..];
        var next = Regex.Match(value, @"[A-Z]{4}\+", RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
        value = (next.Success ? value[..next.Index] : value).Trim();
        return value.Length == 0 || string.Equals(value, "NOTPROVIDED", StringComparison.OrdinalIgnoreCase) ? null : value;
    }

    private static void CheckBalances(Mt940Statement statement, decimal sum, bool complete, DiagnosticBag diagnostics)
    {
        if (!complete || statement.Opening is not { } open || statement.Closing is not { } close || open.Amount + sum == close.Amount)
        {
            return;
        }

        diagnostics.Warning(close.Line, close.Line == open.Line ? "60F" : "62F", "mt940.balance.mismatch", string.Create(CultureInfo.InvariantCulture,
            $"Saldo inicial {NaturalKey.Amount(open.Amount)} + lançamentos {NaturalKey.Amount(sum)} = {NaturalKey.Amount(open.Amount + sum)}, mas o saldo final declarado é {NaturalKey.Amount(close.Amount)} {close.Currency}."));
    }
}

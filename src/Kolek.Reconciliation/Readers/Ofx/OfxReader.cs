using System.Text;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Reads OFX bank and credit-card statements: OFX 1.x (SGML) and 2.x (XML), as Brazilian banks export them.</summary>
/// <remarks>
/// <para>The reader is tolerant: unclosed and mismatched tags, empty elements, several statements or several OFX
/// documents in one file, comma decimals, padded values and lying charset declarations are all read. It never
/// throws on content: whatever it cannot read becomes a <see cref="StatementDiagnostic"/> with the line, the field,
/// a stable code (<c>ofx.amount.invalid</c>, <c>ofx.date.invalid</c>, <c>ofx.encoding.mismatch</c>, …) and a
/// message in Portuguese, and a line whose amount or date cannot be read is left out rather than guessed.</para>
/// <para>Each <c>STMTTRN</c> becomes a <see cref="BankTransaction"/>: TRNAMT &gt; 0 is a credit, &lt; 0 a debit (a sign
/// that contradicts a one-way TRNTYPE, such as a positive DEBIT or FEE, is kept with a warning
/// <c>ofx.amount.sign-mismatch</c>);
/// a zero amount, a balance pseudo-line (<see cref="OfxReaderOptions.BalanceLinePatterns"/>) or an entry dated after
/// the statement's DTEND (scheduled) is an <see cref="TransactionKind.Event"/>. The booking date is DTPOSTED's
/// local date as written; the value date is DTAVAIL. The description is MEMO, or NAME, or "NAME - MEMO" when both
/// say different things; the occurrence is TRNTYPE with its Portuguese meaning; FITID, CHECKNUM (or REFNUM) become
/// the references; on a credit, a complete CPF/CNPJ with valid check digits in MEMO or NAME (formatted or bare,
/// never a masked fragment such as <c>•••.456.789-••</c>) becomes the payer's document, as bare characters.</para>
/// <para>Stable id: <c>ofx-</c> followed by the first 16 hex digits of the SHA-256 of
/// <c>bank|account|fitid|yyyy-MM-dd|amount</c>, where bank and account are BANKID and ACCTID reduced to letters
/// and digits without leading zeros (the branch is left out: banks write it with and without check digit), fitid
/// is the trimmed FITID (the description when FITID is missing), the date is the booking date and the amount is
/// written invariantly with at least two decimals. Line numbers, padding, encoding and line endings take no part,
/// so a line keeps its id on every import, in a re-encoded copy and in any overlapping export of the same account.
/// Lines identical in all these parts within one file (a repeated FITID) get <c>|#1</c>, <c>|#2</c>… appended in
/// file order, the first keeping the plain form; a FITID reused for another amount or day (Nubank's reversal)
/// gives a different id anyway.</para>
/// <para>Amounts: a lone separator followed by exactly three digits (<c>1,234</c>, <c>1.234</c>) may be a thousands
/// separator or a decimal one. It is decided by the file's own convention, the decimal separator its other,
/// unambiguous TRNAMT and BALAMT values show (<c>-530,86</c>: comma); when the file shows none (or both), the OFX
/// reading is kept (the separator is decimal, 1.234) with a warning <c>ofx.amount.ambiguous</c> on the line and
/// field. An OFX file with no <c>STMTRS</c>/<c>CCSTMTRS</c> at all was not read: <c>ofx.statement.missing</c> is an
/// error.</para>
/// <para>The class is stateless and thread-safe.</para>
/// </remarks>
public static class OfxReader
{
    /// <summary>Whether the content looks like OFX: it starts (after a BOM, blank lines and spaces) with an
    /// <c>OFXHEADER:</c> line, an <c>&lt;?OFX</c> or <c>&lt;?xml</c> declaration followed by <c>&lt;?OFX</c> or (after
    /// blanks and comments) by the <c>&lt;OFX&gt;</c> root, or an <c>&lt;OFX&gt;</c> tag. The file name plays no part.</summary>
    /// <param name="content">The file's bytes (the first few kilobytes are enough).</param>
    /// <returns><see langword="true"/> when the content is recognised as OFX.</returns>
    public static bool CanRead(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (content.StartsWith(bom))
        {
            content = content[bom.Length..];
        }

        ReadOnlySpan<byte> blanks = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n'];
        var start = content.IndexOfAnyExcept(blanks);
        if (start < 0)
        {
            return false;
        }

        var head = Encoding.Latin1.GetString(content.Slice(start, Math.Min(content.Length - start, 1024)));
        if (head.StartsWith("OFXHEADER", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<?OFX", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<OFX>", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            && (head.Contains("<?OFX", StringComparison.OrdinalIgnoreCase) || RootAfterProlog(head).StartsWith("<OFX>", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text after the XML declaration and any comments or blanks that follow it: where the root element starts.</summary>
    private static string RootAfterProlog(string head)
    {
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        var rest = end < 0 ? string.Empty : head[(end + 2)..].TrimStart();
        while (rest.StartsWith("<!--", StringComparison.Ordinal) && rest.IndexOf("-->", StringComparison.Ordinal) is var close and >= 0)
        {
            rest = rest[(close + 3)..].TrimStart();
        }

        return rest;
    }

    /// <summary>Reads every transaction of an OFX file, with a diagnostic for each part that could not be read.</summary>
    /// <param name="path">The file name or path, only echoed in the result for reports (nothing is opened).</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="options">Reader settings; <see cref="OfxReaderOptions.Default"/> when null.</param>
    /// <returns>The statement: format <see cref="StatementFormat.Ofx"/>, the SHA-256 of the bytes, the first account
    /// found, every transaction in file order and every diagnostic in line order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content, OfxReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= OfxReaderOptions.Default;
        return StreamedStatement.ReadAll(path, content, StatementFormat.Ofx, output => Stream(output, options));
    }

    /// <summary>The streaming read behind <see cref="Read"/> and <see cref="StatementReader.ReadStream(string, System.IO.Stream, StreamReadOptions)"/>.</summary>
    internal static IEnumerable<BankTransaction> Stream(StreamedStatement output) => Stream(output, OfxReaderOptions.Default);

    private static IEnumerable<BankTransaction> Stream(StreamedStatement output, OfxReaderOptions options)
    {
        var diagnostics = output.Bag;
        var facts = new OfxFileFacts(output, diagnostics);
        var builder = new OfxTransactionBuilder(options, facts.Convention, diagnostics, ExpectedTransactions(output));
        var structure = new OfxStructure(diagnostics, builder);
        var tokenizer = new OfxTokenizer(facts.Encoding);

        // The bytes are tokenized as they are and only the values decoded (see OfxTokenizer.Feed), as a StreamReader
        // would have decoded them: US-ASCII turns every byte above 0x7F into '?', UTF-8 skips its BOM. Until the
        // encoding is judged (OfxFileFacts), every byte read is ASCII: the first one above 0x7F has it judged.
        var ascii = facts.EncodingKnown && facts.Encoding.CodePage == Encoding.ASCII.CodePage;
        var judged = facts.EncodingKnown;
        var bom = facts.EncodingKnown && facts.Encoding.CodePage == Encoding.UTF8.CodePage;
        var input = output.Input;
        var buffer = new byte[output.ChunkSize];
        var filled = 0;
        var ended = false;
        while (!ended)
        {
            var read = input.Read(buffer, filled, buffer.Length - filled);
            ended = read == 0;
            if (!judged && (facts.EncodingKnown || buffer.AsSpan(filled, read).ContainsAnyInRange((byte)0x80, (byte)0xFF)))
            {
                // Bytes above 0x7F are coming, or the encoding was judged meanwhile (with the convention): from here on,
                // values are decoded as the whole file's encoding says.
                tokenizer.Encoding = facts.JudgeEncoding();
                ascii = tokenizer.Encoding.CodePage == Encoding.ASCII.CodePage;
                judged = true;
            }

            if (ascii)
            {
                ReplaceHighBytes(buffer.AsSpan(filled, read));
            }

            filled += read;
            if (bom)
            {
                if (filled < Utf8Bom.Length && !ended && buffer.AsSpan(0, filled).SequenceEqual(Utf8Bom[..filled]))
                {
                    if (filled == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    continue;
                }

                bom = false;
                if (buffer.AsSpan(0, filled).StartsWith(Utf8Bom))
                {
                    buffer.AsSpan(Utf8Bom.Length, filled - Utf8Bom.Length).CopyTo(buffer);
                    filled -= Utf8Bom.Length;
                }
            }

            // Tokenize up to the last '<' so that no tag is cut; the rest waits for more bytes.
            var cut = ended ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'<');
            if (cut <= 0 && !ended)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                continue;
            }

            // A tag still open at the cut waits for more text, unless it has waited for more than MaxTagWait bytes.
            var consumed = cut <= 0 ? 0 : tokenizer.Feed(buffer.AsSpan(0, cut), structure, complete: ended || filled > MaxTagWait);
            if (ended)
            {
                tokenizer.Finish(structure);
                structure.Finish();
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            builder.Complete();
            if (builder.Built.Count > 0 || ended)
            {
                NoteAccount(structure, output);
            }

            while (builder.Built.TryDequeue(out var transaction))
            {
                yield return transaction;
            }
        }
    }

    /// <summary>About how many transactions the file holds, from its size when known (a short one takes about 160 bytes).</summary>
    private static int ExpectedTransactions(StreamedStatement output)
    {
        var size = (long)output.Head.Length;
        if (output.Source.CanSeek)
        {
            size += Math.Max(0, output.Source.Length - output.Source.Position);
        }

        return (int)Math.Min(size / 160, 1 << 22);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Turns bytes above 0x7F into <c>?</c>, as the US-ASCII decoder reads them.</summary>
    private static void ReplaceHighBytes(Span<byte> bytes)
    {
        for (var at = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF); at >= 0; at = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF))
        {
            bytes[at] = (byte)'?';
            bytes = bytes[(at + 1)..];
        }
    }

    /// <summary>How long an unfinished tag (an end tag without its <c>&gt;</c>, an unclosed comment) may hold the text back:
    /// past it, the tag is read as if the text ended there. Bounds memory on a damaged file.</summary>
    /// <remarks>Counted in bytes (it was characters before the tokenizer read bytes: the same for single-byte encodings).</remarks>
    private const int MaxTagWait = 1024 * 1024;

    private static void NoteAccount(OfxStructure structure, StreamedStatement output)
    {
        if (structure.FirstAccount is { } first
            && (output.Account is not { } known || known.Bank != first.BankId || known.Branch != first.BranchId || known.Number != first.AccountId))
        {
            output.Account = new BankAccount(first.BankId, first.BranchId, first.AccountId);
        }
    }
}

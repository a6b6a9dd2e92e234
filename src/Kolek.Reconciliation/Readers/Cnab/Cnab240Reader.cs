using System.Runtime.CompilerServices;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Reads FEBRABAN CNAB 240 return files (retorno de cobrança, segments T and U) into a <see cref="BankStatement"/>.</summary>
/// <remarks>
/// <para>Each T segment and the U segment that follows it describe one boleto occurrence and become one transaction:
/// identification, face value, payer and fee from T; amounts paid and credited, interest, discount, rebate and dates from U.
/// A T without its U (or a U without its T) is reported as an error. The generic FEBRABAN layout serves BB, Caixa,
/// Sicoob, Ailos, Sicredi, BTG and similar banks; Santander (033) has its own T layout; other banks are read with the
/// FEBRABAN layout and a <c>cnab.bank.unknown</c> warning. Other segments (e.g. Y) are reported and skipped.</para>
/// <para>Latin-1; UTF-8 BOM, CR/LF/CRLF, and trimmed or overlong lines (padded or cut to 240 with a warning) are
/// tolerated; never throws on content. Thread-safe: the class is stateless.</para>
/// <para>The lot and file trailers' record counts and title totals are checked against the records read
/// (<see cref="Cnab240Totals"/>): a disagreement is a <c>cnab240.trailer.mismatch</c> warning at the trailer.</para>
/// </remarks>
public static class Cnab240Reader
{
    private const int Width = 240;

    /// <summary>Whether <paramref name="content"/> looks like a CNAB 240 file: bank code, lote <c>0000</c> and record type <c>0</c>, 240-ish characters.</summary>
    /// <param name="content">The file's bytes; only the first line is looked at, never the file name.</param>
    /// <returns><see langword="true"/> when the first line is a CNAB 240 file header.</returns>
    public static bool CanRead(ReadOnlySpan<byte> content)
    {
        var first = CnabLines.FirstLine(content, 1000);
        return first.Length is >= 60 and <= 360
            && first[..3].All(char.IsAsciiDigit)
            && first.AsSpan(3, 4).SequenceEqual("0000")
            && first[7] == '0';
    }

    /// <summary>Reads a CNAB 240 return file; never throws on content.</summary>
    /// <param name="path">The file's name or path, only for reports.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>Every T+U pair as a transaction, and a diagnostic for every part that could not be read or looked wrong.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        return StreamedStatement.ReadAll(path, content, StatementFormat.Cnab240, Stream);
    }

    /// <summary>The streaming read behind <see cref="Read"/> and <see cref="StatementReader.ReadStream(string, Stream, StreamReadOptions)"/>.</summary>
    internal static IEnumerable<BankTransaction> Stream(StreamedStatement output)
    {
        using var records = CnabStatement.Open(output, Width, null);
        if (records is null)
        {
            yield break;
        }

        var diagnostics = output.Bag;
        var file = new FileReader(records, diagnostics, output);
        while (records.MoveNext())
        {
            if (file.Read(records) is { } transaction)
            {
                yield return transaction;
            }
        }

        if (file.Flush() is { } last)
        {
            yield return last;
        }

        file.Finish();
    }

    /// <summary>The state of one file's read: its layout, the T segment waiting for its U, the totals, the last record.</summary>
    private sealed class FileReader
    {
        private readonly DiagnosticBag _diagnostics;
        private readonly Cnab240Layout _layout;
        private readonly CnabTransactionFactory _factory;
        private readonly CnabOccurrences _occurrences;
        private readonly CnabDateMemo _occurrenceDates = new();
        private readonly CnabDateMemo _creditDates = new();
        private readonly Cnab240Totals _totals;
        private readonly CnabRecordCopy _pendingT = new(Width);
        private bool _pending;
        private long? _pendingFaceCents;
        private int _lastNumber;
        private char _lastType;

        /// <summary>Reads the file header, the current record of <paramref name="records"/>.</summary>
        public FileReader(CnabRecords records, DiagnosticBag diagnostics, StreamedStatement output)
        {
            _diagnostics = diagnostics;
            var header = records.Current;
            var bank = CnabBytes.Text(header[..3]);
            if (header[7] != (byte)'0' || !header.Slice(3, 4).SequenceEqual("0000"u8))
            {
                diagnostics.Error(records.Number, null, "cnab.header.missing",
                    "O primeiro registro não é um header de arquivo CNAB 240 (lote 0000, tipo de registro 0).");
            }

            var layout = Cnab240Layouts.Find(bank);
            if (layout is null)
            {
                layout = Cnab240Layouts.Febraban;
                diagnostics.Warning(records.Number, "codigo_banco", "cnab.bank.unknown",
                    $"Banco '{bank.Trim()}' sem leiaute CNAB 240 próprio; lido com o leiaute FEBRABAN T+U.");
            }

            var h = new CnabFieldReader(header, records.Number, diagnostics);
            var account = output.Account = new BankAccount(
                bank.Trim().Length == 0 ? null : bank,
                CnabTransactionFactory.AccountPart(h.Text(layout.HeaderBranch), h.Text(layout.HeaderBranchDigit)),
                CnabTransactionFactory.AccountPart(h.Text(layout.HeaderAccount), h.Text(layout.HeaderAccountDigit)));
            var agreement = h.Text(layout.HeaderAgreement) ?? $"{account.Branch}/{account.Number}";
            // The file date is only a fallback for undated details, so a malformed one is not worth a diagnostic.
            LocalDate? fileDate = CnabFieldReader.TryDate(header.Slice(layout.HeaderDate.Start - 1, layout.HeaderDate.Length), CnabDateFormat.DayMonthYear4, out var d) ? d : null;
            _layout = layout;
            _factory = new CnabTransactionFactory(bank, agreement, fileDate, diagnostics, CnabStatement.ExpectedRecords(output, Width) / 2);
            _occurrences = new CnabOccurrences(layout.Occurrences, layout.Settlements);
            _totals = new Cnab240Totals(layout, diagnostics);
            _lastNumber = records.Number;
            _lastType = records.At(8);
        }

        /// <summary>Reads the current record; a transaction when it is the U segment that completes a T.</summary>
        public BankTransaction? Read(CnabRecords records)
        {
            var line = records.Current;
            _lastNumber = records.Number;
            var type = (char)line[7];
            var segment = (char)line[13];
            _lastType = type;
            _totals.Add(line, records.Number);
            if (_pending && !(type == '3' && segment == 'U'))
            {
                ReportUnpaired();
            }

            switch (type)
            {
                case '1' or '5' or '9':
                    break;
                case '3' when segment == 'T':
                    _pendingT.Take(records);
                    _pendingFaceCents = _totals.TitleFaceCents;
                    _pending = true;
                    break;
                case '3' when segment == 'U' && _pending && (_pendingT.Shifted || records.Shifted):
                    // Reported as cnab.record.shifted when the lines were fitted: the pair's fields cannot be trusted.
                    _pending = false;
                    break;
                case '3' when segment == 'U' && _pending:
                    _pending = false;
                    return ReadPair(line, records.Number);
                case '3' when segment == 'U':
                    _diagnostics.Error(records.Number, "segmento", "cnab240.segment.unpaired",
                        "Segmento U sem segmento T antes dele; o registro não foi lido.");
                    break;
                case '3':
                    _diagnostics.Warning(records.Number, "segmento", "cnab240.segment.ignored",
                        $"O segmento '{segment}' não traz dados de pagamento que o Kolek leia; foi ignorado.");
                    break;
                default:
                    _diagnostics.Error(records.Number, "tipo_registro", "cnab.record.unknown",
                        $"Tipo de registro desconhecido '{type}' na posição 8; o registro não foi lido.");
                    break;
            }

            return null;
        }

        /// <summary>The transaction of the last detail, which the factory holds back until the next one.</summary>
        public BankTransaction? Flush() => _factory.Flush();

        /// <summary>Reports what the end of the file leaves open: a T without its U, a missing trailer.</summary>
        public void Finish()
        {
            if (_pending)
            {
                ReportUnpaired();
            }

            if (_lastType != '9')
            {
                _diagnostics.Warning(_lastNumber, null, "cnab.trailer.missing", "O arquivo não tem trailer de arquivo (tipo de registro 9); pode estar truncado.");
            }
        }

        private void ReportUnpaired()
        {
            _pending = false;
            _diagnostics.Error(_pendingT.Number, "segmento", "cnab240.segment.unpaired",
                "Segmento T sem o segmento U que traz seus valores e datas; o registro não foi lido.");
        }

        /// <summary>The transaction of the pending T segment and its U segment (<paramref name="uLine"/>); null when the
        /// pair could not be read (reported).</summary>
        /// <remarks>The reports are out of line so that their string builders do not widen the frame that is cleared on
        /// every pair.</remarks>
        private BankTransaction? ReadPair(ReadOnlySpan<byte> uLine, int uNumber)
        {
            var layout = _layout;
            var t = new CnabFieldReader(_pendingT.Bytes, _pendingT.Number, _diagnostics);
            var u = new CnabFieldReader(uLine, uNumber, _diagnostics);
            var code = t.Trimmed(layout.Movement);
            if (code.Length != 2)
            {
                ReportMovement();
                return null;
            }

            var uCode = u.Trimmed(layout.Movement);
            if (!uCode.IsEmpty && !uCode.SequenceEqual(code))
            {
                ReportMovementMismatch(uNumber, uCode, code);
            }

            // Written field by field into the factory's slot, in the order the fields were always read (their reports
            // come in that order): a CnabDetail made here was cleared, built on the stack and copied (with the bulk write
            // barrier) into the factory, a third of this method's time.
            ref var detail = ref _factory.NextDetail;
            detail.Line = _pendingT.Number;
            detail.Occurrence = _occurrences.Get(code);
            detail.OccurrenceDate = u.Date(layout.OccurrenceDate, "data_ocorrencia", CnabDateFormat.DayMonthYear4, _occurrenceDates);
            detail.CreditDate = u.Date(layout.CreditDate, "data_credito", CnabDateFormat.DayMonthYear4, _creditDates);
            // Read as all digits already when the totals counted the T segment; else read (and reported) here.
            detail.FaceValue = _pendingFaceCents is { } face ? CnabFieldReader.Cents(face) : t.Money(layout.FaceValue, "valor_titulo", required: true);
            detail.AmountPaid = u.Money(layout.AmountPaid, "valor_pago", required: true);
            detail.NetCredited = u.Money(layout.NetCredited, "valor_liquido");
            detail.Fee = t.Money(layout.Fee, "valor_tarifa");
            detail.Interest = u.Money(layout.Interest, "valor_juros_multa");
            detail.Fine = null;
            detail.Discount = u.Money(layout.Discount, "valor_desconto");
            detail.Rebate = u.Money(layout.Rebate, "valor_abatimento");
            detail.NossoNumero = t.Digits(layout.NossoNumero);
            detail.DocumentNumber = t.Digits(layout.DocumentNumber);
            detail.PayerName = t.Digits(layout.PayerName);
            detail.PayerDocument = CnabTransactionFactory.PayerDocument(t.Trimmed(layout.PayerDocumentType), t.Trimmed(layout.PayerDocument));
            return !t.Failed && !u.Failed ? _factory.CreateNext() : null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ReportMovement() =>
            _diagnostics.Error(_pendingT.Number, "codigo_movimento", "cnab.occurrence.invalid",
                $"Código de movimento em {_layout.Movement} em branco ou malformado ('{CnabBytes.Text(_pendingT.Bytes.Slice(_layout.Movement.Start - 1, _layout.Movement.Length))}'); o registro não foi lido.");

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ReportMovementMismatch(int uNumber, ReadOnlySpan<byte> uCode, ReadOnlySpan<byte> code) =>
            _diagnostics.Warning(uNumber, "codigo_movimento", "cnab240.movement.mismatch",
                $"O segmento U traz o movimento {CnabBytes.Text(uCode)}, mas o seu segmento T traz {CnabBytes.Text(code)}; usado o código do T.");
    }
}

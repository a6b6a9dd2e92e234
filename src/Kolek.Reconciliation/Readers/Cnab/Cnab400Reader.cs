using System.Globalization;
using System.Runtime.CompilerServices;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Reads CNAB 400 return files (retorno de cobrança) into a <see cref="BankStatement"/>.</summary>
/// <remarks>
/// <para>One generic fixed-width engine reads every bank; what differs per bank (field positions, nosso número
/// extraction, occurrence table, which codes are settlements) is a small layout chosen by the bank code in the header
/// (positions 77–79). Known: Bradesco 237, Itaú 341, Banco do Brasil CBR643 (detail type 7), Unicred through BB,
/// Santander 033, Sicredi 748, Banco do Nordeste 004, Banco Fibra 224, Banco Inter 077. Other banks are read with the
/// common layout and a <c>cnab.bank.unknown</c> warning.</para>
/// <para>Each detail becomes one transaction: a settlement (liquidação) with a positive amount paid is a credit, any
/// other occurrence an event. Nothing is silently dropped: a record that cannot be read is a diagnostic with its line
/// and field. The file is decoded as Latin-1; a UTF-8 BOM, CR/LF/CRLF line ends, and short or long lines (padded or cut
/// to 400 with a warning) are tolerated. Thread-safe: the class is stateless.</para>
/// <para>Totals: a CNAB 400 trailer states the titles <em>in collection in the wallet</em> (Bradesco's corpus file: 18
/// titles, 864.50, for its 6 details), not this file's records, so its sums are not compared with the details; the
/// sequence numbers (395–400) are checked instead, so a missing or extra record is reported.</para>
/// </remarks>
public static class Cnab400Reader
{
    private const int Width = 400;

    private static readonly CnabSpan s_sequence = new(395, 400);

    /// <summary>Whether <paramref name="content"/> looks like a CNAB 400 return file (header <c>02RETORNO</c>, ~400-character lines).</summary>
    /// <param name="content">The file's bytes; only the first line is looked at, never the file name.</param>
    /// <returns><see langword="true"/> when the first line starts with <c>0</c> + <c>2RETORNO</c> and is 400-ish characters long.</returns>
    public static bool CanRead(ReadOnlySpan<byte> content)
    {
        var first = CnabLines.FirstLine(content, 1000);
        return first.Length is >= 100 and <= 480 && first.StartsWith("02RETORNO", StringComparison.Ordinal);
    }

    /// <summary>Reads a CNAB 400 return file; never throws on content.</summary>
    /// <param name="path">The file's name or path, only for reports.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>Every detail as a transaction, and a diagnostic for every part that could not be read or looked wrong.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        return StreamedStatement.ReadAll(path, content, StatementFormat.Cnab400, Stream);
    }

    /// <summary>The streaming read behind <see cref="Read"/> and <see cref="StatementReader.ReadStream(string, Stream, StreamReadOptions)"/>.</summary>
    internal static IEnumerable<BankTransaction> Stream(StreamedStatement output)
    {
        using var records = CnabStatement.Open(output, Width, s_sequence);
        if (records is null)
        {
            yield break;
        }

        var diagnostics = output.Bag;
        // The layout depends on the first detail's record type: the records up to it are held back (copied), then read in order.
        var header = new CnabRecordCopy(Width).Take(records);
        if (header.At(1) != '0' || !header.Bytes.StartsWith("02RETORNO"u8))
        {
            diagnostics.Error(header.Number, null, "cnab.header.missing",
                "O primeiro registro não é um header de retorno CNAB 400 (0 + 2RETORNO); foi lido como detalhe com o leiaute comum.");
        }

        var ahead = new List<CnabRecordCopy>();
        var sawDetail = false;
        while (!sawDetail && records.MoveNext())
        {
            ahead.Add(new CnabRecordCopy(Width).Take(records));
            sawDetail = records.At(1) is not ('0' or '9');
        }

        var file = new FileReader(header, sawDetail ? ahead[^1] : null, diagnostics, output);
        foreach (var held in ahead.Prepend(header))
        {
            if (file.Read(held.Bytes, held.Number, held.Shifted) is { } transaction)
            {
                yield return transaction;
            }
        }

        while (records.MoveNext())
        {
            if (file.Read(records.Current, records.Number, records.Shifted) is { } transaction)
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

    /// <summary>The state of one file's read: its layout, the sequence check, the trailer seen, the last record.</summary>
    private sealed class FileReader
    {
        private readonly DiagnosticBag _diagnostics;
        private readonly Cnab400Layout _layout;
        private readonly CnabTransactionFactory _factory;
        private readonly CnabOccurrences _occurrences;
        private readonly CnabDateMemo _occurrenceDates = new();
        private readonly CnabDateMemo _creditDates = new();
        private readonly bool _generic;
        private readonly bool _skipHeader;
        private int _position;
        private int _offset;
        private bool _sawTrailer;
        private bool _anyTrailer;
        private int _lastNumber;

        /// <summary>Reads the file header and chooses the layout by its bank code and the first detail's record type.</summary>
        public FileReader(CnabRecordCopy header, CnabRecordCopy? firstDetail, DiagnosticBag diagnostics, StreamedStatement output)
        {
            _diagnostics = diagnostics;
            var bank = CnabBytes.Text(header.Bytes.Slice(76, 3));
            var layout = Cnab400Layouts.Find(bank, firstDetail?.At(1));
            if (layout is null)
            {
                layout = Cnab400Layouts.Generic;
                diagnostics.Warning(header.Number, "codigo_banco", "cnab.bank.unknown",
                    $"Banco '{bank.Trim()}' sem leiaute CNAB 400 próprio; lido com o leiaute comum (nosso número 63–70, ocorrência 109–110, valor pago 254–266).");
            }

            var headerFields = new CnabFieldReader(header.Bytes, header.Number, diagnostics);
            var detailFields = firstDetail is null ? default : new CnabFieldReader(firstDetail.Bytes, firstDetail.Number, diagnostics);
            var hasDetail = firstDetail is not null;
            var account = output.Account = new BankAccount(
                bank.Trim().Length == 0 ? null : bank.Trim(),
                CnabTransactionFactory.AccountPart(
                    headerFields.Text(layout.HeaderBranch) ?? (hasDetail ? detailFields.Text(layout.DetailBranch) : null),
                    headerFields.Text(layout.HeaderBranchDigit)),
                CnabTransactionFactory.AccountPart(
                    headerFields.Text(layout.HeaderAccount) ?? (hasDetail ? detailFields.Text(layout.DetailAccount) : null),
                    layout.HeaderAccount is not null ? headerFields.Text(layout.HeaderAccountDigit) : hasDetail ? detailFields.Text(layout.DetailAccountDigit) : null));
            var agreement = headerFields.Text(layout.HeaderAgreement) ?? $"{account.Branch}/{account.Number}";
            // The file date is only a fallback for undated details, so a malformed one is not worth a diagnostic.
            LocalDate? fileDate = CnabFieldReader.TryDate(header.Bytes.Slice(layout.HeaderDate.Start - 1, layout.HeaderDate.Length), CnabDateFormat.DayMonthYear2, out var d) ? d : null;
            _layout = layout;
            _generic = layout == Cnab400Layouts.Generic;
            _skipHeader = header.At(1) == '0';
            _factory = new CnabTransactionFactory(bank, agreement, fileDate, diagnostics, CnabStatement.ExpectedRecords(output, Width));
            _occurrences = new CnabOccurrences(layout.Occurrences, layout.Settlements);
            _lastNumber = header.Number;
        }

        /// <summary>Reads one record, the header first; a transaction when it is a detail that could be read.</summary>
        public BankTransaction? Read(ReadOnlySpan<byte> line, int number, bool shifted)
        {
            CheckSequence(line, number, shifted);
            _lastNumber = number;
            if (_position == 1 && _skipHeader)
            {
                return null;
            }

            var type = (char)line[0];
            if (_sawTrailer)
            {
                _diagnostics.Warning(number, null, "cnab.record.after_trailer", "Há um registro depois do trailer (tipo 9); foi lido mesmo assim.");
                _sawTrailer = false;
            }

            if (type == '9')
            {
                _sawTrailer = true;
                _anyTrailer = true;
            }
            else if (shifted)
            {
                // Reported as cnab.record.shifted when the lines were fitted: its fields cannot be trusted.
            }
            else if (type == _layout.DetailType || (_generic && type is '1' or '7'))
            {
                return ReadDetail(line, number);
            }
            else if (type == _layout.ComplementType)
            {
                _diagnostics.Warning(number, null, "cnab.record.complement_ignored",
                    $"Registro tipo {type} ({_layout.Name}, PIX / dados complementares) reconhecido mas não lido; não traz pagamento próprio.");
            }
            else if (type == '0')
            {
                _diagnostics.Error(number, null, "cnab.record.unexpected_header", "Foi encontrado um segundo registro header; não foi lido.");
            }
            else
            {
                _diagnostics.Error(number, "tipo_registro", "cnab.record.unknown",
                    $"Tipo de registro desconhecido '{type}' para {_layout.Name}; o registro não foi lido.");
            }

            return null;
        }

        /// <summary>The transaction of the last detail, which the factory holds back until the next one.</summary>
        public BankTransaction? Flush() => _factory.Flush();

        /// <summary>Reports a missing trailer at the last record.</summary>
        public void Finish()
        {
            if (!_sawTrailer && !_anyTrailer)
            {
                _diagnostics.Warning(_lastNumber, null, "cnab.trailer.missing", "O arquivo não tem registro trailer (tipo 9); pode estar truncado.");
            }
        }

        /// <summary>
        /// Compares each record's sequence number (395–400) with its position among the file's records. Only the record
        /// where the difference changes is reported, so one missing or extra record gives one warning, not one per record
        /// after it. Blank or non-numeric sequence numbers and shifted records are left out.
        /// </summary>
        private void CheckSequence(ReadOnlySpan<byte> line, int number, bool shifted)
        {
            var position = ++_position;
            var raw = line.Slice(s_sequence.Start - 1, s_sequence.Length);
            if (shifted || !CnabBytes.AllDigits(raw))
            {
                return;
            }

            var sequence = (int)CnabBytes.WholeNumber(raw);
            if (sequence - position != _offset)
            {
                _offset = sequence - position;
                _diagnostics.Warning(number, "numero_sequencial", "cnab.sequence.mismatch",
                    $"Número sequencial {CnabBytes.Text(raw)} (posições 395–400) diferente da posição do registro no arquivo ({position}): "
                    + "pode faltar ou sobrar registro.");
            }
        }

        /// <summary>The transaction of a detail record; null when it could not be read (reported).</summary>
        /// <remarks>The detail is written in place into the factory's slot, as CNAB 240 does (see there); the report is out
        /// of line so that its string builder does not widen the frame.</remarks>
        private BankTransaction? ReadDetail(ReadOnlySpan<byte> line, int number)
        {
            var layout = _layout;
            var f = new CnabFieldReader(line, number, _diagnostics);
            var code = f.Trimmed(layout.Occurrence);
            if (code.Length != 2)
            {
                ReportOccurrence(line, number);
                return null;
            }

            var fee = f.Money(layout.Fee, "valor_tarifa");
            var paid = f.Money(layout.AmountPaid, "valor_pago", required: true);
            var net = f.Money(layout.NetCredited, "valor_liquido");
            if (layout.AmountPaidIsNet && paid is { } principal)
            {
                net = principal;
                paid = principal + (fee ?? 0m);
            }

            ref var detail = ref _factory.NextDetail;
            detail.Line = number;
            detail.Occurrence = _occurrences.Get(code);
            detail.OccurrenceDate = f.Date(layout.OccurrenceDate, "data_ocorrencia", CnabDateFormat.DayMonthYear2, _occurrenceDates);
            detail.CreditDate = f.Date(layout.CreditDate, "data_credito", layout.CreditDateFormat, _creditDates);
            detail.FaceValue = f.Money(layout.FaceValue, "valor_titulo", required: true);
            detail.AmountPaid = paid;
            detail.NetCredited = net;
            detail.Fee = fee;
            detail.Interest = f.Money(layout.Interest, "valor_juros");
            detail.Fine = f.Money(layout.Fine, "valor_multa");
            detail.Discount = f.Money(layout.Discount, "valor_desconto");
            detail.Rebate = f.Money(layout.Rebate, "valor_abatimento");
            detail.NossoNumero = NossoNumero(f.Trimmed(layout.NossoNumero), layout.NossoNumeroCheckDigits);
            detail.DocumentNumber = f.Digits(layout.DocumentNumber);
            detail.PayerName = f.Text(layout.PayerName);
            detail.PayerDocument = null;
            return !f.Failed ? _factory.CreateNext() : null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ReportOccurrence(ReadOnlySpan<byte> line, int number) =>
            _diagnostics.Error(number, "codigo_ocorrencia", "cnab.occurrence.invalid",
                $"Código de ocorrência em {_layout.Occurrence} em branco ou malformado ('{CnabBytes.Text(line.Slice(_layout.Occurrence.Start - 1, _layout.Occurrence.Length))}'); o registro não foi lido.");
    }

    /// <summary>The nosso número without its trailing check digits; null when blank or all zeros.</summary>
    private static string? NossoNumero(ReadOnlySpan<byte> value, int checkDigits)
    {
        if (CnabBytes.AllZeros(value))
        {
            return null;
        }

        if (checkDigits == 0 || value.Length <= checkDigits)
        {
            return CnabBytes.Text(value);
        }

        var withoutDv = value[..^checkDigits];
        return CnabBytes.AllZeros(withoutDv) ? null : CnabBytes.Text(withoutDv);
    }
}

using System.Globalization;
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

    /// <summary>The streaming read behind <see cref="Read"/> and <see cref="StatementReader.ReadStream(string, Stream, StatementFormat)"/>.</summary>
    internal static IEnumerable<BankTransaction> Stream(StreamedStatement output) => CnabStatement.Read(output, Width, s_sequence, ReadRecords);

    private static IEnumerable<BankTransaction> ReadRecords(IEnumerator<CnabLine> lines, DiagnosticBag diagnostics, StreamedStatement output)
    {
        var header = lines.Current;
        if (header.At(1) != '0' || !header.Text.StartsWith("02RETORNO", StringComparison.Ordinal))
        {
            diagnostics.Error(header.Number, null, "cnab.header.missing",
                "O primeiro registro não é um header de retorno CNAB 400 (0 + 2RETORNO); foi lido como detalhe com o leiaute comum.");
        }

        var bank = header[new CnabSpan(77, 79)];
        // The layout depends on the first detail's record type: the records up to it are held back, then read in order.
        var ahead = new List<CnabLine>();
        CnabLine? firstDetail = null;
        while (firstDetail is null && lines.MoveNext())
        {
            ahead.Add(lines.Current);
            firstDetail = lines.Current.At(1) is not ('0' or '9') ? lines.Current : null;
        }

        var layout = Cnab400Layouts.Find(bank, firstDetail?.At(1));
        if (layout is null)
        {
            layout = Cnab400Layouts.Generic;
            diagnostics.Warning(header.Number, "codigo_banco", "cnab.bank.unknown",
                $"Banco '{bank.Trim()}' sem leiaute CNAB 400 próprio; lido com o leiaute comum (nosso número 63–70, ocorrência 109–110, valor pago 254–266).");
        }

        var headerFields = new CnabFieldReader(header, diagnostics);
        var detailFields = firstDetail is null ? null : new CnabFieldReader(firstDetail, diagnostics);
        var account = output.Account = new BankAccount(
            bank.Trim().Length == 0 ? null : bank.Trim(),
            CnabTransactionFactory.AccountPart(
                headerFields.Text(layout.HeaderBranch) ?? detailFields?.Text(layout.DetailBranch),
                headerFields.Text(layout.HeaderBranchDigit)),
            CnabTransactionFactory.AccountPart(
                headerFields.Text(layout.HeaderAccount) ?? detailFields?.Text(layout.DetailAccount),
                layout.HeaderAccount is not null ? headerFields.Text(layout.HeaderAccountDigit) : detailFields?.Text(layout.DetailAccountDigit)));
        var agreement = headerFields.Text(layout.HeaderAgreement) ?? $"{account.Branch}/{account.Number}";
        // The file date is only a fallback for undated details, so a malformed one is not worth a diagnostic.
        LocalDate? fileDate = CnabFieldReader.TryDate(header.Slice(layout.HeaderDate), CnabDateFormat.DayMonthYear2, out var d) ? d : null;
        var factory = new CnabTransactionFactory(bank, agreement, fileDate, diagnostics);

        var sequence = new SequenceCheck();
        var sawTrailer = false;
        var anyTrailer = false;
        var last = header;
        foreach (var line in Records(header, ahead, lines))
        {
            sequence.Check(line, diagnostics);
            last = line;
            if (ReferenceEquals(line, header) && header.At(1) == '0')
            {
                continue;
            }

            var type = line.At(1);
            if (sawTrailer)
            {
                diagnostics.Warning(line.Number, null, "cnab.record.after_trailer", "Há um registro depois do trailer (tipo 9); foi lido mesmo assim.");
                sawTrailer = false;
            }

            if (type == '9')
            {
                sawTrailer = true;
                anyTrailer = true;
            }
            else if (line.Shifted)
            {
                // Reported as cnab.record.shifted when the lines were fitted: its fields cannot be trusted.
                continue;
            }
            else if (type == layout.DetailType || (layout == Cnab400Layouts.Generic && type is '1' or '7'))
            {
                var detail = ReadDetail(line, layout, diagnostics);
                if (detail is not null && factory.Create(detail) is { } transaction)
                {
                    yield return transaction;
                }
            }
            else if (type == layout.ComplementType)
            {
                diagnostics.Warning(line.Number, null, "cnab.record.complement_ignored",
                    $"Registro tipo {type} ({layout.Name}, PIX / dados complementares) reconhecido mas não lido; não traz pagamento próprio.");
            }
            else if (type == '0')
            {
                diagnostics.Error(line.Number, null, "cnab.record.unexpected_header", "Foi encontrado um segundo registro header; não foi lido.");
            }
            else
            {
                diagnostics.Error(line.Number, "tipo_registro", "cnab.record.unknown",
                    $"Tipo de registro desconhecido '{type}' para {layout.Name}; o registro não foi lido.");
            }
        }

        if (!sawTrailer && !anyTrailer)
        {
            diagnostics.Warning(last.Number, null, "cnab.trailer.missing", "O arquivo não tem registro trailer (tipo 9); pode estar truncado.");
        }
    }

    private static IEnumerable<CnabLine> Records(CnabLine header, List<CnabLine> ahead, IEnumerator<CnabLine> rest)
    {
        yield return header;
        foreach (var line in ahead)
        {
            yield return line;
        }

        while (rest.MoveNext())
        {
            yield return rest.Current;
        }
    }

    /// <summary>
    /// Compares each record's sequence number (395–400) with its position among the file's records. Only the record
    /// where the difference changes is reported, so one missing or extra record gives one warning, not one per record
    /// after it. Blank or non-numeric sequence numbers and shifted records are left out.
    /// </summary>
    private sealed class SequenceCheck
    {
        private int _offset;
        private int _position;

        public void Check(CnabLine line, DiagnosticBag diagnostics)
        {
            var position = ++_position;
            var raw = line.Slice(s_sequence);
            if (line.Shifted || raw.ContainsAnyExceptInRange('0', '9'))
            {
                return;
            }

            var sequence = int.Parse(raw, NumberStyles.None, CultureInfo.InvariantCulture);
            if (sequence - position != _offset)
            {
                _offset = sequence - position;
                diagnostics.Warning(line.Number, "numero_sequencial", "cnab.sequence.mismatch",
                    $"Número sequencial {raw} (posições 395–400) diferente da posição do registro no arquivo ({position}): "
                    + "pode faltar ou sobrar registro.");
            }
        }
    }

    private static CnabDetail? ReadDetail(CnabLine line, Cnab400Layout layout, DiagnosticBag diagnostics)
    {
        var f = new CnabFieldReader(line, diagnostics);
        var code = f.Text(layout.Occurrence);
        if (code is null || code.Length != 2)
        {
            diagnostics.Error(line.Number, "codigo_ocorrencia", "cnab.occurrence.invalid",
                $"Código de ocorrência em {layout.Occurrence} em branco ou malformado ('{line[layout.Occurrence]}'); o registro não foi lido.");
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

        var detail = new CnabDetail
        {
            Line = line.Number,
            OccurrenceCode = code,
            OccurrenceDescription = layout.Occurrences.GetValueOrDefault(code, "Ocorrência desconhecida"),
            IsSettlement = layout.Settlements.Contains(code),
            OccurrenceDate = f.Date(layout.OccurrenceDate, "data_ocorrencia", CnabDateFormat.DayMonthYear2),
            CreditDate = f.Date(layout.CreditDate, "data_credito", layout.CreditDateFormat),
            FaceValue = f.Money(layout.FaceValue, "valor_titulo", required: true),
            AmountPaid = paid,
            NetCredited = net,
            Fee = fee,
            Interest = f.Money(layout.Interest, "valor_juros"),
            Fine = f.Money(layout.Fine, "valor_multa"),
            Discount = f.Money(layout.Discount, "valor_desconto"),
            Rebate = f.Money(layout.Rebate, "valor_abatimento"),
            NossoNumero = NossoNumero(f.Digits(layout.NossoNumero), layout.NossoNumeroCheckDigits),
            DocumentNumber = f.Digits(layout.DocumentNumber),
            PayerName = f.Text(layout.PayerName),
        };
        return f.Failed ? null : detail;
    }

    private static string? NossoNumero(string? value, int checkDigits)
    {
        if (value is null || checkDigits == 0 || value.Length <= checkDigits)
        {
            return value;
        }

        var withoutDv = value[..^checkDigits];
        return withoutDv.All(c => c == '0') ? null : withoutDv;
    }
}

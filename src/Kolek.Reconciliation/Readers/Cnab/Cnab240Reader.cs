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

    /// <summary>The streaming read behind <see cref="Read"/> and <see cref="StatementReader.ReadStream(string, Stream, StatementFormat)"/>.</summary>
    internal static IEnumerable<BankTransaction> Stream(StreamedStatement output) => CnabStatement.Read(output, Width, null, ReadRecords);

    private static IEnumerable<BankTransaction> ReadRecords(IEnumerator<CnabLine> lines, DiagnosticBag diagnostics, StreamedStatement output)
    {
        var header = lines.Current;
        var bank = header[new CnabSpan(1, 3)];
        if (header.At(8) != '0' || header[new CnabSpan(4, 7)] != "0000")
        {
            diagnostics.Error(header.Number, null, "cnab.header.missing",
                "O primeiro registro não é um header de arquivo CNAB 240 (lote 0000, tipo de registro 0).");
        }

        var layout = Cnab240Layouts.Find(bank);
        if (layout is null)
        {
            layout = Cnab240Layouts.Febraban;
            diagnostics.Warning(header.Number, "codigo_banco", "cnab.bank.unknown",
                $"Banco '{bank.Trim()}' sem leiaute CNAB 240 próprio; lido com o leiaute FEBRABAN T+U.");
        }

        var h = new CnabFieldReader(header, diagnostics);
        output.Account = new BankAccount(
            bank.Trim().Length == 0 ? null : bank,
            CnabTransactionFactory.AccountPart(h.Text(layout.HeaderBranch), h.Text(layout.HeaderBranchDigit)),
            CnabTransactionFactory.AccountPart(h.Text(layout.HeaderAccount), h.Text(layout.HeaderAccountDigit)));
        var account = output.Account;
        var agreement = h.Text(layout.HeaderAgreement) ?? $"{account.Branch}/{account.Number}";
        // The file date is only a fallback for undated details, so a malformed one is not worth a diagnostic.
        LocalDate? fileDate = CnabFieldReader.TryDate(header.Slice(layout.HeaderDate), CnabDateFormat.DayMonthYear4, out var d) ? d : null;
        var factory = new CnabTransactionFactory(bank, agreement, fileDate, diagnostics);

        CnabLine? pendingT = null;
        var last = header;
        var totals = new Cnab240Totals(layout, diagnostics);
        while (lines.MoveNext())
        {
            var line = lines.Current;
            last = line;
            totals.Add(line);
            var type = line.At(8);
            var segment = line.At(14);
            if (pendingT is not null && !(type == '3' && segment == 'U'))
            {
                ReportUnpaired(pendingT, diagnostics);
                pendingT = null;
            }

            switch (type)
            {
                case '1' or '5' or '9':
                    break;
                case '3' when segment == 'T':
                    pendingT = line;
                    break;
                case '3' when segment == 'U' && pendingT is not null && (pendingT.Shifted || line.Shifted):
                    // Reported as cnab.record.shifted when the lines were fitted: the pair's fields cannot be trusted.
                    pendingT = null;
                    break;
                case '3' when segment == 'U' && pendingT is not null:
                    var detail = ReadPair(pendingT, line, layout, diagnostics);
                    if (detail is not null && factory.Create(detail) is { } transaction)
                    {
                        yield return transaction;
                    }

                    pendingT = null;
                    break;
                case '3' when segment == 'U':
                    diagnostics.Error(line.Number, "segmento", "cnab240.segment.unpaired",
                        "Segmento U sem segmento T antes dele; o registro não foi lido.");
                    break;
                case '3':
                    diagnostics.Warning(line.Number, "segmento", "cnab240.segment.ignored",
                        $"O segmento '{segment}' não traz dados de pagamento que o Kolek leia; foi ignorado.");
                    break;
                default:
                    diagnostics.Error(line.Number, "tipo_registro", "cnab.record.unknown",
                        $"Tipo de registro desconhecido '{type}' na posição 8; o registro não foi lido.");
                    break;
            }
        }

        if (pendingT is not null)
        {
            ReportUnpaired(pendingT, diagnostics);
        }

        if (last.At(8) != '9')
        {
            diagnostics.Warning(last.Number, null, "cnab.trailer.missing", "O arquivo não tem trailer de arquivo (tipo de registro 9); pode estar truncado.");
        }
    }

    private static void ReportUnpaired(CnabLine t, DiagnosticBag diagnostics) =>
        diagnostics.Error(t.Number, "segmento", "cnab240.segment.unpaired",
            "Segmento T sem o segmento U que traz seus valores e datas; o registro não foi lido.");

    private static CnabDetail? ReadPair(CnabLine tLine, CnabLine uLine, Cnab240Layout layout, DiagnosticBag diagnostics)
    {
        var t = new CnabFieldReader(tLine, diagnostics);
        var u = new CnabFieldReader(uLine, diagnostics);
        var code = t.Text(layout.Movement);
        if (code is null || code.Length != 2)
        {
            diagnostics.Error(tLine.Number, "codigo_movimento", "cnab.occurrence.invalid",
                $"Código de movimento em {layout.Movement} em branco ou malformado ('{tLine[layout.Movement]}'); o registro não foi lido.");
            return null;
        }

        var uCode = u.Text(layout.Movement);
        if (uCode is not null && uCode != code)
        {
            diagnostics.Warning(uLine.Number, "codigo_movimento", "cnab240.movement.mismatch",
                $"O segmento U traz o movimento {uCode}, mas o seu segmento T traz {code}; usado o código do T.");
        }

        var detail = new CnabDetail
        {
            Line = tLine.Number,
            OccurrenceCode = code,
            OccurrenceDescription = layout.Occurrences.GetValueOrDefault(code, "Ocorrência desconhecida"),
            IsSettlement = layout.Settlements.Contains(code),
            OccurrenceDate = u.Date(layout.OccurrenceDate, "data_ocorrencia", CnabDateFormat.DayMonthYear4),
            CreditDate = u.Date(layout.CreditDate, "data_credito", CnabDateFormat.DayMonthYear4),
            FaceValue = t.Money(layout.FaceValue, "valor_titulo", required: true),
            AmountPaid = u.Money(layout.AmountPaid, "valor_pago", required: true),
            NetCredited = u.Money(layout.NetCredited, "valor_liquido"),
            Fee = t.Money(layout.Fee, "valor_tarifa"),
            Interest = u.Money(layout.Interest, "valor_juros_multa"),
            Discount = u.Money(layout.Discount, "valor_desconto"),
            Rebate = u.Money(layout.Rebate, "valor_abatimento"),
            NossoNumero = t.Digits(layout.NossoNumero),
            DocumentNumber = t.Digits(layout.DocumentNumber),
            PayerName = t.Text(layout.PayerName) is { } name && !name.All(c => c == '0') ? name : null,
            PayerDocument = CnabTransactionFactory.PayerDocument(t.Text(layout.PayerDocumentType), t.Digits(layout.PayerDocument)),
        };
        return t.Failed || u.Failed ? null : detail;
    }
}

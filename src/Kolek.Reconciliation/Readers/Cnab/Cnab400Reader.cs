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
/// </remarks>
public static class Cnab400Reader
{
    private const int Width = 400;

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
        return CnabStatement.Read(path, content, Width, StatementFormat.Cnab400, ReadRecords);
    }

    private static BankAccount ReadRecords(List<CnabLine> lines, CnabDiagnostics diagnostics, List<BankTransaction> transactions)
    {
        var header = lines[0];
        if (header.At(1) != '0' || !header.Text.StartsWith("02RETORNO", StringComparison.Ordinal))
        {
            diagnostics.Error(header.Number, null, "cnab.header.missing",
                "The first record is not a CNAB 400 return header (0 + 2RETORNO); it was read as a detail with the common layout.");
        }

        var bank = header[new CnabSpan(77, 79)];
        var firstDetail = lines.Skip(1).FirstOrDefault(l => l.At(1) is not ('0' or '9'));
        var layout = Cnab400Layouts.Find(bank, firstDetail?.At(1));
        if (layout is null)
        {
            layout = Cnab400Layouts.Generic;
            diagnostics.Warning(header.Number, "codigo_banco", "cnab.bank.unknown",
                $"Bank '{bank.Trim()}' has no specific CNAB 400 layout; read with the common layout (nosso número 63–70, occurrence 109–110, amount paid 254–266).");
        }

        var headerFields = new CnabFieldReader(header, diagnostics);
        var detailFields = firstDetail is null ? null : new CnabFieldReader(firstDetail, diagnostics);
        var account = new BankAccount(
            bank.Trim().Length == 0 ? null : bank.Trim(),
            CnabTransactionFactory.AccountPart(
                headerFields.Text(layout.HeaderBranch) ?? detailFields?.Text(layout.DetailBranch),
                headerFields.Text(layout.HeaderBranchDigit)),
            CnabTransactionFactory.AccountPart(
                headerFields.Text(layout.HeaderAccount) ?? detailFields?.Text(layout.DetailAccount),
                layout.HeaderAccount is not null ? headerFields.Text(layout.HeaderAccountDigit) : detailFields?.Text(layout.DetailAccountDigit)));
        var agreement = headerFields.Text(layout.HeaderAgreement) ?? $"{account.Branch}/{account.Number}";
        // The file date is only a fallback for undated details, so a malformed one is not worth a diagnostic.
        LocalDate? fileDate = CnabFieldReader.TryDate(header[layout.HeaderDate], CnabDateFormat.DayMonthYear2, out var d) ? d : null;
        var factory = new CnabTransactionFactory(bank, agreement, fileDate, diagnostics);

        var sawTrailer = false;
        foreach (var line in lines.Skip(header.At(1) == '0' ? 1 : 0))
        {
            var type = line.At(1);
            if (sawTrailer)
            {
                diagnostics.Warning(line.Number, null, "cnab.record.after_trailer", "A record follows the trailer (type 9); it was read anyway.");
                sawTrailer = false;
            }

            if (type == '9')
            {
                sawTrailer = true;
            }
            else if (type == layout.DetailType || (layout == Cnab400Layouts.Generic && type is '1' or '7'))
            {
                var detail = ReadDetail(line, layout, diagnostics);
                if (detail is not null && factory.Create(detail) is { } transaction)
                {
                    transactions.Add(transaction);
                }
            }
            else if (type == layout.ComplementType)
            {
                diagnostics.Warning(line.Number, null, "cnab.record.complement_ignored",
                    $"Record type {type} ({layout.Name} PIX / complement data) was recognised but not read; it carries no payment of its own.");
            }
            else if (type == '0')
            {
                diagnostics.Error(line.Number, null, "cnab.record.unexpected_header", "A second header record was found; it was not read.");
            }
            else
            {
                diagnostics.Error(line.Number, "tipo_registro", "cnab.record.unknown",
                    $"Unknown record type '{type}' for {layout.Name}; the record was not read.");
            }
        }

        if (!sawTrailer && !lines.Any(l => l.At(1) == '9'))
        {
            diagnostics.Warning(lines[^1].Number, null, "cnab.trailer.missing", "The file has no trailer record (type 9); it may be truncated.");
        }

        return account;
    }

    private static CnabDetail? ReadDetail(CnabLine line, Cnab400Layout layout, CnabDiagnostics diagnostics)
    {
        var f = new CnabFieldReader(line, diagnostics);
        var code = f.Text(layout.Occurrence);
        if (code is null || code.Length != 2)
        {
            diagnostics.Error(line.Number, "codigo_ocorrencia", "cnab.occurrence.invalid",
                $"Occurrence code at {layout.Occurrence} is blank or malformed ('{line[layout.Occurrence]}'); the record was not read.");
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

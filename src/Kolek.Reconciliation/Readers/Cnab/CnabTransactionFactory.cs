using System.Globalization;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Turns <see cref="CnabDetail"/>s into <see cref="BankTransaction"/>s with stable ids; shared by CNAB 400 and 240.</summary>
/// <remarks>
/// A settlement (liquidação) with a positive amount paid is a <see cref="TransactionKind.Credit"/>: Amount = valor pago,
/// NetAmount = valor líquido creditado when the layout has it, else Amount − Fee. Everything else, including a settlement
/// whose paid amount is blank or zero, is an <see cref="TransactionKind.Event"/> whose Amount is the face value (or the
/// paid field when the face value is blank). The id hashes bank, agreement, nosso número, occurrence code, occurrence date
/// and amount, plus an ordinal among otherwise identical records, so re-importing the same file gives the same ids.
/// A fee, interest, fine or discount more than <see cref="ImplausibleFactor"/> times the larger of the face value and the
/// amount paid is reported as <c>cnab.amount.implausible</c> (a misaligned or corrupt field, e.g. 123,123.12 of interest
/// on a 213.30 boleto); the amounts are kept as written. Ten times leaves room for years of default interest and for a
/// fee on a boleto of a few reais, which are real; nothing is checked when neither reference value is known.
/// </remarks>
internal sealed class CnabTransactionFactory(string bank, string agreement, LocalDate? fallbackDate, DiagnosticBag diagnostics)
{
    /// <summary>How many times the face value or amount paid a charge component may reach before it is implausible.</summary>
    internal const decimal ImplausibleFactor = 10m;

    private readonly StableIds _ids = new("cnab-");

    public BankTransaction? Create(CnabDetail detail)
    {
        var bookingDate = detail.OccurrenceDate ?? detail.CreditDate ?? fallbackDate;
        if (bookingDate is null)
        {
            diagnostics.Error(detail.Line, "data_ocorrencia", "cnab.date.missing",
                "O registro não tem data de ocorrência, data de crédito nem data do arquivo legível. O registro não foi lido.");
            return null;
        }

        if (detail.OccurrenceDate is null)
        {
            diagnostics.Warning(detail.Line, "data_ocorrencia", "cnab.date.fallback",
                $"Sem data de ocorrência legível; lançado em {Format(bookingDate.Value)} "
                + (detail.CreditDate is null ? "(a data do arquivo)." : "(a data de crédito)."));
        }

        CheckPlausible(detail);
        var paid = detail.AmountPaid ?? 0m;
        var credit = detail.IsSettlement && paid > 0m;
        if (detail.IsSettlement && !credit)
        {
            diagnostics.Warning(detail.Line, "valor_pago", "cnab.settlement.no_amount",
                $"A ocorrência {detail.OccurrenceCode} é uma liquidação, mas o valor pago está em branco ou zerado; informada como evento, não como pagamento.");
        }

        var amount = credit ? paid : detail.FaceValue is > 0m ? detail.FaceValue.Value : detail.AmountPaid ?? 0m;
        var occurrence = new BankOccurrence(detail.OccurrenceCode, detail.OccurrenceDescription);
        return new BankTransaction
        {
            Id = NextId(detail, bookingDate.Value, amount),
            Kind = credit ? TransactionKind.Credit : TransactionKind.Event,
            BookingDate = bookingDate.Value,
            ValueDate = detail.CreditDate,
            Amount = amount,
            NetAmount = credit ? detail.NetCredited ?? amount - (detail.Fee ?? 0m) : detail.NetCredited,
            Fee = detail.Fee,
            Interest = detail.Interest,
            Fine = detail.Fine,
            Discount = detail.Discount,
            Rebate = detail.Rebate,
            Occurrence = occurrence,
            Description = detail.PayerName,
            References = new TransactionReferences
            {
                NossoNumero = detail.NossoNumero,
                DocumentNumber = detail.DocumentNumber,
            },
            Payer = detail.PayerName is null && detail.PayerDocument is null ? null : new Payer(detail.PayerName, detail.PayerDocument),
            Source = new SourceLocation(detail.Line),
        };
    }

    private void CheckPlausible(CnabDetail detail)
    {
        var reference = Math.Max(detail.FaceValue ?? 0m, detail.AmountPaid ?? 0m);
        if (reference <= 0m)
        {
            return;
        }

        // One call per component, not a loop over a fresh array: this runs for every record.
        Check(detail.Line, reference, "valor_tarifa", "tarifa", detail.Fee);
        Check(detail.Line, reference, "valor_juros", "juros", detail.Interest);
        Check(detail.Line, reference, "valor_multa", "multa", detail.Fine);
        Check(detail.Line, reference, "valor_desconto", "desconto", detail.Discount);
    }

    private void Check(int line, decimal reference, string field, string name, decimal? value)
    {
        if (value is { } v && v > reference * ImplausibleFactor)
        {
            diagnostics.Warning(line, field, "cnab.amount.implausible", string.Create(CultureInfo.InvariantCulture,
                $"Valor de {name} {v:0.00} maior que {ImplausibleFactor:0} vezes o valor do título/pago ({reference:0.00}): provável campo corrompido ou deslocado; mantido como escrito, confira."));
        }
    }

    private string NextId(CnabDetail detail, LocalDate bookingDate, decimal amount)
    {
        // The key is bank|agreement|nosso número or document|occurrence|yyyy-MM-dd|amount (0.00), written on the stack:
        // this runs for every record. The date is written as LocalDatePattern.Iso does for the years 1900–9999 CNAB dates have.
        var reference = detail.NossoNumero ?? detail.DocumentNumber ?? string.Empty;
        Span<char> buffer = stackalloc char[256];
        if (bookingDate.Year is >= 1000 and <= 9999
            && buffer.TryWrite(CultureInfo.InvariantCulture,
                $"{bank}|{agreement}|{reference}|{detail.OccurrenceCode}|{bookingDate.Year:D4}-{bookingDate.Month:D2}-{bookingDate.Day:D2}|{amount:0.00}",
                out var written))
        {
            return _ids.Next(buffer[..written], out _);
        }

        var key = string.Join('|', bank, agreement, reference, detail.OccurrenceCode, Format(bookingDate), amount.ToString("0.00", CultureInfo.InvariantCulture));
        return _ids.Next(key, out _);
    }

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Bare CPF (type 1) or CNPJ (type 2) from a zero-padded field; null when absent.</summary>
    internal static string? PayerDocument(string? type, string? digits)
    {
        if (digits is null || digits.All(c => c == '0'))
        {
            return null;
        }

        digits = digits.Trim();
        return type switch
        {
            "1" or "01" when digits.Length >= 11 => digits[^11..],
            "2" or "02" when digits.Length >= 14 => digits[^14..],
            _ => digits.TrimStart('0').Length <= 11 && digits.Length >= 11 ? digits[^11..] : digits.Length >= 14 ? digits[^14..] : digits,
        };
    }

    /// <summary>Branch or account number for <see cref="BankAccount"/>: leading zeros dropped, "-dv" added when present.</summary>
    internal static string? AccountPart(string? number, string? checkDigit)
    {
        if (number is null)
        {
            return null;
        }

        var trimmed = number.TrimStart('0');
        if (trimmed.Length == 0)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(checkDigit) ? trimmed : $"{trimmed}-{checkDigit.Trim()}";
    }
}

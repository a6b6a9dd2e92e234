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
/// </remarks>
internal sealed class CnabTransactionFactory(string bank, string agreement, LocalDate? fallbackDate, CnabDiagnostics diagnostics)
{
    private readonly StableIds _ids = new("cnab-");

    public BankTransaction? Create(CnabDetail detail)
    {
        var bookingDate = detail.OccurrenceDate ?? detail.CreditDate ?? fallbackDate;
        if (bookingDate is null)
        {
            diagnostics.Error(detail.Line, "data_ocorrencia", "cnab.date.missing",
                "The record has no readable occurrence date, credit date or file date. The record was not read.");
            return null;
        }

        if (detail.OccurrenceDate is null)
        {
            diagnostics.Warning(detail.Line, "data_ocorrencia", "cnab.date.fallback",
                $"No readable occurrence date; booked on {Format(bookingDate.Value)} "
                + (detail.CreditDate is null ? "(the file's date)." : "(the credit date)."));
        }

        var paid = detail.AmountPaid ?? 0m;
        var credit = detail.IsSettlement && paid > 0m;
        if (detail.IsSettlement && !credit)
        {
            diagnostics.Warning(detail.Line, "valor_pago", "cnab.settlement.no_amount",
                $"Occurrence {detail.OccurrenceCode} is a settlement but the amount paid is blank or zero; reported as an event, not a payment.");
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

    private string NextId(CnabDetail detail, LocalDate bookingDate, decimal amount)
    {
        var key = string.Join(
            '|',
            bank,
            agreement,
            detail.NossoNumero ?? detail.DocumentNumber ?? string.Empty,
            detail.OccurrenceCode,
            Format(bookingDate),
            amount.ToString("0.00", CultureInfo.InvariantCulture));
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

using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
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
[SkipLocalsInit] // Stack buffers are written before they are read; zeroing them per record is waste.
internal sealed class CnabTransactionFactory
{
    /// <summary>How many times the face value or amount paid a charge component may reach before it is implausible.</summary>
    internal const decimal ImplausibleFactor = 10m;

    /// <summary><see cref="ImplausibleFactor"/> for the compare in whole cents (a constant once the method is optimised).</summary>
    private static readonly ulong s_implausibleFactor = (ulong)ImplausibleFactor;

    private readonly StableIds _ids;
    private readonly byte[] _keyPrefix;
    private readonly LocalDate? _fallbackDate;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>Two key buffers: the held detail's key and the next one's.</summary>
    private readonly byte[][] _keys = [new byte[256], new byte[256]];
    private int _next;

    /// <summary>Two detail slots, as the key buffers: the held detail's (<see cref="_heldKey"/>) and the next one's.</summary>
    private readonly CnabDetail[] _details = new CnabDetail[2];

    // What was computed of the detail held back by Create until the next one.
    private LocalDate _heldDate;
    private decimal _heldAmount;
    private bool _heldCredit;
    private ulong _heldHash;
    private int _heldKeyLength;

    // The last booking date written into a key, and its text (yyyy-MM-dd, or longer for years outside 1000-9999).
    private readonly byte[] _keyDateText = new byte[32];
    private LocalDate _keyDate;
    private int _keyDateLength;
    private int _heldKey;
    private bool _holding;

    /// <param name="bank">The bank code, first part of every id key.</param>
    /// <param name="agreement">The agreement (convênio) or branch/account, second part of every id key.</param>
    /// <param name="fallbackDate">The file's date, for records without a readable date.</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="expected">About how many transactions the file holds (0 when not known), to size the table of ids.</param>
    public CnabTransactionFactory(string bank, string agreement, LocalDate? fallbackDate, DiagnosticBag diagnostics, int expected)
    {
        _ids = new StableIds("cnab-", expected);
        // Every key of the file starts with bank|agreement|: its UTF-8 bytes are made once.
        _keyPrefix = Encoding.UTF8.GetBytes($"{bank}|{agreement}|");
        _fallbackDate = fallbackDate;
        _diagnostics = diagnostics;
    }

    /// <summary>Checks <paramref name="detail"/> (its diagnostics are reported now, in file order) and holds it back;
    /// returns the transaction of the detail held back before it, if any.</summary>
    /// <remarks>The transactions come one record late so that the slot of each id in the table of ids seen (megabytes for
    /// a large file, so a cache miss per record) is loaded while the next record is read: the key is hashed and its slot
    /// requested here, and looked up when the next detail arrives or at <see cref="Flush"/>. The ids, their order and the
    /// diagnostics are those of building each transaction at once.</remarks>
    public BankTransaction? Create(in CnabDetail detail)
    {
        _details[_next] = detail;
        return CreateNext();
    }

    /// <summary>The slot the next detail may be written into in place (every field) before <see cref="CreateNext"/>;
    /// not the held detail's.</summary>
    public ref CnabDetail NextDetail => ref _details[_next];

    /// <summary><see cref="Create"/> of the detail written into <see cref="NextDetail"/>, without copying it.</summary>
    public BankTransaction? CreateNext()
    {
        ref readonly var detail = ref _details[_next];
        var bookingDate = detail.OccurrenceDate ?? detail.CreditDate ?? _fallbackDate;
        if (bookingDate is null)
        {
            _diagnostics.Error(detail.Line, "data_ocorrencia", "cnab.date.missing",
                "O registro não tem data de ocorrência, data de crédito nem data do arquivo legível. O registro não foi lido.");
            return Flush();
        }

        var paid = detail.AmountPaid ?? 0m;
        var settlement = detail.Occurrence.IsSettlement;
        var credit = settlement && paid > 0m;
        var amount = credit ? paid : detail.FaceValue is > 0m ? detail.FaceValue.Value : detail.AmountPaid ?? 0m;

        var reference = detail.NossoNumero ?? detail.DocumentNumber ?? string.Empty;
        var length = _keyPrefix.Length + Encoding.UTF8.GetMaxByteCount(reference.Length + detail.Occurrence.Code.Length) + 64;
        var slot = _keys[_next];
        if (slot.Length < length)
        {
            _keys[_next] = slot = new byte[Math.Max(length, slot.Length * 2)];
        }

        var keyLength = WriteKey(slot, reference, detail.Occurrence, bookingDate.Value, amount);
        var hash = ContentHash.KeyHash(slot.AsSpan(0, keyLength));
        _ids.Prefetch(hash);
        if (detail.OccurrenceDate is null)
        {
            _diagnostics.Warning(detail.Line, "data_ocorrencia", "cnab.date.fallback",
                $"Sem data de ocorrência legível; lançado em {Format(bookingDate.Value)} "
                + (detail.CreditDate is null ? "(a data do arquivo)." : "(a data de crédito)."));
        }

        CheckPlausible(detail);
        if (settlement && !credit)
        {
            _diagnostics.Warning(detail.Line, "valor_pago", "cnab.settlement.no_amount",
                $"A ocorrência {detail.Occurrence.Code} é uma liquidação, mas o valor pago está em branco ou zerado; informada como evento, não como pagamento.");
        }

        var previous = Flush();
        // One field at a time: a tuple would copy the detail (about 300 bytes) once more on the stack first.
        _heldDate = bookingDate.Value;
        _heldAmount = amount;
        _heldCredit = credit;
        _heldHash = hash;
        _heldKeyLength = keyLength;
        _heldKey = _next;
        _holding = true;
        _next ^= 1;
        return previous;
    }

    /// <summary>The transaction of the detail held back by <see cref="Create"/>, if any; called once more after the last record.</summary>
    public BankTransaction? Flush()
    {
        if (!_holding)
        {
            return null;
        }

        _holding = false;
        ref readonly var detail = ref _details[_heldKey];
        var amount = _heldAmount;
        var credit = _heldCredit;
        var references = new TransactionReferences
        {
            NossoNumero = detail.NossoNumero,
            DocumentNumber = detail.DocumentNumber,
        };
        var payer = detail.PayerName is null && detail.PayerDocument is null ? null : new Payer(detail.PayerName, detail.PayerDocument);
        return new BankTransaction
        {
            Id = _ids.Next(_keys[_heldKey].AsSpan(0, _heldKeyLength), _heldHash),
            Kind = credit ? TransactionKind.Credit : TransactionKind.Event,
            BookingDate = _heldDate,
            ValueDate = detail.CreditDate,
            Amount = amount,
            NetAmount = credit ? detail.NetCredited ?? amount - (detail.Fee ?? 0m) : detail.NetCredited,
            Fee = detail.Fee,
            Interest = detail.Interest,
            Fine = detail.Fine,
            Discount = detail.Discount,
            Rebate = detail.Rebate,
            Occurrence = detail.Occurrence.Value,
            Description = detail.PayerName,
            References = references,
            Payer = payer,
            Source = new SourceLocation(detail.Line),
        };
    }

    private void CheckPlausible(in CnabDetail detail)
    {
        if (detail.Fee is null && detail.Interest is null && detail.Fine is null && detail.Discount is null)
        {
            return;
        }

        // The usual amounts (made by CnabFieldReader.Cents: whole cents, scale 0 to 2) are compared as integers: nothing to
        // report when every component is within the limit, or when there is no positive reference. The decimal path below
        // decides (and reports) otherwise; both say the same of any value both can read.
        if (TryCents(detail.FaceValue, out var face) && TryCents(detail.AmountPaid, out var paid)
            && TryCents(detail.Fee, out var fee) && TryCents(detail.Interest, out var interest)
            && TryCents(detail.Fine, out var fine) && TryCents(detail.Discount, out var discount))
        {
            var limit = Math.Max(face, paid) * s_implausibleFactor;
            if (limit == 0 || (fee <= limit && interest <= limit && fine <= limit && discount <= limit))
            {
                return;
            }
        }

        CheckPlausibleDecimal(detail);
    }

    /// <summary>The amount in whole cents when it is a non-negative decimal of scale 0 to 2 below 10^16 (0 when null), so
    /// that comparing the cents compares the values; false for anything else.</summary>
    private static bool TryCents(decimal? amount, out ulong cents)
    {
        cents = 0;
        if (amount is not { } value)
        {
            return true;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var unscaled = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] != 0 || bits[3] < 0 || scale > 2 || unscaled >= 10_000_000_000_000_000UL)
        {
            return false;
        }

        cents = unscaled * (scale == 0 ? 100UL : scale == 1 ? 10UL : 1UL);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckPlausibleDecimal(in CnabDetail detail)
    {
        var reference = Math.Max(detail.FaceValue ?? 0m, detail.AmountPaid ?? 0m);
        if (reference <= 0m || (detail.Fee is null && detail.Interest is null && detail.Fine is null && detail.Discount is null))
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
        // The reference is positive, so a value above the limit is above the reference: the product is only made then.
        if (value is { } v && v > reference && v > reference * ImplausibleFactor)
        {
            _diagnostics.Warning(line, field, "cnab.amount.implausible", string.Create(CultureInfo.InvariantCulture,
                $"Valor de {name} {v:0.00} maior que {ImplausibleFactor:0} vezes o valor do título/pago ({reference:0.00}): provável campo corrompido ou deslocado; mantido como escrito, confira."));
        }
    }

    /// <summary>Writes the id key of a record, bank|agreement|nosso número or document|occurrence|yyyy-MM-dd|amount (0.00),
    /// as UTF-8 into <paramref name="key"/> (on the stack: this runs for every record); its hash is the one
    /// <see cref="ContentHash.KeyHash(ReadOnlySpan{byte})"/> gives for the same text. Returns the length written.</summary>
    private int WriteKey(Span<byte> key, string reference, CnabOccurrence occurrence, LocalDate bookingDate, decimal amount)
    {
        _keyPrefix.CopyTo(key);
        var at = _keyPrefix.Length;
        // References are mostly ASCII (digits): narrowed directly, the UTF-8 encoder only for the others.
        at += Ascii.FromUtf16(reference, key[at..], out var narrowed) == OperationStatus.Done
            ? narrowed
            : Encoding.UTF8.GetBytes(reference, key[at..]);
        key[at++] = (byte)'|';
        occurrence.CodeUtf8.CopyTo(key[at..]);
        at += occurrence.CodeUtf8.Length;
        key[at++] = (byte)'|';
        // The records of a file share a few dates: the last one's text is kept and copied while the date repeats.
        if (bookingDate != _keyDate || _keyDateLength == 0)
        {
            _keyDateLength = WriteDate(_keyDateText, bookingDate);
            _keyDate = bookingDate;
        }

        _keyDateText.AsSpan(0, _keyDateLength).CopyTo(key[at..]);
        at += _keyDateLength;
        key[at++] = (byte)'|';
        at += WriteAmount(key[at..], amount);
        return at;
    }

    /// <summary>yyyy-MM-dd, as LocalDatePattern.Iso writes the years 1900–9999 that CNAB dates have.</summary>
    private static int WriteDate(Span<byte> to, LocalDate date)
    {
        if (date.Year is < 1000 or > 9999)
        {
            return Encoding.UTF8.GetBytes(Format(date), to);
        }

        Digits(to[..4], date.Year);
        to[4] = (byte)'-';
        Digits(to.Slice(5, 2), date.Month);
        to[7] = (byte)'-';
        Digits(to.Slice(8, 2), date.Day);
        return 10;
    }

    /// <summary>The amount as <c>amount.ToString("0.00")</c> writes it; CNAB amounts are never negative and have at most two decimals.</summary>
    private static int WriteAmount(Span<byte> to, decimal amount)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var unscaled = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] == 0 && bits[3] >= 0 && scale <= 2 && unscaled < 1_000_000_000_000_000UL)
        {
            var cents = unscaled * (scale == 0 ? 100UL : scale == 1 ? 10UL : 1UL);
            // The integer part as Utf8Formatter wrote it ("0" for zero), through the integer formatter's digit-pair table.
            if ((cents / 100).TryFormat(to, out var written, default, CultureInfo.InvariantCulture) && to.Length >= written + 3)
            {
                to[written] = (byte)'.';
                Digits(to.Slice(written + 1, 2), (int)(cents % 100));
                return written + 3;
            }
        }

        amount.TryFormat(to, out var n, "0.00", CultureInfo.InvariantCulture);
        return n;
    }

    private static void Digits(Span<byte> to, int value)
    {
        for (var i = to.Length - 1; i >= 0; i--)
        {
            to[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Bare CPF (type 1) or CNPJ (type 2) from a zero-padded field; null when absent.</summary>
    /// <param name="type">The document type field, trimmed.</param>
    /// <param name="digits">The document field, trimmed.</param>
    internal static string? PayerDocument(ReadOnlySpan<byte> type, ReadOnlySpan<byte> digits)
    {
        if (CnabBytes.AllZeros(digits))
        {
            return null;
        }

        var cpf = type.SequenceEqual("1"u8) || type.SequenceEqual("01"u8);
        var cnpj = type.SequenceEqual("2"u8) || type.SequenceEqual("02"u8);
        var kept = cpf && digits.Length >= 11 ? digits[^11..]
            : cnpj && digits.Length >= 14 ? digits[^14..]
            : digits.TrimStart((byte)'0').Length <= 11 && digits.Length >= 11 ? digits[^11..] : digits.Length >= 14 ? digits[^14..] : digits;
        return CnabBytes.Text(kept);
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

using System.Globalization;
using System.Text.RegularExpressions;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Interprets raw <c>STMTTRN</c>s: amount, dates, kind, description, references, payer and id.</summary>
internal sealed class OfxTransactionBuilder
{
    /// <summary>Balance-line patterns compiled once per process (they run on every MEMO and NAME; the interpreter was the
    /// largest cost of a transaction). A pattern that fails to parse is not cached and is reported on each read.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> s_compiled = new(StringComparer.Ordinal);

    private readonly DiagnosticBag _diagnostics;
    private readonly Func<OfxDecimalSeparator> _judgeConvention;
    private OfxDecimalSeparator? _convention;
    private readonly List<Regex> _balancePatterns = [];
    private readonly StableIds _ids;
    private readonly Queue<Pending> _pending = new();
    private byte[] _keys = new byte[16 * 1024];
    private int _keysUsed;
    private int _inserted;
    private readonly bool _defaultPatterns;
    private readonly List<(string Code, BankOccurrence Occurrence, bool Known, int Sign)> _types = [];
    private string? _accountKey;
    private byte[] _accountKeyUtf8 = [];

    /// <param name="options">The reader's settings.</param>
    /// <param name="convention">Judges the file's decimal separator, for amounts that could be read either way: called at
    /// the first such amount only (judging may scan the whole file).</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <param name="expected">About how many transactions the file holds (sizes the set that tells repeated lines apart).</param>
    public OfxTransactionBuilder(OfxReaderOptions options, Func<OfxDecimalSeparator> convention, DiagnosticBag diagnostics, int expected = 0)
    {
        _ids = new StableIds("ofx-", expected);
        _diagnostics = diagnostics;
        _judgeConvention = convention;
        _defaultPatterns = (options.BalanceLinePatterns ?? []).SequenceEqual(OfxReaderOptions.DefaultBalanceLinePatterns, StringComparer.Ordinal);
        foreach (var pattern in options.BalanceLinePatterns ?? [])
        {
            try
            {
                _balancePatterns.Add(s_compiled.GetOrAdd(pattern, p =>
                    new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1))));
            }
            catch (ArgumentException e)
            {
                diagnostics.Error(null, null, "ofx.options.pattern-invalid", string.Create(CultureInfo.InvariantCulture,
                    $"Padrão de linha de saldo inválido e ignorado: '{pattern}' ({e.Message})."));
            }
        }
    }

    /// <summary>How many transactions wait for their id at most: the look-up of a line's id in the de-duplication set
    /// (megabytes for a large file, a cache miss each) is prefetched when the line is built and made this many lines later.</summary>
    private const int IdLag = 16;

    /// <summary>Transactions built, with their ids, in file order, not yet taken; <see cref="Complete"/> gives them all.</summary>
    public Queue<BankTransaction> Built { get; } = new();

    /// <summary>Interprets one completed transaction of <paramref name="statement"/> (nothing when it cannot be read:
    /// diagnosed); it reaches <see cref="Built"/> with its id at the latest at the next <see cref="Complete"/>.</summary>
    public void Build(RawStatement statement, RawTransaction raw)
    {
        ReadDates(statement);
        statement.AccountKey ??= OfxTransactionId.AccountKey(statement.BankId, statement.AccountId);
        Build(raw, statement.AccountKey, statement.StartDate, statement.EndDate, statement.ForeignCurrency);
    }

    /// <summary>Reads DTSTART and DTEND once per statement (reporting them if malformed), at its first transaction or its end.</summary>
    public void ReadDates(RawStatement statement)
    {
        if (!statement.DatesRead)
        {
            statement.DatesRead = true;
            statement.StartDate = StatementDate(statement.Start, "DTSTART");
            statement.EndDate = StatementDate(statement.End, "DTEND");
        }
    }

    /// <summary>Gives every built transaction its id, in file order, into <see cref="Built"/>.</summary>
    public void Complete()
    {
        while (_pending.TryDequeue(out var pending))
        {
            Resolve(pending);
        }

        _keysUsed = 0;
    }

    private void Build(RawTransaction raw, string accountKey, LocalDate? start, LocalDate? end, string? currency)
    {
        var amount = ReadAmount(raw);
        var date = ReadBookingDate(raw);
        if (amount is not { } value || date is not { } booking)
        {
            return;
        }

        var memo = raw.Text(OfxTag.Memo);
        var name = raw.Text(OfxTag.Name) ?? raw.Text(OfxTag.Payee);
        var description = (name, memo) switch
        {
            (null, _) => memo,
            (_, null) => name,
            _ when string.Equals(name, memo, StringComparison.OrdinalIgnoreCase) => memo,
            _ => name + " - " + memo,
        };

        var kind = Classify(raw, value, booking, start, end, name, memo);
        var fitid = raw.Text(OfxTag.Fitid);
        if (fitid is null)
        {
            _diagnostics.Warning(raw.Line, "FITID", "ofx.fitid.missing",
                "Lançamento sem FITID: a identidade estável usa a descrição no lugar dele.");
        }

        // The id waits IdLag lines for its look-up (see Complete); a repeat's warning takes the place it had then.
        var hash = WriteKey(accountKey, fitid, description, booking, value, out var key);
        _ids.Prefetch(hash);
        var diagnosticAt = _diagnostics.Count;

        // Only a credit has a payer other than the account holder; on a debit the document is the payee's.
        var document = kind == TransactionKind.Credit ? FindTaxId(memo) ?? FindTaxId(name) : null;
        var checkNumber = raw.Text(OfxTag.CheckNum) ?? raw.Text(OfxTag.RefNum);
        _pending.Enqueue(new Pending
        {
            Hash = hash,
            Key = key,
            DiagnosticAt = diagnosticAt,
            InsertedBefore = _inserted,
            Line = raw.Line,
            Kind = kind,
            BookingDate = booking,
            ValueDate = ReadOptionalDate(raw, OfxTag.DtAvail, "DTAVAIL"),
            Amount = value,
            Currency = currency,
            Occurrence = Occurrence(raw),
            Description = description,
            References = new TransactionReferences
            {
                Fitid = fitid,
                DocumentNumber = checkNumber,
            },
            Payer = document is null ? null : new Payer(null, document),
        });
        if (_pending.Count > IdLag)
        {
            Resolve(_pending.Dequeue());
        }
    }

    private void Resolve(in Pending pending)
    {
        var id = _ids.Next(_keys.AsSpan(pending.Key.Start, pending.Key.Length), pending.Hash, out var repeat);
        if (repeat > 0)
        {
            _diagnostics.WarningAt(pending.DiagnosticAt + (_inserted - pending.InsertedBefore), pending.Line, "FITID", "ofx.fitid.repeated", string.Create(CultureInfo.InvariantCulture,
                $"Lançamento idêntico a outro anterior (FITID '{pending.References.Fitid}', mesma data e valor); mantido como a repetição nº {repeat + 1}."));
            _inserted++;
        }

        Built.Enqueue(new BankTransaction
        {
            Id = id,
            Kind = pending.Kind,
            BookingDate = pending.BookingDate,
            ValueDate = pending.ValueDate,
            Amount = pending.Amount,
            Currency = pending.Currency,
            Occurrence = pending.Occurrence,
            Description = pending.Description,
            References = pending.References,
            Payer = pending.Payer,
            Source = new SourceLocation(pending.Line),
        });
    }

    /// <summary>A built transaction waiting for its id.</summary>
    private struct Pending
    {
        public ulong Hash;
        public (int Start, int Length) Key;
        public int DiagnosticAt;
        public int InsertedBefore;
        public int Line;
        public TransactionKind Kind;
        public LocalDate BookingDate;
        public LocalDate? ValueDate;
        public decimal Amount;
        public string? Currency;
        public BankOccurrence? Occurrence;
        public string? Description;
        public TransactionReferences References;
        public Payer? Payer;
    }

    /// <summary>Writes the natural key <c>account|fitid|yyyy-MM-dd|amount</c> (see <see cref="OfxTransactionId"/>) in UTF-8
    /// where the pending lines keep theirs, and returns its hash (<see cref="ContentHash.KeyHash(ReadOnlySpan{byte})"/>).</summary>
    private ulong WriteKey(string accountKey, string? fitid, string? description, LocalDate booking, decimal amount, out (int Start, int Length) key)
    {
        var text = fitid ?? description;
        var length = (accountKey.Length + 1 + 1 + (text?.Length ?? 0)) * 3 + 1 + 10 + 1 + 64;
        var written = length <= 1024 ? TryWriteKey(Room(length), accountKey, fitid, text, booking, amount) : -1;
        if (written < 0)
        {
            var natural = System.Text.Encoding.UTF8.GetBytes(OfxTransactionId.NaturalKey(accountKey, fitid ?? "~" + description, booking, amount));
            natural.CopyTo(Room(natural.Length));
            written = natural.Length;
        }

        key = (_keysUsed, written);
        _keysUsed += written;
        return ContentHash.KeyHash(_keys.AsSpan(key.Start, written));
    }

    /// <summary>At least <paramref name="length"/> free bytes after the pending lines' keys.</summary>
    private Span<byte> Room(int length)
    {
        if (_keys.Length - _keysUsed < length)
        {
            Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _keysUsed + length));
        }

        return _keys.AsSpan(_keysUsed, length);
    }

    /// <summary>Writes the key into <paramref name="key"/>; -1 when the amount cannot be written there.</summary>
    private int TryWriteKey(Span<byte> key, string accountKey, string? fitid, string? text, LocalDate booking, decimal amount)
    {
        if (!ReferenceEquals(accountKey, _accountKey))
        {
            _accountKey = accountKey;
            _accountKeyUtf8 = System.Text.Encoding.UTF8.GetBytes(accountKey);
        }

        _accountKeyUtf8.CopyTo(key);
        var at = _accountKeyUtf8.Length;
        key[at++] = (byte)'|';
        if (fitid is null)
        {
            key[at++] = (byte)'~';
        }

        if (text is not null)
        {
            at += System.Text.Encoding.UTF8.GetBytes(text, key[at..]);
        }

        key[at++] = (byte)'|';
        at += WriteDate(key[at..], booking);
        key[at++] = (byte)'|';
        if (!TryWriteAmount(key[at..], amount, out var written)
            && !amount.TryFormat(key[at..], out written, "0.00##########################", CultureInfo.InvariantCulture))
        {
            return -1;
        }

        return at + written;
    }

    /// <summary>Writes a non-zero amount of up to 19 significant digits as <see cref="NaturalKey.Amount"/> does (invariant, at
    /// least two decimals, no trailing zeros past them), without the custom-format machinery; false for anything else.</summary>
    private static bool TryWriteAmount(Span<byte> to, decimal amount, out int written)
    {
        written = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        if (bits[2] != 0 || amount == 0m)
        {
            return false;
        }

        var digits = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        Span<byte> raw = stackalloc byte[20];
        if (!digits.TryFormat(raw, out var count, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        // Fraction digits kept: the scale, trailing zeros dropped, but never fewer than two.
        var keep = scale;
        while (keep > 2 && raw[count - 1 - (scale - keep)] == (byte)'0')
        {
            keep--;
        }

        keep = Math.Max(keep, 2);
        var integerDigits = count - scale;
        var at = 0;
        if (bits[3] < 0)
        {
            to[at++] = (byte)'-';
        }

        if (integerDigits <= 0)
        {
            to[at++] = (byte)'0';
        }
        else
        {
            raw[..integerDigits].CopyTo(to[at..]);
            at += integerDigits;
        }

        to[at++] = (byte)'.';
        for (var k = 0; k < keep; k++)
        {
            // Digit k of the fraction: leading zeros when the number has fewer digits than its scale.
            var index = integerDigits + k;
            to[at++] = index < 0 || k >= scale ? (byte)'0' : raw[index];
        }

        written = at;
        return true;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> (as <see cref="NaturalKey.Date"/>; the years of OFX dates are 1 to 9999).</summary>
    private static int WriteDate(Span<byte> to, LocalDate date)
    {
        var year = date.Year;
        to[0] = (byte)('0' + (year / 1000));
        to[1] = (byte)('0' + (year / 100 % 10));
        to[2] = (byte)('0' + (year / 10 % 10));
        to[3] = (byte)('0' + (year % 10));
        to[4] = (byte)'-';
        to[5] = (byte)('0' + (date.Month / 10));
        to[6] = (byte)('0' + (date.Month % 10));
        to[7] = (byte)'-';
        to[8] = (byte)('0' + (date.Day / 10));
        to[9] = (byte)('0' + (date.Day % 10));
        return 10;
    }

    /// <summary>The occurrence for the TRNTYPE, shared between lines of the same code (the record is immutable).</summary>
    private BankOccurrence? Occurrence(RawTransaction raw)
    {
        if (!raw.Has(OfxTag.TrnType) || raw.Span(OfxTag.TrnType).IsEmpty)
        {
            return null;
        }

        return Type(raw.Span(OfxTag.TrnType)).Occurrence;
    }

    /// <summary>What is known of a TRNTYPE code: the last few codes are looked up in a short list (a file uses a handful),
    /// the others are described each time.</summary>
    private (BankOccurrence Occurrence, bool Known, int Sign) Type(ReadOnlySpan<char> type)
    {
        foreach (var entry in _types)
        {
            if (type.SequenceEqual(entry.Code))
            {
                return (entry.Occurrence, entry.Known, entry.Sign);
            }
        }

        var text = type.ToString();
        var described = (OfxTransactionTypes.Describe(text), OfxTransactionTypes.IsKnown(text), OfxTransactionTypes.ImpliedSign(text));
        if (_types.Count < 16)
        {
            _types.Add((text, described.Item1, described.Item2, described.Item3));
        }

        return described;
    }

    /// <summary><see cref="TaxIdScanner.Find"/> when the text could hold a CPF or CNPJ at all: every form it finds has at
    /// least eleven digits (CPF, bare numbers) or a slash (formatted CNPJ, alphanumeric included).</summary>
    private static string? FindTaxId(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c == '/')
            {
                digits = 11;
                break;
            }
        }

        return digits >= 11 ? TaxIdScanner.Find(text) : null;
    }

    private TransactionKind Classify(RawTransaction raw, decimal amount, LocalDate booking, LocalDate? start, LocalDate? end, string? name, string? memo)
    {
        if ((MatchesBalanceLine(memo, raw.Line, "MEMO") ?? MatchesBalanceLine(name, raw.Line, "NAME")) is { } phrase)
        {
            _diagnostics.Warning(raw.Line, "MEMO", "ofx.transaction.balance-line", string.Create(CultureInfo.InvariantCulture,
                $"Linha de saldo ('{phrase}'), não um lançamento: informada como evento."));
            return TransactionKind.Event;
        }

        if (end is { } last && booking > last)
        {
            _diagnostics.Warning(raw.Line, "DTPOSTED", "ofx.transaction.scheduled", string.Create(CultureInfo.InvariantCulture,
                $"Lançamento de {Iso(booking)} posterior ao fim do extrato ({Iso(last)}): agendado, informado como evento."));
            return TransactionKind.Event;
        }

        if (start is { } first && booking < first)
        {
            _diagnostics.Warning(raw.Line, "DTPOSTED", "ofx.transaction.before-start", string.Create(CultureInfo.InvariantCulture,
                $"Lançamento de {Iso(booking)} anterior ao início do extrato ({Iso(first)}); mantido."));
        }

        if (amount == 0m)
        {
            _diagnostics.Warning(raw.Line, "TRNAMT", "ofx.amount.zero", "Lançamento de valor zero: informado como evento.");
            return TransactionKind.Event;
        }

        if (raw.Has(OfxTag.TrnType) && !raw.Span(OfxTag.TrnType).IsEmpty)
        {
            var type = raw.Span(OfxTag.TrnType);
            var (_, known, sign) = Type(type);
            if (!known)
            {
                _diagnostics.Warning(raw.LineOf(OfxTag.TrnType), "TRNTYPE", "ofx.trntype.unknown", string.Create(CultureInfo.InvariantCulture,
                    $"TRNTYPE desconhecido '{type}'; o sinal do valor decide crédito ou débito."));
            }
            else if (sign != 0 && sign != Math.Sign(amount))
            {
                _diagnostics.Warning(raw.LineOf(OfxTag.TrnAmt), "TRNAMT", "ofx.amount.sign-mismatch", string.Create(CultureInfo.InvariantCulture,
                    $"TRNTYPE '{type.Trim()}' é sempre {(sign > 0 ? "crédito" : "débito")}, mas TRNAMT é {(amount > 0 ? "positivo" : "negativo")}: lido como {(amount > 0 ? "crédito" : "débito")}, pelo sinal (regra do OFX); confira antes de conciliar."));
            }
        }

        return amount > 0m ? TransactionKind.Credit : TransactionKind.Debit;
    }

    private string? MatchesBalanceLine(string? text, int line, string field)
    {
        if (text is null || (_defaultPatterns && !MayStartWithS(text)))
        {
            return null;
        }

        foreach (var pattern in _balancePatterns)
        {
            try
            {
                var match = pattern.Match(text);
                if (match.Success)
                {
                    return match.Value.Trim();
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological user pattern: the line is read as a transaction, and the reader says it could not tell.
                _diagnostics.Warning(line, field, "ofx.options.pattern-timeout", string.Create(CultureInfo.InvariantCulture,
                    $"Padrão de linha de saldo '{pattern}' excedeu o tempo limite neste texto: não foi possível dizer se é uma linha de saldo; lido como lançamento, confira."));
            }
        }

        return null;
    }

    /// <summary>Whether a default balance pattern (each <c>^\s*S…</c>, case-insensitive) could match: after ASCII blanks, the
    /// first character is <c>S</c> or <c>s</c>, or not ASCII (then the patterns decide).</summary>
    private static bool MayStartWithS(string text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v')
            {
                continue;
            }

            return c is 'S' or 's' || c > '\x7F';
        }

        return false;
    }

    private decimal? ReadAmount(RawTransaction raw)
    {
        if (!raw.Has(OfxTag.TrnAmt))
        {
            _diagnostics.Error(raw.Line, "TRNAMT", "ofx.amount.missing", "Lançamento sem TRNAMT: não lido.");
            return null;
        }

        var value = raw.Span(OfxTag.TrnAmt);
        var line = raw.LineOf(OfxTag.TrnAmt);
        // The convention only changes the reading of an ambiguous amount: until one comes, it need not be known.
        var parsed = OfxAmount.TryParse(value, _convention ?? OfxDecimalSeparator.Unknown, out var amount, out var ambiguous);
        if (ambiguous && _convention is null)
        {
            // Judging may put the encoding's warning first among the diagnostics: the waiting lines take theirs before.
            Complete();
            _convention = _judgeConvention();
            parsed = OfxAmount.TryParse(value, _convention.Value, out amount, out ambiguous);
        }

        if (parsed)
        {
            if (ambiguous)
            {
                _diagnostics.Warning(line, "TRNAMT", "ofx.amount.ambiguous", string.Create(CultureInfo.InvariantCulture,
                    $"Valor ambíguo '{value.Trim()}' em TRNAMT (separador de milhar ou decimal?) e o arquivo não mostra sua convenção: lido como {amount} (separador decimal, regra do OFX); confira."));
            }

            return amount;
        }

        _diagnostics.Error(line, "TRNAMT", "ofx.amount.invalid", string.Create(CultureInfo.InvariantCulture,
            $"Valor ilegível '{value}' em TRNAMT: lançamento não lido (nunca tratado como zero)."));
        return null;
    }

    private LocalDate? ReadBookingDate(RawTransaction raw)
    {
        if (ReadOptionalDate(raw, OfxTag.DtPosted, "DTPOSTED") is { } posted)
        {
            return posted;
        }

        if (ReadOptionalDate(raw, OfxTag.DtUser, "DTUSER") is { } user)
        {
            _diagnostics.Warning(raw.LineOf(OfxTag.DtUser), "DTUSER", "ofx.date.fallback",
                "Sem DTPOSTED válido: usada a data DTUSER como data do lançamento.");
            return user;
        }

        _diagnostics.Error(raw.Has(OfxTag.DtPosted) ? raw.LineOf(OfxTag.DtPosted) : raw.Line, "DTPOSTED", "ofx.date.missing",
            "Lançamento sem data (DTPOSTED/DTUSER) legível: não lido.");
        return null;
    }

    private LocalDate? ReadOptionalDate(RawTransaction raw, OfxTag field, string name) =>
        raw.Has(field) ? ReadDate(raw.Span(field), raw.LineOf(field), name) : null;

    private LocalDate? StatementDate(RawField? field, string name) => field is { } f ? ReadDate(f.Value, f.Line, name) : null;

    private LocalDate? ReadDate(ReadOnlySpan<char> value, int line, string name)
    {
        if (value.Length == 0)
        {
            _diagnostics.Warning(line, name, "ofx.date.empty", string.Create(CultureInfo.InvariantCulture, $"{name} vazio: tratado como ausente."));
            return null;
        }

        switch (OfxDate.Parse(value, out var date))
        {
            case OfxDateStatus.Valid:
                return date;
            case OfxDateStatus.ValidWithOddSuffix:
                _diagnostics.Warning(line, name, "ofx.date.suffix", string.Create(CultureInfo.InvariantCulture,
                    $"{name} '{value}': hora/fuso não reconhecidos; usada só a data {Iso(date)}."));
                return date;
            case OfxDateStatus.Zero:
                _diagnostics.Warning(line, name, "ofx.date.zero", string.Create(CultureInfo.InvariantCulture,
                    $"{name} zerado ('{value}'): tratado como ausente."));
                return null;
            default:
                _diagnostics.Error(line, name, "ofx.date.invalid", string.Create(CultureInfo.InvariantCulture,
                    $"{name} ilegível '{value}'."));
                return null;
        }
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}

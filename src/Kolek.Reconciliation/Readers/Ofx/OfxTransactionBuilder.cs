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
    private readonly OfxDecimalSeparator _convention;
    private readonly List<Regex> _balancePatterns = [];
    private readonly StableIds _ids = new("ofx-");

    /// <param name="options">The reader's settings.</param>
    /// <param name="convention">The file's decimal separator, for amounts that could be read either way.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    public OfxTransactionBuilder(OfxReaderOptions options, OfxDecimalSeparator convention, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _convention = convention;
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

    /// <summary>Interprets one completed transaction of <paramref name="statement"/>; null when it cannot be read (diagnosed).</summary>
    public BankTransaction? Build(RawStatement statement, RawTransaction raw)
    {
        ReadDates(statement);
        return Build(raw, OfxTransactionId.AccountKey(statement.BankId, statement.AccountId), statement.StartDate, statement.EndDate);
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

    private BankTransaction? Build(RawTransaction raw, string accountKey, LocalDate? start, LocalDate? end)
    {
        var amount = ReadAmount(raw);
        var date = ReadBookingDate(raw);
        if (amount is not { } value || date is not { } booking)
        {
            return null;
        }

        var memo = raw.Text("MEMO");
        var name = raw.Text("NAME") ?? raw.Text("PAYEE");
        var description = (name, memo) switch
        {
            (null, _) => memo,
            (_, null) => name,
            _ when string.Equals(name, memo, StringComparison.OrdinalIgnoreCase) => memo,
            _ => name + " - " + memo,
        };

        var kind = Classify(raw, value, booking, start, end, name, memo);
        var fitid = raw.Text("FITID");
        if (fitid is null)
        {
            _diagnostics.Warning(raw.Line, "FITID", "ofx.fitid.missing",
                "Lançamento sem FITID: a identidade estável usa a descrição no lugar dele.");
        }

        var naturalKey = OfxTransactionId.NaturalKey(accountKey, fitid ?? "~" + description, booking, value);
        var id = _ids.Next(naturalKey, out var repeat);
        if (repeat > 0)
        {
            _diagnostics.Warning(raw.Line, "FITID", "ofx.fitid.repeated", string.Create(CultureInfo.InvariantCulture,
                $"Lançamento idêntico a outro anterior (FITID '{fitid}', mesma data e valor); mantido como a repetição nº {repeat + 1}."));
        }

        // Only a credit has a payer other than the account holder; on a debit the document is the payee's.
        var document = kind == TransactionKind.Credit ? TaxIdScanner.Find(memo) ?? TaxIdScanner.Find(name) : null;
        var type = raw.Text("TRNTYPE");
        return new BankTransaction
        {
            Id = id,
            Kind = kind,
            BookingDate = booking,
            ValueDate = ReadOptionalDate(raw, "DTAVAIL"),
            Amount = value,
            Occurrence = type is null ? null : OfxTransactionTypes.Describe(type),
            Description = description,
            References = new TransactionReferences
            {
                Fitid = fitid,
                DocumentNumber = raw.Text("CHECKNUM") ?? raw.Text("REFNUM"),
            },
            Payer = document is null ? null : new Payer(null, document),
            Source = new SourceLocation(raw.Line),
        };
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

        if (raw.Text("TRNTYPE") is { } type && !OfxTransactionTypes.IsKnown(type))
        {
            _diagnostics.Warning(raw.Fields["TRNTYPE"].Line, "TRNTYPE", "ofx.trntype.unknown", string.Create(CultureInfo.InvariantCulture,
                $"TRNTYPE desconhecido '{type}'; o sinal do valor decide crédito ou débito."));
        }

        return amount > 0m ? TransactionKind.Credit : TransactionKind.Debit;
    }

    private string? MatchesBalanceLine(string? text, int line, string field)
    {
        if (text is null)
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

    private decimal? ReadAmount(RawTransaction raw)
    {
        if (!raw.Fields.TryGetValue("TRNAMT", out var field))
        {
            _diagnostics.Error(raw.Line, "TRNAMT", "ofx.amount.missing", "Lançamento sem TRNAMT: não lido.");
            return null;
        }

        if (OfxAmount.TryParse(field.Value, _convention, out var amount, out var ambiguous))
        {
            if (ambiguous)
            {
                _diagnostics.Warning(field.Line, "TRNAMT", "ofx.amount.ambiguous", string.Create(CultureInfo.InvariantCulture,
                    $"Valor ambíguo '{field.Value.Trim()}' em TRNAMT (separador de milhar ou decimal?) e o arquivo não mostra sua convenção: lido como {amount} (separador decimal, regra do OFX); confira."));
            }

            return amount;
        }

        _diagnostics.Error(field.Line, "TRNAMT", "ofx.amount.invalid", string.Create(CultureInfo.InvariantCulture,
            $"Valor ilegível '{field.Value}' em TRNAMT: lançamento não lido (nunca tratado como zero)."));
        return null;
    }

    private LocalDate? ReadBookingDate(RawTransaction raw)
    {
        if (ReadOptionalDate(raw, "DTPOSTED") is { } posted)
        {
            return posted;
        }

        if (ReadOptionalDate(raw, "DTUSER") is { } user)
        {
            _diagnostics.Warning(raw.Fields["DTUSER"].Line, "DTUSER", "ofx.date.fallback",
                "Sem DTPOSTED válido: usada a data DTUSER como data do lançamento.");
            return user;
        }

        _diagnostics.Error(raw.Fields.TryGetValue("DTPOSTED", out var f) ? f.Line : raw.Line, "DTPOSTED", "ofx.date.missing",
            "Lançamento sem data (DTPOSTED/DTUSER) legível: não lido.");
        return null;
    }

    private LocalDate? ReadOptionalDate(RawTransaction raw, string field) =>
        raw.Fields.TryGetValue(field, out var f) ? ReadDate(f, field) : null;

    private LocalDate? StatementDate(RawField? field, string name) => field is { } f ? ReadDate(f, name) : null;

    private LocalDate? ReadDate(RawField field, string name)
    {
        if (field.Value.Length == 0)
        {
            _diagnostics.Warning(field.Line, name, "ofx.date.empty", string.Create(CultureInfo.InvariantCulture, $"{name} vazio: tratado como ausente."));
            return null;
        }

        switch (OfxDate.Parse(field.Value, out var date))
        {
            case OfxDateStatus.Valid:
                return date;
            case OfxDateStatus.ValidWithOddSuffix:
                _diagnostics.Warning(field.Line, name, "ofx.date.suffix", string.Create(CultureInfo.InvariantCulture,
                    $"{name} '{field.Value}': hora/fuso não reconhecidos; usada só a data {Iso(date)}."));
                return date;
            case OfxDateStatus.Zero:
                _diagnostics.Warning(field.Line, name, "ofx.date.zero", string.Create(CultureInfo.InvariantCulture,
                    $"{name} zerado ('{field.Value}'): tratado como ausente."));
                return null;
            default:
                _diagnostics.Error(field.Line, name, "ofx.date.invalid", string.Create(CultureInfo.InvariantCulture,
                    $"{name} ilegível '{field.Value}'."));
                return null;
        }
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}

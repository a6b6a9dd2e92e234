using System.Globalization;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Readers.Csv;

/// <summary>Turns the rows of one CSV file into transactions, with the layout's columns resolved against the header.</summary>
internal sealed class CsvRowReader
{
    private readonly CsvStatementLayout _layout;
    private readonly LocalDatePattern _datePattern;
    private readonly Dictionary<CsvColumn, (int Index, string Label)> _columns;
    private readonly DiagnosticBag _diagnostics;
    private readonly StableIds _ids = new("csv-");

    private CsvRowReader(CsvStatementLayout layout, Dictionary<CsvColumn, (int, string)> columns, DiagnosticBag diagnostics)
    {
        _layout = layout;
        _datePattern = layout.DatePattern()!;
        _columns = columns;
        _diagnostics = diagnostics;
    }

    /// <summary>A reader for the rows, or null (with an error) when a named column is missing from the header.</summary>
    public static CsvRowReader? Create(CsvStatementLayout layout, CsvRecord? header, DiagnosticBag diagnostics)
    {
        var columns = new Dictionary<CsvColumn, (int, string)>();
        var missing = new List<string>();
        foreach (var column in layout.Columns().Distinct())
        {
            if (column.Index is { } index)
            {
                columns[column] = (index, "#" + Number(index + 1));
                continue;
            }

            var found = header is null ? -1 : IndexOf(header.Fields, column.Name!);
            if (found < 0)
            {
                missing.Add(column.Name!);
            }
            else
            {
                columns[column] = (found, column.Name!);
            }
        }

        if (missing.Count > 0)
        {
            diagnostics.Error(header?.Line, string.Join(",", missing), "csv.header.missing",
                $"O cabeçalho não tem a(s) coluna(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}; nada foi lido.");
            return null;
        }

        return new CsvRowReader(layout, columns, diagnostics);
    }

    /// <summary>The transaction of <paramref name="row"/>, or null after reporting why it was not read.</summary>
    public BankTransaction? Read(CsvRecord row)
    {
        var date = Field(row, _layout.Date, out var dateLabel);
        if (date is null)
        {
            return null;
        }

        var parsedDate = _datePattern.Parse(date.Trim());
        if (!parsedDate.Success)
        {
            return Error(row, dateLabel, "csv.date.invalid", $"'{date.Trim()}' não é uma data no formato {_layout.DateFormat}");
        }

        if (SignedAmount(row) is not { } amount)
        {
            return null;
        }

        var description = Optional(row, _layout.Description);
        var reference = Optional(row, _layout.Reference);
        var document = Optional(row, _layout.Document) is { } raw ? new string([.. raw.Where(char.IsAsciiLetterOrDigit)]) : null;
        var key = string.Join("|", NaturalKey.Date(parsedDate.Value), NaturalKey.Amount(amount), description, document, reference);
        return new BankTransaction
        {
            Id = _ids.Next(key, out _),
            Kind = amount > 0 ? TransactionKind.Credit : amount < 0 ? TransactionKind.Debit : TransactionKind.Event,
            BookingDate = parsedDate.Value,
            Amount = amount,
            Description = description,
            References = reference is null ? TransactionReferences.None : new TransactionReferences { DocumentNumber = reference },
            Payer = string.IsNullOrEmpty(document) ? null : new Payer(null, document),
            Source = new SourceLocation(row.Line),
        };
    }

    private decimal? SignedAmount(CsvRecord row)
    {
        if (_layout.Amount is { } amountColumn)
        {
            var text = Field(row, amountColumn, out var label);
            return text is null ? null : Amount(row, label, text, signed: true);
        }

        var credit = _layout.Credit is { } c ? Optional(row, c) : null;
        var debit = _layout.Debit is { } d ? Optional(row, d) : null;
        var creditValue = credit is null ? 0m : Amount(row, _columns[_layout.Credit!.Value].Label, credit, signed: false);
        var debitValue = debit is null ? 0m : Amount(row, _columns[_layout.Debit!.Value].Label, debit, signed: false);
        if (creditValue is null || debitValue is null)
        {
            return null;
        }

        if (creditValue != 0 && debitValue != 0)
        {
            Error(row, _columns[_layout.Credit!.Value].Label, "csv.amount.both", "a linha tem crédito e débito ao mesmo tempo");
            return null;
        }

        if (credit is null && debit is null)
        {
            Error(row, _columns[(_layout.Credit ?? _layout.Debit)!.Value].Label, "csv.amount.missing", "a linha não tem valor de crédito nem de débito");
            return null;
        }

        return creditValue != 0 ? Math.Abs(creditValue.Value) : -Math.Abs(debitValue.Value);
    }

    /// <summary>An amount in the layout's decimal convention: optional <c>R$</c>, sign before or after, thousands separators.</summary>
    private decimal? Amount(CsvRecord row, string label, string text, bool signed)
    {
        var s = text.Replace("R$", string.Empty, StringComparison.OrdinalIgnoreCase).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        var negative = false;
        if (s.EndsWith('-') || s.StartsWith('-'))
        {
            negative = true;
            s = s.Trim('-');
        }
        else if (s.StartsWith('(') && s.EndsWith(')'))
        {
            negative = true;
            s = s[1..^1];
        }

        var thousands = _layout.DecimalSeparator == ',' ? '.' : ',';
        var grouped = IsGrouped(s, thousands, _layout.DecimalSeparator);
        s = s.Replace(thousands.ToString(), string.Empty, StringComparison.Ordinal).Replace(_layout.DecimalSeparator, '.');
        if (!grouped || s.Length == 0 || s.Any(c => c is not ('.' or (>= '0' and <= '9')))
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(row, label, "csv.amount.invalid", $"'{text.Trim()}' não é um valor com separador decimal '{_layout.DecimalSeparator}'");
            return null;
        }

        if (negative && !signed)
        {
            _diagnostics.Warning(row.Line, label, "csv.amount.signed", $"Valor '{text.Trim()}' com sinal numa coluna sem sinal; foi usado o valor absoluto.");
        }

        return negative && signed ? -value : value;
    }

    /// <summary>Whether the thousands separators of <paramref name="s"/>, if any, stand only between groups of three digits
    /// of the integer part ("1.234.567,89"), so that "12.50" under a comma decimal is not read as 1250.</summary>
    private static bool IsGrouped(string s, char thousands, char decimalSeparator)
    {
        var end = s.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (end < 0)
        {
            end = s.Length;
        }
        else if (s.IndexOf(thousands, end) >= 0)
        {
            return false;
        }

        var groups = s[..end].Split(thousands);
        return groups.Length == 1
            || (groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3));
    }

    /// <summary>The text of a required field, or null after reporting a short row.</summary>
    private string? Field(CsvRecord row, CsvColumn column, out string label)
    {
        var (index, name) = _columns[column];
        label = name;
        if (index < row.Fields.Count)
        {
            return row.Fields[index];
        }

        Error(row, name, "csv.row.short", $"a linha tem {Number(row.Fields.Count)} coluna(s) e falta a coluna {Number(index + 1)}");
        return null;
    }

    /// <summary>The trimmed text of an optional field, or null when the column is absent, missing from the row or blank.</summary>
    private string? Optional(CsvRecord row, CsvColumn? column) =>
        column is { } c && _columns[c].Index < row.Fields.Count && row.Fields[_columns[c].Index].Trim() is { Length: > 0 } text
            ? text
            : null;

    private BankTransaction? Error(CsvRecord row, string label, string code, string reason)
    {
        var (index, _) = _columns.Values.First(v => v.Label == label);
        _diagnostics.Error(row.Line, label, code, $"Linha {Number(row.Line)}, coluna {Number(index + 1)} ({label}): {reason}; a linha não foi lida.");
        return null;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim().Trim('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using NodaTime.Text;

namespace Kolek.Reconciliation.Readers.Csv;

/// <summary>The text encoding of a CSV export.</summary>
public enum CsvTextEncoding
{
    /// <summary>UTF-8 (a byte-order mark is skipped).</summary>
    Utf8 = 1,

    /// <summary>Windows-1252, the usual encoding of Brazilian bank and ERP exports opened in Excel.</summary>
    Windows1252 = 2,
}

/// <summary>The declared shape of a CSV statement: separators, date format and which column holds what.</summary>
/// <remarks>
/// <para>A layout needs <see cref="Date"/> and either <see cref="Amount"/> (signed: credits positive, debits negative) or
/// at least one of <see cref="Credit"/> / <see cref="Debit"/> (unsigned, one per row). Columns given by name need
/// <see cref="HasHeader"/>.</para>
/// <para>Immutable and thread-safe; derive variants with <c>with</c>.</para>
/// </remarks>
public sealed record CsvStatementLayout
{
    /// <summary>A generic Brazilian bank export: header <c>data;descricao;valor</c>, <c>;</c>-separated, comma decimals,
    /// <c>dd/MM/yyyy</c> dates, signed amounts, Windows-1252.</summary>
    public static CsvStatementLayout BrazilianBank { get; } = new()
    {
        Separator = ';',
        DecimalSeparator = ',',
        DateFormat = "dd/MM/yyyy",
        Encoding = CsvTextEncoding.Windows1252,
        Date = CsvColumn.Named("data"),
        Amount = CsvColumn.Named("valor"),
        Description = CsvColumn.Named("descricao"),
    };

    /// <summary>A bank export with separate credit and debit columns: header <c>data;historico;documento;credito;debito</c>,
    /// <c>;</c>-separated, comma decimals, <c>dd/MM/yyyy</c> dates, Windows-1252.</summary>
    public static CsvStatementLayout BrazilianBankCreditDebit { get; } = BrazilianBank with
    {
        Amount = null,
        Credit = CsvColumn.Named("credito"),
        Debit = CsvColumn.Named("debito"),
        Description = CsvColumn.Named("historico"),
        Reference = CsvColumn.Named("documento"),
    };

    /// <summary>The field separator.</summary>
    /// <value>The default value is <c>;</c>.</value>
    public char Separator { get; init; } = ';';

    /// <summary>The decimal separator of amounts; the other of <c>.</c> and <c>,</c> is taken as a thousands separator.</summary>
    /// <value>The default value is <c>,</c>.</value>
    public char DecimalSeparator { get; init; } = ',';

    /// <summary>The NodaTime <see cref="LocalDatePattern"/> text of the dates, read with the invariant culture.</summary>
    /// <value>The default value is <c>dd/MM/yyyy</c>.</value>
    public string DateFormat { get; init; } = "dd/MM/yyyy";

    /// <summary>Whether the first row is a header (needed for columns given by name).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HasHeader { get; init; } = true;

    /// <summary>The text encoding.</summary>
    /// <value>The default value is <see cref="CsvTextEncoding.Utf8"/>.</value>
    public CsvTextEncoding Encoding { get; init; } = CsvTextEncoding.Utf8;

    /// <summary>The booking date column (required).</summary>
    /// <value>The default value is the column named <c>data</c>.</value>
    public CsvColumn Date { get; init; } = CsvColumn.Named("data");

    /// <summary>The signed amount column, or <see langword="null"/> when the file has credit/debit columns.</summary>
    /// <value>The default value is the column named <c>valor</c>.</value>
    public CsvColumn? Amount { get; init; } = CsvColumn.Named("valor");

    /// <summary>The unsigned credit column, when <see cref="Amount"/> is <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CsvColumn? Credit { get; init; }

    /// <summary>The unsigned debit column, when <see cref="Amount"/> is <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CsvColumn? Debit { get; init; }

    /// <summary>The free-text description column (payer name, history).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CsvColumn? Description { get; init; }

    /// <summary>The payer's CPF/CNPJ column (masks are removed).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CsvColumn? Document { get; init; }

    /// <summary>The company's own reference column (seu número / número do documento).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CsvColumn? Reference { get; init; }

    /// <summary>What is wrong with the layout, or <see langword="null"/> when it can be used.</summary>
    /// <returns>A pt-BR message, or <see langword="null"/>.</returns>
    public string? Validate()
    {
        if (Separator is '"' or '\r' or '\n')
        {
            return "O separador de campos não pode ser aspas nem quebra de linha.";
        }

        if (DecimalSeparator is not ('.' or ','))
        {
            return "O separador decimal deve ser '.' ou ','.";
        }

        if (DecimalSeparator == Separator)
        {
            return "O separador decimal não pode ser igual ao separador de campos.";
        }

        if (Amount is null && Credit is null && Debit is null)
        {
            return "O layout precisa de uma coluna de valor ou de colunas de crédito/débito.";
        }

        if (Amount is not null && (Credit is not null || Debit is not null))
        {
            return "O layout não pode ter coluna de valor e colunas de crédito/débito ao mesmo tempo.";
        }

        if (!HasHeader && Columns().Any(c => c.Name is not null))
        {
            return "Colunas por nome exigem linha de cabeçalho.";
        }

        return DatePattern() is null ? $"O formato de data '{DateFormat}' não é válido." : null;
    }

    /// <summary>The date pattern, or null when <see cref="DateFormat"/> is not a usable NodaTime pattern.</summary>
    internal LocalDatePattern? DatePattern()
    {
        if (string.IsNullOrWhiteSpace(DateFormat))
        {
            return null;
        }

        try
        {
            var pattern = LocalDatePattern.CreateWithInvariantCulture(DateFormat);
            var probe = new NodaTime.LocalDate(2026, 1, 31);
            return pattern.Parse(pattern.Format(probe)) is { Success: true } r && r.Value == probe ? pattern : null;
        }
        catch (InvalidPatternException)
        {
            return null;
        }
    }

    internal IEnumerable<CsvColumn> Columns() =>
        new[] { Date, Amount, Credit, Debit, Description, Document, Reference }.Where(c => c is not null).Select(c => c!.Value);
}

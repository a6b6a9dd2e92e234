using System.Text;

namespace Kolek.Cli.Erp;

/// <summary>A CSV file with a header row (RFC 4180 quoting, comma separator), read as rows keyed by column name.</summary>
public sealed class CsvTable
{
    private CsvTable(string path, IReadOnlyList<string> columns, IReadOnlyList<CsvRow> rows, CsvException? notUtf8)
    {
        Path = path;
        Columns = columns;
        Rows = rows;
        NotUtf8 = notUtf8;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The header's column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data rows.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>When the file was not UTF-8 and was read as Windows-1252: a warning naming its first such line; else null.</summary>
    public CsvException? NotUtf8 { get; }

    /// <summary>Reads a CSV file; a missing file is a usage error, a missing required column a data error.</summary>
    public static CsvTable Load(string path, params string[] requiredColumns)
    {
        var records = Split(CommandLine.InputFile.ReadText(path, out var notUtf8Line));
        var notUtf8 = notUtf8Line is { } l ? new CsvException(path, l, null, CommandLine.InputFile.NotUtf8Message(path, l)) : null;
        if (records.Count == 0)
        {
            throw new CsvException(path, 1, null, "The file is empty; a header row is required.");
        }

        var columns = records[0].Fields.Select(c => c.Trim()).ToList();
        foreach (var required in requiredColumns)
        {
            if (!columns.Contains(required, StringComparer.Ordinal))
            {
                var separator = columns.Count == 1 && columns[0].Contains(';', StringComparison.Ordinal)
                    ? " The header has no comma but has ';': kolek reads comma-separated CSV (numbers with a dot, 1234.56); export it with ',' as the separator."
                    : "";
                throw new CsvException(path, 1, required, $"Missing column '{required}'. Header: {string.Join(",", columns)}.{separator}");
            }
        }

        var index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var rows = records.Skip(1)
            .Where(r => r.Fields.Any(f => f.Length > 0))
            .Select(r => new CsvRow(path, r.Line, index, r.Fields)
            {
                Problem = r.UnclosedQuote is { } q
                    ? new CsvException(path, q.Line, q.Field < columns.Count ? columns[q.Field] : null,
                        $"A quoted cell opened on line {q.Line} is never closed: the rest of the file was read into this row, which is left out (close the quote with \")")
                    : null,
            })
            .ToList();
        return new CsvTable(path, columns, rows, notUtf8);
    }

    private static List<(int Line, List<string> Fields, (int Line, int Field)? UnclosedQuote)> Split(string text)
    {
        var records = new List<(int, List<string>, (int, int)?)>();
        var quoteOpened = (Line: 0, Field: 0);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && string.IsNullOrWhiteSpace(field.ToString()))
            {
                quoted = true; // a quote opens a quoted field only at its start; inside an unquoted field it is kept as text
                quoteOpened = (line, fields.Count);
                field.Clear();
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields, null));
                fields = [];
                recordLine = ++line;
            }
            else if (c != '\uFEFF' || i > 0)
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0 || quoted)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields, quoted ? quoteOpened : null));
        }

        return records;
    }
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
public sealed class CsvRow(string path, int line, IReadOnlyDictionary<string, int> index, IReadOnlyList<string> fields)
{
    /// <summary>The 1-based line of the row in its file.</summary>
    public int Line { get; } = line;

    /// <summary>Why the row cannot be used whatever its cells say (a quote never closed), or null.</summary>
    public CsvException? Problem { get; init; }

    /// <summary>The trimmed value of a column, or null when the column is absent or the cell empty.</summary>
    public string? this[string column] =>
        index.TryGetValue(column, out var i) && i < fields.Count && fields[i].Trim() is { Length: > 0 } v ? v : null;

    /// <summary>The value of a column that must be present.</summary>
    public string Required(string column) => this[column] ?? throw Error(column, "is empty");

    /// <summary>An error about this row and column.</summary>
    public CsvException Error(string column, string problem) => new(path, Line, column, $"Column '{column}' {problem}.");
}

/// <summary>A CSV input the command cannot use, with file, line and column.</summary>
public sealed class CsvException(string path, int line, string? column, string message)
    : Exception($"{path}:{line}{(column is null ? "" : $" [{column}]")}: {message}")
{
    /// <summary>The file.</summary>
    public string PathName { get; } = path;

    /// <summary>The 1-based line.</summary>
    public int Line { get; } = line;

    /// <summary>The column, if one is concerned.</summary>
    public string? Column { get; } = column;
}

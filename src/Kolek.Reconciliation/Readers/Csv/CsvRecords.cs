using System.Text;

namespace Kolek.Reconciliation.Readers.Csv;

/// <summary>One CSV record: its fields and the 1-based line where it starts.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>Splits CSV text into records (RFC 4180 quoting: doubled quotes, separators and line breaks inside quotes).</summary>
internal static class CsvRecords
{
    /// <summary>The records of <paramref name="text"/>; <paramref name="unclosedQuoteLine"/> is the line of a quote never closed, else 0.</summary>
    public static List<CsvRecord> Split(string text, char separator, out int unclosedQuoteLine)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
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
                    line += IsLineBreak(text, i) ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
                quoteLine = line;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add(new CsvRecord(recordLine, [.. fields]));
                fields.Clear();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        unclosedQuoteLine = quoted ? quoteLine : 0;
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, [.. fields]));
        }

        return records;
    }

    /// <summary>Whether position <paramref name="i"/> ends a line (a CR followed by LF counts once, at the LF).</summary>
    private static bool IsLineBreak(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'));
}

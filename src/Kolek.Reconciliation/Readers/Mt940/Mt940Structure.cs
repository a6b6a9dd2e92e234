using System.Text;
using System.Text.RegularExpressions;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Mt940;

/// <summary>Splits MT940 text into tagged fields and groups them into statements.</summary>
/// <remarks>A line starting with <c>:NN:</c> or <c>:NNa:</c> opens a field; other lines continue the open field. A line
/// <c>-</c> (or <c>-}</c>, <c>-XXX</c>) ends a message. Lines outside any field (SWIFT or bank headers such as
/// <c>ABNANL2A</c>, <c>940</c>, <c>{1:…}</c>) are skipped, and so are blank lines.</remarks>
internal static partial class Mt940Structure
{
    [GeneratedRegex(@"^:(?<tag>\d{2}[A-Z]?):(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TagLine();

    [GeneratedRegex(@"^-[A-Z}]{0,3}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndOfMessage();

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), ISO-8859-1 otherwise.</summary>
    public static string Decode(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        content = content.StartsWith(bom) ? content[bom.Length..] : content;
        return System.Text.Unicode.Utf8.IsValid(content) ? Encoding.UTF8.GetString(content) : Encoding.Latin1.GetString(content);
    }

    public static List<Mt940Field> Fields(string text)
    {
        var fields = new List<Mt940Field>();
        List<string>? open = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (TagLine().Match(line) is { Success: true } match)
            {
                open = [match.Groups["value"].Value];
                fields.Add(new Mt940Field(match.Groups["tag"].Value, i + 1, open));
            }
            else if (EndOfMessage().IsMatch(line))
            {
                open = null;
                fields.Add(new Mt940Field("-", i + 1, [line]));
            }
            else if (open is not null && line.Trim().Length > 0)
            {
                open.Add(line);
            }
        }

        return fields;
    }

    public static List<Mt940Statement> Statements(List<Mt940Field> fields, DiagnosticBag diagnostics)
    {
        var statements = new List<Mt940Statement>();
        Mt940Statement? current = null;
        Mt940Entry? entry = null;
        foreach (var field in fields)
        {
            if (field.Tag == "-")
            {
                current = null;
                entry = null;
                continue;
            }

            if (field.Tag == "20")
            {
                current = new Mt940Statement(field.Value.Trim(), field.Line);
                statements.Add(current);
                entry = null;
                continue;
            }

            if (current is null)
            {
                diagnostics.Warning(field.Line, field.Tag, "mt940.statement.no-reference",
                    $"Campo :{field.Tag}: fora de um extrato iniciado por :20:; lido como um extrato sem referência.");
                current = new Mt940Statement(null, field.Line);
                statements.Add(current);
            }

            switch (field.Tag)
            {
                case "25":
                    current.Account = field.Value.Trim();
                    break;
                case "28" or "28C":
                    current.Number = field.Value.Trim();
                    break;
                case "60F" or "60M":
                    current.Opening = Mt940Parsing.ParseBalance(field, diagnostics);
                    break;
                case "61":
                    entry = new Mt940Entry(field);
                    current.Entries.Add(entry);
                    break;
                case "86" when entry is not null:
                    entry.Information.Add(field);
                    break;
                case "62F" or "62M":
                    current.Closing = Mt940Parsing.ParseBalance(field, diagnostics);
                    entry = null;
                    break;
                default:
                    // :21:, :13D:, :34F:, :64:, :65:, :90C:/:90D: and the statement-level :86: carry no transaction.
                    entry = null;
                    break;
            }
        }

        return statements;
    }
}

using System.Globalization;
using System.Text;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>One physical line of a CNAB file, already padded or cut to the record width.</summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Text">The record, exactly <c>width</c> characters long after <see cref="CnabLines.Fit"/>.</param>
internal sealed record CnabLine(int Number, string Text)
{
    /// <summary>Whether the record lost or gained characters inside it (not just trailing blanks): its fields are unreliable.</summary>
    public bool Shifted { get; init; }

    /// <summary>The raw characters at <paramref name="span"/> (the line must already be fitted to the width).</summary>
    public string this[CnabSpan span] => Text.Substring(span.Start - 1, span.Length);

    /// <summary>The raw characters at <paramref name="span"/> without copying them (the line must already be fitted to the width).</summary>
    public ReadOnlySpan<char> Slice(CnabSpan span) => Text.AsSpan(span.Start - 1, span.Length);

    /// <summary>The record type (position 1 in CNAB 400, position 8 in CNAB 240).</summary>
    public char At(int position) => position <= Text.Length ? Text[position - 1] : ' ';
}

/// <summary>Splits CNAB bytes into lines: Latin-1, UTF-8 BOM skipped, CR, LF or CRLF endings, blank lines skipped.</summary>
internal static class CnabLines
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Every non-blank line of the stream, not yet fitted to a width, read lazily.</summary>
    public static IEnumerable<CnabLine> Split(Stream content, int chunkSize)
    {
        foreach (var (number, line) in StreamLines.Read(content, chunkSize))
        {
            if (line.AsSpan().Trim().Length > 0 && !(line.Length == 1 && line[0] == '\x1A'))
            {
                yield return new CnabLine(number, line);
            }
        }
    }

    /// <summary>The first line of the content (BOM skipped), at most <paramref name="max"/> characters, for sniffing.</summary>
    public static string FirstLine(ReadOnlySpan<byte> content, int max)
    {
        if (content.StartsWith(Bom))
        {
            content = content[Bom.Length..];
        }

        var end = content.IndexOfAny((byte)'\r', (byte)'\n');
        var first = end < 0 ? content : content[..end];
        return Encoding.Latin1.GetString(first.Length > max ? first[..max] : first);
    }

    /// <summary>
    /// Pads short lines with spaces and cuts long ones to <paramref name="width"/>. Short lines (banks and tools
    /// often strip trailing blanks) are reported once for the file; every long line is reported on its own.
    /// </summary>
    /// <remarks>
    /// A record whose length is wrong is only "trimmed" (or padded) when nothing but blanks is missing (or extra). It is
    /// <em>shifted</em>, and flagged with an error <c>cnab.record.shifted</c> so that no transaction comes from it, when
    /// non-blank content sits past the width (where only blanks may be), or, when the layout ends with a sequence
    /// number (<paramref name="sequence"/>, 395–400 in CNAB 400), when a short line's content still ends with that many
    /// digits and those digits either reach into the sequence's span or equal the record's position in the file: the
    /// sequence number was found ending before its position, so characters were lost inside the record. A line cut
    /// short (its end, sequence included, missing) is a truncated, not a shifted, record: its leading fields still sit
    /// where they belong.
    /// </remarks>
    public static IEnumerable<CnabLine> Fit(IEnumerable<CnabLine> lines, int width, CnabSpan? sequence, DiagnosticBag diagnostics)
    {
        var shortLines = new List<int>();
        var shortCount = 0;
        var position = 0;
        foreach (var line in lines)
        {
            position++;
            if (line.Text.Length != width && IsShifted(line.Text, width, sequence, position))
            {
                diagnostics.Error(
                    line.Number,
                    null,
                    "cnab.record.shifted",
                    $"Registro com {line.Text.Length} caracteres, esperados {width}, e conteúdo deslocado (não são só brancos "
                    + "cortados ou sobrando no fim): os campos não são confiáveis e o registro não foi lido.");
                var text = line.Text.Length < width ? line.Text.PadRight(width) : line.Text[..width];
                yield return line with { Text = text, Shifted = true };
            }
            else if (line.Text.Length < width)
            {
                if (shortCount++ < 10)
                {
                    shortLines.Add(line.Number);
                }

                yield return line with { Text = line.Text.PadRight(width) };
            }
            else if (line.Text.Length > width)
            {
                diagnostics.Warning(
                    line.Number,
                    null,
                    "cnab.line.too_long",
                    $"Linha com {line.Text.Length} caracteres, esperados {width}; cortada em {width} (só brancos descartados).");
                yield return line with { Text = line.Text[..width] };
            }
            else
            {
                yield return line;
            }
        }

        if (shortCount > 0)
        {
            diagnostics.Warning(
                shortLines[0],
                null,
                "cnab.line.too_short",
                $"{shortCount} linha(s) com menos de {width} caracteres completada(s) com brancos "
                + $"(linhas {string.Join(", ", shortLines.Take(10))}{(shortCount > 10 ? ", …" : string.Empty)}).");
        }
    }

    private static bool IsShifted(string text, int width, CnabSpan? sequence, int position)
    {
        if (text.Length > width)
        {
            return text.AsSpan(width).Trim().Length > 0;
        }

        var content = text.AsSpan().TrimEnd();
        if (sequence is not { } s || content.Length >= width || content.Length < s.Length)
        {
            return false;
        }

        var last = content[^s.Length..];
        return !last.ContainsAnyExceptInRange('0', '9')
            && (content.Length >= s.Start || int.Parse(last, NumberStyles.None, CultureInfo.InvariantCulture) == position);
    }
}

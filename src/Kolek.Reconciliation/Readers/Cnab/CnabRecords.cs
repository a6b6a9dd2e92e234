using System.Text;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>The records of a CNAB file as they stream in: Latin-1 bytes, never decoded whole, blank lines skipped, each
/// record padded or cut to the record width.</summary>
/// <remarks>
/// <para>A line that is blank (only white space) or holds only an end-of-file mark (<c>0x1A</c>) is skipped. Short lines
/// (banks and tools often strip trailing blanks) are padded with spaces and reported once for the file, when the last
/// record has been read; every long line is cut and reported on its own.</para>
/// <para>A record whose length is wrong is only "trimmed" (or padded) when nothing but blanks is missing (or extra). It is
/// <em>shifted</em>, and flagged with an error <c>cnab.record.shifted</c> so that no transaction comes from it, when
/// non-blank content sits past the width (where only blanks may be), or, when the layout ends with a sequence number
/// (<c>sequence</c>, 395–400 in CNAB 400), when a short line's content still ends with that many digits and those digits
/// either reach into the sequence's span or equal the record's position in the file: the sequence number was found ending
/// before its position, so characters were lost inside the record. A line cut short (its end, sequence included,
/// missing) is a truncated, not a shifted, record: its leading fields still sit where they belong.</para>
/// <para><see cref="Current"/> points into the read buffer (or a padded copy) and is valid until the next
/// <see cref="MoveNext"/>. Not thread-safe.</para>
/// </remarks>
internal sealed class CnabRecords(Stream input, int chunkSize, int width, CnabSpan? sequence, DiagnosticBag diagnostics) : IDisposable
{
    private readonly ByteLines _lines = new(input, chunkSize);
    private readonly byte[] _padded = new byte[width];
    private readonly List<int> _shortLines = [];
    private int _shortCount;
    private bool _padUsed;
    private bool _finished;

    /// <summary>The record width (240 or 400).</summary>
    public int Width => width;

    /// <summary>1-based line number of the current record in the file.</summary>
    public int Number => _lines.Number;

    /// <summary>How many records (non-blank lines) have been read, the current one included.</summary>
    public int Position { get; private set; }

    /// <summary>Whether the current record lost or gained characters inside it (not just trailing blanks): its fields are unreliable.</summary>
    public bool Shifted { get; private set; }

    /// <summary>The current record, exactly <see cref="Width"/> bytes.</summary>
    public ReadOnlySpan<byte> Current => _padUsed ? _padded : _lines.Current[..width];

    /// <summary>The character at a 1-based position of the current record (the record type: position 1 in CNAB 400, 8 in CNAB 240).</summary>
    public char At(int position) => (char)Current[position - 1];

    /// <summary>Moves to the next non-blank line and fits it to the width, reporting a wrong length; false after the last
    /// record (the short-line summary is reported then, once).</summary>
    public bool MoveNext()
    {
        while (!_finished && _lines.MoveNext())
        {
            var line = _lines.Current;
            if (CnabBytes.IsBlank(line) || (line.Length == 1 && line[0] == 0x1A))
            {
                continue;
            }

            Position++;
            Shifted = false;
            _padUsed = line.Length < width;
            if (_padUsed)
            {
                line.CopyTo(_padded);
                _padded.AsSpan(line.Length).Fill((byte)' ');
            }

            if (line.Length != width && IsShifted(line))
            {
                Shifted = true;
                diagnostics.Error(Number, null, "cnab.record.shifted",
                    $"Registro com {line.Length} caracteres, esperados {width}, e conteúdo deslocado (não são só brancos "
                    + "cortados ou sobrando no fim): os campos não são confiáveis e o registro não foi lido.");
            }
            else if (line.Length < width)
            {
                if (_shortCount++ < 10)
                {
                    _shortLines.Add(Number);
                }
            }
            else if (line.Length > width)
            {
                diagnostics.Warning(Number, null, "cnab.line.too_long",
                    $"Linha com {line.Length} caracteres, esperados {width}; cortada em {width} (só brancos descartados).");
            }

            return true;
        }

        if (!_finished)
        {
            _finished = true;
            if (_shortCount > 0)
            {
                diagnostics.Warning(_shortLines[0], null, "cnab.line.too_short",
                    $"{_shortCount} linha(s) com menos de {width} caracteres completada(s) com brancos "
                    + $"(linhas {string.Join(", ", _shortLines)}{(_shortCount > 10 ? ", …" : string.Empty)}).");
            }
        }

        return false;
    }

    public void Dispose() => _lines.Dispose();

    private bool IsShifted(ReadOnlySpan<byte> line)
    {
        if (line.Length > width)
        {
            return !CnabBytes.IsBlank(line[width..]);
        }

        var content = CnabBytes.TrimEnd(line);
        if (sequence is not { } s || content.Length >= width || content.Length < s.Length)
        {
            return false;
        }

        var last = content[^s.Length..];
        return CnabBytes.AllDigits(last)
            && (content.Length >= s.Start || (long.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n == Position));
    }
}

/// <summary>Looks at the first line of CNAB bytes, for recognising the format.</summary>
internal static class CnabLines
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

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
}

using System.Globalization;
using System.Text;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Turns the bytes of an OFX file into text, honouring the declared charset unless the bytes contradict it.</summary>
/// <remarks>
/// Brazilian banks often declare <c>CHARSET:1252</c> over a UTF-8 body, and the reverse also happens. The rule:
/// a UTF-8 BOM wins; bytes that are valid UTF-8 and hold at least one multi-byte sequence are UTF-8; other bytes
/// above 0x7F are ISO-8859-1 when so declared, else Windows-1252. When that contradicts the declaration an
/// <c>ofx.encoding.mismatch</c> warning is reported.
/// </remarks>
internal static class OfxDecoder
{
    private static readonly Encoding s_windows1252 =
        CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    private enum Declared
    {
        None = 0,
        Ascii,
        Utf8,
        Windows1252,
        Latin1,
    }

    /// <summary>The encoding to read the file with, from its first bytes (BOM and declaration) and what
    /// <paramref name="scan"/> saw of all its bytes; warns when the declaration is contradicted.</summary>
    /// <remarks>A UTF-8 BOM gives UTF-8, whose preamble the caller skips.</remarks>
    public static Encoding Choose(OfxPrescan scan, DiagnosticBag diagnostics)
    {
        var head = scan.Head;
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (head.StartsWith(bom))
        {
            return Encoding.UTF8;
        }

        var (declared, declaredText, declaredLine) = ReadDeclaration(head);
        if (!scan.HasHighBytes)
        {
            return Encoding.ASCII;
        }

        if (scan.IsUtf8)
        {
            if (declared != Declared.Utf8)
            {
                diagnostics.Warning(declaredLine, "CHARSET", "ofx.encoding.mismatch", string.Create(CultureInfo.InvariantCulture,
                    $"O cabeçalho declara '{declaredText}', mas o conteúdo é UTF-8 válido; lido como UTF-8."));
            }

            return Encoding.UTF8;
        }

        if (declared == Declared.Latin1)
        {
            return Encoding.Latin1;
        }

        if (declared == Declared.Utf8)
        {
            diagnostics.Warning(declaredLine, "CHARSET", "ofx.encoding.mismatch", string.Create(CultureInfo.InvariantCulture,
                $"O cabeçalho declara '{declaredText}', mas o conteúdo não é UTF-8 válido; lido como Windows-1252."));
        }

        return s_windows1252;
    }

    /// <summary>Reads the charset the header declares: OFX 1.x <c>ENCODING</c>/<c>CHARSET</c> lines or the XML declaration.</summary>
    private static (Declared Declared, string Text, int? Line) ReadDeclaration(ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, 4096)]);
        var body = head.IndexOf("<OFX", StringComparison.OrdinalIgnoreCase);
        if (body >= 0)
        {
            head = head[..body];
        }

        var xml = head.IndexOf("encoding=", StringComparison.OrdinalIgnoreCase);
        if (xml >= 0)
        {
            var value = head[(xml + "encoding=".Length)..].TrimStart('"', '\'');
            var end = value.IndexOfAny(['"', '\'', '?', ' ']);
            value = end >= 0 ? value[..end] : value;
            return (Classify(value), value, OfxText.LineOf(head, xml));
        }

        string? encoding = null;
        string? charset = null;
        int? charsetLine = null;
        foreach (var (line, number) in OfxText.Lines(head))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.Equals("ENCODING", StringComparison.OrdinalIgnoreCase))
            {
                encoding = value;
                charsetLine ??= number;
            }
            else if (key.Equals("CHARSET", StringComparison.OrdinalIgnoreCase))
            {
                charset = value;
                charsetLine = number;
            }
        }

        if (encoding is not null && Classify(encoding) == Declared.Utf8)
        {
            return (Declared.Utf8, "ENCODING:" + encoding, charsetLine);
        }

        if (charset is not null && Classify(charset) is var fromCharset and not Declared.None)
        {
            return (fromCharset, "CHARSET:" + charset, charsetLine);
        }

        return encoding is null
            ? (Declared.None, "(nenhum)", null)
            : (Classify(encoding), "ENCODING:" + encoding, charsetLine);
    }

    private static Declared Classify(string name)
    {
        var n = name.Trim().ToUpperInvariant().Replace("_", "-", StringComparison.Ordinal);
        return n switch
        {
            "UTF-8" or "UTF8" or "UNICODE" => Declared.Utf8,
            "1252" or "WINDOWS-1252" or "CP1252" or "WIN1252" => Declared.Windows1252,
            "ISO-8859-1" or "8859-1" or "ISO8859-1" or "LATIN1" or "LATIN-1" or "ISO-LATIN-1" => Declared.Latin1,
            "USASCII" or "US-ASCII" or "ASCII" => Declared.Ascii,
            _ => Declared.None,
        };
    }
}

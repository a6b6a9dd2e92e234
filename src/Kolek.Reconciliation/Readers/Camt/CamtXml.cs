using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Kolek.Reconciliation.Readers.Internal;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Readers.Camt;

/// <summary>Loads camt XML safely and walks it by local names, so every schema version (.001.02 to .001.08) reads alike.</summary>
internal static class CamtXml
{
    /// <summary>The most bytes one element below a statement (an <c>Ntry</c>, a <c>Bal</c>…) may take; a larger one
    /// stops the read (<c>camt.xml.too-large</c>) rather than being loaded into memory. The file itself may be of any size.</summary>
    public const long MaxElementBytes = 16L * 1024 * 1024;

    /// <summary>DTDs prohibited, no resolver, at most 1,024 characters from entities; the caller's stream is left open.</summary>
    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>The diagnostic for a file the XML reader refused; false for an exception that is not about the content.</summary>
    /// <param name="exception">What the reader threw.</param>
    /// <param name="hasDoctype">Whether the file declares a DTD anywhere (asked only for an <see cref="XmlException"/>).</param>
    /// <param name="diagnostics">Where the error goes.</param>
    public static bool Refused(Exception exception, Func<bool> hasDoctype, DiagnosticBag diagnostics)
    {
        switch (exception)
        {
            case XmlException e when hasDoctype():
                diagnostics.Error(e.LineNumber > 0 ? e.LineNumber : null, "DOCTYPE", "camt.xml.dtd-prohibited",
                    "O arquivo declara um DTD (<!DOCTYPE>), proibido em camt por segurança (entidades externas ou expansivas): arquivo não lido.");
                return true;
            case XmlException e:
                diagnostics.Error(e.LineNumber > 0 ? e.LineNumber : null, null, "camt.xml.invalid",
                    $"XML inválido: {e.Message} Arquivo não lido.");
                return true;
            case DecoderFallbackException e:
                diagnostics.Error(null, null, "camt.xml.encoding", $"Bytes inválidos para a codificação declarada: {e.Message} Arquivo não lido.");
                return true;
            case ElementTooLargeException e:
                diagnostics.Error(e.Line, e.Element, "camt.xml.too-large", string.Create(CultureInfo.InvariantCulture,
                    $"O elemento <{e.Element}> passa de {MaxElementBytes / (1024 * 1024)} MiB: arquivo não lido (limite de segurança por elemento)."));
                return true;
            default:
                return false;
        }
    }

    public static int Line(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    public static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent is null ? [] : parent.Elements().Where(e => e.Name.LocalName == name);

    /// <summary>The element at a path of local names below <paramref name="parent"/>, or null.</summary>
    public static XElement? At(XElement? parent, params string[] path)
    {
        foreach (var name in path)
        {
            parent = Child(parent, name);
        }

        return parent;
    }

    /// <summary>The trimmed text at a path, or null when absent or blank.</summary>
    public static string? Text(XElement? parent, params string[] path) =>
        At(parent, path)?.Value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A camt <c>ActiveOrHistoricCurrencyAndAmount</c>: digits with an optional decimal point, never negative.</summary>
    public static bool TryAmount(XElement? amount, out decimal value)
    {
        value = 0m;
        return amount is not null
            && decimal.TryParse(amount.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string? Currency(XElement? amount) => amount?.Attribute("Ccy")?.Value.Trim();

    /// <summary>The date of a <c>DateAndDateTimeChoice</c> (<c>Dt</c> or <c>DtTm</c>), as written: a date-time's own local date, never shifted.</summary>
    public static LocalDate? Date(XElement? choice, out string? raw)
    {
        raw = Text(choice, "Dt") ?? Text(choice, "DtTm");
        if (raw is null || raw.Length < 10 || (raw.Length > 10 && raw[10] is not ('T' or '+' or '-' or 'Z')))
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(raw[..10]);
        return result.Success ? result.Value : null;
    }
}

/// <summary>One element below a statement is larger than <see cref="CamtXml.MaxElementBytes"/>.</summary>
internal sealed class ElementTooLargeException(string element, int line)
    : Exception($"<{element}> at line {line} is larger than {CamtXml.MaxElementBytes} bytes.")
{
    public string Element { get; } = element;

    public int Line { get; } = line;
}

/// <summary>Hands the XML reader full buffers, counts the bytes it takes, and stops it when one marked element grows past
/// <see cref="CamtXml.MaxElementBytes"/>.</summary>
internal sealed class ElementLimitStream(Stream inner) : ReadOnlyStream
{
    private long _read;
    private long _markedAt = -1;
    private string _element = "";
    private int _line;

    /// <summary>Starts counting an element's bytes (from what the reader has taken so far, a conservative start).</summary>
    public void Mark(string element, int line)
    {
        _markedAt = _read;
        _element = element;
        _line = line;
    }

    /// <summary>Stops counting.</summary>
    public void Unmark() => _markedAt = -1;

    public override int Read(Span<byte> buffer)
    {
        if (_markedAt >= 0 && _read - _markedAt > CamtXml.MaxElementBytes)
        {
            throw new ElementTooLargeException(_element, _line);
        }

        // Fill the reader's buffer as a file or memory stream would: the XML reader's error messages depend on how much
        // text it holds, so a stream handing out a few bytes at a time must not change them.
        var read = 0;
        for (int n; read < buffer.Length && (n = inner.Read(buffer[read..])) > 0;)
        {
            read += n;
        }

        _read += read;
        return read;
    }
}

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
    /// <summary>The most characters a camt file may have; larger files are refused rather than read into memory.</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Parses the document; any DTD (hence any external or expanding entity) is refused with an error, never resolved.</summary>
    public static XDocument? Load(ReadOnlySpan<byte> content, DiagnosticBag diagnostics)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content.ToArray(), writable: false), s_settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (content.IndexOf("<!DOCTYPE"u8) >= 0)
        {
            diagnostics.Error(e.LineNumber > 0 ? e.LineNumber : null, "DOCTYPE", "camt.xml.dtd-prohibited",
                "O arquivo declara um DTD (<!DOCTYPE>), proibido em camt por segurança (entidades externas ou expansivas): arquivo não lido.");
        }
        catch (XmlException e)
        {
            diagnostics.Error(e.LineNumber > 0 ? e.LineNumber : null, null, "camt.xml.invalid",
                $"XML inválido: {e.Message} Arquivo não lido.");
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Error(null, null, "camt.xml.encoding", $"Bytes inválidos para a codificação declarada: {e.Message} Arquivo não lido.");
        }

        return null;
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

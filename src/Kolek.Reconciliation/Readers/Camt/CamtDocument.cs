using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Camt;

/// <summary>Walks a camt document with an <see cref="XmlReader"/>: the message, its statements (<c>Stmt</c> or
/// <c>Ntfctn</c>), and in each statement every <c>Ntry</c> loaded alone, in file order; the statement's other children
/// (account, balances…) are kept as its header, complete at the statement's end.</summary>
/// <param name="diagnostics">Where the document-level findings go (unknown message, version, no statement).</param>
internal sealed class CamtDocument(DiagnosticBag diagnostics)
{
    /// <summary>camt053 or camt054 as the message's root element says, once it has been read.</summary>
    public StatementFormat Format { get; private set; }

    /// <summary>Each statement's account (null when it names none), in file order, once the walk ended.</summary>
    public List<BankAccount?> Accounts { get; } = [];

    /// <summary>Walks the whole document; false, with the error in <paramref name="errors"/>, when the XML reader refused it.</summary>
    /// <param name="stream">The file from its first byte.</param>
    /// <param name="hasDoctype">Whether the file declares a DTD; asked only when the XML reader refused it.</param>
    /// <param name="errors">Where the refusal goes.</param>
    public bool Check(Stream stream, Func<bool> hasDoctype, DiagnosticBag errors)
    {
        var refused = false;
        foreach (var node in Walk(stream, hasDoctype, errors, () => refused = true, loadEntries: false))
        {
            if (node.Header is { } header)
            {
                Accounts.Add(CamtReader.AccountOf(header));
            }
        }

        return !refused;
    }

    /// <summary>The entries and statement ends of a document that <see cref="Check"/> accepted (a refusal now, if the
    /// bytes changed between the passes, still ends the walk with its error).</summary>
    public IEnumerable<CamtNode> Walk(Stream stream) => Walk(stream, () => false, diagnostics, () => { }, loadEntries: true);

    private IEnumerable<CamtNode> Walk(Stream stream, Func<bool> hasDoctype, DiagnosticBag errors, Action onRefused, bool loadEntries)
    {
        var limited = new ElementLimitStream(stream);
        using var reader = XmlReader.Create(limited, CamtXml.Settings);
        using var nodes = Nodes(reader, limited, loadEntries).GetEnumerator();
        while (true)
        {
            try
            {
                if (!nodes.MoveNext())
                {
                    break;
                }
            }
            catch (Exception e) when (CamtXml.Refused(e, hasDoctype, errors))
            {
                onRefused();
                yield break;
            }

            yield return nodes.Current;
        }
    }

    private IEnumerable<CamtNode> Nodes(XmlReader reader, ElementLimitStream limited, bool loadEntries)
    {
        reader.MoveToContent();
        var rootLine = LineOf(reader);
        var rootName = reader.LocalName;
        var rootNamespace = reader.NamespaceURI;
        var (messageName, messageLine) = (rootName, rootLine);
        var messageDepth = reader.Depth;
        if (rootName == "Document")
        {
            (messageName, messageLine) = (null!, rootLine);
            if (!reader.IsEmptyElement)
            {
                while (reader.Read() && reader.Depth > messageDepth)
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        (messageName, messageLine) = (reader.LocalName, LineOf(reader));
                        break;
                    }
                }
            }

            messageDepth++;
        }

        var (format, child) = messageName switch
        {
            "BkToCstmrStmt" => (StatementFormat.Camt053, "Stmt"),
            "BkToCstmrDbtCdtNtfctn" => (StatementFormat.Camt054, "Ntfctn"),
            _ => (StatementFormat.Unknown, (string?)null),
        };
        Format = format;
        if (child is null)
        {
            diagnostics.Error(messageLine, messageName, "camt.document.unknown",
                $"A mensagem '{messageName}' não é um extrato camt.053 (BkToCstmrStmt) nem uma notificação camt.054 (BkToCstmrDbtCdtNtfctn): nada lido.");
            ReadToEnd(reader);
            yield break;
        }

        CheckVersion(rootNamespace, format, rootLine);
        var statements = 0;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (!reader.EOF && reader.Depth > messageDepth)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != messageDepth + 1)
                {
                    reader.Read();
                }
                else if (reader.LocalName == child)
                {
                    foreach (var node in Statement(reader, limited, statements++, loadEntries))
                    {
                        yield return node;
                    }

                    reader.Read();
                }
                else
                {
                    limited.Mark(reader.LocalName, LineOf(reader));
                    reader.Skip();
                    limited.Unmark();
                }
            }
        }

        if (statements == 0)
        {
            diagnostics.Error(messageLine, child, "camt.statement.missing",
                $"O documento não tem nenhum <{child}>: nenhum lançamento a ler (arquivo incompleto ou inválido).");
        }

        ReadToEnd(reader);
    }

    /// <summary>One statement: its entries one by one (only checked by the XML reader, not loaded, when not
    /// <paramref name="loadEntries"/>), then its end with the header (every other child).</summary>
    private static IEnumerable<CamtNode> Statement(XmlReader reader, ElementLimitStream limited, int index, bool loadEntries)
    {
        var totals = new CamtStatementTotals();
        var header = new XElement(reader.LocalName);
        var depth = reader.Depth;
        if (!reader.IsEmptyElement)
        {
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                limited.Mark(reader.LocalName, LineOf(reader));
                if (!loadEntries && reader.LocalName == "Ntry")
                {
                    SkipElement(reader);
                    limited.Unmark();
                    continue;
                }

                var element = Load(reader);
                limited.Unmark();
                if (element.Name.LocalName == "Ntry")
                {
                    yield return new CamtNode(index, totals, element, null);
                }
                else
                {
                    header.Add(element);
                }
            }
        }

        yield return new CamtNode(index, totals, null, header);
    }

    /// <summary>The element the reader is on, with line numbers; leaves the reader on its end.</summary>
    private static XElement Load(XmlReader reader)
    {
        using var subtree = reader.ReadSubtree();
        return XElement.Load(subtree, LoadOptions.SetLineInfo);
    }

    /// <summary>Reads through the element the reader is on, leaving it on its end (as <see cref="Load"/> does).</summary>
    private static void SkipElement(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
        }
    }

    private static void ReadToEnd(XmlReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static int LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    private void CheckVersion(string ns, StatementFormat format, int line)
    {
        var expected = CamtReader.NamespacePrefix + (format == StatementFormat.Camt053 ? "053" : "054") + ".001.";
        var known = ns.StartsWith(expected, StringComparison.Ordinal)
            && int.TryParse(ns.AsSpan(expected.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version is >= 2 and <= 8;
        if (!known)
        {
            diagnostics.Warning(line, "xmlns", "camt.version.unknown", string.Create(CultureInfo.InvariantCulture,
                $"Namespace '{ns}' fora das versões .001.02 a .001.08 conhecidas: lido pelos nomes dos elementos, confira o resultado."));
        }
    }
}

/// <summary>One step of a camt walk: an entry of statement <see cref="Statement"/>, or that statement's end with its header.</summary>
internal sealed record CamtNode(int Statement, CamtStatementTotals Totals, XElement? Entry, XElement? Header);

/// <summary>What a statement's balance check needs from its entries, tallied as they are read.</summary>
internal sealed class CamtStatementTotals
{
    /// <summary>The signed sum of the booked entries.</summary>
    public decimal BookedSum { get; set; }

    /// <summary>Whether every entry could be read.</summary>
    public bool Complete { get; set; } = true;

    /// <summary>The currencies of the entries' amounts (null for an amount without one).</summary>
    public HashSet<string?> Currencies { get; } = [];
}

using Kolek.Reconciliation.Readers.Camt;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Readers.Csv;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Readers.Mt940;
using Kolek.Reconciliation.Readers.Ofx;
using Kolek.Reconciliation.Readers.Pix;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers;

/// <summary>Reads any supported bank file, recognising its format from the content (never from the file name).</summary>
/// <remarks>Pure: takes the file's bytes, does no I/O. Thread-safe.</remarks>
public static class StatementReader
{
    /// <summary>Recognises the format of a bank file from its first bytes.</summary>
    /// <param name="content">The whole file, as bytes.</param>
    /// <returns>The format, or <see cref="StatementFormat.Unknown"/> when no reader recognises it.</returns>
    public static StatementFormat Detect(ReadOnlySpan<byte> content)
    {
        if (OfxReader.CanRead(content))
        {
            return StatementFormat.Ofx;
        }

        if (Cnab240Reader.CanRead(content))
        {
            return StatementFormat.Cnab240;
        }

        if (Cnab400Reader.CanRead(content))
        {
            return StatementFormat.Cnab400;
        }

        if (CamtReader.FormatOf(content) is var camt and not StatementFormat.Unknown)
        {
            return camt;
        }

        if (PixReader.CanRead(content))
        {
            return StatementFormat.Pix;
        }

        return Mt940Reader.CanRead(content) ? StatementFormat.Mt940 : StatementFormat.Unknown;
    }

    /// <summary>Reads a bank file into transactions and diagnostics; never throws on malformed content.</summary>
    /// <param name="path">The file's name or path, used in reports only.</param>
    /// <param name="content">The whole file, as bytes.</param>
    /// <param name="format">The format to read, or <see cref="StatementFormat.Unknown"/> to detect it from the content.
    /// CSV is never detected (it has no signature); <see cref="StatementFormat.Csv"/> reads with the
    /// <see cref="Csv.CsvStatementLayout.BrazilianBankCreditDebit"/> preset when the header has <c>credito</c> and
    /// <c>debito</c> columns and no <c>valor</c>, else with <see cref="Csv.CsvStatementLayout.BrazilianBank"/>;
    /// <see cref="CsvStatementReader"/> takes any other layout.</param>
    /// <returns>The statement; a file no reader recognises yields no transactions and one error diagnostic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content, StatementFormat format = StatementFormat.Unknown)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Utf16.Of(content) is { } utf16)
        {
            // Re-saved as "Unicode" by a Windows tool: read the same text as UTF-8; the digest stays the file's own.
            var read = Read(path, Utf16.ToUtf8(content, utf16), format);
            return read with
            {
                Sha256 = ContentHash.Sha256Hex(content),
                Diagnostics = [Utf16.Diagnostic(utf16), .. read.Diagnostics],
            };
        }

        if (format == StatementFormat.Unknown)
        {
            format = Detect(content);
        }

        return format switch
        {
            StatementFormat.Ofx => OfxReader.Read(path, content),
            StatementFormat.Cnab240 => Cnab240Reader.Read(path, content),
            StatementFormat.Cnab400 => Cnab400Reader.Read(path, content),
            StatementFormat.Pix => PixReader.Read(path, content),
            StatementFormat.Camt053 or StatementFormat.Camt054 => CamtReader.Read(path, content),
            StatementFormat.Mt940 => Mt940Reader.Read(path, content),
            StatementFormat.Csv => CsvStatementReader.Read(path, content),
            _ => Unreadable(path, content, format),
        };
    }

    /// <summary>How many bytes are read ahead to recognise the format and the encoding of a stream.</summary>
    internal const int SniffLength = 1024 * 1024;

    /// <summary>Reads a bank file from a stream without loading it whole (OFX, CNAB 240, CNAB 400, camt.053/054 and PIX JSON); never throws on malformed content.</summary>
    /// <param name="path">The file's name or path, used in reports only.</param>
    /// <param name="stream">The file's bytes, read from its current position to its end; the caller opens and disposes it.</param>
    /// <param name="options">The format to read (detected from the first bytes by default) and whether to compute the
    /// file's SHA-256 (yes by default); null for the defaults.</param>
    /// <returns>A <see cref="StreamedStatement"/> whose transactions are read as they are enumerated.</returns>
    /// <remarks>
    /// <para>The format (and, for OFX, the encoding) is recognised from the first <c>1 MiB</c>. OFX, CNAB 240 and CNAB 400
    /// are read record by record in bounded memory; camt.053/054 one <c>Ntry</c> at a time and PIX JSON one element of its
    /// <c>pix</c> or <c>cobs</c> array at a time, after a pass ahead over the file (seeking back; a stream that cannot seek
    /// is loaded into memory for these two). MT940 and CSV are read whole (the stream is loaded into memory, then read as
    /// by <see cref="Read"/>): their files are small in practice.</para>
    /// <para>The result is the same as <see cref="Read"/> on the same bytes: same transactions, ids and diagnostics. For OFX
    /// on a stream that cannot seek, the file's encoding and decimal-separator convention are judged from the first
    /// 1 MiB only; a seekable one by the whole file, scanned ahead (seeking back) only when the first 1 MiB leaves them open and
    /// the read needs them: at its first byte above 0x7F or first amount that could be read either way.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static StreamedStatement ReadStream(string path, Stream stream, StreamReadOptions? options = null)
    {
        options ??= Defaults;
        return ReadStream(path, stream, options.Format, SniffLength, computeSha256: options.ComputeSha256);
    }

    private static readonly StreamReadOptions Defaults = new();

    /// <summary><see cref="ReadStream(string, Stream, StreamReadOptions)"/> with a chosen look-ahead, so tests can make it small.</summary>
    internal static StreamedStatement ReadStream(string path, Stream stream, StatementFormat format, int sniffLength, int chunkSize = 64 * 1024, bool computeSha256 = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[sniffLength];
        var length = 0;
        for (int read; length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0;)
        {
            length += read;
        }

        if (Utf16.Of(prefix.AsSpan(0, length)) is { } utf16)
        {
            // UTF-16 files are exports re-saved by hand, small in practice: read whole, as Read does.
            if (format == StatementFormat.Unknown)
            {
                format = Detect(Utf16.ToUtf8(prefix.AsSpan(0, length), utf16));
            }

            var detected = format;
            return new StreamedStatement(path, format, prefix, length, stream, output => Whole(output, detected), computeSha256) { ChunkSize = chunkSize };
        }

        if (format == StatementFormat.Unknown)
        {
            format = Detect(prefix.AsSpan(0, length));
        }

        Func<StreamedStatement, IEnumerable<BankTransaction>> body = format switch
        {
            StatementFormat.Cnab240 => Cnab240Reader.Stream,
            StatementFormat.Cnab400 => Cnab400Reader.Stream,
            StatementFormat.Ofx => OfxReader.Stream,
            StatementFormat.Camt053 or StatementFormat.Camt054 => CamtReader.Stream,
            StatementFormat.Pix => PixReader.Stream,
            _ => output => Whole(output, format),
        };
        return new StreamedStatement(path, format, prefix, length, stream, body, computeSha256) { ChunkSize = chunkSize };
    }

    /// <summary>The formats read whole: the stream is loaded and read by <see cref="Read"/>.</summary>
    private static IEnumerable<BankTransaction> Whole(StreamedStatement output, StatementFormat format)
    {
        using var all = new MemoryStream();
        output.Input.CopyTo(all);
        var statement = Read(output.Path, all.GetBuffer().AsSpan(0, (int)all.Length), format);
        output.Format = statement.Format;
        output.Account = statement.Account;
        output.WholeDiagnostics = statement.Diagnostics;
        return statement.Transactions;
    }

    private static BankStatement Unreadable(string path, ReadOnlySpan<byte> content, StatementFormat format) => new()
    {
        Path = path,
        Format = format,
        Sha256 = ContentHash.Sha256Hex(content),
        Transactions = [],
        Diagnostics =
        [
            new StatementDiagnostic(null, null, DiagnosticSeverity.Error,
                format == StatementFormat.Unknown ? "statement.format.unknown" : "statement.format.unsupported",
                format == StatementFormat.Unknown
                    ? "O conteúdo não é um formato de arquivo bancário que o Kolek reconheça (OFX, CNAB 240/400, camt.053/054, MT940, PIX JSON)."
                    : $"A leitura de arquivos {format} ainda não é suportada."),
        ],
    };
}

using System.Text;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>The two facts of a whole OFX file that a read depends on, its encoding (<see cref="OfxDecoder.Choose"/>) and
/// its decimal-separator convention (<see cref="OfxPrescan.Convention"/>), judged over the whole file only when the read
/// needs them, so that most files are read in one pass.</summary>
/// <remarks>
/// <para>The encoding only matters for values holding bytes above 0x7F (ASCII bytes are the same characters in every
/// encoding the reader chooses), and the convention only for an ambiguous amount (<c>1.234</c>). So the first look-ahead
/// (the head, <see cref="StatementReader.SniffLength"/>) settles the encoding when it can: a UTF-8 BOM, or bytes that
/// are not valid UTF-8 (no later byte can change that verdict). A head of plain ASCII leaves both open: the reader goes
/// on in one pass and asks for <see cref="JudgeEncoding"/> when the first byte above 0x7F arrives, and the builder for
/// <see cref="Convention"/> at the first ambiguous amount. Only then is the whole file scanned ahead (seeking back), as
/// every read of a seekable stream did before; files with neither read once. A head with valid UTF-8 sequences is
/// scanned whole at once (a later invalid byte would make it Windows-1252).</para>
/// <para>A stream that cannot seek is judged from its head alone, as before. Whenever it is judged, the verdict and the
/// <c>ofx.encoding.mismatch</c> warning are the same as a scan of the whole file ahead gives, and the warning takes the
/// first place among the diagnostics, where a judgement made before the read put it.</para>
/// </remarks>
internal sealed class OfxFileFacts
{
    private readonly StreamedStatement _output;
    private readonly DiagnosticBag _diagnostics;
    private readonly long _start;
    private OfxPrescan? _whole;
    private Encoding? _encoding;

    /// <summary>Scans the head of <paramref name="output"/>'s file and settles what it can.</summary>
    public OfxFileFacts(StreamedStatement output, DiagnosticBag diagnostics)
    {
        _output = output;
        _diagnostics = diagnostics;
        var head = new OfxPrescan();
        head.Add(output.Head.Span);
        var source = output.Source;
        if (!source.CanSeek)
        {
            // The head held the whole file when the stream ended before the look-ahead was full.
            head.Finish(complete: output.Head.Length < output.HeadCapacity);
            Settle(head);
            return;
        }

        _start = source.Position;
        if (head.Head.StartsWith(Utf8Bom) || (head.HasHighBytes && !head.IsUtf8))
        {
            // No later byte changes the encoding; the convention waits for an ambiguous amount.
            _encoding = Choose(head);
        }
        else if (head.HasHighBytes)
        {
            Settle(ScanWhole());
        }
    }

    /// <summary>Whether the encoding has been judged; until it is, every byte read so far is ASCII.</summary>
    public bool EncodingKnown => _encoding is not null;

    /// <summary>The file's encoding once judged; until then US-ASCII, which decodes the ASCII bytes read so far as
    /// any other would.</summary>
    public Encoding Encoding => _encoding ?? Encoding.ASCII;

    /// <summary>Judges the encoding over the whole file (when bytes above 0x7F arrive before it is known).</summary>
    public Encoding JudgeEncoding()
    {
        if (_encoding is null)
        {
            Settle(ScanWhole());
        }

        return Encoding;
    }

    /// <summary>The file's decimal-separator convention, judged over the whole file at the first call.</summary>
    public OfxDecimalSeparator Convention()
    {
        if (_whole is null)
        {
            Settle(ScanWhole());
        }

        return _whole!.Convention;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private void Settle(OfxPrescan whole)
    {
        _whole = whole;
        _encoding ??= Choose(whole);
    }

    /// <summary><see cref="OfxDecoder.Choose"/>, its warning put first among the diagnostics.</summary>
    private Encoding Choose(OfxPrescan scan)
    {
        var warnings = new DiagnosticBag();
        var encoding = OfxDecoder.Choose(scan, warnings);
        _diagnostics.InsertFirst(warnings);
        return encoding;
    }

    /// <summary>Scans the whole file: the head, then the source from where the head ended, seeking back after.</summary>
    private OfxPrescan ScanWhole()
    {
        var scan = new OfxPrescan();
        scan.Add(_output.Head.Span);
        var source = _output.Source;
        var now = source.Position;
        source.Position = _start;
        var chunk = new byte[_output.ChunkSize];
        for (int read; (read = source.Read(chunk)) > 0;)
        {
            scan.Add(chunk.AsSpan(0, read));
        }

        source.Position = now;
        scan.Finish(complete: true);
        return scan;
    }
}

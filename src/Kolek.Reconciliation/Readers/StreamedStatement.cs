using System.Collections;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers;

/// <summary>A bank file being read as a stream: its transactions come one at a time, so a file of any size is read in
/// bounded memory. Returned by <see cref="StatementReader.ReadStream(string, Stream, StreamReadOptions)"/>.</summary>
/// <remarks>
/// <para><see cref="Transactions"/> reads the stream as it is enumerated and can be enumerated once. The header
/// information (<see cref="Account"/>) is known once the first transaction arrives; <see cref="Diagnostics"/> grows as
/// the file is read and is complete, in line order, when <see cref="IsComplete"/> is true (after the enumeration ended;
/// a check against the file's trailer, for instance, can only be made at the end). <see cref="Sha256"/> covers the
/// whole file and is known only then.</para>
/// <para>The transactions, their ids and the diagnostics are the same as <see cref="StatementReader.Read"/> gives for the
/// same bytes (<see cref="ToStatement"/> collects them into the same <see cref="BankStatement"/>). Memory is bounded by
/// one buffer, the largest record, the diagnostics and 8 bytes per transaction for the de-duplication of identical
/// lines. Not thread-safe; the caller owns and disposes the stream.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The hashing wrapper is disposed when the enumeration ends; the caller owns the stream it wraps.")]
public sealed class StreamedStatement
{
    private readonly Func<StreamedStatement, IEnumerable<BankTransaction>> _body;
    private readonly HashingStream _input;
    private bool _started;
    private string? _sha256;
    private bool _complete;

    internal StreamedStatement(string path, StatementFormat format, byte[] head, int headLength, Stream source, Func<StreamedStatement, IEnumerable<BankTransaction>> body, bool computeSha256 = true)
    {
        Path = path;
        Format = format;
        Head = head.AsMemory(0, headLength);
        HeadCapacity = head.Length;
        Source = source;
        _input = new HashingStream(head, headLength, source, computeSha256);
        _body = body;
        Transactions = new Once(this);
    }

    /// <summary>The file name or path given to the reader, for reports.</summary>
    public string Path { get; }

    /// <summary>The format being read (detected from the first bytes unless given).</summary>
    public StatementFormat Format { get; internal set; }

    /// <summary>The account, once the header that names it has been read (null before, or when the file names none).</summary>
    public BankAccount? Account { get; internal set; }

    /// <summary>The transactions in file order, read lazily from the stream; can be enumerated only once.</summary>
    public IEnumerable<BankTransaction> Transactions { get; }

    /// <summary>Whether the whole file has been read (the enumeration of <see cref="Transactions"/> ended).</summary>
    public bool IsComplete => _complete;

    /// <summary>The diagnostics met so far; all of them, in line order, once <see cref="IsComplete"/>.</summary>
    public IReadOnlyList<StatementDiagnostic> Diagnostics => WholeDiagnostics ?? Bag.ToList();

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    /// <exception cref="InvalidOperationException">The file has not been read to the end yet, or the read was asked not to
    /// compute it (<see cref="StreamReadOptions.ComputeSha256"/> false).</exception>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException(_complete
        ? "O SHA-256 do arquivo não foi calculado: a leitura foi pedida com StreamReadOptions.ComputeSha256 = false."
        : "O SHA-256 só é conhecido depois de lido o arquivo inteiro (enumere Transactions até o fim).");

    internal DiagnosticBag Bag { get; } = new();

    /// <summary>For a format read whole: its diagnostics as that reader ordered them.</summary>
    internal IReadOnlyList<StatementDiagnostic>? WholeDiagnostics { get; set; }

    /// <summary>Every byte of the file, from the start: the head already read, then the rest of the source (hashed as read).</summary>
    internal Stream Input => _input;

    /// <summary>The first bytes, read ahead to recognise the format (the whole file when it is short).</summary>
    internal ReadOnlyMemory<byte> Head { get; }

    /// <summary>How many bytes the look-ahead could hold: a shorter <see cref="Head"/> is the whole file.</summary>
    internal int HeadCapacity { get; }

    /// <summary>How many bytes or characters a reader asks for at a time (small in tests, to cut records everywhere).</summary>
    internal int ChunkSize { get; init; } = 64 * 1024;

    /// <summary>The caller's stream, positioned after <see cref="Head"/>; a reader that needs a look at the whole file
    /// first may read it and seek back when it can seek (<see cref="Input"/> then reads from there).</summary>
    internal Stream Source { get; }

    /// <summary>Reads what is left and collects everything into a <see cref="BankStatement"/>, as <see cref="StatementReader.Read"/> would.</summary>
    /// <returns>The statement; its transactions are held in memory, so use it for files that fit.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Transactions"/> was already enumerated, or the read was asked
    /// not to compute the SHA-256 that a <see cref="BankStatement"/> carries.</exception>
    public BankStatement ToStatement()
    {
        var transactions = Transactions.ToList();
        return new BankStatement
        {
            Path = Path,
            Format = Format,
            Sha256 = Sha256,
            Account = Account,
            Transactions = transactions,
            Diagnostics = Diagnostics,
        };
    }

    /// <summary>Reads whole-file <paramref name="content"/> through the streaming <paramref name="body"/>, so that both reads agree by construction.</summary>
    internal static BankStatement ReadAll(string path, ReadOnlySpan<byte> content, StatementFormat format, Func<StreamedStatement, IEnumerable<BankTransaction>> body)
    {
        var bytes = content.ToArray();
        return new StreamedStatement(path, format, bytes, bytes.Length, Stream.Null, body).ToStatement();
    }

    private IEnumerator<BankTransaction> Enumerate()
    {
        if (_started)
        {
            throw new InvalidOperationException("As transações de um StreamedStatement só podem ser enumeradas uma vez.");
        }

        _started = true;
        foreach (var transaction in _body(this))
        {
            yield return transaction;
        }

        _sha256 = _input.Finish();
        _complete = true;
        _input.Dispose();
    }

    private sealed class Once(StreamedStatement owner) : IEnumerable<BankTransaction>
    {
        public IEnumerator<BankTransaction> GetEnumerator() => owner.Enumerate();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

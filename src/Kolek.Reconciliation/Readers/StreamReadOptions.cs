using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers;

/// <summary>How <see cref="StatementReader.ReadStream(string, Stream, StreamReadOptions)"/> reads a stream.</summary>
public sealed record StreamReadOptions
{
    /// <summary>The format to read, or <see cref="StatementFormat.Unknown"/> (the default) to detect it from the first bytes.</summary>
    public StatementFormat Format { get; init; } = StatementFormat.Unknown;

    /// <summary>Whether to compute the SHA-256 of the file's bytes as they are read (<see cref="StreamedStatement.Sha256"/>);
    /// true by default.</summary>
    /// <remarks>The hash is an audit fingerprint and a duplicate-import key for the whole file; transactions carry their
    /// own ids either way. On a large file it costs about as much CPU as the rest of a CNAB read (SHA-256 runs at about
    /// 1.1 GiB/s on one core here), so a host that keys files otherwise (or not at all) may switch it off.</remarks>
    public bool ComputeSha256 { get; init; } = true;
}

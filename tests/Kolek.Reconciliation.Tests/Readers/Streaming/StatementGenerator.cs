using Kolek.Benchmarks.Data;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Tests.Readers.Streaming;

/// <summary>Generated statement files (the benchmarks' generator) by format, for properties over files of any size.</summary>
internal static class StatementGenerator
{
    public static byte[] Generate(StatementFormat format, int count, int seed, bool crlf)
    {
        var newline = crlf ? "\r\n" : "\n";
        return format switch
        {
            StatementFormat.Cnab240 => StatementFiles.Bytes(w => StatementFiles.WriteCnab240(w, count, seed, newline)),
            StatementFormat.Cnab400 => StatementFiles.Bytes(w => StatementFiles.WriteCnab400Bradesco(w, count, seed, newline)),
            StatementFormat.Ofx => StatementFiles.Ofx(count, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }
}

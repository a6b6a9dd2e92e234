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
            StatementFormat.Camt053 => StatementFiles.Bytes(w => StatementFiles.WriteCamt053(w, count, seed, newline)),
            StatementFormat.Pix => StatementFiles.Bytes(w => StatementFiles.WritePixList(w, count, seed, newline)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>How many transactions a generated file of <paramref name="count"/> records gives: one per record, plus
    /// the extra parts of camt batches (three TxDtls for every seventh credit) and the PIX refunds (one pix in twenty).</summary>
    public static int Transactions(StatementFormat format, int count) => format switch
    {
        StatementFormat.Camt053 => count + (2 * Enumerable.Range(0, count).Count(k => k % 7 == 0 && k % 10 != 9)),
        StatementFormat.Pix => count + Enumerable.Range(0, count).Count(k => k % 20 == 19),
        _ => count,
    };
}

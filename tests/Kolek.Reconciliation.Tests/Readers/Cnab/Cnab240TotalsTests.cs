using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using Kolek.Reconciliation.Tests.Readers.Streaming;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

/// <summary>The counts and face-value totals of CNAB 240 trailers agree with the records read, or a warning says where not.</summary>
public class Cnab240TotalsTests
{
    private const string Mismatch = "cnab240.trailer.mismatch";

    public static IEnumerable<object[]> CorpusFiles() => Corpus.Corpus.Files("cnab240");

    /// <summary>Every corpus file's trailers agree with its records, except the BTG sample from laravel-boleto, whose
    /// trailers are placeholders (a lot of 1 record, a file of 1 record): both counts are reported. Its title total is
    /// written in 15 digits and two blanks where FEBRABAN has 17 digits, so it is not a number and is not checked.</summary>
    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFile_TrailerTotalsAgreeWithTheRecords(string file)
    {
        var statement = Cnab240Reader.Read(file, File.ReadAllBytes(Corpus.Corpus.PathOf("cnab240", file)));
        var mismatches = statement.Diagnostics.Where(d => d.Code == Mismatch).Select(d => d.Field).ToList();
        if (file.StartsWith("btg-", StringComparison.Ordinal))
        {
            Assert.Equal(["quantidade_registros_lote", "quantidade_registros"], mismatches);
        }
        else
        {
            Assert.Empty(mismatches);
        }
    }

    [CorpusFact]
    public void Read_SicrediCorpusFile_StatedTitleTotalIsTheSumOfFaceValues()
    {
        var statement = Cnab240Reader.Read("sicredi", File.ReadAllBytes(Corpus.Corpus.PathOf("cnab240", "sicredi-brcobranca.crt")));
        Assert.DoesNotContain(statement.Diagnostics, d => d.Code == Mismatch);
        Assert.Equal(2, statement.Transactions.Count);
    }

    [Property(MaxTest = 40)]
    public Property Read_GeneratedFile_TrailersAgree_AndADroppedPairIsReportedWithTheTrailerLine() =>
        Prop.ForAll(Gen.Choose(1, 30).SelectMany(n => Gen.Choose(0, n - 1).Select(drop => (n, drop))).ToArbitrary(), c =>
        {
            var bytes = StatementGenerator.Generate(StatementFormat.Cnab240, c.n, c.drop, crlf: true);
            var intact = Cnab240Reader.Read("gerado", bytes);
            var lines = Encoding.Latin1.GetString(bytes).Split("\r\n").ToList();
            lines.RemoveRange(2 + (2 * c.drop), 2);
            var damaged = Cnab240Reader.Read("gerado", Encoding.Latin1.GetBytes(string.Join("\r\n", lines)));
            var fields = damaged.Diagnostics.Where(d => d.Code == Mismatch).Select(d => (d.Field, d.Line)).ToList();
            var lotTrailerLine = 2 + (2 * (c.n - 1)) + 1;
            return !intact.Diagnostics.Any(d => d.Code == Mismatch)
                && intact.Transactions.Sum(t => t.Amount) > 0m
                && damaged.Transactions.Count == c.n - 1
                && fields.Contains(("quantidade_registros_lote", lotTrailerLine))
                && fields.Contains(("quantidade_titulos", lotTrailerLine))
                && fields.Contains(("valor_total_titulos", lotTrailerLine))
                && fields.Contains(("quantidade_registros", lotTrailerLine + 1));
        });
}

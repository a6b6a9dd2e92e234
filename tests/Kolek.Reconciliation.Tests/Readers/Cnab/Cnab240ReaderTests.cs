using System.Text;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using NodaTime;
using static Kolek.Reconciliation.Tests.Readers.Cnab.CnabCorpus;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

public class Cnab240ReaderTests
{
    public static IEnumerable<object[]> CorpusFiles => Corpus.Corpus.Files("cnab240");

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFile_EveryTSegmentIsATransactionOrADiagnostic(string file)
    {
        var bytes = Bytes("cnab240", file);

        var statement = Cnab240Reader.Read(file, bytes);

        Assert.True(Cnab240Reader.CanRead(bytes));
        Assert.False(Cnab400Reader.CanRead(bytes));
        Assert.Equal(StatementFormat.Cnab240, statement.Format);
        var tSegments = DetailLines(bytes, l => l.Length > 14 && l[7] == '3' && l[13] == 'T');
        Assert.NotEmpty(tSegments);
        AssertEveryDetailAccountedFor(statement, tSegments);
        Assert.False(statement.HasErrors);
        AssertIdsUniqueAndStable(() => Cnab240Reader.Read(file, bytes));
    }

    [CorpusFact]
    public void Read_BancoDoBrasilLaravel_MatchesSources()
    {
        var s = Cnab240Reader.Read("bb.ret", Bytes("cnab240", "bb-laravelboleto-retorno.ret"));

        Assert.Equal(5, s.Transactions.Count);
        Assert.All(s.Transactions, t => Assert.Equal(("06", TransactionKind.Credit), (t.Occurrence!.Code, t.Kind)));
        Assert.Equal(128.80m, Credits(s));
        Assert.Equal(103.80m, NetCredits(s));
        Assert.All(s.Transactions, t => Assert.Equal((new LocalDate(2011, 3, 21), new LocalDate(2011, 3, 23)), (t.BookingDate, t.ValueDate!.Value)));
        Assert.Contains(s.Diagnostics, d => d is { Code: "cnab.line.too_long", Line: 2 });
    }

    [CorpusFact]
    public void Read_Caixa_MatchesSources()
    {
        var s = Cnab240Reader.Read("c.ret", Bytes("cnab240", "caixa-laravelboleto-retorno.ret"));

        Assert.Equal(9, s.Transactions.Count);
        Assert.Equal(1010.00m, Credits(s));
        Assert.Equal("240000000111369979", s.Transactions[0].References.NossoNumero);
        Assert.Equal(80.00m, s.Transactions[0].Amount);
        Assert.Equal(420.00m, s.Transactions[7].Amount);
        Assert.Equal(new LocalDate(2014, 1, 6), s.Transactions[0].BookingDate);
        Assert.Equal(new LocalDate(2014, 1, 7), s.Transactions[0].ValueDate);
    }

    [CorpusFact]
    public void Read_BancoDoBrasilTrimmed_PaddedAndMatchesSources()
    {
        var s = Cnab240Reader.Read("bb.ret", Bytes("cnab240", "bb-brcobranca-trimmed-lines.ret"));

        Assert.Equal(35, s.Transactions.Count);
        Assert.All(s.Transactions, t => Assert.Equal("17", t.Occurrence!.Code));
        Assert.Equal(21880.94m, Credits(s));
        Assert.Equal(21844.89m, NetCredits(s));
        var first = s.Transactions[0];
        Assert.Equal("14499570000020673", first.References.NossoNumero);
        Assert.Equal((344.00m, 342.97m, 1.03m), (first.Amount, first.NetAmount!.Value, first.Fee!.Value));
        Assert.Equal((new LocalDate(2011, 12, 29), new LocalDate(2012, 1, 2)), (first.BookingDate, first.ValueDate!.Value));
        Assert.Contains(s.Diagnostics, d => d.Code == "cnab.line.too_short");
    }

    [CorpusFact]
    public void Read_Santander_UsesItsOwnTLayout()
    {
        var laravel = Assert.Single(Cnab240Reader.Read("s.ret", Bytes("cnab240", "santander-laravelboleto-retorno.ret")).Transactions);
        var brcobranca = Cnab240Reader.Read("s2.ret", Bytes("cnab240", "santander-brcobranca-retorno.ret")).Transactions;

        Assert.Equal(("17", 11.00m, 11.00m, new LocalDate(2014, 6, 5)), (laravel.Occurrence!.Code, laravel.Amount, laravel.NetAmount!.Value, laravel.ValueDate!.Value));
        Assert.Equal(["02", "06"], brcobranca.Select(t => t.Occurrence!.Code));
        Assert.All(brcobranca, t => Assert.Equal("0000000001406", t.References.NossoNumero));
        Assert.Equal((TransactionKind.Event, 10.00m), (brcobranca[0].Kind, brcobranca[0].Amount));
        Assert.Equal((TransactionKind.Credit, 10.00m, new LocalDate(2016, 4, 4)), (brcobranca[1].Kind, brcobranca[1].Amount, brcobranca[1].ValueDate!.Value));
    }

    [CorpusFact]
    public void Read_BtgWithBomAndOverlongHeader_EntryThenPayment()
    {
        var s = Cnab240Reader.Read("btg.ret", Bytes("cnab240", "btg-laravelboleto-bom-overlong-header.ret"));

        Assert.Equal(["02", "06"], s.Transactions.Select(t => t.Occurrence!.Code));
        Assert.Equal(TransactionKind.Event, s.Transactions[0].Kind);
        Assert.Equal((TransactionKind.Credit, 800.00m, new LocalDate(2021, 6, 15)), (s.Transactions[1].Kind, s.Transactions[1].Amount, s.Transactions[1].BookingDate));
        Assert.Equal("196/1-1", s.Transactions[1].References.DocumentNumber);
        Assert.Equal("208", s.Account!.Bank);
    }

    [CorpusFact]
    public void Read_SicoobAndAilos_ThreeTwoReaisPayments()
    {
        foreach (var file in new[] { "sicoob-brcobranca-trimmed-crlf.ret", "ailos-brcobranca-trimmed.ret" })
        {
            var s = Cnab240Reader.Read(file, Bytes("cnab240", file));

            Assert.Equal(3, s.Transactions.Count);
            Assert.Equal(6.00m, Credits(s));
            Assert.All(s.Transactions, t => Assert.Equal(new LocalDate(2015, 8, 10), t.BookingDate));
            Assert.Equal(new Payer("2A MATERIAIS ELETRICOS", "98765432000198"), s.Transactions[0].Payer);
        }
    }

    [CorpusFact]
    public void Read_SicrediCrt_NoLiquidation()
    {
        var s = Cnab240Reader.Read("s.crt", Bytes("cnab240", "sicredi-brcobranca.crt"));

        Assert.Equal(["02", "28"], s.Transactions.Select(t => t.Occurrence!.Code));
        Assert.Equal(0m, Credits(s));
        Assert.Equal(9.95m, s.Transactions[0].Amount);
    }

    [Fact]
    public void Read_TWithoutU_ReportedAsError()
    {
        var header = "00100000         2" + new string(' ', 222);
        var t = "0010001300001T 06" + new string('0', 223);
        var trailer = "00199999" + new string(' ', 232);
        var content = Encoding.Latin1.GetBytes(string.Join("\n", header, t, trailer));

        var s = Cnab240Reader.Read("t.ret", content);

        Assert.Empty(s.Transactions);
        Assert.Contains(s.Diagnostics, d => d is { Line: 2, Code: "cnab240.segment.unpaired", Severity: DiagnosticSeverity.Error });
    }

    /// <summary>The face value counted by the trailer totals is taken with the T segment when it is all digits; any
    /// other face value is read (and reported) with the pair as before.</summary>
    [Fact]
    public void Read_FaceValueAllDigitsPaddedOrInvalid_ReadOrReportedWithThePair()
    {
        var lines = Encoding.Latin1.GetString(Kolek.Benchmarks.Data.StatementFiles.Cnab240(3)).Split("\r\n");
        string WithFace(string line, string face) => line[..81] + face + line[96..];
        lines[4] = WithFace(lines[4], "0000000001234X5");
        lines[6] = WithFace(lines[6], "      000012345");
        var s = Cnab240Reader.Read("f.ret", Encoding.Latin1.GetBytes(string.Join("\r\n", lines)));

        Assert.Equal([3, 7], s.Transactions.Select(t => t.Source.Line));
        Assert.Contains(s.Diagnostics, d => d is { Line: 5, Field: "valor_titulo", Code: "cnab.amount.invalid", Severity: DiagnosticSeverity.Error });
        Assert.DoesNotContain(s.Diagnostics, d => d.Line == 7);
    }

    [Fact]
    public void CanRead_Cnab400AndJson_IsFalse()
    {
        Assert.False(Cnab240Reader.CanRead(Encoding.Latin1.GetBytes(BradescoFile.Header())));
        Assert.False(Cnab240Reader.CanRead("{}"u8));
    }
}

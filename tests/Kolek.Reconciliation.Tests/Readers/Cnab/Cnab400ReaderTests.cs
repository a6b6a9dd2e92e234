using System.Text;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using NodaTime;
using static Kolek.Reconciliation.Tests.Readers.Cnab.CnabCorpus;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

public class Cnab400ReaderTests
{
    public static IEnumerable<object[]> CorpusFiles => Corpus.Corpus.Files("cnab400");

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFile_EveryDetailIsATransactionOrADiagnostic(string file)
    {
        var bytes = Bytes("cnab400", file);

        var statement = Cnab400Reader.Read(file, bytes);

        Assert.True(Cnab400Reader.CanRead(bytes));
        Assert.False(Cnab240Reader.CanRead(bytes));
        Assert.Equal(StatementFormat.Cnab400, statement.Format);
        var details = DetailLines(bytes, l => l.Length > 0 && l[0] is '1' or '7');
        Assert.NotEmpty(details);
        AssertEveryDetailAccountedFor(statement, details);
        Assert.All(statement.Transactions, t => Assert.StartsWith("cnab-", t.Id, StringComparison.Ordinal));
        AssertIdsUniqueAndStable(() => Cnab400Reader.Read(file, bytes));
    }

    [CorpusFact]
    public void Read_BradescoLaravel_MatchesSources()
    {
        var s = Cnab400Reader.Read("b.ret", Bytes("cnab400", "bradesco-laravelboleto-retorno.ret"));

        Assert.Equal(7, s.Transactions.Count);
        Assert.Equal(new Dictionary<string, int> { ["02"] = 1, ["06"] = 1, ["17"] = 5 }, CountByOccurrence(s));
        Assert.Equal(5.10m, Credits(s));
        var entry = s.Transactions[0];
        Assert.Equal(TransactionKind.Event, entry.Kind);
        Assert.Equal(5.00m, entry.Amount);
        Assert.Equal("00000000009", entry.References.NossoNumero);
        Assert.Equal("15", entry.References.DocumentNumber);
        Assert.Equal("Entrada Confirmada", entry.Occurrence!.Description);
        var paid = s.Transactions[1];
        Assert.Equal(TransactionKind.Credit, paid.Kind);
        Assert.Equal(5.00m, paid.Amount);
        Assert.Equal(new LocalDate(2012, 4, 11), paid.BookingDate);
        Assert.Equal(new LocalDate(2012, 4, 13), paid.ValueDate);
        Assert.Equal("237", s.Account!.Bank);
        Assert.False(s.HasErrors);
    }

    /// <summary>The ids as the reader gives them since 0.1.0 (XXH3 64-bit of the natural key; before, SHA-256 cut to 64 bits):
    /// de-duplication across imports depends on them, so they must never change again.</summary>
    [CorpusFact]
    public void Read_BradescoLaravel_IdsArePinned()
    {
        var s = Cnab400Reader.Read("b.ret", Bytes("cnab400", "bradesco-laravelboleto-retorno.ret"));

        Assert.Equal(
            ["cnab-94b22f5faff0d604", "cnab-9c14012870410ee4", "cnab-870e64c590fb5a9a", "cnab-98fd6e5f0e3186bb",
             "cnab-e8892fa641d144f8", "cnab-d1a684ab42f5f6d0", "cnab-940a960ff8d1f6db"],
            s.Transactions.Select(t => t.Id));
    }

    [CorpusFact]
    public void Read_BradescoBrcobranca_NoLiquidationAndPCheckDigitDropped()
    {
        var s = Cnab400Reader.Read("b.ret", Bytes("cnab400", "bradesco-brcobranca-crlf.ret"));

        Assert.Equal(6, s.Transactions.Count);
        Assert.Equal(new Dictionary<string, int> { ["02"] = 5, ["10"] = 1 }, CountByOccurrence(s));
        Assert.All(s.Transactions, t => Assert.Equal(TransactionKind.Event, t.Kind));
        Assert.Equal(1450.00m, s.Transactions[0].Amount);
        Assert.Equal("51350000004", s.Transactions[1].References.NossoNumero);
        Assert.Equal(new LocalDate(2015, 5, 15), s.Transactions[0].BookingDate);
    }

    [CorpusFact]
    public void Read_ItauBrcobranca_PrincipalIsNetAndFeeIsAddedBack()
    {
        var s = Cnab400Reader.Read("i.ret", Bytes("cnab400", "itau-brcobranca-retorno.ret"));

        Assert.Equal(52, s.Transactions.Count);
        Assert.Equal(new Dictionary<string, int> { ["06"] = 51, ["09"] = 1 }, CountByOccurrence(s));
        // SOURCES: principal (254–266) total 2,548.32 over all 52 details; the one 09 (baixa) carries 2.10 there.
        Assert.Equal(2548.32m - 2.10m, NetCredits(s));
        Assert.All(s.Transactions, t => Assert.Equal(2.10m, t.Fee));
        var first = s.Transactions[0];
        Assert.Equal("00000011", first.References.NossoNumero);
        Assert.Equal(40.00m, first.Amount);
        Assert.Equal(37.90m, first.NetAmount);
        Assert.Equal(new LocalDate(2013, 5, 21), first.ValueDate);
        Assert.Equal("341", s.Account!.Bank);
    }

    [CorpusFact]
    public void Read_ItauLaravel_MatchesSources()
    {
        var s = Cnab400Reader.Read("i.ret", Bytes("cnab400", "itau-laravelboleto-retorno.ret"));

        Assert.Equal(["06", "25", "06", "06"], s.Transactions.Select(t => t.Occurrence!.Code));
        Assert.Equal([209.97m, 392.09m, 340.67m], s.Transactions.Where(t => t.Kind == TransactionKind.Credit).Select(t => t.NetAmount!.Value));
        Assert.Equal(TransactionKind.Event, s.Transactions[1].Kind);
        Assert.Equal(565.00m, s.Transactions[1].Amount);
        Assert.All(s.Transactions, t => Assert.Equal(new LocalDate(2013, 6, 21), t.ValueDate));
    }

    [CorpusFact]
    public void Read_BancoDoBrasilCbr643_ReadsRecordType7()
    {
        var s = Cnab400Reader.Read("bb.ret", Bytes("cnab400", "bb-brcobranca-cbr643-convenio7.ret"));

        Assert.Equal(26, s.Transactions.Count);
        Assert.All(s.Transactions, t => Assert.Equal(TransactionKind.Credit, t.Kind));
        Assert.Equal(10051.83m, Credits(s));
        Assert.Equal(90.64m, s.Transactions[0].Amount);
        Assert.Equal(85.64m, s.Transactions[0].NetAmount);
        Assert.Equal(5.00m, s.Transactions[0].Fee);
        Assert.Equal("16224200000000003", s.Transactions[0].References.NossoNumero);
        Assert.All(s.Transactions, t => Assert.Equal(new LocalDate(2009, 1, 20), t.BookingDate));
        Assert.All(s.Transactions, t => Assert.Equal(new LocalDate(2009, 1, 22), t.ValueDate));
        Assert.False(s.HasErrors);
    }

    [CorpusFact]
    public void Read_BnbLaravel_MatchesSources()
    {
        var s = Cnab400Reader.Read("bnb.ret", Bytes("cnab400", "bnb-laravelboleto-retorno.ret"));

        Assert.Equal(new Dictionary<string, int> { ["02"] = 3, ["06"] = 7 }, CountByOccurrence(s));
        Assert.Equal(16555.16m, Credits(s));
        Assert.All(s.Transactions.Where(t => t.Kind == TransactionKind.Credit), t => Assert.Equal(new LocalDate(2017, 3, 8), t.ValueDate));
    }

    [CorpusFact]
    public void Read_BnbBrcobranca_OneLiquidationAndMalformedCreditDateReported()
    {
        var s = Cnab400Reader.Read("bnb.ret", Bytes("cnab400", "bnb-brcobranca-retorno.ret"));

        var t = Assert.Single(s.Transactions);
        Assert.Equal(TransactionKind.Credit, t.Kind);
        Assert.Equal(175.00m, t.Amount);
        Assert.Equal(new LocalDate(2014, 11, 19), t.BookingDate);
        Assert.Contains(s.Diagnostics, d => d is { Code: "cnab.date.invalid", Field: "data_credito", Line: 2 });
    }

    [CorpusFact]
    public void Read_Fibra_MatchesSources()
    {
        var s = Cnab400Reader.Read("f.ret", Bytes("cnab400", "fibra-laravelboleto-no-final-newline.ret"));

        Assert.Equal(new Dictionary<string, int> { ["06"] = 5, ["01"] = 3, ["02"] = 3 }, CountByOccurrence(s));
        Assert.Equal(95434.39m, Credits(s));
        Assert.Equal(2077.73m, s.Transactions[1].Amount);
        Assert.Equal(s.Transactions[5].References.NossoNumero, s.Transactions[6].References.NossoNumero);
        Assert.NotEqual(s.Transactions[5].Id, s.Transactions[6].Id);
    }

    [CorpusFact]
    public void Read_SantanderPix_DetailReadAndType2ReportedNotLost()
    {
        var s = Cnab400Reader.Read("s.ret", Bytes("cnab400", "santander-laravelboleto-pix-type2.ret"));

        var t = Assert.Single(s.Transactions);
        Assert.Equal(("02", 100.00m, new LocalDate(2016, 10, 20)), (t.Occurrence!.Code, t.Amount, t.BookingDate));
        Assert.Contains(s.Diagnostics, d => d is { Code: "cnab.record.complement_ignored", Line: 3 });
    }

    [CorpusFact]
    public void Read_InterBlankDetail_IsNotAPayment()
    {
        var s = Cnab400Reader.Read("inter.ret", Bytes("cnab400", "inter-laravelboleto-retorno.ret"));

        Assert.DoesNotContain(s.Transactions, t => t.Kind == TransactionKind.Credit);
        Assert.Single(s.Transactions);
    }

    [CorpusFact]
    public void Read_SicrediAndUnicred_MatchSources()
    {
        var sicredi = Assert.Single(Cnab400Reader.Read("s.ret", Bytes("cnab400", "sicredi-laravelboleto-retorno.ret")).Transactions);
        var unicred = Assert.Single(Cnab400Reader.Read("u.ret", Bytes("cnab400", "unicred-brcobranca-retorno.ret")).Transactions);

        Assert.Equal(("02", TransactionKind.Event, 100.00m), (sicredi.Occurrence!.Code, sicredi.Kind, sicredi.Amount));
        Assert.Equal(("06", TransactionKind.Credit, 444.00m), (unicred.Occurrence!.Code, unicred.Kind, unicred.Amount));
        Assert.Equal(new LocalDate(2015, 5, 15), unicred.BookingDate);
    }

    [Fact]
    public void CanRead_Cnab240OrJson_IsFalse()
    {
        Assert.False(Cnab400Reader.CanRead("{\"pix\":[]}"u8));
        Assert.False(Cnab400Reader.CanRead(Encoding.Latin1.GetBytes("00100000" + new string(' ', 232))));
        Assert.False(Cnab400Reader.CanRead([]));
    }

    [Fact]
    public void Read_MalformedFields_ReportedWithLineFieldAndCode()
    {
        var file = BradescoFile.Build(
        [
            BradescoFile.Detail("00000000001", '1', "06", "150515", paid: "00000000ABC00"),
            BradescoFile.Detail("00000000002", '2', "06", "320515", paid: "0000000010000"),
            BradescoFile.Detail("00000000003", '3', "02", "150515", paid: "0000000000000"),
        ]);
        var lines = Encoding.Latin1.GetString(file).Split("\r\n").ToList();
        lines.Insert(4, "X" + new string(' ', 399));
        lines[3] = lines[3][..200];
        var content = Encoding.Latin1.GetBytes(string.Join("\r\n", lines));

        var s = Cnab400Reader.Read("bad.ret", content);

        Assert.Contains(s.Diagnostics, d => d is { Line: 2, Field: "valor_pago", Code: "cnab.amount.invalid", Severity: DiagnosticSeverity.Error });
        Assert.Contains(s.Diagnostics, d => d is { Line: 3, Field: "data_ocorrencia", Code: "cnab.date.invalid" });
        Assert.Contains(s.Diagnostics, d => d is { Line: 5, Code: "cnab.record.unknown", Severity: DiagnosticSeverity.Error });
        Assert.Contains(s.Diagnostics, d => d is { Line: 4, Code: "cnab.line.too_short" });
        Assert.DoesNotContain(s.Transactions, t => t.Source.Line == 2);
        Assert.Equal(100.00m, s.Transactions.Single(t => t.Source.Line == 3).Amount);
        Assert.True(s.HasErrors);
    }

    [Fact]
    public void Read_UnknownBank_UsesCommonLayoutWithWarning()
    {
        var file = Encoding.Latin1.GetString(BradescoFile.Build([BradescoFile.Detail("00000000001", '1', "06", "150515", paid: "0000000001000")]))
            .Replace("237BRADESCO", "999QUALQUER", StringComparison.Ordinal);

        var s = Cnab400Reader.Read("x.ret", Encoding.Latin1.GetBytes(file));

        Assert.Contains(s.Diagnostics, d => d.Code == "cnab.bank.unknown");
        Assert.Equal(10.00m, Assert.Single(s.Transactions).Amount);
    }

    [Fact]
    public void Read_Garbage_NeverThrows()
    {
        var s = Cnab400Reader.Read("g.ret", [0xEF, 0xBB, 0xBF, 0x00, 0xFF, (byte)'\r', (byte)'1', (byte)'\n']);

        Assert.NotEmpty(s.Diagnostics);
        Assert.Empty(Cnab400Reader.Read("e.ret", []).Transactions);
    }

    [Fact]
    public void Read_SameRecordTwice_GetsDistinctIdsStableAcrossImports()
    {
        var detail = BradescoFile.Detail("00000000001", '1', "06", "150515", paid: "0000000001000");
        var file = BradescoFile.Build([detail, detail, BradescoFile.Detail("00000000002", '1', "06", "150515", paid: "0000000001000")]);

        var first = Cnab400Reader.Read("a.ret", file);
        var again = Cnab400Reader.Read("renamed.ret", file);

        Assert.Equal(3, first.Transactions.Select(t => t.Id).Distinct().Count());
        Assert.Equal(first.Transactions.Select(t => t.Id), again.Transactions.Select(t => t.Id));
    }
}

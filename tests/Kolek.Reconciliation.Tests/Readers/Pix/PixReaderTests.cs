using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers.Pix;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Pix;

public class PixReaderTests
{
    public static IEnumerable<object[]> CorpusFiles => Corpus.Corpus.Files("pix", "*.json");

    private static BankStatement ReadCorpus(string file) =>
        PixReader.Read(file, File.ReadAllBytes(Corpus.Corpus.PathOf("pix", file)));

    private static decimal Sum(BankStatement s, TransactionKind kind) => s.Transactions.Where(t => t.Kind == kind).Sum(t => t.Amount);

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFile_EveryPixIsATransactionOrADiagnostic(string file)
    {
        var bytes = File.ReadAllBytes(Corpus.Corpus.PathOf("pix", file));

        var s = PixReader.Read(file, bytes);

        var mentions = Encoding.UTF8.GetString(bytes).Split("\"endToEndId\"").Length - 1;
        Assert.True(s.Transactions.Count(t => t.Kind == TransactionKind.Credit) + s.Diagnostics.Count(d => d.Code == "pix.duplicate") >= mentions);
        Assert.False(s.HasErrors && s.Transactions.Count > 0 && file.StartsWith("bacen", StringComparison.Ordinal));
        Assert.Equal(s.Transactions.Select(t => t.Id), PixReader.Read(file, bytes).Transactions.Select(t => t.Id));
        Assert.Equal(s.Transactions.Count, s.Transactions.Select(t => t.Id).Distinct().Count());
    }

    [CorpusFact]
    public void Read_ReceivedList_ThreeCreditsOneRefundAndPaginationWarning()
    {
        var s = ReadCorpus("bacen-pix-recebidos-consulta-lista.json");

        Assert.True(PixReader.CanRead(File.ReadAllBytes(Corpus.Corpus.PathOf("pix", "bacen-pix-recebidos-consulta-lista.json"))));
        Assert.Equal(500.00m, Sum(s, TransactionKind.Credit));
        Assert.Equal(-11.00m, Sum(s, TransactionKind.Debit));
        var first = s.Transactions[0];
        Assert.Equal("pix-E12345678202009091221abcdef12345", first.Id);
        Assert.Equal("cd1fe328c875481285a6f233ae41b662", first.References.Txid);
        Assert.Equal("Reforma da casa", first.Description);
        Assert.Equal(new LocalDate(2020, 9, 10), first.BookingDate);
        Assert.Equal("pix-D12345678202009091000abcde123456", s.Transactions[1].Id);
        Assert.Contains(s.Diagnostics, d => d.Code == "pix.pagination.mismatch");
        Assert.False(s.HasErrors);
    }

    [CorpusFact]
    public void Read_PixSaque_KeepsTheCreditedAmountAndWarnsWhatIsCash()
    {
        // User trial (session 6): the third pix (200.00: original 180.00 + saque 20.00) was read without a word, and the
        // matcher then reported 20.00 of "unexplained excess" on the charge of 180.00.
        var s = ReadCorpus("bacen-pix-recebidos-consulta-lista.json");

        var saque = s.Transactions.Last(t => t.Kind == TransactionKind.Credit);
        Assert.Equal(200.00m, saque.Amount);
        var warning = Assert.Single(s.Diagnostics, d => d.Code == "pix.saque-troco");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("componentesValor", warning.Field);
        Assert.Equal(saque.Source.Line, warning.Line);
        Assert.Contains("inclui 20.00 de saque/troco", warning.Message, StringComparison.Ordinal);
        Assert.Contains("só 180.00 paga cobranças", warning.Message, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Read_WebhookWithDevolucoesObject_StillReadsTheRefund()
    {
        var s = ReadCorpus("bacen-webhook-pix-callback.json");

        Assert.Equal(220.00m, Sum(s, TransactionKind.Credit));
        Assert.Equal(-10.00m, Sum(s, TransactionKind.Debit));
        var first = s.Transactions[0];
        Assert.Equal(("E12345678202009091221kkkkkkkkkkk", "c3e0e7a4e7f1469a9f782d3d4999343c", "0123456789"),
            (first.References.EndToEndId, first.References.Txid, first.Description));
        Assert.Equal(new LocalDate(2020, 9, 9), first.BookingDate);
        Assert.Equal("pix-D12345678202009091221abcdf098765", s.Transactions[1].Id);
    }

    [CorpusFact]
    public void Read_ConcludedCob_PixWithDebtorAsPayerAndRefund()
    {
        var s = ReadCorpus("bacen-cob-imediata-concluida-com-pix-e-devolucao.json");

        var credit = s.Transactions.Single(t => t.Kind == TransactionKind.Credit);
        Assert.Equal(110.00m, credit.Amount);
        Assert.Equal(new Payer("Empresa de Serviços SA", "12345678000195"), credit.Payer);
        Assert.Equal(-10.00m, Sum(s, TransactionKind.Debit));
        Assert.Equal("EM_PROCESSAMENTO", s.Transactions.Single(t => t.Kind == TransactionKind.Debit).Occurrence!.Code);
    }

    [CorpusFact]
    public void Read_ActiveCob_NoTransactionAndNoError()
    {
        var s = ReadCorpus("bacen-cob-imediata-ativa.json");

        Assert.Empty(s.Transactions);
        Assert.False(s.HasErrors);
        Assert.Contains(s.Diagnostics, d => d.Code == "pix.cob.unpaid");
    }

    [CorpusFact]
    public void Read_Devolucao_IsADebitWithRtrIdAsId()
    {
        var t = Assert.Single(ReadCorpus("bacen-devolucao.json").Transactions);

        Assert.Equal(("pix-D12345678202009091000abcde123456", TransactionKind.Debit, -7.89m), (t.Id, t.Kind, t.Amount));
    }

    [Fact]
    public void Read_MalformedJson_DiagnosticWithLine()
    {
        var s = PixReader.Read("bad.json", "{\n  \"pix\": [\n    { \"endToEndId\": \"E1\", \n  ]\n}"u8);

        var d = Assert.Single(s.Diagnostics);
        Assert.Equal(("pix.json.invalid", DiagnosticSeverity.Error), (d.Code, d.Severity));
        Assert.Equal(4, d.Line);
    }

    [Fact]
    public void Read_HorarioAfterMidnightUtc_BookedOnSaoPauloDate()
    {
        var json = """{ "pix": [ { "endToEndId": "E00000000202001010230aaaaaaaaaaa", "valor": "1.50", "horario": "2020-01-01T02:30:00Z", "pagador": { "cpf": "123.456.789-09", "nome": "Ana" } } ] }""";

        var t = Assert.Single(PixReader.Read("p.json", Encoding.UTF8.GetBytes(json)).Transactions);

        Assert.Equal(new LocalDate(2019, 12, 31), t.BookingDate);
        Assert.Equal(new Payer("Ana", "12345678909"), t.Payer);
    }

    [Fact]
    public void Read_InvalidAmountAndDate_ReportedNotCredited()
    {
        var json = """{ "pix": [ { "endToEndId": "E1", "valor": "1,50", "horario": "2020-01-01T02:30:00Z" }, { "endToEndId": "E2", "valor": "2.00", "horario": "ontem" } ] }""";

        var s = PixReader.Read("p.json", Encoding.UTF8.GetBytes(json));

        Assert.Empty(s.Transactions);
        Assert.Contains(s.Diagnostics, d => d.Code == "pix.amount.invalid");
        Assert.Contains(s.Diagnostics, d => d.Code == "pix.date.invalid");
    }

    [Property(MaxTest = 200)]
    public Property Read_GeneratedPixList_RoundTrips()
    {
        var pixGen =
            from cents in Gen.Choose(1, int.MaxValue)
            from seconds in Gen.Choose(1_500_000_000, 2_000_000_000)
            from txid in Gen.Elements("abc123", "7978c0c97ea847e78e8849634473c1f1", "x")
            select (Cents: (long)cents, Instant: Instant.FromUnixTimeSeconds(seconds), Txid: txid);
        return Prop.ForAll(pixGen.ListOf().Select(l => l.ToList()).ToArbitrary(), list =>
        {
            var items = list.Select((p, i) =>
                $$"""{ "endToEndId": "E{{i.ToString("D31", CultureInfo.InvariantCulture)}}", "txid": "{{p.Txid}}", "valor": "{{(p.Cents / 100m).ToString("0.00", CultureInfo.InvariantCulture)}}", "horario": "{{p.Instant}}" }""");
            var json = $$"""{ "parametros": { "paginacao": { "quantidadeDePaginas": 1, "quantidadeTotalDeItens": {{list.Count}} } }, "pix": [ {{string.Join(",\n", items)}} ] }""";

            var s = PixReader.Read("gen.json", Encoding.UTF8.GetBytes(json));

            var zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
            return s.Diagnostics.Count == 0
                && s.Transactions.Count == list.Count
                && list.Select((p, i) => (p, t: s.Transactions[i])).All(x =>
                    x.t.Amount == x.p.Cents / 100m
                    && x.t.References.Txid == x.p.Txid
                    && x.t.Id == $"pix-{x.t.References.EndToEndId}"
                    && x.t.BookingDate == x.p.Instant.InZone(zone).Date
                    && x.t.Kind == TransactionKind.Credit);
        });
    }
}

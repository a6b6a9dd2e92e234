using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Csv;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Corpus;
using Kolek.Reconciliation.Tests.Readers.Fuzz;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Csv;

public class CsvStatementReaderTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private const string BankExport =
        "data;descricao;valor\r\n" +
        "05/01/2026;PIX RECEBIDO JOAO;1.234,56\r\n" +
        "06/01/2026;\"TARIFA; PACOTE \"\"PLUS\"\"\";-12,90\r\n" +
        "\r\n" +
        "31/02/2026;DATA RUIM;10,00\r\n" +
        "07/01/2026;VALOR RUIM;12x,00\r\n" +
        "08/01/2026;PIX RECEBIDO JOAO;1.234,56\r\n";

    [Fact]
    public void Read_BrazilianBankPreset_ReadsSignedCommaAmountsAndQuotedFields()
    {
        var s = CsvStatementReader.Read("extrato.csv", Utf8(BankExport));

        Assert.Equal(StatementFormat.Csv, s.Format);
        Assert.Equal([1234.56m, -12.90m, 1234.56m], s.Transactions.Select(t => t.Amount));
        Assert.Equal([TransactionKind.Credit, TransactionKind.Debit, TransactionKind.Credit], s.Transactions.Select(t => t.Kind));
        Assert.Equal(new LocalDate(2026, 1, 6), s.Transactions[1].BookingDate);
        Assert.Equal("TARIFA; PACOTE \"PLUS\"", s.Transactions[1].Description);
        Assert.Equal([2, 3, 7], s.Transactions.Select(t => t.Source.Line));
        Assert.Equal(3, s.Transactions.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void Read_BadRows_AreErrorsWithLineAndColumn()
    {
        var s = CsvStatementReader.Read("extrato.csv", Utf8(BankExport));

        Assert.Collection(s.Diagnostics,
            d =>
            {
                Assert.Equal((5, "data", "csv.date.invalid", DiagnosticSeverity.Error), (d.Line!.Value, d.Field!, d.Code, d.Severity));
                Assert.Contains("coluna 1", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                Assert.Equal((6, "valor", "csv.amount.invalid", DiagnosticSeverity.Error), (d.Line!.Value, d.Field!, d.Code, d.Severity));
                Assert.Contains("coluna 3", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Read_SameFileTwice_GivesTheSameIds()
    {
        var first = CsvStatementReader.Read("a.csv", Utf8(BankExport));
        var second = CsvStatementReader.Read("b.csv", Utf8(BankExport));

        Assert.Equal(first.Transactions.Select(t => t.Id), second.Transactions.Select(t => t.Id));
    }

    [Fact]
    public void StatementReader_CsvFormat_UsesTheBrazilianBankPreset()
    {
        var s = StatementReader.Read("extrato.csv", Utf8(BankExport), StatementFormat.Csv);

        Assert.Equal(3, s.Transactions.Count);
        Assert.Equal(StatementFormat.Csv, s.Format);
    }

    [Fact]
    public void Detect_Csv_IsNotAutoDetected()
    {
        Assert.Equal(StatementFormat.Unknown, StatementReader.Detect(Utf8(BankExport)));
    }

    [Fact]
    public void Read_MissingHeaderColumn_IsOneErrorAndNothingRead()
    {
        var s = CsvStatementReader.Read("x.csv", Utf8("data;historico;valor\n05/01/2026;X;1,00\n"));

        Assert.Empty(s.Transactions);
        var d = Assert.Single(s.Diagnostics);
        Assert.Equal(("csv.header.missing", "descricao", 1), (d.Code, d.Field!, d.Line!.Value));
    }

    [Fact]
    public void Read_ShortRow_IsAnErrorNamingTheMissingColumn()
    {
        var s = CsvStatementReader.Read("x.csv", Utf8("data;descricao;valor\n05/01/2026;SO DESCRICAO\n06/01/2026;OK;2,00"));

        Assert.Equal(2.00m, Assert.Single(s.Transactions).Amount);
        var d = Assert.Single(s.Diagnostics);
        Assert.Equal(("csv.row.short", "valor", 2), (d.Code, d.Field!, d.Line!.Value));
    }

    [Fact]
    public void Read_CreditDebitPreset_SignsByColumn()
    {
        const string file = "data;historico;documento;credito;debito\n02/03/2026;DEPOSITO;123;150,00;\n03/03/2026;SAQUE;124;;R$ 40,10\n04/03/2026;AMBOS;125;1,00;2,00\n";

        var s = CsvStatementReader.Read("x.csv", Utf8(file), CsvStatementLayout.BrazilianBankCreditDebit);

        Assert.Equal([150.00m, -40.10m], s.Transactions.Select(t => t.Amount));
        Assert.Equal(["123", "124"], s.Transactions.Select(t => t.References.DocumentNumber!));
        var d = Assert.Single(s.Diagnostics);
        Assert.Equal(("csv.amount.both", 4), (d.Code, d.Line!.Value));
    }

    [Fact]
    public void Read_Windows1252_DecodesAccents()
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("data;descricao;valor\n05/01/2026;DEPÓSITO CAIXA;9,99\n");

        var s = CsvStatementReader.Read("x.csv", bytes);

        Assert.Equal("DEPÓSITO CAIXA", Assert.Single(s.Transactions).Description);
    }

    [Fact]
    public void Read_ColumnsByIndexWithoutHeader_ReadsEveryRow()
    {
        var layout = new CsvStatementLayout
        {
            Separator = ',',
            DecimalSeparator = '.',
            DateFormat = "yyyy-MM-dd",
            HasHeader = false,
            Date = CsvColumn.At(1),
            Amount = CsvColumn.At(0),
            Description = CsvColumn.At(2),
        };

        var s = CsvStatementReader.Read("x.csv", Utf8("\"1,500.25\",2026-01-05,A\n-3.10,2026-01-06,B\n"), layout);

        Assert.Equal([1500.25m, -3.10m], s.Transactions.Select(t => t.Amount));
        Assert.Empty(s.Diagnostics);
    }

    [Fact]
    public void Read_InvalidLayout_Throws()
    {
        var layout = CsvStatementLayout.BrazilianBank with { DecimalSeparator = ';' };

        Assert.Throws<ArgumentException>(() => CsvStatementReader.Read("x.csv", Utf8(BankExport), layout));
        Assert.NotNull((CsvStatementLayout.BrazilianBank with { DateFormat = "dd/MM" }).Validate());
        Assert.NotNull((CsvStatementLayout.BrazilianBank with { Credit = CsvColumn.At(3) }).Validate());
        Assert.Null(CsvStatementLayout.BrazilianBankCreditDebit.Validate());
    }

    [Fact]
    public void Read_EmptyFile_IsAnError()
    {
        var s = CsvStatementReader.Read("x.csv", []);

        Assert.Empty(s.Transactions);
        Assert.Equal("csv.empty", Assert.Single(s.Diagnostics).Code);
    }

    /// <summary>The layout of the digitalbanks boleto CSV model: <c>;</c>-separated with a trailing <c>;</c>, ISO dates, decimal point.</summary>
    private static readonly CsvStatementLayout s_digitalBanksBoleto = new()
    {
        Separator = ';',
        DecimalSeparator = '.',
        DateFormat = "yyyy-MM-dd",
        Encoding = CsvTextEncoding.Utf8,
        Date = CsvColumn.Named("vencimento"),
        Amount = CsvColumn.Named("valor"),
        Description = CsvColumn.Named("sacado"),
        Document = CsvColumn.Named("cpfCnpj"),
        Reference = CsvColumn.Named("seuId"),
    };

    [CorpusFact]
    public void Read_DigitalBanksBoletoCsv_WithDeclaredLayout()
    {
        var bytes = File.ReadAllBytes(Corpus.Corpus.PathOf("erp", "digitalbanks-modelo-csv-boleto.csv"));

        var s = CsvStatementReader.Read("digitalbanks-modelo-csv-boleto.csv", bytes, s_digitalBanksBoleto);

        Assert.Empty(s.Diagnostics);
        var t = Assert.Single(s.Transactions);
        Assert.Equal(new LocalDate(2019, 6, 10), t.BookingDate);
        Assert.Equal(38.91m, t.Amount);
        Assert.Equal(TransactionKind.Credit, t.Kind);
        Assert.Equal("JOSE ALFREDO", t.Description);
        Assert.Equal("00000000000", t.Payer!.Document);
        Assert.Equal("ABC00000000123", t.References.DocumentNumber);
        Assert.Equal(2, t.Source.Line);
    }

    [CorpusFact]
    public void Read_DigitalBanksBoletoCsv_WithThePreset_ReportsTheMissingColumns()
    {
        var bytes = File.ReadAllBytes(Corpus.Corpus.PathOf("erp", "digitalbanks-modelo-csv-boleto.csv"));

        var s = StatementReader.Read("digitalbanks-modelo-csv-boleto.csv", bytes, StatementFormat.Csv);

        Assert.Empty(s.Transactions);
        Assert.Equal("csv.header.missing", Assert.Single(s.Diagnostics).Code);
    }

    public static class Rows
    {
        public static Arbitrary<(LocalDate Date, decimal Amount)[]> Generate() =>
            (from days in Gen.Choose(0, 365 * 30)
             from cents in Gen.Choose(-100_000_000, 100_000_000)
             select (new LocalDate(2000, 1, 1).PlusDays(days), cents / 100m)).ArrayOf().ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Rows)], MaxTest = 200)]
    public bool Read_GeneratedBrazilianExport_RoundTrips((LocalDate Date, decimal Amount)[] rows)
    {
        var pt = CultureInfo.GetCultureInfo("pt-BR");
        var text = new StringBuilder("data;descricao;valor\n");
        foreach (var (date, amount) in rows)
        {
            text.Append(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(";X;").Append(amount.ToString("#,##0.00", pt)).Append('\n');
        }

        var s = CsvStatementReader.Read("g.csv", Utf8(text.ToString()));

        return s.Diagnostics.Count == 0
            && s.Transactions.Select(t => (t.BookingDate, t.Amount)).SequenceEqual(rows)
            && StatementReaderFuzzProperties.IsSound(s);
    }

    [Property(Arbitrary = [typeof(ByteEditArbitraries)], MaxTest = 200)]
    public bool Read_EditedBytes_NeverThrowsAndKeepsIdsUnique(CorpusMutation mutation)
    {
        var edited = new List<byte>(Utf8(BankExport));
        foreach (var edit in mutation.Edits)
        {
            edit.ApplyTo(edited);
        }

        return StatementReaderFuzzProperties.IsSound(CsvStatementReader.Read("x.csv", edited.ToArray()));
    }
}

using System.Diagnostics;
using System.Text;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Camt;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Camt;

public class CamtReaderTests
{
    private const string Secret = "KOLEK-XXE-SECRET-7f3a";

    [Fact]
    public void Read_ExternalEntityPointingAtALocalFile_RefusesTheDtdAndNeverReadsTheFile()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"kolek-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secretFile, Secret);
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE Document [ <!ENTITY xxe SYSTEM "file://{secretFile}"> ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
                {Entry("CRDT", "BOOK", "10.00", extra: "<AddtlNtryInf>&xxe;</AddtlNtryInf>")}
                </Stmt></BkToCstmrStmt></Document>
                """;

            var statement = CamtReader.Read("xxe.xml", Encoding.UTF8.GetBytes(xml));

            Assert.Empty(statement.Transactions);
            var d = Assert.Single(statement.Diagnostics);
            Assert.Equal("camt.xml.dtd-prohibited", d.Code);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.DoesNotContain(Secret, d.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Read_BillionLaughs_IsRefusedQuicklyWithAnError()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE Document [ {entities} ]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
            {Entry("CRDT", "BOOK", "10.00", extra: "<AddtlNtryInf>&lol9;</AddtlNtryInf>")}
            </Stmt></BkToCstmrStmt></Document>
            """;
        var watch = Stopwatch.StartNew();

        var statement = StatementReader.Read("lol.xml", Encoding.UTF8.GetBytes(xml));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(StatementFormat.Camt053, statement.Format);
        Assert.Empty(statement.Transactions);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.xml.dtd-prohibited" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Read_TruncatedXml_GivesAnInvalidXmlErrorWithItsLine()
    {
        var xml = Document("camt.053.001.02", Entry("CRDT", "BOOK", "10.00"))[..^40];

        var statement = CamtReader.Read("cut.xml", Encoding.UTF8.GetBytes(xml));

        Assert.Empty(statement.Transactions);
        var d = Assert.Single(statement.Diagnostics);
        Assert.Equal("camt.xml.invalid", d.Code);
        Assert.NotNull(d.Line);
    }

    [Theory]
    [InlineData("PDNG")]
    [InlineData("INFO")]
    public void Read_EntryNotBooked_IsAnEventWithTheStatusAsReason(string status)
    {
        var statement = Read(Document("camt.053.001.08", Entry("CRDT", $"<Cd>{status}</Cd>", "10.00")));

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(TransactionKind.Event, t.Kind);
        Assert.Equal(status, t.Occurrence?.Code);
        Assert.Contains("não contabilizado", t.Occurrence?.Description, StringComparison.Ordinal);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.entry.not-booked");
    }

    [Fact]
    public void Read_BrlCreditWithCpfDebtorAndNotProvidedEndToEnd_ReadsPayerAndSkipsTheReference()
    {
        var details = """
            <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <RltdPties><Dbtr><Pty><Nm>Maria Silva</Nm><Id><PrvtId><Othr><Id>123.456.789-09</Id></Othr></PrvtId></Id></Pty></Dbtr></RltdPties>
            <RmtInf><Ustrd>Boleto 42</Ustrd><Ustrd>parcela 1</Ustrd></RmtInf></TxDtls></NtryDtls>
            """;
        var statement = Read(Document("camt.053.001.08", Entry("CRDT", "<Cd>BOOK</Cd>", "150.00", "BRL", details)));

        var t = Assert.Single(statement.Transactions);
        Assert.Null(t.References.EndToEndId);
        Assert.Equal(new Payer("Maria Silva", "12345678909"), t.Payer);
        Assert.Equal("Boleto 42 parcela 1", t.Description);
        Assert.DoesNotContain(statement.Diagnostics, d => d.Code == "camt.currency.foreign");
    }

    [Fact]
    public void Read_BookingDateTimeLateInTheDayWithOffset_IsNeverShiftedThroughUtc()
    {
        var entry = Entry("DBIT", "BOOK", "1.00").Replace("<Dt>2026-01-05</Dt>", "<DtTm>2026-01-05T23:30:00-03:00</DtTm>", StringComparison.Ordinal);

        var t = Assert.Single(Read(Document("camt.054.001.06", entry, root: "BkToCstmrDbtCdtNtfctn", child: "Ntfctn")).Transactions);

        Assert.Equal(new LocalDate(2026, 1, 5), t.BookingDate);
        Assert.Equal(-1.00m, t.Amount);
    }

    [Fact]
    public void Read_UnreadableAmount_LeavesTheEntryOutWithAnError()
    {
        var statement = Read(Document("camt.053.001.02", Entry("CRDT", "BOOK", "1O.00") + Entry("CRDT", "BOOK", "2.00")));

        var t = Assert.Single(statement.Transactions);
        Assert.Equal(2.00m, t.Amount);
        Assert.Contains(statement.Diagnostics, d => d.Code == "camt.amount.invalid" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Read_TwoIdenticalEntries_GetDistinctStableIds()
    {
        var xml = Document("camt.053.001.02", Entry("CRDT", "BOOK", "5.00") + Entry("CRDT", "BOOK", "5.00"));

        var first = Read(xml).Transactions.Select(t => t.Id).ToList();
        var second = Read(xml).Transactions.Select(t => t.Id).ToList();

        Assert.Equal(2, first.Distinct().Count());
        Assert.Equal(first, second);
    }

    [Fact]
    public void CanRead_OtherXmlAndCamt052_AreNotCamt()
    {
        Assert.False(CamtReader.CanRead("<?xml version=\"1.0\"?><root/>"u8));
        Assert.False(CamtReader.CanRead("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.02\"><BkToCstmrAcctRpt/></Document>"u8));
        Assert.False(CamtReader.CanRead("{\"txid\":1}"u8));
        Assert.True(CamtReader.CanRead(Encoding.UTF8.GetBytes(Document("camt.053.001.04", ""))));
    }

    private static BankStatement Read(string xml) => CamtReader.Read("test.xml", Encoding.UTF8.GetBytes(xml));

    private static string Document(string version, string entries, string root = "BkToCstmrStmt", string child = "Stmt") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:{version}">
          <{root}>
            <GrpHdr><MsgId>1</MsgId></GrpHdr>
            <{child}>
              <Acct><Id><Othr><Id>0001-123456</Id></Othr></Id></Acct>
        {entries}
            </{child}>
          </{root}>
        </Document>
        """;

    private static string Entry(string indicator, string status, string amount, string currency = "EUR", string extra = "") => $"""
              <Ntry>
                <Amt Ccy="{currency}">{amount}</Amt>
                <CdtDbtInd>{indicator}</CdtDbtInd>
                <Sts>{status}</Sts>
                <BookgDt><Dt>2026-01-05</Dt></BookgDt>
                {extra}
              </Ntry>
        """;
}

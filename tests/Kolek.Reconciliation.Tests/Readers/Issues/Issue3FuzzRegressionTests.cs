using System.Text;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Readers.Pix;
using Kolek.Reconciliation.Statements;
using Kolek.Reconciliation.Tests.Readers.Fuzz;

namespace Kolek.Reconciliation.Tests.Readers.Issues;

/// <summary>Regression tests for what the fuzzing of issue 3 found, each with its failing input.</summary>
public class Issue3FuzzRegressionTests
{
    // Found as pix/bacen-pix-recebidos-consulta-lista.json [Insert@1153009306:0xff]: a 0xFF byte inside a JSON string
    // made System.Text.Json throw InvalidOperationException when the string was read.
    private static byte[] PixWithInvalidUtf8()
    {
        var head = Encoding.UTF8.GetBytes("{\"pix\": [{\"endToEndId\": \"E12345678202601051000abcdefghijk\", \"txid\": \"tx");
        var tail = Encoding.UTF8.GetBytes("1\", \"valor\": \"10.50\", \"horario\": \"2026-01-05T10:00:00Z\",\n \"infoPagador\": \"ok\"}]}");
        return [.. head, 0xFF, .. tail];
    }

    [Fact]
    public void Pix_InvalidUtf8InsideAString_ReadsWithAWarning()
    {
        var s = StatementReader.Read("pix.json", PixWithInvalidUtf8());

        Assert.Equal(StatementFormat.Pix, s.Format);
        var t = Assert.Single(s.Transactions);
        Assert.Equal(10.50m, t.Amount);
        Assert.Equal("tx\uFFFD1", t.References.Txid);
        var d = Assert.Single(s.Diagnostics, d => d.Code == "pix.encoding.invalid");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(1, d.Line);
    }

    [Fact]
    public void Pix_InvalidUtf8InAPropertyName_DoesNotThrow()
    {
        byte[] content = [.. "{\"pix\": [{\"endToEndId\": \"E1\", \"va"u8, 0xC3, .. "lor\": \"1.00\"}]}"u8];

        var s = PixReader.Read("pix.json", content);

        Assert.True(StatementReaderFuzzProperties.IsSound(s));
        Assert.Contains(s.Diagnostics, d => d.Code == "pix.encoding.invalid");
    }
}

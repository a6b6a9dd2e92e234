using System.Text.Json;
using System.Text.Json.Nodes;
using Kolek.Cli.Commands;
using Kolek.Cli.Output;
using Kolek.Reconciliation.Statements;

namespace Kolek.Cli.Tests;

public sealed class ParseCommandTests
{
    [Fact]
    public void Parse_BundledLatin1Ofx_PrintsContractJson()
    {
        var result = Kolek.Run(Path.GetTempPath(), "parse", Kolek.DataFile("bank", "extrato-itau-2026-10-a-11.ofx"), "--json");

        Assert.Equal(0, result.ExitCode);
        var file = result.Json().GetProperty("files")[0];
        Assert.Equal("ofx", file.GetProperty("format").GetString());
        Assert.Equal(64, file.GetProperty("sha256").GetString()!.Length);
        Assert.Equal("0341", file.GetProperty("account").GetProperty("bank").GetString());
        var transactions = file.GetProperty("transactions").EnumerateArray().ToList();
        var saldo = transactions.Single(t => t.GetProperty("description").GetString()!.StartsWith("TRANSFERÊNCIA DE SALDO", StringComparison.Ordinal));
        Assert.Equal("credit", saldo.GetProperty("kind").GetString());
        Assert.Equal(1500.00m, saldo.GetProperty("amount").GetDecimal());
        Assert.Equal("2026-11-03", saldo.GetProperty("bookingDate").GetString());
        Assert.Contains(transactions, t => t.GetProperty("kind").GetString() == "event");
        Assert.All(transactions, t => Assert.True(t.GetProperty("source").GetProperty("line").GetInt32() > 10));
        var summary = file.GetProperty("summary");
        Assert.Equal(transactions.Count, summary.GetProperty("transactions").GetInt32());
        Assert.Equal(transactions.Where(t => t.GetProperty("kind").GetString() == "credit").Sum(t => t.GetProperty("amount").GetDecimal()),
            summary.GetProperty("credits").GetDecimal());
    }

    [Fact]
    public void Parse_WithoutJson_PrintsPortugueseLabels()
    {
        // docs/cli.md: without --json "the same content is printed as tables (pt-BR labels)".
        var result = Kolek.Run(Path.GetTempPath(), "parse", Kolek.DataFile("bank", "extrato-itau-2026-10-a-11.ofx"));

        Assert.Equal(0, result.ExitCode);
        // The header line holds the file path and wraps at the console width (80 columns when redirected) in a deep checkout.
        Assert.Contains("8 lançamento(s)", System.Text.RegularExpressions.Regex.Replace(result.Stdout, @"\s+", " "));
        Assert.Contains("Crédito", result.Stdout);
        Assert.Contains("Débito", result.Stdout);
        Assert.Contains("Evento", result.Stdout);
        Assert.Contains("Aviso ofx.transaction.balance-line linha 96", result.Stdout);
        Assert.DoesNotContain("transactions", result.Stdout);
        Assert.DoesNotContain("Credit", result.Stdout);
        Assert.DoesNotContain("Debit", result.Stdout);
        Assert.DoesNotContain("Warning", result.Stdout);
    }

    [Fact]
    public void Parse_SameFileTwice_GivesTheSameTransactionIds()
    {
        var path = Kolek.DataFile("bank", "retorno-bradesco-1.ret");

        var first = Ids(Kolek.Run(Path.GetTempPath(), "parse", path, "--json"));
        var second = Ids(Kolek.Run(Path.GetTempPath(), "parse", path, "--json"));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Parse_EveryBundledBankFile_IsRecognisedWithoutErrors()
    {
        var files = Directory.GetFiles(Kolek.DataFile("bank")).Order(StringComparer.Ordinal).ToArray();

        var result = Kolek.Run(Path.GetTempPath(), ["parse", .. files, "--json"]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var formats = result.Json().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("format").GetString()).ToList();
        Assert.Equal(["ofx", "pix", "cnab400", "cnab400"], formats);
    }

    [Fact]
    public void Parse_MissingFile_ExitsWithUsageError()
    {
        var result = Kolek.Run(Path.GetTempPath(), "parse", "/nonexistent/extrato.ofx", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/extrato.ofx", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AFolder_SaysItIsAFolder()
    {
        // Found by a user trial: "Access to the path '/tmp' is denied." for a folder given instead of a file.
        var result = Kolek.Run(Path.GetTempPath(), "parse", Path.GetTempPath());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a folder, not a file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnrecognisedContent_ExitsThreeWithADiagnosticAndAFormat()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "notes.txt");
        File.WriteAllText(path, "isto não é um extrato\n");

        var result = Kolek.Run(Path.GetTempPath(), "parse", path, "--json");

        Assert.Equal(3, result.ExitCode);
        var file = result.Json().GetProperty("files")[0];
        Assert.Equal("unknown", file.GetProperty("format").GetString());
        Assert.Equal("error", file.GetProperty("diagnostics")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public void Parse_UnknownOption_ExitsWithUsageError()
    {
        var result = Kolek.Run(Path.GetTempPath(), "parse", Kolek.DataFile("bank", "pix-recebidos.json"), "--bogus", "1");

        Assert.Equal(2, result.ExitCode);
    }

    private static List<string> Ids(KolekResult result) =>
        result.Json().GetProperty("files")[0].GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("id").GetString()!).ToList();
}

/// <summary>The streamed JSON of a large file has the same content as the JSON of the whole-file read (only the order of
/// <c>sha256</c> and <c>account</c> differs), checked on every bundled bank file.</summary>
public sealed class ParseStreamingJsonTests
{
    [Fact]
    public void WriteStreamed_EveryBundledBankFile_SameJsonContentAsWholeFile()
    {
        foreach (var path in Directory.GetFiles(Kolek.DataFile("bank")).Order(StringComparer.Ordinal))
        {
            var whole = JsonNode.Parse(JsonOut.Write(w =>
                StatementJson.WriteFile(w, StatementFiles.Read(path))));
            var streamed = new StringWriter();
            StatementFiles.WithStream(path, StatementFormat.Unknown, s =>
            {
                JsonOut.WriteTo(streamed, (w, flush) => StatementJson.WriteStreamed(w, s, flush));
                return 0;
            });

            Assert.True(JsonNode.DeepEquals(whole, JsonNode.Parse(streamed.ToString())), path);
        }
    }
}

using System.Text.Json;

namespace Kolek.Cli.Tests;

/// <summary><c>kolek reconcile</c> end to end: the bundled bank files against the open charges of the bundled export.</summary>
public sealed class ReconcileCommandTests
{
    private static readonly string[] s_buckets = ["matches", "suggestions", "unmatched", "ignored"];

    [Fact]
    public void Reconcile_BundledBankFiles_MatchCnabByNossoNumeroAndPixByTxid()
    {
        var folder = Scratch.Folder();
        var result = Kolek.Run(folder, ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles(), "--json"]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var rules = MatchedItems(result.Json());
        var expected = Scratch.Expected();
        foreach (var id in expected.GetProperty("paidByCnab").EnumerateArray())
        {
            Assert.Equal("nosso-numero", rules[id.GetString()!]);
        }

        foreach (var id in expected.GetProperty("paidByPixTxid").EnumerateArray())
        {
            Assert.Equal("txid", rules[id.GetString()!]);
        }

        var items = result.Json().GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("itemId").GetString()!);
        Assert.Equal("paid", items[expected.GetProperty("paidByCnab")[0].GetString()!].GetProperty("status").GetString());
        Assert.Equal("partially-paid", items[expected.GetProperty("partialByPix").GetString()!].GetProperty("status").GetString());
    }

    [Fact]
    public void Reconcile_WithoutJson_PrintsStatusesAndReasonsInPortuguese()
    {
        // The tables are for a finance clerk (pt-BR labels); the English codes belong to the JSON contract.
        var folder = Scratch.Folder();
        var result = Kolek.Run(folder, ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles()]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("│ pago ", result.Stdout);
        Assert.Contains("│ pago em parte ", result.Stdout);
        Assert.Contains("│ débito ", result.Stdout);
        Assert.Contains("│ evento ", result.Stdout);
        Assert.DoesNotContain("partially-paid", result.Stdout);
        Assert.DoesNotContain("│ paid ", result.Stdout);
        Assert.DoesNotContain("│ debit ", result.Stdout);
        Assert.DoesNotContain("│ event ", result.Stdout);
        Assert.DoesNotContain("Warning", result.Stdout);
    }

    [Fact]
    public void Reconcile_BundledBankFiles_PutsEveryTransactionInExactlyOneBucket()
    {
        var folder = Scratch.Folder();
        var parsed = Kolek.Run(folder, ["parse", .. Scratch.BankFiles(), "--json"]).Json().GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("transactions").EnumerateArray()).Select(t => t.GetProperty("id").GetString()!).ToList();

        var json = Kolek.Run(folder, ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles(), "--json"]).Json();

        var listed = s_buckets.SelectMany(b => json.GetProperty(b).EnumerateArray()).Select(x => x.GetProperty("transactionId").GetString()!).ToList();
        Assert.NotEmpty(parsed);
        Assert.Equal(parsed.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Array, json.GetProperty("diagnostics").ValueKind);
    }

    [Fact]
    public void Reconcile_SameFilesAgainWithLedger_ListsTheMatchesAsAlreadyReconciled()
    {
        var folder = Scratch.Folder();
        var items = Scratch.OpenItems(folder);
        string[] args = ["reconcile", "--open-items", items, "--ledger", Path.Combine(folder, "ledger.db"), .. Scratch.BankFiles(), "--json"];

        var first = Kolek.Run(folder, args).Json();
        var second = Kolek.Run(folder, args).Json();

        var matched = first.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("transactionId").GetString()!).ToHashSet();
        Assert.NotEmpty(matched);
        Assert.Equal(0, second.GetProperty("matches").GetArrayLength());
        var already = second.GetProperty("ignored").EnumerateArray()
            .Where(i => i.GetProperty("reason").GetString() == "already-reconciled")
            .Select(i => i.GetProperty("transactionId").GetString()!).ToHashSet();
        Assert.Equal(matched, already);
    }

    [Fact]
    public void Reconcile_SameFileTwiceInOneImport_RepeatsOfMatchedLinesAlreadyReconciled_OthersDuplicateInImport()
    {
        // User trial: without a ledger, every second copy read "already-reconciled", even of lines left unmatched.
        var folder = Scratch.Folder();
        var once = Kolek.Run(folder, ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles(), "--json"]).Json();
        var pix = Scratch.BankFiles().Single(f => f.EndsWith(".json", StringComparison.Ordinal));

        var twice = Kolek.Run(folder, ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles(), pix, "--json"]).Json();

        var pixIds = Kolek.Run(folder, ["parse", pix, "--json"]).Json().GetProperty("files")[0].GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        var matchedOnce = once.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("transactionId").GetString()!).ToHashSet(StringComparer.Ordinal);
        List<string> Repeats(string reason) => [.. twice.GetProperty("ignored").EnumerateArray()
            .Where(i => i.GetProperty("reason").GetString() == reason)
            .Select(i => i.GetProperty("transactionId").GetString()!).Order(StringComparer.Ordinal)];
        Assert.NotEmpty(pixIds);
        Assert.Equal(pixIds.Intersect(matchedOnce).Order(StringComparer.Ordinal), Repeats("already-reconciled"));
        Assert.Equal(pixIds.Except(matchedOnce).Order(StringComparer.Ordinal), Repeats("duplicate-in-import"));
        // The first copies decide exactly as when the file is given once.
        foreach (var bucket in s_buckets.Append("items"))
        {
            Assert.Equal(
                JsonSerializer.Serialize(once.GetProperty(bucket).EnumerateArray()),
                JsonSerializer.Serialize(twice.GetProperty(bucket).EnumerateArray().Where(x => !(x.TryGetProperty("reason", out var r) && r.GetString() is "duplicate-in-import" or "already-reconciled"))));
        }
    }

    [Fact]
    public void Reconcile_CsvStatementWithFormatCsv_IsReadAndMatched()
    {
        // User trial (session 6): a CSV export has no signature, so auto-detection never reads it, and reconcile had no
        // --format: its credits could not be reconciled from the command line at all.
        var folder = Scratch.Folder();
        var items = Path.Combine(folder, "items.csv");
        File.WriteAllLines(items,
        [
            "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number",
            "NF-7,CLI-1,24031834314,1234.56,2026-11-30,,,",
        ]);
        var csv = Path.Combine(folder, "extrato.csv");
        File.WriteAllLines(csv, ["data;descricao;valor", "30/11/2026;PIX RECEBIDO CPF 240.318.343-14;1.234,56", "30/11/2026;TARIFA;-12,00"]);

        var auto = Kolek.Run(folder, ["reconcile", "--open-items", items, csv, "--json"]);
        var forced = Kolek.Run(folder, ["reconcile", "--open-items", items, "--format", "csv", csv, "--json"]);

        Assert.DoesNotContain(auto.Json().GetProperty("matches").EnumerateArray(), _ => true);
        Assert.True(forced.ExitCode == 0, forced.Stdout + forced.Stderr);
        var match = Assert.Single(forced.Json().GetProperty("matches").EnumerateArray());
        Assert.Equal("NF-7", match.GetProperty("allocations")[0].GetProperty("itemId").GetString());
        Assert.Equal(1234.56m, match.GetProperty("allocations")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("debit", Assert.Single(forced.Json().GetProperty("ignored").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal(2, Kolek.Run(folder, ["reconcile", "--open-items", items, "--format", "xls", csv]).ExitCode);
    }

    [Fact]
    public void Reconcile_SecondPixOfSamePayerAndAmount_IsASuggestionFlaggedAsPossibleDuplicate()
    {
        // User trial: the second PIX of a customer who had already paid landed in "unmatched" as "no-candidate".
        var folder = Scratch.Folder();
        var items = Path.Combine(folder, "items.csv");
        File.WriteAllLines(items,
        [
            "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number",
            "NF-1,CLI-1,24031834314,995.00,2026-10-05,,,",
        ]);
        var pix = Path.Combine(folder, "pix.json");
        File.WriteAllText(pix, """
            { "pix": [
              { "endToEndId": "E60746948202610051300kkk00009100", "valor": "995.00", "horario": "2026-10-05T13:00:00.000Z",
                "pagador": { "cpf": "24031834314", "nome": "João Batista Oliveira" } },
              { "endToEndId": "E60746948202610061300kkk00009101", "valor": "995.00", "horario": "2026-10-06T13:00:00.000Z",
                "pagador": { "cpf": "24031834314", "nome": "João Batista Oliveira" } } ] }
            """);

        var result = Kolek.Run(folder, ["reconcile", "--open-items", items, pix, "--json"]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var json = result.Json();
        var match = Assert.Single(json.GetProperty("matches").EnumerateArray());
        Assert.Equal("payer-document+amount", match.GetProperty("rule").GetString());
        Assert.Equal(0, json.GetProperty("unmatched").GetArrayLength());
        var candidate = Assert.Single(Assert.Single(json.GetProperty("suggestions").EnumerateArray()).GetProperty("candidates").EnumerateArray());
        Assert.Equal("possible-duplicate", candidate.GetProperty("rule").GetString());
        Assert.Equal("NF-1", Assert.Single(candidate.GetProperty("itemIds").EnumerateArray()).GetString());
        Assert.Contains(match.GetProperty("transactionId").GetString()!, candidate.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(("paid", 0m), (item.GetProperty("status").GetString(), item.GetProperty("outstanding").GetDecimal()));
    }

    [Fact]
    public void Reconcile_LangEn_ExplainsInEnglishAndChangesNothingElse()
    {
        var folder = Scratch.Folder();
        string[] args = ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles(), "--json"];

        var portuguese = Kolek.Run(folder, args);
        var explicitPortuguese = Kolek.Run(folder, [.. args, "--lang", "pt-BR"]);
        var english = Kolek.Run(folder, [.. args, "--lang", "en"]);

        Assert.Equal(portuguese.Stdout, explicitPortuguese.Stdout);
        Assert.True(english.ExitCode == portuguese.ExitCode, english.Stdout + english.Stderr);
        var explanations = Explanations(english.Json()).ToList();
        Assert.NotEmpty(explanations);
        Assert.All(explanations, e => Assert.DoesNotContain("confere", e, StringComparison.Ordinal));
        Assert.Contains(explanations, e => e.Contains(" matches; amount R$ ", StringComparison.Ordinal));
        Assert.Equal(WithoutExplanations(portuguese.Stdout), WithoutExplanations(english.Stdout));
    }

    [Fact]
    public void Reconcile_UnknownLang_IsAUsageError()
    {
        var folder = Scratch.Folder();

        var result = Kolek.Run(folder, ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles(), "--lang", "fr"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--lang must be pt-BR or en", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_WithoutLedger_MatchesAgainOnTheSecondRun()
    {
        var folder = Scratch.Folder();
        string[] args = ["reconcile", "--open-items", Scratch.OpenItems(folder), .. Scratch.BankFiles(), "--json"];

        var first = Kolek.Run(folder, args);
        var second = Kolek.Run(folder, args);

        Assert.True(first.Json().GetProperty("matches").GetArrayLength() > 0);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Reconcile_BadAmountCell_RejectsThatRowExitsThreeAndReconcilesTheRest()
    {
        var folder = Scratch.Folder();
        var items = Path.Combine(folder, "items.csv");
        File.WriteAllLines(items,
        [
            "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number",
            "NF-1,CLI-1,,100.00,2026-10-05,123,,NF-1",
            "NF-2,CLI-2,,\"12,50\",2026-10-05,124,,NF-2",
        ]);

        var result = Kolek.Run(folder, ["reconcile", "--open-items", items, .. Scratch.BankFiles(), "--json"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("items.csv:3", result.Stderr, StringComparison.Ordinal);
        var error = Assert.Single(result.Json().GetProperty("inputErrors").EnumerateArray());
        Assert.Equal("input.csv", error.GetProperty("code").GetString());
        Assert.EndsWith("items.csv:3 [amount]", error.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("12,50", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(result.Json().GetProperty("unmatched").GetArrayLength() > 0, "the statements were still reconciled");
    }

    [Fact]
    public void Reconcile_ItemsFileWithoutARequiredColumn_ExitsTwo()
    {
        var folder = Scratch.Folder();
        var items = Path.Combine(folder, "items.csv");
        File.WriteAllText(items, "id,customer_id,amount,due_date\nNF-1,CLI-1,100.00,2026-10-05\n");

        var result = Kolek.Run(folder, "reconcile", "--open-items", items, Scratch.BankFiles()[0], "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("payer_document", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number\nNF-1,CLI-1,,100.00,05/10/2026,,,\n", "due_date")]
    [InlineData("id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number,fine_percent\nNF-1,CLI-1,,100.00,2026-10-05,,,,-2\n", "fine_percent")]
    [InlineData("id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number\nNF-1,CLI-1,,100.00,2026-10-05,,,\nNF-1,CLI-1,,50.00,2026-10-06,,,\n", "id")]
    public void Reconcile_UnusableItemRow_ExitsThreeNamingLineAndColumn(string content, string column)
    {
        var folder = Scratch.Folder();
        var items = Path.Combine(folder, "items.csv");
        File.WriteAllText(items, content);

        var result = Kolek.Run(folder, "reconcile", "--open-items", items, Scratch.BankFiles()[0], "--json");

        Assert.Equal(3, result.ExitCode);
        var error = Assert.Single(result.Json().GetProperty("inputErrors").EnumerateArray());
        Assert.EndsWith($" [{column}]", error.GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_StatementWithErrors_ExitsThreeWithTheDiagnosticAndItsPath()
    {
        var folder = Scratch.Folder();
        var junk = Path.Combine(folder, "notes.txt");
        File.WriteAllText(junk, "isto não é um extrato\n");

        var result = Kolek.Run(folder, "reconcile", "--open-items", Scratch.OpenItems(folder), junk, "--json");

        Assert.Equal(3, result.ExitCode);
        var diagnostic = result.Json().GetProperty("diagnostics")[0];
        Assert.Equal(junk, diagnostic.GetProperty("path").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
    }

    /// <summary>Item id → the rule of the match that paid it.</summary>
    private static Dictionary<string, string> MatchedItems(JsonElement json) =>
        json.GetProperty("matches").EnumerateArray()
            .SelectMany(m => m.GetProperty("allocations").EnumerateArray().Select(a => (Item: a.GetProperty("itemId").GetString()!, Rule: m.GetProperty("rule").GetString()!)))
            .GroupBy(x => x.Item).ToDictionary(g => g.Key, g => string.Join("+", g.Select(x => x.Rule).Distinct()));

    private static IEnumerable<string> Explanations(JsonElement json) =>
        json.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("explanation").GetString()!)
            .Concat(json.GetProperty("suggestions").EnumerateArray()
                .SelectMany(s => s.GetProperty("candidates").EnumerateArray()).Select(c => c.GetProperty("explanation").GetString()!))
            .Concat(json.GetProperty("unmatched").EnumerateArray().Select(u => u.GetProperty("explanation").GetString()!));

    /// <summary>The JSON text with every explanation's value blanked.</summary>
    private static string WithoutExplanations(string stdout) =>
        System.Text.RegularExpressions.Regex.Replace(stdout, "\"explanation\":\\s*\"(?:[^\"\\\\]|\\\\.)*\"", "\"explanation\":\"\"");
}

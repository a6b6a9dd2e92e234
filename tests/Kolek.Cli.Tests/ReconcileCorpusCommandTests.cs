using System.Globalization;
using System.Text.Json;
using Kolek.Reconciliation.Tests.Corpus;

namespace Kolek.Cli.Tests;

/// <summary><c>kolek reconcile</c> end to end on a real return file of the shared corpus (never copied into the
/// repository): CAIXA's CNAB 240 return, 9 liquidations totalling 1,010.00, some titles paid with a discount.</summary>
/// <remarks>The open items are derived from the file as a host that issued these boletos would hold them: one item
/// per liquidated title, with the title's nosso número and face value (amount paid plus the discount the bank
/// granted, minus interest), due on the settlement date, and no other evidence.</remarks>
public sealed class ReconcileCorpusCommandTests
{
    private const string CaixaReturn = "cnab240/caixa-laravelboleto-retorno.ret";

    [CorpusFact]
    public void Reconcile_CaixaReturn_PaysEveryTitleByNossoNumeroWithTheParseIds()
    {
        var folder = Scratch.Folder();
        var file = CorpusFile(CaixaReturn);
        var parsed = Kolek.Run(folder, ["parse", file, "--json"]).Json().GetProperty("files")[0].GetProperty("transactions").EnumerateArray().ToList();
        var items = WriteItems(folder, parsed);

        var result = Kolek.Run(folder, ["reconcile", "--open-items", items, file, "--json"]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var json = result.Json();
        var matches = json.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(9, matches.Count);
        Assert.All(matches, m => Assert.Equal("nosso-numero", m.GetProperty("rule").GetString()));
        Assert.Equal(parsed.Select(t => t.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
            matches.Select(m => m.GetProperty("transactionId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(1010.00m, matches.SelectMany(m => m.GetProperty("allocations").EnumerateArray()).Sum(a => a.GetProperty("amount").GetDecimal()));
        Assert.All(json.GetProperty("items").EnumerateArray(), i => Assert.Equal("paid", i.GetProperty("status").GetString()));
        Assert.Equal(0, json.GetProperty("suggestions").GetArrayLength());
        Assert.Equal(0, json.GetProperty("unmatched").GetArrayLength());
    }

    [CorpusFact]
    public void Reconcile_CaixaReturnTwiceWithLedger_SecondRunIsAllAlreadyReconciled()
    {
        var folder = Scratch.Folder();
        var file = CorpusFile(CaixaReturn);
        var parsed = Kolek.Run(folder, ["parse", file, "--json"]).Json().GetProperty("files")[0].GetProperty("transactions").EnumerateArray().ToList();
        string[] args = ["reconcile", "--open-items", WriteItems(folder, parsed), "--ledger", Path.Combine(folder, "ledger.db"), file, "--json"];

        var first = Kolek.Run(folder, args).Json();
        var second = Kolek.Run(folder, args).Json();

        Assert.Equal(9, first.GetProperty("matches").GetArrayLength());
        Assert.Equal(0, second.GetProperty("matches").GetArrayLength());
        Assert.Equal(9, second.GetProperty("ignored").EnumerateArray().Count(i => i.GetProperty("reason").GetString() == "already-reconciled"));
    }

    /// <summary>The first CAIXA title (nosso número 240000000111369979, SOURCES.md: due 2014-01-02, 80.00, paid 80.00
    /// on 2014-01-06) as the host holds it: 84.00 with a 4.00 discount for paying by 2014-01-06 (columns
    /// <c>discount_amount,discount_until</c>), so the 80.00 pays it in full; without the discount it is a partial payment.</summary>
    [CorpusFact]
    public void Reconcile_EarlyPaymentDiscountColumns_PayTheTitleInFull()
    {
        var folder = Scratch.Folder();
        var file = CorpusFile(CaixaReturn);
        string Items(string discount)
        {
            var path = Path.Combine(folder, "items-" + discount.Length + ".csv");
            File.WriteAllLines(path, [
                "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number,discount_amount,discount_until",
                "TITLE-1,K-1,,84.00,2014-01-02,240000000111369979,,," + discount,
            ]);
            return path;
        }

        var withDiscount = Kolek.Run(folder, ["reconcile", "--open-items", Items("4.00,2014-01-06"), file, "--json"]).Json();
        var without = Kolek.Run(folder, ["reconcile", "--open-items", Items(","), file, "--json"]).Json();

        var item = withDiscount.GetProperty("items")[0];
        Assert.Equal(("paid", 0m), (item.GetProperty("status").GetString(), item.GetProperty("outstanding").GetDecimal()));
        var allocation = withDiscount.GetProperty("matches")[0].GetProperty("allocations")[0];
        Assert.Equal((80.00m, 4.00m), (allocation.GetProperty("amount").GetDecimal(), allocation.GetProperty("writtenOff").GetDecimal()));
        Assert.Equal("partially-paid", without.GetProperty("items")[0].GetProperty("status").GetString());
    }

    /// <summary>ITEMS.csv with one title per liquidation (see the class remarks).</summary>
    private static string WriteItems(string folder, IEnumerable<JsonElement> transactions)
    {
        var lines = new List<string> { "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number" };
        foreach (var t in transactions.Where(t => t.GetProperty("kind").GetString() == "credit"))
        {
            var nossoNumero = t.GetProperty("references").GetProperty("nossoNumero").GetString()!;
            var face = t.GetProperty("amount").GetDecimal() + Number(t, "discount") - Number(t, "interest") - Number(t, "fine");
            lines.Add(string.Join(",", "TITLE-" + nossoNumero, "K-" + nossoNumero, "", face.ToString(CultureInfo.InvariantCulture),
                t.GetProperty("bookingDate").GetString(), nossoNumero, "", ""));
        }

        var path = Path.Combine(folder, "items.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static decimal Number(JsonElement transaction, string name) =>
        transaction.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : 0m;

    private static string CorpusFile(string relative) => Corpus.PathOf(relative.Split('/'));
}

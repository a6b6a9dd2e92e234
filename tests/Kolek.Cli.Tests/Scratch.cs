using System.Text.Json;

namespace Kolek.Cli.Tests;

/// <summary>A fresh temporary folder per test, and the bundled data written out in the shapes the commands read.</summary>
internal static class Scratch
{
    public static string Folder() => Directory.CreateTempSubdirectory("kolek-cli-").FullName;

    /// <summary>The bundled ruler with <paramref name="change"/> applied to its JSON text.</summary>
    public static string Ruler(string folder, Func<string, string> change)
    {
        var path = Path.Combine(folder, "ruler.json");
        File.WriteAllText(path, change(File.ReadAllText(Kolek.DataFile("ruler.json"))));
        return path;
    }

    /// <summary>
    /// ITEMS.csv of <c>kolek reconcile</c> built from the bundled export: every open charge, with its customer's document
    /// and the ruler's late-charge terms; the charge id doubles as the document number.
    /// </summary>
    public static string OpenItems(string folder)
    {
        var customers = Rows(Kolek.DataFile("customers.csv")).ToDictionary(c => c["id"], StringComparer.Ordinal);
        var lines = new List<string> { "id,customer_id,payer_document,amount,due_date,nosso_numero,txid,document_number,issue_date,consumer,fine_percent,interest_percent_month" };
        foreach (var c in Rows(Kolek.DataFile("charges.csv")).Where(c => c["status"] == "open"))
        {
            var customer = customers[c["customer_id"]];
            lines.Add(string.Join(",", c["id"], c["customer_id"], customer["document"], c["amount"], c["due_date"], c["nosso_numero"], c["txid"],
                c["id"], c["issue_date"], customer["consumer"], "2.0", "1.0"));
        }

        var path = Path.Combine(folder, "items.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>The bundled bank files, in name order.</summary>
    public static string[] BankFiles() => Directory.GetFiles(Kolek.DataFile("bank")).Order(StringComparer.Ordinal).ToArray();

    public static JsonElement Expected() => JsonDocument.Parse(File.ReadAllText(Kolek.DataFile("expected.json"))).RootElement;

    /// <summary>The rows of a bundled CSV (plain cells: the bundled files quote nothing).</summary>
    public static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Select(cells =>
        {
            Assert.Equal(header.Length, cells.Length);
            return header.Zip(cells).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        }).ToList();
    }
}

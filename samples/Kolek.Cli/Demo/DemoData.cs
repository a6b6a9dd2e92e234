using System.Text.Json;
using Kolek.Cli.Commands;
using Kolek.Cli.Erp;
using Kolek.Cli.Outbox;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Templates;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Cli.Demo;

/// <summary>The data bundled with the sample (samples/Kolek.Cli/data), found next to the program so it runs from any folder.</summary>
public sealed record DemoData(
    TemplateCreditor Creditor,
    string CreditorEmail,
    LocalDate Start,
    LocalDate DefaultToday,
    DunningRuler Ruler,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Charge> Charges,
    IReadOnlyList<BankStatement> Statements)
{
    /// <summary>The folder holding the bundled data.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>Loads everything; a broken bundle is a usage error naming the file.</summary>
    public static DemoData Load()
    {
        var creditor = CreditorJson();
        var ruler = RulerJson.Parse(File.ReadAllText(Path.Combine(Folder, "ruler.json")), OutboxRunner.ChannelNames);
        if (!ruler.Success)
        {
            throw new CommandLine.UsageException("The bundled ruler.json is invalid: " + string.Join("; ", ruler.Errors));
        }

        var bank = Directory.GetFiles(Path.Combine(Folder, "bank")).Order(StringComparer.Ordinal)
            .Select(path => StatementFiles.Read(path) with { Path = Path.Combine("bank", Path.GetFileName(path)) })
            .ToList();
        var (template, email) = LoadCreditor();
        return new DemoData(
            template,
            email,
            LocalDatePattern.Iso.Parse(creditor.GetProperty("demoStart").GetString()!).Value,
            LocalDatePattern.Iso.Parse(creditor.GetProperty("today").GetString()!).Value,
            ruler.GetValueOrThrow(),
            ErpExport.LoadCustomers(Path.Combine(Folder, "customers.csv")).AllOrThrow(),
            ErpExport.LoadCharges(Path.Combine(Folder, "charges.csv")).AllOrThrow(),
            bank);
    }

    /// <summary>The creditor of the bundled data (data/creditor.json): its name and CNPJ, and its e-mail address.</summary>
    public static (TemplateCreditor Creditor, string Email) LoadCreditor()
    {
        var creditor = CreditorJson();
        return (new TemplateCreditor(creditor.GetProperty("name").GetString()!, creditor.GetProperty("document").GetString()!),
            creditor.GetProperty("email").GetString()!);
    }

    private static JsonElement CreditorJson() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "creditor.json"))).RootElement;
}

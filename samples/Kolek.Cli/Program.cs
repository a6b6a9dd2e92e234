using System.Globalization;
using System.Text;
using Kolek.Cli.CommandLine;
using Kolek.Cli.Commands;
using Kolek.Cli.Erp;

// kolek: the command-line host of the Kolek SDK (see docs/cli.md and ../shared/CLI.md for the contract).
Console.OutputEncoding = Encoding.UTF8;
var stdout = Console.Out;
try
{
    if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
    {
        stdout.WriteLine(Usage.Text);
        return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
    }

    var rest = args.Skip(1);
    return args[0] switch
    {
        "parse" => ParseCommand.Run(CommandArgs.Parse(rest, "json"), stdout),
        "demo" => await DemoCommand.RunAsync(CommandArgs.Parse(rest, "json"), stdout),
        "reconcile" => await ReconcileCommand.RunAsync(CommandArgs.Parse(rest, "json"), stdout),
        "preview" => PreviewCommand.Run(CommandArgs.Parse(rest, "json"), stdout),
        "run" => await RunCommand.RunAsync(CommandArgs.Parse(rest, "json"), stdout),
        "report" => await ReportCommand.RunAsync(CommandArgs.Parse(rest, "json"), stdout),

        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException e) when (args.Contains("--json"))
{
    // --json promises only JSON on stdout, errors included (CLI.md).
    return DunningInputs.Report(stdout, json: true, "usage error", [new InputError("cli.usage", "command line", e.Message)]);
}
catch (CsvException e) when (args.Contains("--json"))
{
    return DunningInputs.Report(stdout, json: true, "unreadable input file", [InputError.From(e)]);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"kolek: {e.Message}");
    Console.Error.WriteLine("Run 'kolek --help' for the commands and their options.");
    return ExitCodes.Usage;
}
catch (CsvException e)
{
    // A CSV the command cannot use: file, line and column, no usage text (the command line itself was fine).
    Console.Error.WriteLine($"kolek: {e.Message}");
    return ExitCodes.Usage;
}
#pragma warning disable CA1031 // The last resort of a command-line program: no stack trace for the user, a distinct exit code.
catch (Exception e)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"kolek: unexpected error ({e.GetType().Name}): {e.Message}");
    Console.Error.WriteLine("This is a bug in kolek; please report it with the command line that caused it.");
    return ExitCodes.Unexpected;
}

/// <summary>The help text.</summary>
internal static class Usage
{
    public const string Text = """
        usage: kolek <command> [options]

          demo [--today yyyy-MM-dd] [--db FILE] [--outbox DIR] [--json]
              Runs the ruler day by day on the bundled sample data, imports and reconciles its bank files.
          parse FILE... [--format auto|ofx|cnab240|cnab400|camt053|camt054|mt940|pix|csv] [--json]
              Reads bank files and prints every transaction and diagnostic.
          reconcile --open-items ITEMS.csv [--ledger FILE] [--lang pt-BR|en] [--format F] STATEMENT... [--json]
              Matches the credits of bank files to open items; --ledger (SQLite) remembers what was reconciled;
              --format as for parse (a CSV export needs csv).
          preview --ruler RULER.json --charges CHARGES.csv [--customers CUSTOMERS.csv] --from yyyy-MM-dd --days N [--json]
              Shows the messages the ruler will send over N days from --from, and the steps it will skip.
          run --ruler RULER.json --charges CHARGES.csv [--customers CUSTOMERS.csv] --at INSTANT --db FILE --outbox DIR
              [--templates DIR] [--creditor-name NAME] [--creditor-cnpj CNPJ] [--creditor-email ADDRESS] [--json]
              Sends what is due at --at (e.g. 2026-12-03T16:00:00Z) to the outbox; the journal in --db makes it idempotent.
          report --charges CHARGES.csv [--customers CUSTOMERS.csv] [--db FILE] --as-of yyyy-MM-dd [--html FILE] [--json]
              Portfolio insight as of a date: aging, delinquents, DSO, CEI, trend, step effectiveness (from --db), risk;
              --html writes one self-contained HTML report with charts.

        Exit codes: 0 success, 3 finished with error diagnostics, 2 usage error, unreadable file, bad CSV cell,
        invalid ruler or template, unusable database; 1 unexpected error (a bug). See docs/cli.md for the JSON shapes.
        """;
}

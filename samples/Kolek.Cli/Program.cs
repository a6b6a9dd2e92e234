using System.Text;
using Kolek.Cli.CommandLine;
using Kolek.Cli.Commands;

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

        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"kolek: {e.Message}");
    Console.Error.WriteLine(Usage.Text);
    return ExitCodes.Usage;
}

/// <summary>The help text.</summary>
internal static class Usage
{
    public const string Text = """
        usage: kolek <command> [options]

          demo [--today yyyy-MM-dd] [--db FILE] [--outbox DIR] [--json]
              Runs the ruler day by day on the bundled sample data, imports and reconciles its bank files.
          parse FILE... [--format auto|ofx|cnab240|cnab400|pix] [--json]
              Reads bank files and prints every transaction and diagnostic.

        Exit codes: 0 success, 3 finished with error diagnostics, 2 usage error or unreadable file.
        """;
}

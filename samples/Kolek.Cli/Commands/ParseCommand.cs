using Kolek.Cli.CommandLine;
using Kolek.Cli.Output;
using Kolek.Reconciliation.Readers;
using Kolek.Reconciliation.Statements;
using Spectre.Console;

namespace Kolek.Cli.Commands;

/// <summary><c>kolek parse FILE... [--format F] [--json]</c>: reads bank files and prints their transactions.</summary>
public static class ParseCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandArgs args, TextWriter stdout)
    {
        args.RejectUnknown("format", "json");
        if (args.Positional.Count == 0)
        {
            throw new UsageException("kolek parse needs at least one FILE.");
        }

        var format = ParseFormat(args.Get("format") ?? "auto");
        if (args.Positional.Any(StatementFiles.IsLarge))
        {
            return RunStreaming(args, format, stdout);
        }

        var statements = args.Positional.Select(path => StatementFiles.Read(path, format)).ToList();

        if (args.Has("json"))
        {
            stdout.WriteLine(JsonOut.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("files");
                foreach (var s in statements)
                {
                    StatementJson.WriteFile(w, s);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        else
        {
            foreach (var s in statements)
            {
                Tables.Statement(s);
            }
        }

        return statements.Any(s => s.HasErrors) ? ExitCodes.Diagnostics : ExitCodes.Ok;
    }

    /// <summary>With a large file among them: large files are read as streams (OFX and CNAB in bounded memory), the JSON
    /// is written as it is read, and the table output shows a large file's totals and diagnostics, not every line.</summary>
    private static int RunStreaming(CommandArgs args, StatementFormat format, TextWriter stdout)
    {
        var errors = false;
        if (args.Has("json"))
        {
            JsonOut.WriteTo(stdout, (w, flush) =>
            {
                w.WriteStartObject();
                w.WriteStartArray("files");
                foreach (var path in args.Positional)
                {
                    errors |= StatementFiles.WithStream(path, format, s =>
                    {
                        StatementJson.WriteStreamed(w, s, flush);
                        return s.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
                    });
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            foreach (var path in args.Positional)
            {
                errors |= StatementFiles.WithStream(path, format, s =>
                {
                    var (count, credits) = (0L, 0m);
                    foreach (var t in s.Transactions)
                    {
                        count++;
                        credits += t.Kind == TransactionKind.Credit ? t.Amount : 0m;
                    }

                    stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{s.Path} — {Tables.FormatLabel(s.Format)}, {count} lançamento(s), créditos {credits:F2}, sha256 {s.Sha256[..12]}… (arquivo grande: linhas não listadas; use --json)"));
                    Tables.Diagnostics(s.Diagnostics);
                    return s.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
                });
            }
        }

        return errors ? ExitCodes.Diagnostics : ExitCodes.Ok;
    }

    /// <summary>Maps the <c>--format</c> value to a format; <c>auto</c> is <see cref="StatementFormat.Unknown"/> (detect).</summary>
    public static StatementFormat ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "auto" => StatementFormat.Unknown,
        "ofx" => StatementFormat.Ofx,
        "cnab240" => StatementFormat.Cnab240,
        "cnab400" => StatementFormat.Cnab400,
        "camt053" => StatementFormat.Camt053,
        "camt054" => StatementFormat.Camt054,
        "mt940" => StatementFormat.Mt940,
        "pix" => StatementFormat.Pix,
        "csv" => StatementFormat.Csv,
        _ => throw new UsageException($"Unknown format '{value}'. Use auto, ofx, cnab240, cnab400, camt053, camt054, mt940, pix or csv."),
    };
}

/// <summary>Opens bank files for the commands (the libraries take bytes, the host does the I/O).</summary>
public static class StatementFiles
{
    /// <summary>Reads a file from disk and parses it; an unreadable file is a usage error (exit 2).</summary>
    public static BankStatement Read(string path, StatementFormat format = StatementFormat.Unknown)
    {
        return StatementReader.Read(path, InputFile.ReadBytes(path), format);
    }

    /// <summary>From this size on, <c>kolek parse</c> reads a file as a stream instead of loading it.</summary>
    public const long LargeFileBytes = 64L * 1024 * 1024;

    /// <summary>Whether <paramref name="path"/> is an existing file of at least <see cref="LargeFileBytes"/>.</summary>
    public static bool IsLarge(string path) => File.Exists(path) && new FileInfo(path).Length >= LargeFileBytes;

    /// <summary>Opens <paramref name="path"/> and hands its streamed reading to <paramref name="use"/>; an unreadable file is a usage error.</summary>
    public static T WithStream<T>(string path, StatementFormat format, Func<StreamedStatement, T> use)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot open '{path}': {e.Message}");
        }

        using (file)
        {
            return use(StatementReader.ReadStream(path, file, new StreamReadOptions { Format = format }));
        }
    }
}

/// <summary>The process exit codes of CLI.md.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A usage error or a file that cannot be opened.</summary>
    public const int Usage = 2;

    /// <summary>Finished, with diagnostics of severity error (the output is still complete).</summary>
    public const int Diagnostics = 3;

    /// <summary>An unexpected error inside kolek (a bug): reported without a stack trace.</summary>
    public const int Unexpected = 1;
}

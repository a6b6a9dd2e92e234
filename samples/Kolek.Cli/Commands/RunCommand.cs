using System.Globalization;
using Kolek.Cli.CommandLine;
using Kolek.Cli.Demo;
using Kolek.Cli.Erp;
using Kolek.Cli.Outbox;
using Kolek.Cli.Output;
using Kolek.Cli.Storage;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;
using Spectre.Console;

namespace Kolek.Cli.Commands;

/// <summary>
/// <c>kolek run --ruler RULER.json --charges CHARGES.csv [--customers CUSTOMERS.csv] --at INSTANT --db FILE --outbox DIR
/// [--templates DIR] [--creditor-name NAME] [--creditor-cnpj CNPJ] [--creditor-email ADDRESS] [--json]</c>: carries out
/// what the ruler has due at <c>--at</c>, writing the messages to the outbox. The SQLite journal in <c>--db</c> makes it
/// idempotent: the same command again sends nothing.
/// </summary>
public static class RunCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout)
    {
        args.RejectUnknown("ruler", "charges", "customers", "at", "db", "outbox", "templates", "creditor-name", "creditor-cnpj", "creditor-email", "json");
        var json = args.Has("json");
        var rulerPath = args.Require("ruler");
        var at = args.GetInstant("at") ?? throw new UsageException("Option --at is required.");
        var dbPath = Path.GetFullPath(args.Require("db"));
        var outbox = Path.GetFullPath(args.Require("outbox"));
        var (creditor, email) = Creditor(args);
        var ruler = DunningInputs.LoadRuler(rulerPath);
        var templates = DunningInputs.LoadTemplates(args.Get("templates"));
        var problems = new InputProblems();
        var receivables = ErpReceivables.Load(args.Require("charges"), args.Get("customers"), problems);
        if (!ruler.Success)
        {
            return DunningInputs.Report(stdout, json, $"the ruler '{rulerPath}' is invalid", InputError.From(ruler));
        }

        if (!templates.Success)
        {
            return DunningInputs.Report(stdout, json, "invalid templates; nothing was sent", InputError.From(templates));
        }

        // Surface template fallbacks before sending anything, whether or not a message needs them this time.
        var warnings = TemplateWarnings(ruler.Ruler, templates.Set).Concat(UnusedTemplateFiles(args.Get("templates"), ruler.Ruler)).ToList();
        using var db = new SqliteDatabase(dbPath);
        var zone = ruler.Ruler.TimeZone ?? DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
        var runner = OutboxRunner.Create(new SqliteDunningJournal(db), receivables, outbox, templates.Set, creditor, email,
            () => at.InZone(zone).ToDateTimeOffset());
        var result = await runner.RunAsync(ruler.Ruler, at);
        warnings = [.. warnings.Concat(result.Warnings).Distinct()];
        problems.Print();
        if (json)
        {
            stdout.WriteLine(ToJson(at, dbPath, outbox, result, warnings, problems));
        }
        else
        {
            PrintTables(at, result, warnings);
        }

        return problems.ExitCode();
    }

    private static (TemplateCreditor Creditor, string Email) Creditor(CommandArgs args)
    {
        var (bundled, bundledEmail) = DemoData.LoadCreditor();
        var name = args.Get("creditor-name") ?? bundled.Name;
        var cnpj = args.Get("creditor-cnpj") ?? bundled.Cnpj;
        try
        {
            return (new TemplateCreditor(name, cnpj), args.Get("creditor-email") ?? bundledEmail);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--creditor-cnpj '{cnpj}' is not a valid CNPJ (and --creditor-name must not be empty).");
        }
    }

    /// <summary>Files of <c>--templates</c> that no step will use: not named <c>{template}.{channel}.txt</c>, or naming a
    /// (template, channel) that no step of the ruler has (a typo would otherwise silently send the built-in text).
    /// <c>generico</c> is always used, as the fallback.</summary>
    private static IEnumerable<TemplateWarning> UnusedTemplateFiles(string? folder, DunningRuler ruler)
    {
        if (folder is null)
        {
            yield break;
        }

        var used = ruler.Steps.Where(s => s.Template is not null)
            .SelectMany(s => s.Channels.Select(c => (s.Template!, c))).ToHashSet();
        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            if (!TemplateSource.TryFromFileName(file, "", out var source))
            {
                yield return new TemplateWarning("template.file_ignored",
                    $"'{file}' in the templates folder is not named {{template}}.{{channel}}.txt (e.g. atraso.whatsapp.txt); it was not loaded");
            }
            else if (source.Name != "generico" && !used.Contains((source.Name, source.Channel)))
            {
                var names = string.Join(", ", used.Select(u => $"{u.Item1}.{u.Item2}").Distinct().Order(StringComparer.Ordinal));
                yield return new TemplateWarning("template.unused",
                    $"'{file}' is used by no step of the ruler (its steps use: {names}); check the file name");
            }
        }
    }

    private static List<TemplateWarning> TemplateWarnings(DunningRuler ruler, TemplateSet templates) =>
        ruler.Steps.Where(s => s.Template is not null)
            .SelectMany(s => s.Channels.Select(c => templates.Resolve(s.Template!, c).Warning))
            .OfType<TemplateWarning>().Distinct().ToList();

    private static string ToJson(Instant at, string dbPath, string outbox, DunningRunResult result, IReadOnlyList<TemplateWarning> warnings, InputProblems problems) => JsonOut.Write(w =>
    {
        w.WriteStartObject();
        w.Instant("at", at);
        w.WriteString("db", dbPath);
        w.WriteString("outbox", outbox);
        w.Objects("sent", result.Sent, RunJson.WriteSent);
        w.Objects("skipped", result.Skipped, (w, s) =>
        {
            w.Strings("chargeIds", s.ChargeIds);
            w.WriteString("stepId", s.StepId);
            w.Text("channel", s.Channel);
            w.WriteString("reason", s.Reason);
        });
        w.Objects("failed", result.Failed, (w, f) =>
        {
            w.Strings("chargeIds", f.ChargeIds);
            w.WriteString("stepId", f.StepId);
            w.WriteString("channel", f.Channel);
            w.WriteBoolean("transient", f.Transient);
            w.WriteString("reason", f.Reason);
        });
        w.Objects("warnings", warnings, (w, warning) =>
        {
            w.WriteString("code", warning.Code);
            w.WriteString("message", warning.Message);
        });
        w.Instant("nextWakeUp", result.NextWakeUp);
        problems.Write(w);
        w.WriteEndObject();
    });

    private static void PrintTables(Instant at, DunningRunResult result, IReadOnlyList<TemplateWarning> warnings)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Execução em [bold]{at}[/]: {result.Sent.Count} enviadas, {result.Skipped.Count} ignoradas, {result.Failed.Count} falhas");
        var sent = new Table().Title("Enviadas").AddColumns("Etapa", "Canal", "Cliente", "Cobranças", "Destinatário", "Mensagem");
        foreach (var s in result.Sent)
        {
            sent.AddRow(Markup.Escape(s.StepId), Markup.Escape(s.Channel), Markup.Escape(s.CustomerId), Markup.Escape(string.Join(", ", s.ChargeIds)),
                Markup.Escape(s.Recipient), Markup.Escape(s.MessageId));
        }

        AnsiConsole.Write(sent);
        var other = new Table().Title("Ignoradas e falhas").AddColumns("Etapa", "Canal", "Cobranças", "Situação", "Motivo");
        foreach (var s in result.Skipped)
        {
            other.AddRow(Markup.Escape(s.StepId), Markup.Escape(s.Channel ?? ""), Markup.Escape(string.Join(", ", s.ChargeIds)), "ignorada", Markup.Escape(s.Reason));
        }

        foreach (var f in result.Failed)
        {
            other.AddRow(Markup.Escape(f.StepId), Markup.Escape(f.Channel), Markup.Escape(string.Join(", ", f.ChargeIds)),
                f.Transient ? "falha temporária" : "falha", Markup.Escape(f.Reason));
        }

        AnsiConsole.Write(other);
        foreach (var w in warnings)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]aviso[/] {w.Code}: {w.Message}");
        }
    }
}

using System.Globalization;
using Kolek.Cli.CommandLine;
using Kolek.Cli.Erp;
using Kolek.Cli.Outbox;
using Kolek.Cli.Output;
using Kolek.Dunning.Planning;
using NodaTime.Text;
using Spectre.Console;

namespace Kolek.Cli.Commands;

/// <summary>
/// <c>kolek preview --ruler RULER.json --charges CHARGES.csv [--customers CUSTOMERS.csv] --from yyyy-MM-dd --days N [--json]</c>:
/// the timeline of the steps the ruler will carry out for the exported charges over the days <c>[from, from + N)</c>,
/// and the steps that will be skipped. Pure: nothing is sent or stored.
/// </summary>
public static class PreviewCommand
{
    private static readonly LocalDateTimePattern s_local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandArgs args, TextWriter stdout)
    {
        args.RejectUnknown("ruler", "charges", "customers", "from", "days", "json");
        var json = args.Has("json");
        var ruler = DunningInputs.LoadRuler(args.Require("ruler"));
        var from = args.GetDate("from") ?? throw new UsageException("Option --from is required.");
        var days = args.GetInt("days", 0, 3660) ?? throw new UsageException("Option --days is required.");
        if (from.Year is < 1900 or > 2999)
        {
            throw new UsageException($"--from {NodaTime.Text.LocalDatePattern.Iso.Format(from)} is outside the supported years 1900-2999.");
        }
        var problems = new InputProblems();
        var receivables = ErpReceivables.Load(args.Require("charges"), args.Get("customers"), problems);
        if (!ruler.Success)
        {
            return DunningInputs.Report(stdout, json, $"the ruler '{args.Require("ruler")}' is invalid", InputError.From(ruler));
        }

        var preview = OutboxRunner.Planner().Preview(receivables.Charges, ruler.Ruler, from, days);
        problems.Print();
        if (json)
        {
            stdout.WriteLine(ToJson(preview, problems));
        }
        else
        {
            PrintTables(preview);
        }

        return problems.ExitCode();
    }

    private static string ToJson(DunningPreview preview, InputProblems problems) => JsonOut.Write(w =>
    {
        w.WriteStartObject();
        w.Objects("events", preview.Events, (w, e) =>
        {
            w.Strings("chargeIds", e.ChargeIds);
            w.WriteString("customerId", e.CustomerId);
            w.WriteString("stepId", e.StepId);
            w.WriteString("local", s_local.Format(e.Local));
            w.WriteString("zone", e.Zone.Id);
            w.Instant("instant", e.Instant);
            w.Strings("channels", e.Channels);
            w.Money("amountDue", e.AmountDue);
            w.WriteString("reason", e.Reason);
            w.Text("template", e.Template);
            w.Text("action", e.ActionName);
        });
        w.Objects("skipped", preview.Skipped, (w, s) =>
        {
            w.WriteString("chargeId", s.ChargeId);
            w.WriteString("customerId", s.CustomerId);
            w.WriteString("stepId", s.StepId);
            w.WriteString("cause", SkipCauseName(s.Cause));
            w.WriteString("reason", s.Reason);
        });
        problems.Write(w);
        w.WriteEndObject();
    });

    private static void PrintTables(DunningPreview preview)
    {
        var events = new Table().Title("Próximos envios").AddColumns("Quando", "Cliente", "Etapa", "Cobranças", "Canais", "Valor devido");
        foreach (var e in preview.Events)
        {
            events.AddRow(
                Markup.Escape($"{e.Local.ToString("ddd dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("pt-BR"))} ({e.Zone.Id})"),
                Markup.Escape(e.CustomerId), Markup.Escape(e.StepId), Markup.Escape(string.Join(", ", e.ChargeIds)),
                Markup.Escape(e.ActionName ?? string.Join(", ", e.Channels)), Tables.Brl(e.AmountDue));
        }

        AnsiConsole.Write(events);
        var skipped = new Table().Title("Etapas que não serão executadas").AddColumns("Cobrança", "Etapa", "Motivo");
        foreach (var s in preview.Skipped)
        {
            skipped.AddRow(Markup.Escape(s.ChargeId), Markup.Escape(s.StepId), Markup.Escape(s.Reason));
        }

        AnsiConsole.Write(skipped);
    }

    /// <summary>The kebab-case name of a skip cause (<c>charge-paid</c>, <c>opted-out</c>…).</summary>
    private static string SkipCauseName(SkipCause cause) =>
        string.Concat(cause.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

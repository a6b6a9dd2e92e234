using System.Globalization;
using Kolek.Cli.CommandLine;
using Kolek.Cli.Output;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Templates;

namespace Kolek.Cli.Commands;

/// <summary>One problem of an input file the command cannot act on (an invalid ruler or template).</summary>
/// <param name="Code">A stable code, e.g. <c>ruler.step.duplicate_id</c>.</param>
/// <param name="Path">Where: a JSON path in a ruler, <c>file:line:column</c> in a template.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record InputError(string Code, string Path, string Message)
{
    /// <summary>Every error of a ruler that did not parse.</summary>
    public static IReadOnlyList<InputError> From(RulerParseResult ruler) =>
        ruler.Errors.Select(e => new InputError(e.Code, e.Path, e.Message)).ToList();

    /// <summary>A CSV row or file the command cannot use: code <c>input.csv</c>, path <c>file:line [column]</c>.</summary>
    public static InputError From(Erp.CsvException e) => new("input.csv",
        string.Create(CultureInfo.InvariantCulture, $"{e.PathName}:{e.Line}") + (e.Column is null ? "" : $" [{e.Column}]"), e.Message);

    /// <summary>Every error of the user templates that did not load.</summary>
    public static IReadOnlyList<InputError> From(TemplateSetLoadResult templates) =>
        templates.Failures.SelectMany(f => f.Errors.Select(e => new InputError(e.Code,
            e.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{f.Origin}:{e.Line}:{e.Column}") : f.Origin, e.Message))).ToList();
}

/// <summary>Reads the ruler and template files of the dunning commands, and reports their errors.</summary>
public static class DunningInputs
{
    /// <summary>Reads and validates <c>RULER.json</c> against the outbox's channels; an unreadable file is a usage error.</summary>
    public static RulerParseResult LoadRuler(string path) =>
        RulerJson.Parse(InputFile.ReadText(path), Outbox.OutboxRunner.ChannelNames);

    /// <summary>The built-in templates plus the <c>{template}.{channel}.txt</c> files of <paramref name="folder"/>, if given.</summary>
    public static TemplateSetLoadResult LoadTemplates(string? folder)
    {
        if (folder is null)
        {
            return new TemplateSetLoadResult(TemplateSet.BuiltIn, []);
        }

        if (!Directory.Exists(folder))
        {
            throw new UsageException($"Cannot open template folder '{folder}'.");
        }

        var sources = new List<TemplateSource>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            if (TemplateSource.TryFromFileName(Path.GetFileName(file), InputFile.ReadText(file), out var source))
            {
                sources.Add(source);
            }
        }

        return TemplateSet.BuiltIn.WithSources(sources);
    }

    /// <summary>
    /// Prints every error (to stderr as <c>code at path: message</c>; with <c>--json</c> also as
    /// <c>{ "errors": [ { code, path, message } ] }</c> on stdout) and returns the usage exit code.
    /// </summary>
    public static int Report(TextWriter stdout, bool json, string what, IReadOnlyList<InputError> errors)
    {
        Console.Error.WriteLine($"kolek: {what}:");
        foreach (var e in errors)
        {
            Console.Error.WriteLine($"  {e.Code} at '{e.Path}': {e.Message}");
        }

        if (json)
        {
            stdout.WriteLine(JsonOut.Write(w =>
            {
                w.WriteStartObject();
                w.Objects("errors", errors, (w, e) =>
                {
                    w.WriteString("code", e.Code);
                    w.WriteString("path", e.Path);
                    w.WriteString("message", e.Message);
                });
                w.WriteEndObject();
            }));
        }

        return ExitCodes.Usage;
    }
}

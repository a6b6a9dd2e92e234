using System.Globalization;
using System.Text.Json;
using Kolek.Cli.Erp;
using Kolek.Cli.Output;

namespace Kolek.Cli.Commands;

/// <summary>
/// What was wrong in the ERP export files (CHARGES.csv, CUSTOMERS.csv, ITEMS.csv) without stopping the command: rejected
/// rows (errors: the command ran without them and exits 3) and warnings. Printed to stderr, and with <c>--json</c> written
/// into the command's document as <c>inputErrors</c> and <c>inputWarnings</c> (<c>{ code, path, message }</c>).
/// </summary>
public sealed class InputProblems
{
    private readonly List<InputError> _errors = [];
    private readonly List<InputError> _warnings = [];

    /// <summary>The rejected rows, in the order read.</summary>
    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>The warnings, in the order found.</summary>
    public IReadOnlyList<InputError> Warnings => _warnings;

    /// <summary>The exit code of a command that otherwise ended with <paramref name="otherwise"/>: 3 when rows were rejected.</summary>
    public int ExitCode(int otherwise = ExitCodes.Ok) => _errors.Count > 0 && otherwise == ExitCodes.Ok ? ExitCodes.Diagnostics : otherwise;

    /// <summary>The rows read; the rejected ones are recorded as errors.</summary>
    public IReadOnlyList<T> Take<T>(ErpRows<T> rows)
    {
        _errors.AddRange(rows.Rejected.Select(InputError.From));
        if (rows.NotUtf8 is { } notUtf8)
        {
            _warnings.Add(InputError.From(notUtf8) with { Code = "input.encoding" });
        }

        return rows.Rows;
    }

    /// <summary>Records a warning.</summary>
    public void Warn(string code, string path, string message) => _warnings.Add(new InputError(code, path, message));

    /// <summary>Prints every problem to stderr (<c>error|warning code at 'path': message</c>).</summary>
    public void Print()
    {
        foreach (var (severity, list) in new[] { ("error", _errors), ("warning", _warnings) })
        {
            foreach (var e in list)
            {
                Console.Error.WriteLine($"kolek: {severity} {e.Code} at '{e.Path}': {e.Message}");
            }
        }
    }

    /// <summary>Writes <c>inputErrors</c> and <c>inputWarnings</c> into the object being written.</summary>
    public void Write(Utf8JsonWriter w)
    {
        foreach (var (name, list) in new[] { ("inputErrors", _errors), ("inputWarnings", _warnings) })
        {
            w.Objects(name, list, (w, e) =>
            {
                w.WriteString("code", e.Code);
                w.WriteString("path", e.Path);
                w.WriteString("message", e.Message);
            });
        }
    }
}

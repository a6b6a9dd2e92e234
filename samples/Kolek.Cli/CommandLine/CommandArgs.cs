using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Cli.CommandLine;

/// <summary>The arguments of one command: positional values, <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _withoutValue = new(StringComparer.Ordinal);

    private CommandArgs(IReadOnlyList<string> positional) => Positional = positional;

    /// <summary>Values that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> names the options that take no value.</summary>
    public static CommandArgs Parse(IEnumerable<string> args, params string[] flags)
    {
        var positional = new List<string>();
        var result = new CommandArgs(positional);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                positional.Add(a);
                continue;
            }

            var name = a[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                if (flags.Contains(name[..eq]))
                {
                    throw new UsageException($"Option --{name[..eq]} takes no value (write --{name[..eq]}).");
                }

                result.Add(name[..eq], name[(eq + 1)..]);
            }
            else if (flags.Contains(name))
            {
                result._flags.Add(name);
            }
            else if (e.MoveNext())
            {
                result.Add(name, e.Current);
            }
            else
            {
                result._withoutValue.Add(name); // reported by RejectUnknown: as unknown if it is, else as lacking its value
            }
        }

        return result;
    }

    /// <summary>Whether the switch was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>The value of an option, or null.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    /// <summary>The value of a required option.</summary>
    public string Require(string name) => Get(name) ?? throw new UsageException($"Option --{name} is required.");

    /// <summary>The value of a date option (<c>yyyy-MM-dd</c>), or null.</summary>
    public LocalDate? GetDate(string name) => Get(name) is not { } text ? null
        : LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value
        : throw new UsageException($"--{name} '{text}' is not a date like 2026-12-03.");

    /// <summary>The value of an instant option (ISO-8601 with <c>Z</c> or an offset, e.g. <c>2026-12-03T13:00:00-03:00</c>), or null.</summary>
    public Instant? GetInstant(string name) => Get(name) is not { } text ? null
        : InstantPattern.ExtendedIso.Parse(text) is { Success: true } i ? i.Value
        : OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } o ? o.Value.ToInstant()
        : throw new UsageException($"--{name} '{text}' is not an instant like 2026-12-03T16:00:00Z or 2026-12-03T13:00:00-03:00.");

    /// <summary>The value of a whole-number option within [<paramref name="min"/>, <paramref name="max"/>], or null.</summary>
    public int? GetInt(string name, int min, int max) => Get(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw new UsageException($"--{name} '{text}' is not a whole number from {min} to {max}.");

    /// <summary>Throws a usage error if an option outside <paramref name="known"/> was given, or a known one lacks its value.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var name in _options.Keys.Concat(_flags).Concat(_withoutValue))
        {
            if (!known.Contains(name))
            {
                throw new UsageException($"Unknown option --{name}.");
            }
        }

        if (_withoutValue.FirstOrDefault() is { } missing)
        {
            throw new UsageException($"Option --{missing} needs a value.");
        }
    }

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var list))
        {
            _options[name] = list = [];
        }

        list.Add(value);
    }
}

/// <summary>A command line the program cannot act on (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

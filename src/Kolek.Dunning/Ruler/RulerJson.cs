using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Kolek.Dunning.LateCharges;
using NodaTime;

namespace Kolek.Dunning.Ruler;

/// <summary>Reads a ruler from its JSON form (<c>RULER.json</c>, documented in <c>docs/ruler.md</c> and <c>docs/ruler.schema.json</c>).</summary>
/// <remarks>
/// Parsing never throws for bad input: it reports every structural error and every validation error at once.
/// Comments and trailing commas are accepted. This type is stateless and thread-safe.
/// </remarks>
public static class RulerJson
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly FrozenSet<string> s_rulerProperties = FrozenSet.Create(StringComparer.Ordinal,
        "id", "name", "timeZone", "sendWindows", "catchUp", "consolidate", "lateCharges", "frequencyCaps", "steps");

    private static readonly FrozenSet<string> s_stepProperties = FrozenSet.Create(StringComparer.Ordinal,
        "id", "anchor", "offsetDays", "days", "channels", "fallback", "template", "tone", "action", "requiresNotice", "noticeDays", "when");

    /// <summary>Parses and validates a ruler.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="knownChannels">When given, the channel names the host can send through; other names are errors.</param>
    /// <returns>The ruler, or every error found (<see cref="RulerErrorCodes"/>).</returns>
    public static RulerParseResult Parse(string json, IReadOnlySet<string>? knownChannels = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Document(json, out var malformed) is not { } document)
        {
            return RulerParseResult.Failed([malformed!]);
        }

        using (document)
        {
            var reader = new Reader();
            var ruler = reader.ReadRuler(document.RootElement);
            var errors = reader.Errors;
            if (ruler is not null)
            {
                errors.AddRange(ruler.Validate(knownChannels));
            }

            return errors.Count == 0 && ruler is not null ? RulerParseResult.Ok(ruler) : RulerParseResult.Failed(errors);
        }
    }

    /// <summary>Parses and validates a ruler book: several rulers and how each charge's ruler is chosen.</summary>
    /// <param name="json">
    /// The JSON text: <c>{ "rulers": [ ruler, … ], "select": [ { "segments": [ … ], "chargeTypes": [ … ], "ruler": "id" } ], "default": "id" }</c>,
    /// or a single ruler, which becomes a book of one.
    /// </param>
    /// <param name="knownChannels">When given, the channel names the host can send through; other names are errors.</param>
    /// <returns>The book, or every error found (ruler errors have their path prefixed with <c>rulers[i].</c>).</returns>
    public static RulerBookParseResult ParseBook(string json, IReadOnlySet<string>? knownChannels = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Document(json, out var malformed) is not { } document)
        {
            return RulerBookParseResult.Failed([malformed!]);
        }

        using (document)
        {
            var root = document.RootElement;
            var reader = new Reader();
            RulerBook? book;
            if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("rulers", out _))
            {
                var single = reader.ReadRuler(root);
                book = single is null ? null : RulerBook.Of(single);
            }
            else
            {
                book = reader.ReadBook(root);
            }

            var errors = reader.Errors;
            if (book is not null)
            {
                errors.AddRange(book.Validate(knownChannels));
            }

            return errors.Count == 0 && book is not null ? RulerBookParseResult.Ok(book) : RulerBookParseResult.Failed(errors);
        }
    }

    private static JsonDocument? Document(string json, out RulerValidationError? malformed)
    {
        try
        {
            malformed = null;
            return JsonDocument.Parse(json, s_options);
        }
        catch (JsonException ex)
        {
            malformed = new RulerValidationError(RulerErrorCodes.JsonMalformed, "",
                Inv($"Not well-formed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}"));
            return null;
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private delegate bool ValueReader<T>(JsonElement value, out T result);

    private sealed class Reader
    {
        private string _prefix = "";

        public List<RulerValidationError> Errors { get; } = [];

        public RulerBook? ReadBook(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Type("", "an object");
                return null;
            }

            CheckProperties(root, "", FrozenSet.Create(StringComparer.Ordinal, "rulers", "select", "default"));
            var rulers = new List<DunningRuler>();
            if (root.TryGetProperty("rulers", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var element in array.EnumerateArray())
                {
                    _prefix = Inv($"rulers[{i++}].");
                    if (ReadRuler(element) is { } ruler)
                    {
                        rulers.Add(ruler);
                    }
                }

                _prefix = "";
            }
            else
            {
                Type("rulers", "an array of rulers");
            }

            var rules = Objects(root, "select", (element, path) =>
            {
                CheckProperties(element, path, FrozenSet.Create(StringComparer.Ordinal, "segments", "chargeTypes", "ruler"));
                return new RulerSelection(String(element, "ruler", path + ".") ?? "")
                {
                    Segments = Strings(element, "segments", path + "."),
                    ChargeTypes = Strings(element, "chargeTypes", path + "."),
                };
            });

            var fallback = String(root, "default", "");
            if (fallback is null && rulers.Count == 1)
            {
                fallback = rulers[0].Id;
            }

            return new RulerBook { Rulers = rulers, Rules = rules, DefaultRulerId = fallback ?? "" };
        }

        public DunningRuler? ReadRuler(JsonElement root)
        {
            var start = Errors.Count;
            var ruler = ReadRulerCore(root);
            for (var i = start; i < Errors.Count && _prefix.Length > 0; i++)
            {
                Errors[i] = Errors[i] with { Path = _prefix + Errors[i].Path };
            }

            return ruler;
        }

        private DunningRuler? ReadRulerCore(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Type("", "an object");
                return null;
            }

            CheckProperties(root, "", s_rulerProperties);
            return new DunningRuler
            {
                Id = String(root, "id", "") ?? "",
                Name = String(root, "name", ""),
                TimeZone = Zone(root),
                SendWindows = Windows(root),
                CatchUp = CatchUp(root),
                Consolidate = Enum(root, "consolidate", "", Consolidation.Charge, ("charge", Consolidation.Charge), ("customer-day", Consolidation.CustomerDay)),
                LateCharges = Terms(root),
                FrequencyCaps = Caps(root),
                Steps = Steps(root),
            };
        }

        private DateTimeZone? Zone(JsonElement root)
        {
            var id = String(root, "timeZone", "");
            if (id is null)
            {
                return null;
            }

            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
            if (zone is null)
            {
                Errors.Add(new(RulerErrorCodes.TimeZoneUnknown, "timeZone", $"'{id}' is not a time zone id of the TZDB (e.g. \"America/Sao_Paulo\")."));
            }

            return zone;
        }

        private SendWindows Windows(JsonElement root)
        {
            if (!Object(root, "sendWindows", "", out var element))
            {
                return SendWindows.Default;
            }

            CheckProperties(element, "sendWindows", FrozenSet.Create(StringComparer.Ordinal, "weekdays", "saturday", "sunday", "holidays"));
            var d = SendWindows.Default;
            return new SendWindows
            {
                Weekdays = Window(element, "weekdays", d.Weekdays),
                Saturday = Window(element, "saturday", d.Saturday),
                Sunday = Window(element, "sunday", d.Sunday),
                Holidays = Window(element, "holidays", d.Holidays),
            };
        }

        private SendWindow? Window(JsonElement parent, string name, SendWindow? fallback)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                return fallback;
            }

            var path = "sendWindows." + name;
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Type(path, "a string \"HH:mm-HH:mm\" or null");
                return fallback;
            }

            if (SendWindow.TryParse(value.GetString(), out var window))
            {
                return window;
            }

            Errors.Add(new(RulerErrorCodes.WindowInvalid, path, $"'{value.GetString()}' is not a send window; expected \"HH:mm-HH:mm\" (e.g. \"08:00-20:00\"), start and end different."));
            return fallback;
        }

        private CatchUpPolicy? CatchUp(JsonElement root)
        {
            if (!root.TryGetProperty("catchUp", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            (string, CatchUpMode)[] modes = [("latest", CatchUpMode.Latest), ("all", CatchUpMode.All), ("skip", CatchUpMode.Skip)];
            if (value.ValueKind == JsonValueKind.String)
            {
                return new CatchUpPolicy(Enum(root, "catchUp", "", CatchUpMode.Latest, modes));
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Type("catchUp", "a string or an object");
                return null;
            }

            CheckProperties(value, "catchUp", FrozenSet.Create(StringComparer.Ordinal, "mode", "stalenessLimitDays"));
            return new CatchUpPolicy(
                Enum(value, "mode", "catchUp.", CatchUpMode.Latest, modes),
                Int(value, "stalenessLimitDays", "catchUp.") ?? CatchUpPolicy.DefaultStalenessLimitDays);
        }

        private LateChargeTerms Terms(JsonElement root)
        {
            if (!Object(root, "lateCharges", "", out var element))
            {
                return LateChargeTerms.None;
            }

            CheckProperties(element, "lateCharges", FrozenSet.Create(StringComparer.Ordinal, "finePercent", "interestPercentPerMonth", "earlyPayment"));
            return new LateChargeTerms
            {
                FinePercent = Decimal(element, "finePercent", "lateCharges.") ?? 0m,
                InterestPercentPerMonth = Decimal(element, "interestPercentPerMonth", "lateCharges.") ?? 0m,
                EarlyPayment = EarlyPayment(element),
            };
        }

        private EarlyPaymentDiscount? EarlyPayment(JsonElement terms)
        {
            if (!Object(terms, "earlyPayment", "lateCharges.", out var element))
            {
                return null;
            }

            const string Path = "lateCharges.earlyPayment";
            CheckProperties(element, Path, FrozenSet.Create(StringComparer.Ordinal, "discountPercent", "daysBeforeDue"));
            var percent = Decimal(element, "discountPercent", Path + ".");
            if (percent is null && !element.TryGetProperty("discountPercent", out _))
            {
                Errors.Add(new(RulerErrorCodes.FieldType, Path + ".discountPercent", "Expected a number: the discount in percent."));
            }

            return new EarlyPaymentDiscount(percent ?? 0m, Int(element, "daysBeforeDue", Path + ".") ?? 0);
        }

        private List<FrequencyCap> Caps(JsonElement root) => Objects(root, "frequencyCaps", (element, path) =>
        {
            CheckProperties(element, path, FrozenSet.Create(StringComparer.Ordinal, "max", "per", "channel"));
            var max = Int(element, "max", path + ".");
            if (max is null && !element.TryGetProperty("max", out _))
            {
                Errors.Add(new(RulerErrorCodes.FieldType, path + ".max", "Expected an integer: the most messages allowed in the period."));
            }

            var channel = String(element, "channel", path + ".")?.Trim().ToLowerInvariant();
            return new FrequencyCap(max ?? 0, Enum(element, "per", path + ".", FrequencyPeriod.Day, ("day", FrequencyPeriod.Day), ("week", FrequencyPeriod.Week)), channel);
        });

        /// <summary>Reads an optional array of objects; a wrong type is an error and an element that is not an object is skipped with one.</summary>
        private List<T> Objects<T>(JsonElement parent, string name, Func<JsonElement, string, T> read)
        {
            var list = new List<T>();
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                return list;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Type(name, "an array");
                return list;
            }

            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = Inv($"{name}[{i++}]");
                if (element.ValueKind != JsonValueKind.Object)
                {
                    Type(path, "an object");
                    continue;
                }

                list.Add(read(element, path));
            }

            return list;
        }

        private StepConditions Conditions(JsonElement step, string prefix)
        {
            if (!Object(step, "when", prefix, out var element))
            {
                return StepConditions.None;
            }

            var path = prefix + "when";
            CheckProperties(element, path, FrozenSet.Create(StringComparer.Ordinal, "minAmount", "maxAmount", "segments", "customer", "unpaidOnly"));
            var p = path + ".";
            return new StepConditions
            {
                MinAmount = Decimal(element, "minAmount", p),
                MaxAmount = Decimal(element, "maxAmount", p),
                Segments = Strings(element, "segments", p),
                Customer = element.TryGetProperty("customer", out var c) && c.ValueKind != JsonValueKind.Null
                    ? Enum(element, "customer", p, CustomerKind.Consumer, ("consumer", CustomerKind.Consumer), ("business", CustomerKind.Business))
                    : null,
                UnpaidOnly = Bool(element, "unpaidOnly", p) ?? false,
            };
        }

        private List<RulerStep> Steps(JsonElement root) => Objects(root, "steps", Step);

        private RulerStep Step(JsonElement element, string path)
        {
            CheckProperties(element, path, s_stepProperties);
            var prefix = path + ".";
            var actionName = String(element, "action", prefix)?.Trim().ToLowerInvariant();
            var action = actionName is null ? StepActionKind.Message : ActionNames.Parse(actionName);
            return new RulerStep
            {
                Id = String(element, "id", prefix) ?? "",
                Anchor = Enum(element, "anchor", prefix, StepAnchor.Due, ("due", StepAnchor.Due), ("issue", StepAnchor.Issue)),
                OffsetDays = Int(element, "offsetDays", prefix) ?? 0,
                Days = Enum(element, "days", prefix, DayCounting.Calendar, ("calendar", DayCounting.Calendar), ("business", DayCounting.Business)),
                Channels = Channels(element, prefix),
                Fallback = Bool(element, "fallback", prefix) ?? false,
                Template = String(element, "template", prefix),
                Tone = String(element, "tone", prefix),
                Action = action,
                ActionName = action == StepActionKind.Message ? null : actionName,
                RequiresNotice = String(element, "requiresNotice", prefix),
                NoticeDays = Int(element, "noticeDays", prefix) ?? RulerStep.DefaultNoticeDays,
                When = Conditions(element, prefix),
            };
        }

        private string[] Channels(JsonElement step, string prefix) =>
            [.. Strings(step, "channels", prefix).Select(c => c.Trim().ToLowerInvariant())];

        private string[] Strings(JsonElement parent, string name, string prefix)
        {
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Type(prefix + name, "an array of strings");
                return [];
            }

            var list = new List<string>();
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    list.Add(item.GetString()!);
                }
                else
                {
                    Type(Inv($"{prefix}{name}[{i}]"), "a string");
                }

                i++;
            }

            return [.. list];
        }

        private void CheckProperties(JsonElement element, string path, FrozenSet<string> known)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                if (!known.Contains(name) && name != "description" && !name.StartsWith('$') && !name.StartsWith("x-", StringComparison.Ordinal))
                {
                    Errors.Add(new(RulerErrorCodes.FieldUnknown, Join(path, name),
                        $"Unknown property '{name}' (expected one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}; use \"x-…\" for your own data)."));
                }
            }
        }

        private bool Object(JsonElement parent, string name, string prefix, out JsonElement element)
        {
            if (!parent.TryGetProperty(name, out element) || element.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Type(prefix + name, "an object");
            return false;
        }

        private string? String(JsonElement parent, string name, string prefix) =>
            TryRead(parent, name, prefix, "a string", static (JsonElement v, out string text) =>
            {
                text = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                return v.ValueKind == JsonValueKind.String;
            }, out var result) ? result : null;

        private int? Int(JsonElement parent, string name, string prefix) =>
            TryRead(parent, name, prefix, "an integer", static (JsonElement v, out int number) =>
            {
                number = 0;
                return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out number);
            }, out var result) ? result : null;

        private decimal? Decimal(JsonElement parent, string name, string prefix) =>
            TryRead(parent, name, prefix, "a number", static (JsonElement v, out decimal number) =>
            {
                number = 0m;
                return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out number);
            }, out var result) ? result : null;

        private bool? Bool(JsonElement parent, string name, string prefix) =>
            TryRead(parent, name, prefix, "true or false", static (JsonElement v, out bool flag) =>
            {
                flag = v.ValueKind == JsonValueKind.True;
                return v.ValueKind is JsonValueKind.True or JsonValueKind.False;
            }, out var result) ? result : null;

        /// <summary>Reads an optional property: absent or null gives false without error; a wrong type gives false with an error.</summary>
        private bool TryRead<T>(JsonElement parent, string name, string prefix, string expected, ValueReader<T> read, out T result)
        {
            result = default!;
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            if (read(value, out result))
            {
                return true;
            }

            Type(Join(prefix, name), expected);
            return false;
        }

        private T Enum<T>(JsonElement parent, string name, string prefix, T fallback, params (string Name, T Value)[] values)
        {
            var text = String(parent, name, prefix);
            if (text is null)
            {
                return fallback;
            }

            foreach (var (n, v) in values)
            {
                if (string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return v;
                }
            }

            Errors.Add(new(RulerErrorCodes.FieldValue, Join(prefix, name),
                $"'{text}' is not allowed here; expected one of: {string.Join(", ", values.Select(x => x.Name))}."));
            return fallback;
        }

        private void Type(string path, string expected) =>
            Errors.Add(new(RulerErrorCodes.FieldType, path, $"Expected {expected}."));

        private static string Join(string prefix, string name) =>
            prefix.Length == 0 ? name : prefix.EndsWith('.') ? prefix + name : prefix + "." + name;
    }
}

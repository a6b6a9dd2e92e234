using System.Globalization;
using Kolek.Dunning.Charges;

namespace Kolek.Dunning.Ruler;

/// <summary>Several rulers of one host, and how the ruler of a charge is chosen: by customer segment or charge type.</summary>
/// <remarks>
/// <see cref="Select"/> takes the first rule (in order) that matches the charge, else the <see cref="DefaultRulerId"/> ruler,
/// so every charge has exactly one ruler. Read one from JSON with <see cref="RulerJson.ParseBook"/>. Instances are immutable
/// and thread-safe.
/// </remarks>
public sealed record RulerBook
{
    /// <summary>The rulers; ids unique.</summary>
    public required IReadOnlyList<DunningRuler> Rulers { get; init; }

    /// <summary>The selection rules, tried in order.</summary>
    /// <value>The default value is the empty list (every charge gets the default ruler).</value>
    public IReadOnlyList<RulerSelection> Rules { get; init; } = [];

    /// <summary>The id of the ruler of charges no rule selects.</summary>
    public required string DefaultRulerId { get; init; }

    /// <summary>A book of one ruler, which every charge gets.</summary>
    /// <param name="ruler">The ruler.</param>
    /// <returns>The book.</returns>
    public static RulerBook Of(DunningRuler ruler)
    {
        ArgumentNullException.ThrowIfNull(ruler);
        return new RulerBook { Rulers = [ruler], DefaultRulerId = ruler.Id };
    }

    /// <summary>The ruler of <paramref name="charge"/> of <paramref name="customer"/>.</summary>
    /// <param name="charge">The charge.</param>
    /// <param name="customer">Its customer.</param>
    /// <returns>The ruler of the first matching rule, else the default ruler.</returns>
    /// <exception cref="InvalidOperationException">The book is invalid (a rule or the default names no ruler).</exception>
    public DunningRuler Select(Charge charge, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(customer);
        foreach (var rule in Rules)
        {
            if (rule.Matches(charge, customer))
            {
                return Find(rule.RulerId);
            }
        }

        return Find(DefaultRulerId);
    }

    /// <summary>The ruler with the given id, or <see langword="null"/>.</summary>
    /// <param name="rulerId">The ruler id.</param>
    /// <returns>The first ruler with that id.</returns>
    public DunningRuler? FindRuler(string rulerId)
    {
        foreach (var ruler in Rulers)
        {
            if (string.Equals(ruler.Id, rulerId, StringComparison.Ordinal))
            {
                return ruler;
            }
        }

        return null;
    }

    /// <summary>Checks every ruler and the selection rules; returns every problem found (empty when valid).</summary>
    /// <param name="knownChannels">When given, the channel names the host can send through.</param>
    /// <returns>The errors, with stable codes; ruler errors have their path prefixed with <c>rulers[i].</c>.</returns>
    public IReadOnlyList<RulerValidationError> Validate(IReadOnlySet<string>? knownChannels = null)
    {
        var errors = new List<RulerValidationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (Rulers.Count == 0)
        {
            errors.Add(new(RulerErrorCodes.BookEmpty, "rulers", "The book has no ruler."));
        }

        for (var i = 0; i < Rulers.Count; i++)
        {
            var prefix = Inv($"rulers[{i}]");
            errors.AddRange(Rulers[i].Validate(knownChannels).Select(e => e with { Path = prefix + "." + e.Path }));
            if (!string.IsNullOrEmpty(Rulers[i].Id) && !seen.Add(Rulers[i].Id))
            {
                errors.Add(new(RulerErrorCodes.BookDuplicateRuler, prefix + ".id", $"Two rulers have the id '{Rulers[i].Id}'."));
            }
        }

        if (!seen.Contains(DefaultRulerId))
        {
            errors.Add(new(RulerErrorCodes.BookRulerUnknown, "default", $"The default ruler '{DefaultRulerId}' is not in the book."));
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var path = Inv($"select[{i}]");
            if (!seen.Contains(rule.RulerId))
            {
                errors.Add(new(RulerErrorCodes.BookRulerUnknown, path + ".ruler", $"No ruler of the book has the id '{rule.RulerId}'."));
            }

            if (rule.Segments.Count == 0 && rule.ChargeTypes.Count == 0)
            {
                errors.Add(new(RulerErrorCodes.BookRuleEmpty, path, "A selection rule needs segments or chargeTypes (the default ruler covers every other charge)."));
            }
        }

        return errors;
    }

    private DunningRuler Find(string id) =>
        FindRuler(id) ?? throw new InvalidOperationException($"The ruler book names the ruler '{id}', which it does not hold; check it with Validate.");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A rule of a <see cref="RulerBook"/>: charges of these customer segments and/or charge types get this ruler.</summary>
/// <remarks>
/// Segments and types compare without regard to case. When both lists are given, both must match. Instances are immutable
/// and thread-safe.
/// </remarks>
/// <param name="RulerId">The id of the ruler chosen.</param>
public sealed record RulerSelection(string RulerId)
{
    /// <summary>The customer segments selected (<see cref="Customer.Segment"/>); empty for any.</summary>
    /// <value>The default value is the empty list.</value>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>The charge types selected (<see cref="Charge.Type"/>); empty for any.</summary>
    /// <value>The default value is the empty list.</value>
    public IReadOnlyList<string> ChargeTypes { get; init; } = [];

    /// <summary>Whether the rule selects <paramref name="charge"/> of <paramref name="customer"/>.</summary>
    /// <param name="charge">The charge.</param>
    /// <param name="customer">Its customer.</param>
    /// <returns><see langword="true"/> when every list given contains the charge's value.</returns>
    public bool Matches(Charge charge, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(customer);
        return (Segments.Count > 0 || ChargeTypes.Count > 0)
            && (Segments.Count == 0 || Contains(Segments, customer.Segment))
            && (ChargeTypes.Count == 0 || Contains(ChargeTypes, charge.Type));
    }

    private static bool Contains(IReadOnlyList<string> values, string? value) =>
        value is not null && values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
}

namespace Kolek.Dunning.Ruler;

/// <summary>The JSON names of the built-in escalation actions.</summary>
public static class ActionNames
{
    /// <summary>Protest at a notary's office (<see cref="StepActionKind.Protest"/>).</summary>
    public const string Protest = "protest";

    /// <summary>Credit-bureau report (<see cref="StepActionKind.CreditBureau"/>).</summary>
    public const string CreditBureau = "credit-bureau";

    /// <summary>Service suspension (<see cref="StepActionKind.Suspension"/>).</summary>
    public const string Suspension = "suspension";

    /// <summary>The JSON name of a built-in action.</summary>
    /// <param name="kind">The action kind.</param>
    /// <returns>The name, or <see langword="null"/> for <see cref="StepActionKind.Message"/> and <see cref="StepActionKind.Custom"/>.</returns>
    public static string? Of(StepActionKind kind) => kind switch
    {
        StepActionKind.Protest => Protest,
        StepActionKind.CreditBureau => CreditBureau,
        StepActionKind.Suspension => Suspension,
        _ => null,
    };

    /// <summary>The kind named by <paramref name="name"/>: a built-in escalation, else <see cref="StepActionKind.Custom"/>.</summary>
    /// <param name="name">The JSON name; <c>"message"</c> is a message step.</param>
    /// <returns>The kind.</returns>
    public static StepActionKind Parse(string name) => name switch
    {
        "message" => StepActionKind.Message,
        Protest => StepActionKind.Protest,
        CreditBureau => StepActionKind.CreditBureau,
        Suspension => StepActionKind.Suspension,
        _ => StepActionKind.Custom,
    };
}

namespace Kolek.Dunning.Ruler;

/// <summary>The date a step's offset counts from.</summary>
public enum StepAnchor
{
    /// <summary>The charge's issue date (JSON <c>"issue"</c>).</summary>
    Issue = 1,

    /// <summary>The charge's due date (JSON <c>"due"</c>); positive offsets count from the adjusted (business-day) due date.</summary>
    Due = 2,
}

/// <summary>How a step's offset counts days.</summary>
public enum DayCounting
{
    /// <summary>Calendar days (JSON <c>"calendar"</c>).</summary>
    Calendar = 1,

    /// <summary>Business days of the planner's calendar (JSON <c>"business"</c>).</summary>
    Business = 2,
}

/// <summary>What the planner does with steps whose moment passed without being done (a missed run, a paused ruler).</summary>
public enum CatchUpMode
{
    /// <summary>Only the most recent missed message step of each charge is sent; older ones are skipped (JSON <c>"latest"</c>).</summary>
    Latest = 1,

    /// <summary>Every missed message step is sent, oldest first (JSON <c>"all"</c>).</summary>
    All = 2,

    /// <summary>Missed message steps from earlier days are skipped; only today's go out (JSON <c>"skip"</c>).</summary>
    Skip = 3,
}

/// <summary>How due message steps are grouped into actions.</summary>
public enum Consolidation
{
    /// <summary>One action per charge (JSON <c>"charge"</c>).</summary>
    Charge = 1,

    /// <summary>
    /// One action per customer, local day and step: the charges of a customer that reach the same step on the same day
    /// are listed in one message (JSON <c>"customer-day"</c>).
    /// </summary>
    CustomerDay = 2,
}

/// <summary>What a step does.</summary>
public enum StepActionKind
{
    /// <summary>Sends a message through the step's channels.</summary>
    Message = 1,

    /// <summary>Sends the charge to protest at a notary's office (protesto; JSON <c>"protest"</c>).</summary>
    Protest = 2,

    /// <summary>Reports the debt to a credit bureau (negativação: Serasa, SPC, Boa Vista; JSON <c>"credit-bureau"</c>).</summary>
    CreditBureau = 3,

    /// <summary>Suspends the service or supply (JSON <c>"suspension"</c>).</summary>
    Suspension = 4,

    /// <summary>A host-defined escalation named by <see cref="RulerStep.ActionName"/> (any other JSON value).</summary>
    Custom = 5,
}

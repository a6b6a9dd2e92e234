namespace Kolek.Dunning.Ruler;

/// <summary>One step of a ruler: "D±n" from an anchor date, sending a message through channels or escalating.</summary>
/// <remarks>
/// Channel names are lowercase (<c>"email"</c>, <c>"whatsapp"</c>, <c>"sms"</c> or a host's custom channel), in the order to try.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed record RulerStep
{
    /// <summary>The default notice period of an escalation, in days (the usual term before a credit-bureau report).</summary>
    public const int DefaultNoticeDays = 10;

    /// <summary>
    /// The minimum notice, in days, before a credit-bureau report of a consumer debt: the consumer must be told in writing
    /// before the report (CDC art. 43 §2, STJ Súmula 359), and the bureaus' and several states' rules give 10 days to pay.
    /// </summary>
    public const int ConsumerCreditBureauNoticeDays = 10;

    /// <summary>The step's identifier, unique within the ruler (e.g. <c>"d2"</c>); part of the journal key.</summary>
    public required string Id { get; init; }

    /// <summary>The date the offset counts from.</summary>
    /// <value>The default value is <see cref="StepAnchor.Due"/>.</value>
    public StepAnchor Anchor { get; init; } = StepAnchor.Due;

    /// <summary>The offset from the anchor, in days (negative: before it).</summary>
    /// <value>The default value is 0.</value>
    public int OffsetDays { get; init; }

    /// <summary>Whether the offset counts calendar or business days.</summary>
    /// <value>The default value is <see cref="DayCounting.Calendar"/>.</value>
    public DayCounting Days { get; init; } = DayCounting.Calendar;

    /// <summary>The channels of a message step, in order; empty for an escalation.</summary>
    /// <value>The default value is the empty list.</value>
    /// <remarks>Copied on <c>init</c>: later changes to the list given do not change the step.</remarks>
    public IReadOnlyList<string> Channels { get; init => field = value is null ? null! : [.. value]; } = [];

    /// <summary>
    /// <see langword="true"/>: try the channels in order and stop at the first that delivers;
    /// <see langword="false"/>: send through every channel.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Fallback { get; init; }

    /// <summary>The message template's name (e.g. <c>"lembrete"</c>); the runner falls back to the channel's built-in template.</summary>
    public string? Template { get; init; }

    /// <summary>An optional tone hint for the template (e.g. <c>"gentil"</c>, <c>"firme"</c>).</summary>
    public string? Tone { get; init; }

    /// <summary>What the step does.</summary>
    /// <value>The default value is <see cref="StepActionKind.Message"/>.</value>
    public StepActionKind Action { get; init; } = StepActionKind.Message;

    /// <summary>The escalation's name as written in the ruler (<c>"protest"</c>, <c>"credit-bureau"</c>, <c>"suspension"</c> or a custom name); <see langword="null"/> for a message.</summary>
    public string? ActionName { get; init; }

    /// <summary>The id of the message step that must have been done before this escalation (prior notice).</summary>
    public string? RequiresNotice { get; init; }

    /// <summary>The minimum number of days between the notice step's day and the escalation's day.</summary>
    /// <value>The default value is <see cref="DefaultNoticeDays"/> (10).</value>
    public int NoticeDays { get; init; } = DefaultNoticeDays;

    /// <summary>Which charges the step applies to (amount range, segment, consumer or business, only while unpaid).</summary>
    /// <value>The default value is <see cref="StepConditions.None"/>.</value>
    public StepConditions When { get; init; } = StepConditions.None;

    /// <summary>Whether the step escalates instead of sending a message.</summary>
    public bool IsEscalation => Action != StepActionKind.Message;

    /// <summary>Whether the step is a reminder before the due date (anchor due, negative offset): it must arrive before the due date.</summary>
    public bool IsPreDueReminder => Anchor == StepAnchor.Due && OffsetDays < 0;

    /// <summary>Whether the step is about a late charge (anchor due, positive offset): it counts from the adjusted due date.</summary>
    public bool IsLateStep => Anchor == StepAnchor.Due && OffsetDays > 0;

    /// <summary>The journal "channel" of an escalation: its action name (e.g. <c>"protest"</c>).</summary>
    public string EscalationKey => ActionName ?? ActionNames.Of(Action) ?? "escalation";
}

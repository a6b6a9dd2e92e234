namespace Kolek.Dunning.Ruler;

/// <summary>The stable codes of <see cref="RulerValidationError"/>; they never change meaning.</summary>
public static class RulerErrorCodes
{
    /// <summary>The text is not well-formed JSON.</summary>
    public const string JsonMalformed = "ruler.json.malformed";

    /// <summary>A value has the wrong JSON type (e.g. a string where a number is expected).</summary>
    public const string FieldType = "ruler.field.invalid_type";

    /// <summary>A value is not one of the allowed names (e.g. <c>"anchor": "paid"</c>).</summary>
    public const string FieldValue = "ruler.field.invalid_value";

    /// <summary>A property the format does not define (a typo?); <c>description</c>, <c>$…</c> and <c>x-…</c> are allowed.</summary>
    public const string FieldUnknown = "ruler.field.unknown";

    /// <summary>The ruler has no id.</summary>
    public const string IdMissing = "ruler.id.missing";

    /// <summary>The time zone is not a TZDB id.</summary>
    public const string TimeZoneUnknown = "ruler.timezone.unknown";

    /// <summary>A send window is not <c>"HH:mm-HH:mm"</c> or has zero length.</summary>
    public const string WindowInvalid = "ruler.window.invalid";

    /// <summary>Every send window is <see langword="null"/>: nothing could ever be sent.</summary>
    public const string WindowNone = "ruler.window.none";

    /// <summary>The catch-up staleness limit is outside 0–366 days.</summary>
    public const string StalenessOutOfRange = "ruler.catch_up.staleness_out_of_range";

    /// <summary>A late-charge percentage is negative or above 100.</summary>
    public const string LateChargesOutOfRange = "ruler.late_charges.out_of_range";

    /// <summary>The ruler has no steps.</summary>
    public const string StepsEmpty = "ruler.steps.empty";

    /// <summary>A step has no id.</summary>
    public const string StepIdMissing = "ruler.step.id_missing";

    /// <summary>Two steps share an id.</summary>
    public const string StepDuplicateId = "ruler.step.duplicate_id";

    /// <summary>Two message steps fall on the same day (same anchor, offset and day counting) through the same channel.</summary>
    public const string StepSameDayAndChannel = "ruler.step.same_day_and_channel";

    /// <summary>A step's offset is beyond ±3660 days.</summary>
    public const string StepOffsetOutOfRange = "ruler.step.offset_out_of_range";

    /// <summary>A message step has no channel.</summary>
    public const string StepChannelsMissing = "ruler.step.channels_missing";

    /// <summary>A channel name is empty.</summary>
    public const string StepChannelInvalid = "ruler.step.channel_invalid";

    /// <summary>A step lists the same channel twice.</summary>
    public const string StepChannelDuplicate = "ruler.step.channel_duplicate";

    /// <summary>A channel is not among the host's channels.</summary>
    public const string StepChannelUnknown = "ruler.step.channel_unknown";

    /// <summary>An escalation step lists channels (escalations send no message; add a separate message step).</summary>
    public const string StepActionWithChannels = "ruler.step.action_with_channels";

    /// <summary>A protest or credit-bureau step has no <c>requiresNotice</c> (prior notice is a legal requirement).</summary>
    public const string StepNoticeMissing = "ruler.step.notice_missing";

    /// <summary><c>requiresNotice</c> names no step of the ruler.</summary>
    public const string StepNoticeUnknown = "ruler.step.notice_unknown";

    /// <summary><c>requiresNotice</c> names an escalation instead of a message step, or is set on a message step.</summary>
    public const string StepNoticeInvalid = "ruler.step.notice_invalid";

    /// <summary>The notice step is not at least <c>noticeDays</c> before the escalation (checked when both count the same way from the same anchor).</summary>
    public const string StepNoticeTooLate = "ruler.step.notice_too_late";

    /// <summary><c>noticeDays</c> is negative or above 366.</summary>
    public const string StepNoticeDaysOutOfRange = "ruler.step.notice_days_out_of_range";

    /// <summary>A credit-bureau step that may apply to consumers waits fewer than <see cref="RulerStep.ConsumerCreditBureauNoticeDays"/> days after its notice (CDC art. 43 §2).</summary>
    public const string StepConsumerNoticeTooShort = "ruler.step.consumer_notice_too_short";

    /// <summary>A step condition is impossible: a negative amount, a minimum above the maximum, or an empty segment.</summary>
    public const string StepConditionInvalid = "ruler.step.condition_invalid";

    /// <summary>A frequency cap has a maximum below 1 or an empty channel name.</summary>
    public const string FrequencyCapInvalid = "ruler.frequency_cap.invalid";

    /// <summary>A frequency cap names a channel the host did not configure (only when the host passes its channel set).</summary>
    public const string FrequencyCapChannelUnknown = "ruler.frequency_cap.channel_unknown";

    /// <summary>The early-payment discount is outside 0–100 percent, or its days before the due date outside 0–366.</summary>
    public const string EarlyPaymentOutOfRange = "ruler.early_payment.out_of_range";

    /// <summary>A ruler book holds no ruler.</summary>
    public const string BookEmpty = "ruler_book.empty";

    /// <summary>Two rulers of a book share an id.</summary>
    public const string BookDuplicateRuler = "ruler_book.duplicate_ruler";

    /// <summary>A selection rule or the default names no ruler of the book.</summary>
    public const string BookRulerUnknown = "ruler_book.ruler_unknown";

    /// <summary>A selection rule has neither segments nor charge types.</summary>
    public const string BookRuleEmpty = "ruler_book.rule_empty";
}

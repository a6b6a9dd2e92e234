namespace Kolek.Dunning.Planning;

/// <summary>Why a step that would otherwise be due is not.</summary>
public enum SkipCause
{
    /// <summary>The charge is paid (or nothing is outstanding).</summary>
    ChargePaid = 1,

    /// <summary>The charge is cancelled.</summary>
    ChargeCancelled = 2,

    /// <summary>The charge is disputed.</summary>
    ChargeDisputed = 3,

    /// <summary>The charge was replaced by a payment agreement.</summary>
    ChargeInAgreement = 4,

    /// <summary>The customer promised to pay by a date that has not passed.</summary>
    PromiseToPay = 5,

    /// <summary>The customer opted out of every channel of the step.</summary>
    OptedOut = 6,

    /// <summary>The step is more days past its moment than the catch-up staleness limit.</summary>
    Stale = 7,

    /// <summary>Catch-up <c>latest</c>: a later step of the same charge is due instead.</summary>
    Superseded = 8,

    /// <summary>Catch-up <c>skip</c>: the step's day passed without it being sent.</summary>
    Missed = 9,

    /// <summary>An escalation whose notice step has not been done.</summary>
    NoticeNotDone = 10,

    /// <summary>An escalation whose notice step was done fewer than the required days ago.</summary>
    NoticeTooRecent = 11,

    /// <summary>No day with a send window was found near the step's day.</summary>
    NoSendWindow = 12,

    /// <summary>The step's conditions (amount range, segment, consumer or business, unpaid only) do not hold for the charge.</summary>
    ConditionNotMet = 13,

    /// <summary>The customer already reached a frequency cap of the ruler for the period; the step is planned again later.</summary>
    FrequencyCap = 14,

    /// <summary>An escalation that became due on a day that is not a business day of the calendar: it waits for the next one.</summary>
    NotBusinessDay = 15,
}

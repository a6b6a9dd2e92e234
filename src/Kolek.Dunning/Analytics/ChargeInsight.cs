namespace Kolek.Dunning.Analytics;

/// <summary>The status of one charge at an instant: its standing, whether it is due soon, and its last and next collection action.</summary>
/// <param name="Standing">Its standing on the local date of the instant (state, outstanding, days late from the adjusted due date).</param>
/// <param name="DueSoon">Whether it is an open item, not late, whose adjusted due date is within <see cref="InsightOptions.DueSoonDays"/> days.</param>
/// <param name="LastAction">The latest step the journal records as sent for it up to the instant; <see langword="null"/> when none.</param>
/// <param name="NextAction">What the planner will do next for it: a step due now, else the step due at the planner's next wake-up; <see langword="null"/> when nothing is left (paid, stopped, or the ruler is done).</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record ChargeInsight(ChargeStanding Standing, bool DueSoon, CollectionAction? LastAction, CollectionAction? NextAction);

using NodaTime;

namespace Kolek.Dunning.Planning;

/// <summary>When a step of a ruler falls for a charge.</summary>
/// <param name="NominalDate">The anchor date plus the offset, before any shift to a day with a send window.</param>
/// <param name="Local">The start of the send window of the chosen day, in the customer's zone.</param>
/// <param name="Zone">The customer's zone.</param>
/// <param name="Instant">The same moment on the global time line.</param>
public sealed record StepSchedule(LocalDate NominalDate, LocalDateTime Local, DateTimeZone Zone, Instant Instant)
{
    /// <summary>The day the step goes out.</summary>
    public LocalDate Date => Local.Date;

    /// <summary>Whether the step moved from its nominal day because that day had no send window.</summary>
    public bool Shifted => Date != NominalDate;
}

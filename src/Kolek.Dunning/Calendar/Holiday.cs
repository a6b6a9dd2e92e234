using NodaTime;

namespace Kolek.Dunning.Calendar;

/// <summary>A named non-business day of a <see cref="BusinessCalendar"/>.</summary>
/// <param name="Date">The date of the holiday.</param>
/// <param name="Name">Its name, in Portuguese as published (e.g. <c>"Tiradentes"</c>).</param>
public readonly record struct Holiday(LocalDate Date, string Name);

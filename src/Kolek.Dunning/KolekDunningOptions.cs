using Kolek.Dunning.Calendar;
using Kolek.Dunning.Internal;
using Kolek.Dunning.Ruler;

namespace Kolek.Dunning;

/// <summary>Options of the dunning planner and its calendar; set them once at start-up (Create-Set-Call).</summary>
/// <remarks>
/// Validated as a whole: through DI at start-up (every error in one <c>OptionsValidationException</c>), or by the
/// <see cref="Planning.DunningPlanner"/> constructor (every error in one <see cref="ArgumentException"/>).
/// This is the only mutable type of the package; do not change an instance after handing it over.
/// </remarks>
public sealed class KolekDunningOptions
{
    /// <summary>The TZDB id of the zone of customers and rulers that state none.</summary>
    /// <value>The default value is <c>"America/Sao_Paulo"</c>.</value>
    public string DefaultTimeZoneId { get; set; } = KolekDunningDefaults.TimeZoneId;

    /// <summary>The catch-up mode of rulers that state none.</summary>
    /// <value>The default value is <see cref="CatchUpMode.Latest"/>.</value>
    public CatchUpMode DefaultCatchUp { get; set; } = KolekDunningDefaults.CatchUp;

    /// <summary>The staleness limit, in days, of rulers that state no catch-up policy (0–366).</summary>
    /// <value>The default value is 7.</value>
    public int DefaultStalenessLimitDays { get; set; } = CatchUpPolicy.DefaultStalenessLimitDays;

    /// <summary>Whether 31 December is a non-business day (no bank service; boletos due then are payable on the next business day).</summary>
    /// <value>The default value is <see langword="true"/> (<see cref="BusinessCalendar.BrazilBanking"/>); <see langword="false"/> gives ANBIMA's <see cref="BusinessCalendar.Brazil"/>.</value>
    public bool December31IsBankHoliday { get; set; } = true;

    /// <summary>Extra holiday rules (state and municipal holidays), each giving the holidays of a year; each must be pure.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<Func<int, IEnumerable<Holiday>>> HolidaySuppliers { get; } = [];

    /// <summary>A calendar that replaces the Brazilian one entirely (then <see cref="December31IsBankHoliday"/> and <see cref="HolidaySuppliers"/> are ignored).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public BusinessCalendar? Calendar { get; set; }

    /// <summary>
    /// Whether message steps wait while the customer's send window is closed at the planning instant
    /// (they then appear in no list and <see cref="Planning.DunningPlan.NextWakeUp"/> points at the next opening).
    /// </summary>
    /// <value>The default value is <see langword="true"/> (design rule 6: respect the debtor).</value>
    public bool DeferOutsideSendWindow { get; set; } = true;

    /// <summary>The name of the company collecting, as customers know it; named in every message (CDC art. 42-A).</summary>
    /// <value>The default value is <see langword="null"/>. Set it with <see cref="CreditorCnpj"/> (both or neither) for DI to provide the <see cref="Templates.TemplateCreditor"/> the runner needs.</value>
    public string? CreditorName { get; set; }

    /// <summary>The CNPJ of the company collecting, with or without mask; numeric or alphanumeric.</summary>
    /// <value>The default value is <see langword="null"/>. Validated (shape and check digits) when set.</value>
    public string? CreditorCnpj { get; set; }

    /// <summary>The calendar these options describe.</summary>
    /// <returns><see cref="Calendar"/> when set, else the Brazilian calendar with the configured extras.</returns>
    public BusinessCalendar BuildCalendar()
    {
        if (Calendar is not null)
        {
            return Calendar;
        }

        var calendar = December31IsBankHoliday ? BusinessCalendar.BrazilBanking : BusinessCalendar.Brazil;
        foreach (var supplier in HolidaySuppliers)
        {
            calendar = calendar.WithHolidays(supplier);
        }

        return calendar;
    }
}

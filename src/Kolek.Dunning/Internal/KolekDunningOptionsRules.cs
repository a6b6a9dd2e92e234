using FluentValidation;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Internal;

/// <summary>The FluentValidation rules of <see cref="KolekDunningOptions"/>.</summary>
internal sealed class KolekDunningOptionsRules : AbstractValidator<KolekDunningOptions>
{
    public static KolekDunningOptionsRules Instance { get; } = new();

    public KolekDunningOptionsRules()
    {
        RuleFor(o => o.DefaultTimeZoneId)
            .Must(id => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null)
            .WithMessage(o => $"'{o.DefaultTimeZoneId}' is not a TZDB time zone id (e.g. \"America/Sao_Paulo\").");
        RuleFor(o => o.DefaultCatchUp).IsInEnum()
            .WithMessage(o => $"{(int)o.DefaultCatchUp} is not a catch-up mode (latest, all, skip).");
        RuleFor(o => o.DefaultStalenessLimitDays).InclusiveBetween(0, 366)
            .WithMessage(o => $"The staleness limit must be between 0 and 366 days (was {o.DefaultStalenessLimitDays}).");
        RuleFor(o => o.HolidaySuppliers).Must(list => list is not null && list.All(s => s is not null))
            .WithMessage("HolidaySuppliers cannot contain null entries.");
        RuleFor(o => o.CreditorName).Must(name => !string.IsNullOrWhiteSpace(name))
            .When(o => o.CreditorName is not null || o.CreditorCnpj is not null)
            .WithMessage("CreditorName must be set, and not blank, when CreditorCnpj is set.");
        RuleFor(o => o.CreditorCnpj).Must(cnpj => cnpj is not null && CnpjNumber.IsValid(CnpjNumber.StripMask(cnpj)))
            .When(o => o.CreditorName is not null || o.CreditorCnpj is not null)
            .WithMessage(o => o.CreditorCnpj is null
                ? "CreditorCnpj must be set when CreditorName is set."
                : $"'{o.CreditorCnpj}' is not a valid CNPJ (14 characters with valid check digits).");
    }

    /// <summary>Every failure as (property, message).</summary>
    public static IReadOnlyList<(string Property, string Message)> Failures(KolekDunningOptions options) =>
        [.. Instance.Validate(options).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];

    /// <summary>Throws one exception listing every failure (the non-DI path).</summary>
    public static void ThrowIfInvalid(KolekDunningOptions options, string paramName) =>
        FailureList.ThrowIfAny("The Kolek dunning options are invalid:", Failures(options), paramName);

    internal static CatchUpPolicy DefaultCatchUpPolicy(KolekDunningOptions options) =>
        new(options.DefaultCatchUp, options.DefaultStalenessLimitDays);
}

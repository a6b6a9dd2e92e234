using FluentValidation;
using Kolek.Dunning.Running;
using NodaTime;

namespace Kolek.Dunning.Internal;

/// <summary>The FluentValidation rules of <see cref="DunningRunnerOptions"/>.</summary>
internal sealed class DunningRunnerOptionsRules : AbstractValidator<DunningRunnerOptions>
{
    public static DunningRunnerOptionsRules Instance { get; } = new();

    public DunningRunnerOptionsRules()
    {
        RuleFor(o => o.InDoubt).IsInEnum()
            .WithMessage(o => $"{(int)o.InDoubt} is not an in-doubt policy (TreatAsSent, ResendWithSameKey).");
        RuleFor(o => o.InDoubtGracePeriod).Must(d => d >= Duration.Zero)
            .WithMessage(o => $"The in-doubt grace period cannot be negative (was {o.InDoubtGracePeriod}).");
        RuleFor(o => o.MaxAttempts).GreaterThanOrEqualTo(1)
            .WithMessage(o => $"MaxAttempts must be at least 1 (was {o.MaxAttempts}).");
        RuleFor(o => o.RetryDelay).Must(d => d >= Duration.Zero)
            .WithMessage(o => $"The retry delay cannot be negative (was {o.RetryDelay}).");
        RuleFor(o => o.BatchSize).Must(size => size is null or >= 1)
            .WithMessage(o => $"BatchSize must be at least 1, or null for one plan of the whole portfolio (was {o.BatchSize}).");
        RuleFor(o => o.WhatsAppTemplates).Must(t => t is not null && t.Values.All(v => v is not null))
            .WithMessage("WhatsAppTemplates must not be null nor hold null templates.");
    }

    /// <summary>Every failure as (property, message).</summary>
    public static IReadOnlyList<(string Property, string Message)> Failures(DunningRunnerOptions options) =>
        [.. Instance.Validate(options).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];

    /// <summary>Throws one exception listing every failure (the constructor path).</summary>
    public static void ThrowIfInvalid(DunningRunnerOptions options, string paramName) =>
        FailureList.ThrowIfAny("The dunning runner options are invalid:", Failures(options), paramName);
}

/// <summary>Validates <see cref="DunningRunnerOptions"/> bound through <c>IOptions</c> at start-up, reporting every failure.</summary>
internal sealed class DunningRunnerOptionsValidator : FailureListValidator<DunningRunnerOptions>
{
    protected override IReadOnlyList<(string Property, string Message)> Failures(DunningRunnerOptions options) =>
        DunningRunnerOptionsRules.Failures(options);
}

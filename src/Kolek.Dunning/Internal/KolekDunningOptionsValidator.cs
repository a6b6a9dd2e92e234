using Microsoft.Extensions.Options;

namespace Kolek.Dunning.Internal;

/// <summary>Validates options at start-up from a list of (property, failure) pairs, reporting every failure.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal abstract class FailureListValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (property, message) in Failures(options))
        {
            builder.AddError(message, property);
        }

        return builder.Build();
    }

    /// <summary>Every failure of <paramref name="options"/>.</summary>
    protected abstract IReadOnlyList<(string Property, string Message)> Failures(TOptions options);
}

/// <summary>The exception of an options object's failures outside DI.</summary>
internal static class FailureList
{
    /// <summary>Throws one <see cref="ArgumentException"/> listing every failure, when there is any.</summary>
    public static void ThrowIfAny(string title, IReadOnlyList<(string Property, string Message)> failures, string paramName)
    {
        if (failures.Count > 0)
        {
            throw new ArgumentException(
                title + string.Concat(failures.Select(f => $"{Environment.NewLine}- {f.Property}: {f.Message}")), paramName);
        }
    }
}

/// <summary>Validates <see cref="KolekDunningOptions"/> at start-up, reporting every failure.</summary>
internal sealed class KolekDunningOptionsValidator : FailureListValidator<KolekDunningOptions>
{
    protected override IReadOnlyList<(string Property, string Message)> Failures(KolekDunningOptions options) =>
        KolekDunningOptionsRules.Failures(options);
}

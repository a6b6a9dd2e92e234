using Microsoft.Extensions.Options;

namespace Kolek.Dunning.Internal;

/// <summary>Validates <see cref="KolekDunningOptions"/> at start-up, reporting every failure.</summary>
internal sealed class KolekDunningOptionsValidator : IValidateOptions<KolekDunningOptions>
{
    public ValidateOptionsResult Validate(string? name, KolekDunningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (property, message) in KolekDunningOptionsRules.Failures(options))
        {
            builder.AddError(message, property);
        }

        return builder.Build();
    }
}

using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace Kolek.Dunning.Ruler;

/// <summary>The FluentValidation rules of a ruler; an implementation detail behind <see cref="DunningRuler.Validate"/>.</summary>
internal sealed class RulerValidator : AbstractValidator<DunningRuler>
{
    private const int MaxOffsetDays = 3660;
    private const int MaxDays = LateCharges.LateChargeBounds.MaxDays;

    /// <summary>The validator without a host channel set, built once (FluentValidation validators are thread-safe once built).</summary>
    private static readonly RulerValidator s_withoutChannels = new(null);

    private readonly IReadOnlySet<string>? _knownChannels;

    public RulerValidator(IReadOnlySet<string>? knownChannels)
    {
        _knownChannels = knownChannels;
        RuleFor(r => r.Id).NotEmpty()
            .WithErrorCode(RulerErrorCodes.IdMissing).OverridePropertyName("id").WithMessage("The ruler needs an id.");
        RuleFor(r => r.SendWindows).Must(w => w.AnyOpen)
            .WithErrorCode(RulerErrorCodes.WindowNone).OverridePropertyName("sendWindows")
            .WithMessage("Every send window is null: nothing could ever be sent.");
        RuleFor(r => r.CatchUp!.StalenessLimitDays).InclusiveBetween(0, MaxDays).When(r => r.CatchUp is not null)
            .WithErrorCode(RulerErrorCodes.StalenessOutOfRange).OverridePropertyName("catchUp.stalenessLimitDays")
            .WithMessage($"The staleness limit must be between 0 and {MaxDays} days.");
        RuleFor(r => r.LateCharges.FinePercent).Must(LateCharges.LateChargeBounds.IsPercent)
            .WithErrorCode(RulerErrorCodes.LateChargesOutOfRange).OverridePropertyName("lateCharges.finePercent")
            .WithMessage("The fine must be between 0 and 100 percent.");
        RuleFor(r => r.LateCharges.InterestPercentPerMonth).Must(LateCharges.LateChargeBounds.IsPercent)
            .WithErrorCode(RulerErrorCodes.LateChargesOutOfRange).OverridePropertyName("lateCharges.interestPercentPerMonth")
            .WithMessage("The monthly interest must be between 0 and 100 percent.");
        RuleFor(r => r.LateCharges.EarlyPayment!.Percent).Must(LateCharges.LateChargeBounds.IsPercent).When(r => r.LateCharges.EarlyPayment is not null)
            .WithErrorCode(RulerErrorCodes.EarlyPaymentOutOfRange).OverridePropertyName("lateCharges.earlyPayment.discountPercent")
            .WithMessage("The early-payment discount must be between 0 and 100 percent.");
        RuleFor(r => r.LateCharges.EarlyPayment!.DaysBeforeDue).InclusiveBetween(0, MaxDays).When(r => r.LateCharges.EarlyPayment is not null)
            .WithErrorCode(RulerErrorCodes.EarlyPaymentOutOfRange).OverridePropertyName("lateCharges.earlyPayment.daysBeforeDue")
            .WithMessage($"The early-payment days before the due date must be between 0 and {MaxDays}.");
        RuleFor(r => r.Steps).NotEmpty()
            .WithErrorCode(RulerErrorCodes.StepsEmpty).OverridePropertyName("steps").WithMessage("The ruler has no steps.");
        RuleFor(r => r).Custom(CheckSteps);
    }

    public static IReadOnlyList<RulerValidationError> Check(DunningRuler ruler, IReadOnlySet<string>? knownChannels)
    {
        ArgumentNullException.ThrowIfNull(ruler);
        var result = (knownChannels is null ? s_withoutChannels : new RulerValidator(knownChannels)).Validate(ruler);
        return [.. result.Errors.Select(e => new RulerValidationError(e.ErrorCode, e.PropertyName, e.ErrorMessage))];
    }

    private void CheckSteps(DunningRuler ruler, ValidationContext<DunningRuler> context)
    {
        void Fail(string code, string path, string message) =>
            context.AddFailure(new ValidationFailure(path, message) { ErrorCode = code });

        var steps = ruler.Steps;
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = Inv($"steps[{i}]");
            if (string.IsNullOrWhiteSpace(step.Id))
            {
                Fail(RulerErrorCodes.StepIdMissing, path + ".id", "The step needs an id.");
            }
            else if (!firstIndex.TryAdd(step.Id, i))
            {
                Fail(RulerErrorCodes.StepDuplicateId, path + ".id", Inv($"The id '{step.Id}' is already used by steps[{firstIndex[step.Id]}]."));
            }

            if (Math.Abs(step.OffsetDays) > MaxOffsetDays)
            {
                Fail(RulerErrorCodes.StepOffsetOutOfRange, path + ".offsetDays", Inv($"The offset must be within ±{MaxOffsetDays} days."));
            }

            CheckChannels(step, path, Fail);
            CheckEscalation(ruler, step, path, Fail);
            CheckConditions(step.When, path + ".when", Fail);
        }

        CheckSameDay(steps, Fail);
        CheckCaps(ruler, Fail);
    }

    private static void CheckConditions(StepConditions when, string path, Action<string, string, string> fail)
    {
        if (when.MinAmount < 0m || when.MaxAmount < 0m)
        {
            fail(RulerErrorCodes.StepConditionInvalid, path, "An amount condition cannot be negative.");
        }

        if (when.MinAmount > when.MaxAmount)
        {
            fail(RulerErrorCodes.StepConditionInvalid, path + ".minAmount", Inv($"The minimum amount {when.MinAmount} is above the maximum {when.MaxAmount}: the step could never apply."));
        }

        if (when.Segments.Any(string.IsNullOrWhiteSpace))
        {
            fail(RulerErrorCodes.StepConditionInvalid, path + ".segments", "A segment name cannot be empty.");
        }
    }

    private void CheckCaps(DunningRuler ruler, Action<string, string, string> fail)
    {
        for (var i = 0; i < ruler.FrequencyCaps.Count; i++)
        {
            var cap = ruler.FrequencyCaps[i];
            var path = Inv($"frequencyCaps[{i}]");
            if (cap.Max < 1)
            {
                fail(RulerErrorCodes.FrequencyCapInvalid, path + ".max", "A frequency cap must allow at least one message (remove the channel from the steps to send none).");
            }

            if (cap.Channel is { } channel)
            {
                if (string.IsNullOrWhiteSpace(channel))
                {
                    fail(RulerErrorCodes.FrequencyCapInvalid, path + ".channel", "The channel name cannot be empty (omit it to cap every channel together).");
                }
                else if (_knownChannels is not null && !_knownChannels.Contains(channel))
                {
                    fail(RulerErrorCodes.FrequencyCapChannelUnknown, path + ".channel", $"The channel '{channel}' is not configured (known: {string.Join(", ", _knownChannels.Order(StringComparer.Ordinal))}).");
                }
            }
        }
    }

    private void CheckChannels(RulerStep step, string path, Action<string, string, string> fail)
    {
        if (step.IsEscalation)
        {
            if (step.Channels.Count > 0)
            {
                fail(RulerErrorCodes.StepActionWithChannels, path + ".channels", "An escalation sends no message; put the notice in its own message step.");
            }

            return;
        }

        if (step.Channels.Count == 0)
        {
            fail(RulerErrorCodes.StepChannelsMissing, path + ".channels", "A message step needs at least one channel.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < step.Channels.Count; c++)
        {
            var channel = step.Channels[c];
            var channelPath = Inv($"{path}.channels[{c}]");
            if (string.IsNullOrWhiteSpace(channel))
            {
                fail(RulerErrorCodes.StepChannelInvalid, channelPath, "A channel name cannot be empty.");
            }
            else if (!seen.Add(channel))
            {
                fail(RulerErrorCodes.StepChannelDuplicate, channelPath, $"The channel '{channel}' is listed twice.");
            }
            else if (_knownChannels is not null && !_knownChannels.Contains(channel))
            {
                fail(RulerErrorCodes.StepChannelUnknown, channelPath, $"The channel '{channel}' is not configured (known: {string.Join(", ", _knownChannels.Order(StringComparer.Ordinal))}).");
            }
        }
    }

    private static void CheckEscalation(DunningRuler ruler, RulerStep step, string path, Action<string, string, string> fail)
    {
        if (step.NoticeDays is < 0 or > MaxDays)
        {
            fail(RulerErrorCodes.StepNoticeDaysOutOfRange, path + ".noticeDays", Inv($"The notice period must be between 0 and {MaxDays} days."));
        }

        if (!step.IsEscalation)
        {
            if (step.RequiresNotice is not null)
            {
                fail(RulerErrorCodes.StepNoticeInvalid, path + ".requiresNotice", "Only an escalation step (with an action) can require a notice.");
            }

            return;
        }

        if (step.RequiresNotice is null)
        {
            if (step.Action is StepActionKind.Protest or StepActionKind.CreditBureau)
            {
                fail(RulerErrorCodes.StepNoticeMissing, path + ".requiresNotice", $"A '{step.EscalationKey}' step needs a prior notice: set requiresNotice to the id of the message step that warns the debtor.");
            }

            return;
        }

        if (step.Action == StepActionKind.CreditBureau && step.When.Customer != CustomerKind.Business && step.NoticeDays < RulerStep.ConsumerCreditBureauNoticeDays)
        {
            fail(RulerErrorCodes.StepConsumerNoticeTooShort, path + ".noticeDays",
                Inv($"A credit-bureau report of a consumer debt needs at least {RulerStep.ConsumerCreditBureauNoticeDays} days of prior notice (CDC art. 43 §2); restrict the step to businesses with \"when\": {{ \"customer\": \"business\" }} for a shorter term."));
        }

        var notice = ruler.FindStep(step.RequiresNotice);
        if (notice is null)
        {
            fail(RulerErrorCodes.StepNoticeUnknown, path + ".requiresNotice", $"No step has the id '{step.RequiresNotice}'.");
        }
        else if (notice.IsEscalation)
        {
            fail(RulerErrorCodes.StepNoticeInvalid, path + ".requiresNotice", $"The notice '{notice.Id}' is an escalation; it must be a message step.");
        }
        else if (notice.Anchor == step.Anchor && notice.Days == step.Days && notice.OffsetDays + step.NoticeDays > step.OffsetDays)
        {
            fail(RulerErrorCodes.StepNoticeTooLate, path + ".requiresNotice",
                Inv($"The notice '{notice.Id}' (offset {notice.OffsetDays}) must come at least {step.NoticeDays} days before this step (offset {step.OffsetDays})."));
        }
    }

    private static void CheckSameDay(IReadOnlyList<RulerStep> steps, Action<string, string, string> fail)
    {
        var taken = new Dictionary<(StepAnchor, int, DayCounting, string), int>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.IsEscalation)
            {
                continue;
            }

            foreach (var channel in step.Channels.Distinct(StringComparer.Ordinal))
            {
                if (!taken.TryAdd((step.Anchor, step.OffsetDays, step.Days, channel), i))
                {
                    var other = taken[(step.Anchor, step.OffsetDays, step.Days, channel)];
                    fail(RulerErrorCodes.StepSameDayAndChannel, Inv($"steps[{i}]"),
                        Inv($"The step '{step.Id}' falls on the same day as steps[{other}] ('{steps[other].Id}') through '{channel}'."));
                }
            }
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

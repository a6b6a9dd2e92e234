using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Dunning.Ruler;

namespace Kolek.Dunning.Tests.Ruler;

public sealed class DunningRulerTests
{
    [Fact]
    public void Validate_CodeBuiltRulerWithoutSteps_StepsEmpty()
    {
        var errors = new DunningRuler { Id = "x" }.Validate();
        Assert.Equal(RulerErrorCodes.StepsEmpty, Assert.Single(errors).Code);
    }

    [Fact]
    public void Validate_CliRuler_NoErrorsAndUnknownChannelWithHostSet()
    {
        Assert.Empty(Fixtures.CliRuler.Validate());
        var errors = Fixtures.CliRuler.Validate(new HashSet<string> { "email" });
        Assert.All(errors, e => Assert.Equal(RulerErrorCodes.StepChannelUnknown, e.Code));
        Assert.Equal(4, errors.Count); // whatsapp in d0, d2, d5, d10
    }

    [Fact]
    public void Validate_MessageStepWithNotice_NoticeInvalid()
    {
        var ruler = new DunningRuler { Id = "x", Steps = [new RulerStep { Id = "a", Channels = ["email"], RequiresNotice = "a" }] };
        Assert.Equal(RulerErrorCodes.StepNoticeInvalid, Assert.Single(ruler.Validate()).Code);
    }

    [Property]
    public Property Parse_ArbitraryText_NeverThrowsAndFailsWithErrors() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text =>
        {
            var result = RulerJson.Parse(text);
            return result.Success || result.Errors.Count > 0;
        });
}

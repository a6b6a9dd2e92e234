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

    [Fact]
    public void Lists_CopiedOnInit_LaterChangesToTheCallersListsDoNotChangeTheRuler()
    {
        // tryout7: "Instances are immutable" but Steps, FrequencyCaps and a step's Channels were the caller's lists.
        var channels = new List<string> { "email" };
        var steps = new List<RulerStep> { new() { Id = "d2", OffsetDays = 2, Channels = channels } };
        var caps = new List<FrequencyCap> { new(1, FrequencyPeriod.Day) };
        var ruler = new DunningRuler { Id = "r", Steps = steps, FrequencyCaps = caps };

        channels.Add("whatsapp");
        steps.Add(new RulerStep { Id = "d5", OffsetDays = 5, Channels = ["email"] });
        caps.Clear();

        Assert.Equal("d2", Assert.Single(ruler.Steps).Id);
        Assert.Equal(["email"], ruler.Steps[0].Channels);
        Assert.Single(ruler.FrequencyCaps);
        Assert.IsNotType<List<RulerStep>>(ruler.Steps);
    }
}

using Kolek.Dunning.Charges;
using Kolek.Dunning.Ruler;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>Re-reading charges at send time: DESIGN.md rule 2 (never after payment).</summary>
public sealed partial class DunningRunnerTests
{
    private static readonly DunningRuler s_consolidated = RulerOf(Consolidation.CustomerDay, null, MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto"));

    public static TheoryData<string> StoppedAtSendTime { get; } = ["paid", "cancelled", "disputed", "agreement", "fully paid but open", "unknown to the host"];

    [Theory]
    [MemberData(nameof(StoppedAtSendTime))]
    public async Task RunAsync_ChargeStoppedBetweenPlanningAndSending_SendsNothingAndReportsSkipped(string change)
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        Func<Charge, Charge>? update = change switch
        {
            "paid" => c => c with { Status = ChargeStatus.Paid, PaidAmount = c.Amount },
            "cancelled" => c => c with { Status = ChargeStatus.Cancelled },
            "disputed" => c => c with { Status = ChargeStatus.Disputed },
            "agreement" => c => c with { Status = ChargeStatus.Agreement },
            "fully paid but open" => c => c with { PaidAmount = c.Amount },
            _ => null,
        };
        if (update is null)
        {
            h.Source.ForgetAtSendTime("C-1");
        }
        else
        {
            h.Source.ChangeAtSendTime("C-1", update);
        }

        var result = await h.RunAsync(s_dueDay, At(Due, 9));

        Assert.Equal(0, h.Calls);
        Assert.Empty(result.Sent);
        Assert.Empty(result.Failed);
        Assert.Contains(result.Skipped, s => s.ChargeIds.SequenceEqual(["C-1"]) && s.StepId == "d0");
        Assert.Null(await h.EntryAsync("C-1", "d0", "email"));
    }

    [Fact]
    public async Task RunAsync_PromiseToPayRecordedBetweenPlanningAndSending_SendsNothing()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.Source.ChangeAtSendTime("C-1", c => c with { PromiseToPayUntil = Due.PlusDays(3) });

        var result = await h.RunAsync(s_dueDay, At(Due, 9));

        Assert.Equal(0, h.Calls);
        Assert.Contains(result.Skipped, s => s.ChargeIds.SequenceEqual(["C-1"]) && s.StepId == "d0");
    }

    [Fact]
    public async Task RunAsync_PromiseToPayThatHasPassed_StillSends()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.Source.ChangeAtSendTime("C-1", c => c with { PromiseToPayUntil = Due.PlusDays(-1) });

        var result = await h.RunAsync(s_dueDay, At(Due, 9));

        Assert.Equal(2, result.Sent.Count);
    }

    [Fact]
    public async Task RunAsync_ConsolidatedBothOpen_OneMessageListsBothCharges()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", 1234.56m));
        h.Source.Put(Charge("C-2", 500m));

        await h.RunAsync(s_consolidated, At(Due, 9));

        var message = Assert.Single(h.Email.Accepted);
        Assert.Equal(["C-1", "C-2"], message.Metadata.ChargeIds);
        Assert.Contains("R$ 1.234,56", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("R$ 500,00", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("R$ 1.734,56", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConsolidatedOneChargePaidBeforeSending_MessageCoversOnlyTheOpenOne()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1", 1234.56m));
        h.Source.Put(Charge("C-2", 500m));
        h.Source.ChangeAtSendTime("C-2", c => c with { Status = ChargeStatus.Paid, PaidAmount = c.Amount });

        var result = await h.RunAsync(s_consolidated, At(Due, 9));

        foreach (var message in h.Email.Accepted.Concat(h.WhatsApp.Accepted))
        {
            Assert.Equal(["C-1"], message.Metadata.ChargeIds);
            Assert.Contains("R$ 1.234,56", message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("C-2", message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("R$ 500,00", message.TextBody, StringComparison.Ordinal);
            Assert.Equal(Kolek.Channels.MessageIdempotency.CreateKey(["C-1"], "d0", message.Channel), message.IdempotencyKey);
        }

        Assert.Equal(2, h.Calls);
        Assert.All(result.Sent, s => Assert.Equal(["C-1"], s.ChargeIds));
        Assert.Contains(result.Skipped, s => s.ChargeIds.SequenceEqual(["C-2"]));
        Assert.Null(await h.EntryAsync("C-2", "d0", "email"));
        Assert.Null(await h.EntryAsync("C-2", "d0", "whatsapp"));
    }
}

using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Tests.Running;

/// <summary>The result's summary: counts per bucket, not the lists' type names a record prints by default.</summary>
public sealed class DunningRunResultTests
{
    private static readonly Instant s_at = Instant.FromUtc(2026, 11, 24, 11, 0);

    [Fact]
    public void ToString_CountsEachBucketPerChannel()
    {
        var result = new DunningRunResult(
            [Sent("email"), Sent("email"), Sent("whatsapp")],
            [new RunSkipped(["C-1"], "d2", "email", "canal reserva dispensado: entregue por whatsapp"), new RunSkipped(["C-2"], "d2", null, "A cobrança está paga.")],
            [new RunFailed(["C-3"], "d5", "sms", true, "throttled")],
            [new TemplateWarning("template.fallback", "…")],
            s_at);

        Assert.Equal(
            "DunningRunResult { Sent = 3 (email 2, whatsapp 1), Skipped = 2 ((charge) 1, email 1), Failed = 1 (sms 1), Transient = 1, "
            + "Warnings = 1 (template.fallback 1), NextWakeUp = 2026-11-24T11:00:00Z }",
            result.ToString());
    }

    [Fact]
    public void ToString_Empty_SaysZeroAndNoWakeUp()
    {
        var text = new DunningRunResult([], [], [], [], null).ToString();

        Assert.Equal("DunningRunResult { Sent = 0, Skipped = 0, Failed = 0, Transient = 0, Warnings = 0, NextWakeUp = null }", text);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }

    private static RunSent Sent(string channel) => new("m-" + channel, ["C-9"], "K-1", "d0", channel, "x@exemplo.com.br", "p-1", s_at);
}

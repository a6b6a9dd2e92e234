using Kolek.Reconciliation.Matching;

namespace Kolek.Reconciliation.Tests.Matching;

/// <summary>The result's summary: counts per rule, reason and status, not the lists' type names a record prints by default.</summary>
public sealed class ReconciliationResultTests
{
    [Fact]
    public void ToString_CountsEachListPerRuleReasonAndStatus()
    {
        var result = new ReconciliationResult(
            [new TransactionMatch("T1", [new Allocation("I1", 10m, 0m, 0m)], 0m, MatchRules.NossoNumero, 1, "…"),
             new TransactionMatch("T2", [new Allocation("I2", 10m, 0m, 0m)], 0m, MatchRules.NossoNumero, 1, "…")],
            [],
            [new UnmatchedTransaction("T3", UnmatchedReasons.NoCandidate, "…")],
            [new IgnoredTransaction("T4", IgnoreReason.Debit)],
            [new ItemBalance("I1", ItemStatus.Paid, 0m), new ItemBalance("I2", ItemStatus.Paid, 0m), new ItemBalance("I3", ItemStatus.Open, 5m)]);

        var text = result.ToString();

        Assert.Equal(
            $"ReconciliationResult {{ Matches = 2 ({MatchRules.NossoNumero} 2), Suggestions = 0, Unmatched = 1 ({UnmatchedReasons.NoCandidate} 1), "
            + "Ignored = 1 (Debit 1), Items = 3 (Open 1, Paid 2) }",
            text);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }
}

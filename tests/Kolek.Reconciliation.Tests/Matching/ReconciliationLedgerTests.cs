using Kolek.Reconciliation.Matching;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Matching;

public class ReconciliationLedgerTests
{
    private static readonly Instant s_now = Instant.FromUtc(2026, 11, 5, 12, 0);

    [Fact]
    public async Task TryRecordAsync_SameTransactionTwice_FirstWins()
    {
        var ledger = new InMemoryReconciliationLedger();
        var match = new TransactionMatch("T1", [new Allocation("INV-1", 10m, 0m, 0m)], 0m, MatchRules.NossoNumero, 1.0, "…");

        Assert.True(await ledger.TryRecordAsync(ReconciliationLedgerEntry.From(match, s_now)));
        Assert.False(await ledger.TryRecordAsync(ReconciliationLedgerEntry.From(match with { Rule = "manual" }, s_now.PlusTicks(1))));

        var entry = Assert.Single(ledger.Entries);
        Assert.Equal((MatchRules.NossoNumero, s_now), (entry.Rule, entry.RecordedAt));
    }

    [Fact]
    public async Task FindRecordedAsync_ReturnsOnlyRecordedIds()
    {
        var ledger = new InMemoryReconciliationLedger();
        await ledger.TryRecordAsync(new ReconciliationLedgerEntry("T1", s_now, "manual", []));

        var found = await ledger.FindRecordedAsync(["T1", "T2"]);

        Assert.Equal(["T1"], found);
    }

    [Fact]
    public async Task Ledger_WithMatcher_SecondImportPaysNothingTwice()
    {
        var ledger = new InMemoryReconciliationLedger();
        var matcher = Build.Matcher();
        var items = new[] { Build.Item("INV-1", 100m).WithNossoNumero("1") };
        var statement = new[] { Build.Credit("T1", 100m).WithNossoNumero("1") };

        var first = matcher.Reconcile(statement, items, await ledger.FindRecordedAsync(statement.Select(t => t.Id)));
        foreach (var match in first.Matches)
        {
            await ledger.TryRecordAsync(ReconciliationLedgerEntry.From(match, s_now));
        }

        var second = matcher.Reconcile(statement, items, await ledger.FindRecordedAsync(statement.Select(t => t.Id)));

        Assert.Single(first.Matches);
        Assert.Empty(second.Matches);
        Assert.Equal(IgnoreReason.AlreadyReconciled, Assert.Single(second.Ignored).Reason);
    }
}

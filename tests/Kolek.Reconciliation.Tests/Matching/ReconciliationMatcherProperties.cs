using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Statements;
using NodaTime;
using static Kolek.Reconciliation.Tests.Matching.Build;

namespace Kolek.Reconciliation.Tests.Matching;

/// <summary>The matcher's invariants over generated statements and open items.</summary>
public class ReconciliationMatcherProperties
{
    private static readonly ReconciliationMatcher s_matcher = Matcher();

    /// <summary>A generated case: items, transactions, and a seed to shuffle them.</summary>
    public sealed record Scenario(IReadOnlyList<OpenItem> Items, IReadOnlyList<BankTransaction> Transactions, int ShuffleSeed)
    {
        public override string ToString() =>
            $"{Items.Count} items [{string.Join("; ", Items.Select(i => $"{i.Id} {i.Outstanding} {i.DueDate} {string.Join(",", i.PayerDocuments)} {i.References.NossoNumero}"))}], "
            + $"{Transactions.Count} transactions [{string.Join("; ", Transactions.Select(t => $"{t.Id} {t.Kind} {t.Amount} {t.BookingDate} {t.Payer?.Document} {t.References.NossoNumero} {t.Description}"))}]";
    }

    private static Arbitrary<Scenario> Scenarios =>
        Gen.Choose(0, int.MaxValue - 1).Select(seed => Generate(seed, 9)).ToArbitrary();

    /// <param name="seed">The random seed.</param>
    /// <param name="most">One more than the most items, and than the most transactions.</param>
    private static Scenario Generate(int seed, int most)
    {
        var random = new Random(seed);
        string[] documents = [Cpf, OtherCpf, Cnpj];
        decimal[] amounts = [50m, 100m, 150m, 200.50m, 75.25m, 33.33m];
        var start = Date("2026-10-01");
        var items = new List<OpenItem>();
        for (var i = random.Next(0, most); i > 0; i--)
        {
            var document = random.Next(documents.Length);
            var amount = amounts[random.Next(amounts.Length)];
            var item = new OpenItem("INV-" + i, "K-" + document, amount, start.PlusDays(random.Next(0, 60)))
            {
                PayerDocuments = [documents[document]],
                References = new OpenItemReferences
                {
                    NossoNumero = random.Next(2) == 0 ? "NN" + i : null,
                    DocumentNumber = "DOC" + i,
                },
                LateCharges = random.Next(3) == 0 ? new OpenItemLateChargeTerms(2m, 1m) : null,
            };
            items.Add(random.Next(5) == 0 ? item with { Outstanding = amount - 10m } : item);
        }

        var transactions = new List<BankTransaction>();
        for (var k = random.Next(0, most); k > 0; k--)
        {
            var date = start.PlusDays(random.Next(0, 75));
            var target = items.Count > 0 ? items[random.Next(items.Count)] : null;
            var other = items.Count > 0 ? items[random.Next(items.Count)] : null;
            var amount = (random.Next(6), target, other) switch
            {
                (0, { } t, _) => t.Outstanding,
                (1, { } t, { } o) when o != t => t.Outstanding + o.Outstanding,
                (2, { } t, _) => t.Outstanding + LateCharges.ComputeFor(t, date).Total,
                (3, { } t, _) => Math.Round(t.Outstanding / 2m, 2),
                _ => random.Next(1, 30000) / 100m,
            };
            var credit = new BankTransaction
            {
                Id = "T" + k,
                Kind = random.Next(10) switch { 0 => TransactionKind.Debit, 1 => TransactionKind.Event, _ => TransactionKind.Credit },
                BookingDate = date,
                Amount = amount,
                Source = new SourceLocation(k),
            };
            credit = (random.Next(5), target) switch
            {
                (0, { References.NossoNumero: { } nn }) => credit.WithNossoNumero(nn),
                (1, { } t) => credit with { Description = "PAGTO DOC " + t.References.DocumentNumber },
                (2, _) => credit with { Description = "PIX •••.456.789-••" },
                _ => credit,
            };
            transactions.Add(random.Next(2) == 0 ? credit.WithPayer(documents[random.Next(documents.Length)]) : credit);
        }

        return new Scenario(items, transactions, random.Next());
    }

    private static ReconciliationResult Run(Scenario s) => s_matcher.Reconcile(s.Transactions, s.Items);

    /// <summary>Larger cases (up to 60 items and transactions), where several credits of one sweep compete for the
    /// same items.</summary>
    private static Arbitrary<Scenario> LargerScenarios =>
        Gen.Choose(0, int.MaxValue - 1).Select(seed => Generate(seed, 61)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Threads_DoNotChangeResult() => Prop.ForAll(Scenarios, SameResultOnThreads);

    [Property(MaxTest = 200)]
    public Property Threads_DoNotChangeResult_LargerCases() => Prop.ForAll(LargerScenarios, SameResultOnThreads);

    /// <summary>One thread against 2 and 3 threads splitting every piece of work (one item or credit per thread at
    /// least), with a fee tolerance so that suggestions and write-offs occur.</summary>
    private static bool SameResultOnThreads(Scenario s)
    {
        var one = new ReconciliationMatcher(new MatchingOptions { FeeTolerance = 0.5m, MaxDegreeOfParallelism = 1 });
        var expected = JsonSerializer.Serialize(one.Reconcile(s.Transactions, s.Items));
        return new[] { 2, 3 }.All(threads =>
        {
            var several = new ReconciliationMatcher(new MatchingOptions { FeeTolerance = 0.5m, MaxDegreeOfParallelism = threads }, minWorkPerThread: 1);
            return JsonSerializer.Serialize(several.Reconcile(s.Transactions, s.Items)) == expected;
        });
    }

    [Property(MaxTest = 300)]
    public Property Allocations_SumToAmountMinusRemainder() => Prop.ForAll(Scenarios, s =>
    {
        var amounts = s.Transactions.ToDictionary(t => t.Id, t => t.Amount);
        return Run(s).Matches.All(m =>
            m.Remainder >= 0m
            && m.Allocations.All(a => a.Principal >= 0m && a.LateCharges >= 0m && a.WrittenOff >= 0m)
            && m.Allocations.Sum(a => a.Amount) + m.Remainder == amounts[m.TransactionId]);
    });

    [Property(MaxTest = 300)]
    public Property Allocations_NeverExceedOutstanding() => Prop.ForAll(Scenarios, s =>
    {
        var result = Run(s);
        var settled = result.Matches.SelectMany(m => m.Allocations).ToLookup(a => a.ItemId, a => a.Settled);
        return s.Items.All(i =>
        {
            var total = settled[i.Id].Sum();
            var balance = result.Balance(i.Id);
            return total <= i.Outstanding && balance.Outstanding == i.Outstanding - total;
        });
    });

    [Property(MaxTest = 300)]
    public Property EveryTransaction_AppearsExactlyOnce() => Prop.ForAll(Scenarios, s =>
    {
        var result = Run(s);
        var ids = result.Matches.Select(m => m.TransactionId)
            .Concat(result.Suggestions.Select(x => x.TransactionId))
            .Concat(result.Unmatched.Select(x => x.TransactionId))
            .Concat(result.Ignored.Select(x => x.TransactionId))
            .Order(StringComparer.Ordinal);
        return ids.SequenceEqual(s.Transactions.Select(t => t.Id).Order(StringComparer.Ordinal))
            && result.Items.Select(i => i.ItemId).Order(StringComparer.Ordinal).SequenceEqual(s.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
    });

    [Property(MaxTest = 300)]
    public Property InputOrder_DoesNotChangeResult() => Prop.ForAll(Scenarios, s =>
    {
        var random = new Random(s.ShuffleSeed);
        var shuffled = s with
        {
            Items = [.. s.Items.OrderBy(_ => random.Next())],
            Transactions = [.. s.Transactions.OrderBy(_ => random.Next())],
        };
        return JsonSerializer.Serialize(Run(shuffled)) == JsonSerializer.Serialize(Run(s));
    });

    [Property(MaxTest = 300)]
    public Property RerunWithMatchedAsReconciled_MatchesNothingNew() => Prop.ForAll(Scenarios, s =>
    {
        var first = Run(s);
        var balances = first.Items.ToDictionary(i => i.ItemId, i => i.Outstanding);
        var stillOpen = s.Items.Where(i => balances[i.Id] > 0m).Select(i => i with { Outstanding = balances[i.Id] });
        var reconciled = first.Matches.Select(m => m.TransactionId).ToHashSet();

        var second = s_matcher.Reconcile(s.Transactions, stillOpen, reconciled);

        return second.Matches.Count == 0
            && reconciled.All(id => second.Ignored.Any(x => x.TransactionId == id && x.Reason == IgnoreReason.AlreadyReconciled));
    });

    [Property(MaxTest = 300)]
    public Property EnglishExplanations_ChangeNothingButTheWords() => Prop.ForAll(Scenarios, s =>
    {
        var portuguese = Run(s);
        var english = Matcher(o => o.ExplanationLanguage = ExplanationLanguage.English).Reconcile(s.Transactions, s.Items);
        var explanations = ExplanationLanguageTests.Explanations(english).ToList();
        return JsonSerializer.Serialize(ExplanationLanguageTests.WithoutExplanations(english))
                == JsonSerializer.Serialize(ExplanationLanguageTests.WithoutExplanations(portuguese))
            && explanations.Count == ExplanationLanguageTests.Explanations(portuguese).Count()
            && explanations.All(ExplanationLanguageTests.IsEnglishSentence);
    });

    [Property(MaxTest = 300)]
    public Property PossibleDuplicates_NameOnlySettledItemsAndAllocateNothing() => Prop.ForAll(Scenarios, s =>
    {
        var result = Run(s);
        var duplicates = result.Suggestions.Where(x => x.Candidates.Any(c => c.Rule == MatchRules.PossibleDuplicate)).ToList();
        return duplicates.All(x => x.Candidates.Where(c => c.Rule == MatchRules.PossibleDuplicate)
                .All(c => c.ItemIds.All(id => result.Balance(id) is { Status: ItemStatus.Paid, Outstanding: 0m })))
            && duplicates.All(x => result.Matches.All(m => m.TransactionId != x.TransactionId));
    });

    [Property(MaxTest = 300)]
    public Property RepeatOfAPayerMatch_IsNeverLeftWithoutCandidate() => Prop.ForAll(Scenarios, s =>
    {
        // The user trial's case in general: the same credit again the next day under a new id (a second PIX).
        var first = Run(s);
        var byId = s.Transactions.ToDictionary(t => t.Id);
        var repeats = first.Matches
            .Where(m => m.Rule == MatchRules.PayerDocumentAmount && byId[m.TransactionId].Payer is not null)
            .Select(m => byId[m.TransactionId] with { Id = "R-" + m.TransactionId, BookingDate = byId[m.TransactionId].BookingDate.PlusDays(1) })
            .ToList();

        var second = s_matcher.Reconcile([.. s.Transactions, .. repeats], s.Items);

        return repeats.All(r => second.Unmatched.All(u => u.TransactionId != r.Id));
    });

    [Fact]
    public void Generator_CoversEveryOutcome()
    {
        var results = Enumerable.Range(0, 500).Select(Generate).Select(Run).ToList();
        var rules = results.SelectMany(r => r.Matches).Select(m => m.Rule).ToHashSet();

        Assert.Superset(
            new HashSet<string> { MatchRules.NossoNumero, MatchRules.MemoReference, MatchRules.PayerDocumentAmount, MatchRules.PayerDocumentSubsetSum },
            rules);
        Assert.Contains(results, r => r.Suggestions.Count > 0);
        Assert.Contains(results, r => r.Suggestions.Any(x => x.Candidates.Any(c => c.Rule == MatchRules.PossibleDuplicate)));
        Assert.Contains(results, r => r.Unmatched.Count > 0);
        Assert.Contains(results, r => r.Matches.Any(m => m.Remainder > 0m));
        Assert.Contains(results, r => r.Matches.SelectMany(m => m.Allocations).Any(a => a.LateCharges > 0m));
        Assert.Contains(results, r => r.Items.Any(i => i.Status == ItemStatus.PartiallyPaid));
    }

    [Property(MaxTest = 200)]
    public Property LateCharges_NeverNegativeAndZeroUntilDue() => Prop.ForAll(
        Gen.Choose(0, 1_000_000).Select(c => c / 100m).ToArbitrary(),
        Gen.Choose(-40, 400).ToArbitrary(),
        (principal, days) =>
        {
            var due = Date("2026-11-05");
            var quote = LateCharges.Compute(principal, due, due.PlusDays(days), new OpenItemLateChargeTerms(2m, 1m));
            return quote.Fine >= 0m && quote.Interest >= 0m
                && (days > 0 || quote == LateChargeQuote.None)
                && (days <= 0 || quote.DaysLate == days)
                && quote.Fine == Math.Round(quote.Fine, 2) && quote.Interest == Math.Round(quote.Interest, 2);
        });
}

using Kolek.Channels;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.LateCharges;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;

namespace Kolek.Dunning.Tests.Running;

/// <summary>A runner wired to fakes: an in-memory journal, a mutable portfolio, e-mail and WhatsApp channels.</summary>
internal sealed class RunnerHarness
{
    /// <summary>Monday 16 March 2026, a business day in São Paulo.</summary>
    public static readonly LocalDate Due = new(2026, 3, 16);

    public static readonly TemplateCreditor Creditor = new("Empresa Exemplo Ltda", "11222333000181");

    public static readonly DunningPlanner Planner = new(BusinessCalendar.BrazilBanking);

    /// <summary>An approved WhatsApp template for every built-in template name, so WhatsApp steps go out outside the 24-hour window.</summary>
    public static readonly DunningRunnerOptions ApprovedTemplates = new()
    {
        WhatsAppTemplates = TemplateSet.BuiltIn.Entries.Select(e => e.Name).Distinct().ToDictionary(n => n, n => new WhatsAppTemplate("kolek_" + n, "pt_BR")
        {
            PositionalParameters = [TemplateParser.ParseText("{{ customer.first_name }}").Value, TemplateParser.ParseText("{{ total_due }}").Value],
        }, StringComparer.Ordinal),
    };

    /// <summary>Creates a harness.</summary>
    /// <param name="journal">The journal, to share it between harnesses; a new in-memory one by default.</param>
    /// <param name="escalations">The escalation handler, if any.</param>
    /// <param name="jitter">When set, the channels answer after a short pseudo-random delay seeded with it.</param>
    public RunnerHarness(IDunningJournal? journal = null, RecordingEscalationHandler? escalations = null, int? jitter = null)
    {
        Journal = journal ?? new InMemoryDunningJournal();
        Escalations = escalations;
        Func<Task>? latency = null;
        if (jitter is { } seed)
        {
            var random = new Random(seed);
            latency = async () =>
            {
                if (random.Next(3) == 0)
                {
                    await Task.Delay(1);
                }
                else
                {
                    await Task.Yield();
                }
            };
        }

        Email = new FakeChannel("email", ChannelKind.Email) { Latency = latency };
        WhatsApp = new FakeChannel("whatsapp", ChannelKind.WhatsApp) { Latency = latency };
    }

    public IDunningJournal Journal { get; }

    public RecordingEscalationHandler? Escalations { get; }

    public FakeReceivableSource Source { get; } = new();

    public FakeChannel Email { get; }

    public FakeChannel WhatsApp { get; }

    /// <summary>The keys of every message the channels accepted, duplicates kept.</summary>
    public IReadOnlyList<JournalKey> AcceptedKeys =>
        [.. Email.Accepted.Concat(WhatsApp.Accepted).SelectMany(m => m.Metadata.ChargeIds.Select(id => new JournalKey(id, m.Metadata.StepId, m.Channel)))];

    public int Calls => Email.Calls.Count + WhatsApp.Calls.Count;

    /// <summary>The runner's options; approved WhatsApp templates for every built-in name by default.</summary>
    public DunningRunnerOptions Options { get; set; } = ApprovedTemplates;

    public DunningRunner Runner() => new(Planner, Journal, Source, [Email, WhatsApp], TemplateSet.BuiltIn, Creditor, Escalations, Options);

    public Task<DunningRunResult> RunAsync(DunningRuler ruler, Instant now) => Runner().RunAsync(ruler, now);

    public ValueTask<JournalEntry?> EntryAsync(string chargeId, string stepId, string channel) =>
        Journal.GetAsync(new JournalKey(chargeId, stepId, channel));

    /// <summary>A local time in São Paulo as an instant.</summary>
    public static Instant At(LocalDate date, int hour, int minute = 0) =>
        date.At(new LocalTime(hour, minute)).InZoneStrictly(Fixtures.SaoPaulo).ToInstant();

    public static CustomerCharge Charge(string id, decimal amount = 1000m, string customerId = "K-1", LocalDate? due = null, Customer? customer = null,
        string? linhaDigitavel = null) =>
        new(new Charge
        {
            Id = id,
            CustomerId = customerId,
            Amount = amount,
            IssueDate = (due ?? Due).PlusDays(-20),
            DueDate = due ?? Due,
            LinhaDigitavel = linhaDigitavel,
        }, customer ?? Fixtures.Customer(customerId));

    public static RulerStep MessageStep(string id, int offset, string[] channels, bool fallback = false, string? template = null) =>
        new() { Id = id, Anchor = StepAnchor.Due, OffsetDays = offset, Channels = channels, Fallback = fallback, Template = template };

    public static DunningRuler RulerOf(params RulerStep[] steps) => RulerOf(Consolidation.Charge, null, steps);

    public static DunningRuler RulerOf(Consolidation consolidate, LateChargeTerms? lateCharges, params RulerStep[] steps) => new()
    {
        Id = "teste",
        Consolidate = consolidate,
        LateCharges = lateCharges ?? LateChargeTerms.None,
        Steps = steps,
    };
}

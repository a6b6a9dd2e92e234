using Kolek.Channels;
using Kolek.Dunning.Charges;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Ruler;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;
using NodaTime;
using static Kolek.Dunning.Tests.Running.RunnerHarness;

namespace Kolek.Dunning.Tests.Running;

/// <summary>WhatsApp's 24-hour service window, bounced addresses and the settling of in-doubt messages.</summary>
public sealed class DunningRunnerChannelTests
{
    private static readonly DunningRuler s_whatsApp = RulerOf(MessageStep("d0", 0, ["whatsapp"], template: "boleto"));

    private static readonly DunningRuler s_fallback = RulerOf(MessageStep("d0", 0, ["whatsapp", "email"], fallback: true, template: "boleto"));

    private static readonly DunningRuler s_dueDay = RulerOf(MessageStep("d0", 0, ["email", "whatsapp"], template: "boleto"));

    private static readonly Instant s_now = At(Due, 9);

    private static CustomerCharge WithInbound(string id, Instant? lastInbound) =>
        Charge(id, customer: Fixtures.Customer() with { LastWhatsAppInboundAt = lastInbound });

    [Fact]
    public async Task RunAsync_WhatsAppInsideServiceWindow_SendsFreeTextWithoutTemplate()
    {
        var h = new RunnerHarness();
        h.Source.Put(WithInbound("C-1", s_now - Duration.FromHours(23)));

        await h.RunAsync(s_whatsApp, s_now);

        var message = Assert.Single(h.WhatsApp.Accepted);
        Assert.Null(message.Template);
        Assert.Contains("Empresa Exemplo Ltda", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(24)]
    [InlineData(200)]
    public async Task RunAsync_WhatsAppOutsideServiceWindow_SendsTheApprovedTemplateWithItsParameters(int? hoursSinceInbound)
    {
        var h = new RunnerHarness();
        h.Source.Put(WithInbound("C-1", hoursSinceInbound is { } hours ? s_now - Duration.FromHours(hours) : null));

        await h.RunAsync(s_whatsApp, s_now);

        var template = Assert.Single(h.WhatsApp.Accepted).Template;
        Assert.NotNull(template);
        Assert.Equal(("kolek_boleto", "pt_BR"), (template.Name, template.Language));
        Assert.Equal(["Cliente K-1", "R$ 1.000,00"], template.PositionalParameters);
    }

    [Fact]
    public async Task RunAsync_ApprovedTemplateWithNamedParameters_FillsThemFromTheMessage()
    {
        var h = new RunnerHarness
        {
            Options = new DunningRunnerOptions
            {
                WhatsAppTemplates = new Dictionary<string, WhatsAppTemplate>
                {
                    ["boleto"] = new("cobranca_boleto", "pt_BR")
                    {
                        NamedParameters = new Dictionary<string, TextTemplate>
                        {
                            ["credor"] = TemplateParser.ParseText("{{ creditor.name }} ({{ creditor.cnpj }})").Value,
                            ["vencimento"] = TemplateParser.ParseText("{{ first_due_date }}").Value,
                        },
                    },
                },
            },
        };
        h.Source.Put(Charge("C-1"));

        await h.RunAsync(s_whatsApp, s_now);

        var template = Assert.Single(h.WhatsApp.Accepted).Template!;
        Assert.Equal("Empresa Exemplo Ltda (11.222.333/0001-81)", template.NamedParameters["credor"]);
        Assert.Equal("16/03/2026", template.NamedParameters["vencimento"]);
        Assert.Empty(template.PositionalParameters);
    }

    [Fact]
    public async Task RunAsync_OutsideWindowWithoutApprovedTemplate_SkipsWhatsAppWithTheReasonAndFallsBackToEmail()
    {
        var h = new RunnerHarness { Options = new DunningRunnerOptions() };
        h.Source.Put(Charge("C-1"));

        var result = await h.RunAsync(s_fallback, s_now);

        Assert.Empty(h.WhatsApp.Calls);
        Assert.Equal("email", Assert.Single(result.Sent).Channel);
        var skipped = Assert.Single(result.Skipped);
        Assert.Contains("janela de atendimento de 24 horas do WhatsApp", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(JournalEntryState.Skipped, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);
    }

    [Fact]
    public async Task RunAsync_ProviderRejectsTheTemplate_FailureRecordedNeverReportedSent()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        h.WhatsApp.Then(SendResult.PermanentFailure("template cobranca_boleto rejected: paused by Meta"));

        var result = await h.RunAsync(s_fallback, s_now);

        var failed = Assert.Single(result.Failed);
        Assert.Equal(("whatsapp", false), (failed.Channel, failed.Transient));
        Assert.DoesNotContain(result.Sent, s => s.Channel == "whatsapp");
        Assert.Equal("email", Assert.Single(result.Sent).Channel);
        Assert.Equal(JournalEntryState.PermanentFailure, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);
    }

    [Fact]
    public async Task RunAsync_EmailBouncedEarlier_NextStepSkipsTheAddressAndFallsBackToWhatsApp()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var ruler = RulerOf(MessageStep("d0", 0, ["email"], template: "boleto"), MessageStep("d3", 3, ["email", "whatsapp"], fallback: true, template: "atraso"));
        var first = await h.RunAsync(ruler, s_now);
        var bounce = new DeliveryStatusUpdate(Assert.Single(first.Sent).ProviderMessageId, DeliveryStatus.Bounced, null, "550 mailbox unavailable");
        Assert.Equal(DeliveryUpdateResult.Applied, await h.Journal.ApplyDeliveryStatusAsync(bounce, s_now + Duration.FromHours(1)));

        var later = await h.RunAsync(ruler, At(Due.PlusDays(3), 9));

        Assert.Equal("whatsapp", Assert.Single(later.Sent).Channel);
        Assert.Contains("rejeitado (bounce)", Assert.Single(later.Skipped).Reason, StringComparison.Ordinal);
        Assert.Single(h.Email.Calls);
    }

    [Fact]
    public async Task RunAsync_BouncedAddressReplacedByTheHost_NewAddressIsUsed()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var ruler = RulerOf(MessageStep("d0", 0, ["email"], template: "boleto"), MessageStep("d3", 3, ["email"], template: "atraso"));
        var first = await h.RunAsync(ruler, s_now);
        await h.Journal.ApplyDeliveryStatusAsync(new DeliveryStatusUpdate(first.Sent[0].ProviderMessageId, DeliveryStatus.Bounced, null), s_now);
        h.Source.Put(Charge("C-1", customer: Fixtures.Customer() with { Email = "novo@example.com" }));

        var later = await h.RunAsync(ruler, At(Due.PlusDays(3), 9));

        Assert.Equal("novo@example.com", Assert.Single(later.Sent).Recipient);
    }

    [Fact]
    public async Task RunAsync_InDoubtAndTheProviderHasIt_RecordedSentAndNeverResent()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var email = new LookupChannel(h.Email, key => "provider-" + key);
        h.Email.ThenThrow(new InvalidOperationException("connection reset after the request was written"));
        var runner = new DunningRunner(Planner, h.Journal, h.Source, [email, h.WhatsApp], TemplateSet.BuiltIn, Creditor, options: ApprovedTemplates);
        await runner.RunAsync(s_dueDay, s_now);
        Assert.Equal(JournalEntryState.InDoubt, (await h.EntryAsync("C-1", "d0", "email"))?.State);

        var later = await runner.RunAsync(s_dueDay, s_now + Duration.FromHours(1));

        Assert.Empty(later.Sent);
        var entry = await h.EntryAsync("C-1", "d0", "email");
        Assert.Equal(JournalEntryState.Sent, entry?.State);
        Assert.Equal("provider-" + entry!.MessageId, entry.Outcome!.ProviderMessageId);
        Assert.Single(h.Email.Calls);
    }

    [Fact]
    public async Task RunAsync_InDoubtAndTheProviderNeverGotIt_ResentOnceWithTheSameKey()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var email = new LookupChannel(h.Email);
        h.Email.ThenThrow(new InvalidOperationException("crash before the request left"));
        var runner = new DunningRunner(Planner, h.Journal, h.Source, [email, h.WhatsApp], TemplateSet.BuiltIn, Creditor, options: ApprovedTemplates);
        await runner.RunAsync(s_dueDay, s_now);

        var later = await runner.RunAsync(s_dueDay, s_now + Duration.FromHours(1));
        var again = await runner.RunAsync(s_dueDay, s_now + Duration.FromHours(2));

        Assert.Equal("email", Assert.Single(later.Sent).Channel);
        Assert.Empty(again.Sent);
        Assert.Equal(2, h.Email.Calls.Count);
        Assert.Equal(h.Email.Calls[0].Message.IdempotencyKey, h.Email.Calls[1].Message.IdempotencyKey);
        Assert.Equal([h.Email.Calls[0].Message.IdempotencyKey], email.LookedUp);
        Assert.Equal(JournalEntryState.Sent, (await h.EntryAsync("C-1", "d0", "email"))?.State);
    }

    [Fact]
    public async Task RunAsync_InDoubtWithinTheGracePeriod_LeftAloneForTheRunThatMayStillBeSending()
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var email = new LookupChannel(h.Email);
        h.Email.ThenThrow(new InvalidOperationException("crash"));
        var runner = new DunningRunner(Planner, h.Journal, h.Source, [email, h.WhatsApp], TemplateSet.BuiltIn, Creditor, options: ApprovedTemplates);
        await runner.RunAsync(s_dueDay, s_now);

        await runner.RunAsync(s_dueDay, s_now + Duration.FromMinutes(14));

        Assert.Empty(email.LookedUp);
        Assert.Equal(JournalEntryState.InDoubt, (await h.EntryAsync("C-1", "d0", "email"))?.State);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task RunAsync_ResendPolicy_ResendsOnlyThroughAProviderThatDeduplicates(bool deduplicates, int expectedCalls)
    {
        var h = new RunnerHarness();
        h.Source.Put(Charge("C-1"));
        var whatsApp = new DeduplicatingChannel(h.WhatsApp, deduplicates);
        h.WhatsApp.ThenThrow(new InvalidOperationException("crash after the provider accepted"));
        var options = ApprovedTemplates with { InDoubt = InDoubtPolicy.ResendWithSameKey };
        var runner = new DunningRunner(Planner, h.Journal, h.Source, [h.Email, whatsApp], TemplateSet.BuiltIn, Creditor, options: options);
        await runner.RunAsync(s_dueDay, s_now);

        await runner.RunAsync(s_dueDay, s_now + Duration.FromHours(1));
        await runner.RunAsync(s_dueDay, s_now + Duration.FromHours(2));

        Assert.Equal(expectedCalls, h.WhatsApp.Calls.Count);
        Assert.Single(h.WhatsApp.Calls.Select(c => c.Message.IdempotencyKey).Distinct());
        Assert.Equal(deduplicates ? JournalEntryState.Sent : JournalEntryState.Skipped, (await h.EntryAsync("C-1", "d0", "whatsapp"))?.State);
    }

    /// <summary>A channel without look-up that declares (or not) provider-side deduplication.</summary>
    private sealed class DeduplicatingChannel(FakeChannel inner, bool deduplicates) : IMessageChannel
    {
        public ChannelKind Kind => inner.Kind;

        public string Name => inner.Name;

        public bool DeduplicatesByIdempotencyKey => deduplicates;

        public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) => inner.SendAsync(message, cancellationToken);
    }

    [Fact]
    public void Constructor_NullChannel_ThrowsArgumentException()
    {
        // tryout7: a NullReferenceException.
        var ex = Assert.Throws<ArgumentException>(() => new DunningRunner(
            Planner, new InMemoryDunningJournal(), new FakeReceivableSource(), [null!], TemplateSet.BuiltIn, Creditor));

        Assert.Equal("channels", ex.ParamName);
    }

    [Fact]
    public void Constructor_TwoChannelsWithOneName_SaysWhichName()
    {
        // tryout7: "An item with the same key has already been added. Key: email".
        var ex = Assert.Throws<ArgumentException>(() => new DunningRunner(
            Planner, new InMemoryDunningJournal(), new FakeReceivableSource(),
            [new FakeChannel("email", ChannelKind.Email), new FakeChannel("email", ChannelKind.Email)], TemplateSet.BuiltIn, Creditor));

        Assert.Equal("channels", ex.ParamName);
        Assert.StartsWith("Two channels are named 'email'", ex.Message, StringComparison.Ordinal);
    }
}

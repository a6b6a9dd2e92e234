using Kolek.Channels;
using Kolek.Dunning;
using Kolek.Dunning.Calendar;
using Kolek.Dunning.Journal;
using Kolek.Dunning.Planning;
using Kolek.Dunning.Running;
using Kolek.Dunning.Templates;

namespace Kolek.Cli.Outbox;

/// <summary>
/// The dunning runner of the commands that send (<c>demo</c>, <c>run</c>): Brazilian bank calendar, the outbox channels
/// (<c>email</c> as <c>.eml</c>, <c>whatsapp</c> and <c>sms</c> as <c>.json</c>) and escalations written to the outbox.
/// </summary>
public static class OutboxRunner
{
    private static readonly string[] s_whatsAppParameters = ["customer.first_name", "creditor.name", "creditor.cnpj", "total_due", "first_due_date"];

    /// <summary>The channel names the outbox can send through (what rulers may name).</summary>
    public static IReadOnlySet<string> ChannelNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "email", "whatsapp", "sms" };

    /// <summary>The planner every command uses: Brazilian banking calendar, default options.</summary>
    public static DunningPlanner Planner() => new(BusinessCalendar.BrazilBanking, new KolekDunningOptions());

    /// <summary>Creates a runner that writes every message under <paramref name="outbox"/>.</summary>
    /// <param name="journal">The journal (claims and outcomes).</param>
    /// <param name="source">The receivables.</param>
    /// <param name="outbox">The outbox folder; one sub-folder per channel, plus <c>escalations</c>.</param>
    /// <param name="templates">The templates.</param>
    /// <param name="creditor">The creditor named in every message.</param>
    /// <param name="creditorEmail">The sender address of e-mails.</param>
    /// <param name="now">The present, for the files' dates.</param>
    public static DunningRunner Create(IDunningJournal journal, IReceivableSource source, string outbox, TemplateSet templates,
        TemplateCreditor creditor, string creditorEmail, Func<DateTimeOffset> now) =>
        new(Planner(), journal, source,
            [
                new OutboxChannel("email", ChannelKind.Email, Path.Combine(outbox, "email"), $"{creditor.Name} <{creditorEmail}>", now),
                new OutboxChannel("whatsapp", ChannelKind.WhatsApp, Path.Combine(outbox, "whatsapp"), creditorEmail, now),
                new OutboxChannel("sms", ChannelKind.Sms, Path.Combine(outbox, "sms"), creditorEmail, now),
            ],
            templates, creditor, new OutboxEscalations(Path.Combine(outbox, "escalations")), Options(templates));

    /// <summary>
    /// The demo's WhatsApp Business account has an approved template <c>kolek_&lt;template&gt;</c> (pt_BR) for every Kolek
    /// template, with the greeting name, the creditor, its CNPJ, the total due and the first due date as <c>{{1}}</c>…<c>{{5}}</c>;
    /// it is what goes out to customers who have not written in the last 24 hours (the outbox JSON shows it as <c>template</c>).
    /// Transient failures (outbox write errors) are retried on every run, without a last attempt.
    /// </summary>
    public static DunningRunnerOptions Options(TemplateSet templates)
    {
        TextTemplate[] parameters = [.. s_whatsAppParameters.Select(v => TemplateParser.ParseText("{{ " + v + " }}").Value)];
        return new DunningRunnerOptions
        {
            // The outbox is a local folder: a write failure (full disk, missing permission) lasts until someone fixes it,
            // so the demo keeps retrying on every run instead of giving up after the library's default five attempts.
            MaxAttempts = int.MaxValue,
            WhatsAppTemplates = templates.Entries.Select(e => e.Name).Distinct(StringComparer.Ordinal)
                .ToDictionary(n => n, n => new WhatsAppTemplate("kolek_" + n, "pt_BR") { PositionalParameters = parameters }, StringComparer.Ordinal),
        };
    }
}

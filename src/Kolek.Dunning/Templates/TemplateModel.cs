using NodaTime;

namespace Kolek.Dunning.Templates;

/// <summary>The tone of a ruler step's message, from a neutral reminder to a final notice.</summary>
public enum MessageTone
{
    /// <summary>Before or on the due date: information, no pressure.</summary>
    Reminder = 1,

    /// <summary>Just overdue: assumes a simple oversight.</summary>
    Friendly = 2,

    /// <summary>Some days overdue: asks for payment, offers to talk.</summary>
    Firm = 3,

    /// <summary>Last notice before escalation (protest, credit bureau), stated as a possibility, never as a threat.</summary>
    Final = 4,
}

/// <summary>The creditor that sends the message; every collection message identifies it (CDC art. 42-A: name and CNPJ).</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateCreditor
{
    /// <summary>Initializes a new creditor.</summary>
    /// <param name="name">The company's name as customers know it.</param>
    /// <param name="cnpj">The company's CNPJ, with or without mask; numeric or alphanumeric.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="cnpj"/> is not a valid CNPJ (shape or check digits).</exception>
    public TemplateCreditor(string name, string cnpj)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(cnpj);
        var bare = CnpjNumber.StripMask(cnpj);
        if (!CnpjNumber.IsValid(bare))
        {
            throw new ArgumentException($"'{cnpj}' is not a valid CNPJ.", nameof(cnpj));
        }

        Name = name;
        Cnpj = bare;
    }

    /// <summary>Gets the company's name.</summary>
    public string Name { get; }

    /// <summary>Gets the CNPJ without mask (14 characters); templates show it masked.</summary>
    public string Cnpj { get; }

    /// <summary>Gets the company's address, shown in e-mail footers (art. 42-A also asks for it).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Address { get; init; }

    /// <summary>Gets how customers reach the collection team (phone, e-mail), shown in footers.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Contact { get; init; }
}

/// <summary>The customer a message is addressed to.</summary>
/// <param name="Name">The customer's name.</param>
/// <param name="IsPerson"><see langword="true"/> for a person, greeted by first name; <see langword="false"/> for a company, greeted by its full name.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateCustomer(string Name, bool IsPerson = true)
{
    /// <summary>Gets the name to greet the customer with: the first name of a person, the full name of a company.</summary>
    public string GreetingName => IsPerson ? Name.Trim().Split(' ', 2)[0] : Name.Trim();
}

/// <summary>One charge as a message shows it.</summary>
/// <param name="Id">The charge's id (document number) as the customer knows it.</param>
/// <param name="OriginalAmount">The amount issued.</param>
/// <param name="AmountPaid">What was already paid (partial payments).</param>
/// <param name="OpenBalance">The principal still open: original minus paid.</param>
/// <param name="UpdatedAmount">What is owed today: open balance plus fine and interest, when late.</param>
/// <param name="DueDate">The due date.</param>
/// <param name="DaysLate">Calendar days past the due date on the message's date; zero or negative when not yet due.</param>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TemplateCharge(
    string Id,
    decimal OriginalAmount,
    decimal AmountPaid,
    decimal OpenBalance,
    decimal UpdatedAmount,
    LocalDate DueDate,
    int DaysLate)
{
    /// <summary>Gets the boleto's 47-digit typeable line, when the charge has a boleto.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? LinhaDigitavel { get; init; }

    /// <summary>Gets the PIX "copia e cola" payload, when the charge can be paid by PIX.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PixCopiaECola { get; init; }

    /// <summary>Gets a link to a payment page, when the host has one.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PaymentLink { get; init; }
}

/// <summary>Everything a message template can show: creditor, customer, step, the charges and the date.</summary>
/// <remarks>
/// The runner builds one model per message; a consolidated message has several charges. Amounts are computed by the
/// caller (late-charge arithmetic lives elsewhere); templates only format them.
/// <threadsafety>Immutable when built from a list nobody mutates.</threadsafety>
/// </remarks>
public sealed record TemplateModel
{
    /// <summary>Initializes a new model.</summary>
    /// <param name="creditor">The creditor.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="stepId">The ruler step id, for example <c>d2</c>.</param>
    /// <param name="tone">The step's tone.</param>
    /// <param name="charges">The charges the message covers, at least one.</param>
    /// <param name="today">The message's date in the customer's time zone.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="charges"/> is empty or <paramref name="stepId"/> is empty.</exception>
    public TemplateModel(TemplateCreditor creditor, TemplateCustomer customer, string stepId, MessageTone tone, IReadOnlyList<TemplateCharge> charges, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(creditor);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        ArgumentNullException.ThrowIfNull(charges);
        if (charges.Count == 0)
        {
            throw new ArgumentException("A message is about at least one charge.", nameof(charges));
        }

        Creditor = creditor;
        Customer = customer;
        StepId = stepId;
        Tone = tone;
        Charges = [.. charges];
        Today = today;
    }

    /// <summary>Gets the creditor.</summary>
    public TemplateCreditor Creditor { get; }

    /// <summary>Gets the customer.</summary>
    public TemplateCustomer Customer { get; }

    /// <summary>Gets the ruler step id.</summary>
    public string StepId { get; }

    /// <summary>Gets the step's tone.</summary>
    public MessageTone Tone { get; }

    /// <summary>Gets the charges, in the order the message lists them.</summary>
    public IReadOnlyList<TemplateCharge> Charges { get; }

    /// <summary>Gets the message's date.</summary>
    public LocalDate Today { get; }

    /// <summary>Gets the total owed today: the sum of <see cref="TemplateCharge.UpdatedAmount"/>.</summary>
    public decimal TotalDue => Charges.Sum(c => c.UpdatedAmount);
}

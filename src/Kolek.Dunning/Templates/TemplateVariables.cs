using System.Globalization;

namespace Kolek.Dunning.Templates;

/// <summary>What a name in a template stands for.</summary>
internal enum VariableKind
{
    /// <summary>Text, written with <c>{{ name }}</c>; a section over it renders when it is not empty.</summary>
    Text,

    /// <summary>Yes or no, only usable as a section: <c>{{# name }}…{{/ name }}</c>.</summary>
    Flag,

    /// <summary>A list, only usable as a section that repeats for each item.</summary>
    List,
}

/// <summary>The variables templates may use, with their meaning, and how a <see cref="TemplateModel"/> fills them.</summary>
internal static class TemplateVariables
{
    internal const string ChargesList = "charges";

    internal static readonly IReadOnlyDictionary<string, (VariableKind Kind, string Description)> Root =
        new Dictionary<string, (VariableKind, string)>(StringComparer.Ordinal)
        {
            ["creditor.name"] = (VariableKind.Text, "creditor's name"),
            ["creditor.cnpj"] = (VariableKind.Text, "creditor's CNPJ, masked"),
            ["creditor.address"] = (VariableKind.Text, "creditor's address (may be empty)"),
            ["creditor.contact"] = (VariableKind.Text, "how to reach the creditor (may be empty)"),
            ["customer.name"] = (VariableKind.Text, "customer's full name"),
            ["customer.first_name"] = (VariableKind.Text, "first name of a person, full name of a company"),
            ["step.id"] = (VariableKind.Text, "ruler step id"),
            ["tone.reminder"] = (VariableKind.Flag, "the step is a reminder"),
            ["tone.friendly"] = (VariableKind.Flag, "the step is a friendly late notice"),
            ["tone.firm"] = (VariableKind.Flag, "the step is a firm late notice"),
            ["tone.final"] = (VariableKind.Flag, "the step is a final notice"),
            ["today"] = (VariableKind.Text, "message date, dd/MM/yyyy"),
            ["total_due"] = (VariableKind.Text, "total owed today, R$"),
            ["charge_count"] = (VariableKind.Text, "number of charges"),
            ["first_due_date"] = (VariableKind.Text, "earliest due date, dd/MM/yyyy"),
            ["overdue"] = (VariableKind.Flag, "some charge is past its due date"),
            ["multiple_charges"] = (VariableKind.Flag, "the message covers more than one charge"),
            ["payment_details"] = (VariableKind.Flag, "some charge has a linha digitável, PIX copia e cola or payment link"),
            [ChargesList] = (VariableKind.List, "the charges, one section pass each"),
        };

    internal static readonly IReadOnlyDictionary<string, (VariableKind Kind, string Description)> Charge =
        new Dictionary<string, (VariableKind, string)>(StringComparer.Ordinal)
        {
            ["id"] = (VariableKind.Text, "charge id"),
            ["original_amount"] = (VariableKind.Text, "amount issued, R$"),
            ["amount_paid"] = (VariableKind.Text, "already paid, R$"),
            ["open_balance"] = (VariableKind.Text, "open principal, R$"),
            ["updated_amount"] = (VariableKind.Text, "owed today with fine and interest, R$"),
            ["late_charges"] = (VariableKind.Text, "fine and interest, R$"),
            ["due_date"] = (VariableKind.Text, "due date, dd/MM/yyyy"),
            ["days_late"] = (VariableKind.Text, "days past due, a number"),
            ["days_late_text"] = (VariableKind.Text, "days past due in words, as in 5 dias"),
            ["overdue"] = (VariableKind.Flag, "this charge is past its due date"),
            ["partially_paid"] = (VariableKind.Flag, "something was already paid"),
            ["has_late_charges"] = (VariableKind.Flag, "fine or interest apply"),
            ["linha_digitavel"] = (VariableKind.Text, "boleto typeable line (may be empty)"),
            ["pix_copia_e_cola"] = (VariableKind.Text, "PIX copia e cola (may be empty)"),
            ["payment_link"] = (VariableKind.Text, "payment page link (may be empty)"),
            ["payment_details"] = (VariableKind.Flag, "this charge has a linha digitável, PIX copia e cola or payment link"),
        };

    internal static string Describe(IReadOnlyDictionary<string, (VariableKind Kind, string Description)> scope) =>
        string.Join(", ", scope.Keys);

    internal static Dictionary<string, object?> ScopeOf(TemplateModel model)
    {
        var charges = model.Charges.Select(ScopeOf).ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["creditor.name"] = model.Creditor.Name,
            ["creditor.cnpj"] = PtBrFormat.Cnpj(model.Creditor.Cnpj),
            ["creditor.address"] = model.Creditor.Address,
            ["creditor.contact"] = model.Creditor.Contact,
            ["customer.name"] = model.Customer.Name,
            ["customer.first_name"] = model.Customer.GreetingName,
            ["step.id"] = model.StepId,
            ["tone.reminder"] = model.Tone == MessageTone.Reminder,
            ["tone.friendly"] = model.Tone == MessageTone.Friendly,
            ["tone.firm"] = model.Tone == MessageTone.Firm,
            ["tone.final"] = model.Tone == MessageTone.Final,
            ["today"] = PtBrFormat.Date(model.Today),
            ["total_due"] = PtBrFormat.Money(model.TotalDue),
            ["charge_count"] = model.Charges.Count.ToString(CultureInfo.InvariantCulture),
            ["first_due_date"] = PtBrFormat.Date(model.Charges.Min(c => c.DueDate)),
            ["overdue"] = model.Charges.Any(c => c.DaysLate > 0),
            ["multiple_charges"] = model.Charges.Count > 1,
            ["payment_details"] = model.Charges.Any(HasPaymentDetails),
            [ChargesList] = charges,
        };
    }

    private static Dictionary<string, object?> ScopeOf(TemplateCharge charge) => new(StringComparer.Ordinal)
    {
        ["id"] = charge.Id,
        ["original_amount"] = PtBrFormat.Money(charge.OriginalAmount),
        ["amount_paid"] = PtBrFormat.Money(charge.AmountPaid),
        ["open_balance"] = PtBrFormat.Money(charge.OpenBalance),
        ["updated_amount"] = PtBrFormat.Money(charge.UpdatedAmount),
        ["late_charges"] = PtBrFormat.Money(charge.UpdatedAmount - charge.OpenBalance),
        ["due_date"] = PtBrFormat.Date(charge.DueDate),
        ["days_late"] = Math.Max(charge.DaysLate, 0).ToString(CultureInfo.InvariantCulture),
        ["days_late_text"] = PtBrFormat.Days(Math.Max(charge.DaysLate, 0)),
        ["overdue"] = charge.DaysLate > 0,
        ["partially_paid"] = charge.AmountPaid > 0,
        ["has_late_charges"] = charge.UpdatedAmount > charge.OpenBalance,
        ["linha_digitavel"] = charge.LinhaDigitavel,
        ["pix_copia_e_cola"] = charge.PixCopiaECola,
        ["payment_link"] = charge.PaymentLink,
        ["payment_details"] = HasPaymentDetails(charge),
    };

    private static bool HasPaymentDetails(TemplateCharge charge) =>
        !string.IsNullOrEmpty(charge.LinhaDigitavel) || !string.IsNullOrEmpty(charge.PixCopiaECola) || !string.IsNullOrEmpty(charge.PaymentLink);
}

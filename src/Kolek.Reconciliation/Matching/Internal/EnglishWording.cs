using System.Globalization;
using System.Text;
using NodaTime;

namespace Kolek.Reconciliation.Matching.Internal;

/// <summary>The explanations in English: "Nosso número 123 matches; amount R$ 150.00 equals the open amount of charge
/// INV-2 (due 2026-11-05).". Money keeps the real sign with English separators; dates are ISO (yyyy-MM-dd), as in the
/// CLI's JSON. Brazilian terms without an English equivalent (nosso número, txid, CPF, CNPJ) stay as they are.</summary>
internal sealed class EnglishWording : Wording
{
    private EnglishWording()
        : base("nosso número ", "txid ", "PIX end-to-end id ", "document number ")
    {
    }

    public static EnglishWording Instance { get; } = new();

    public override string MemoEvidence(IReadOnlyList<string> references) =>
        (references.Count == 1 ? "reference " : "references ") + string.Join(", ", references.Select(r => "\"" + r + "\"")) + " in the description";

    public override string PayerEvidence(string pattern, bool complete) =>
        complete ? "the payer's " + PtBr.DocumentKind(pattern)
        : "the payer's partial " + PtBr.DocumentKind(pattern) + " (" + pattern.Replace(Keys.Hidden, '•') + ")";

    public override StringBuilder NonPositiveAmount(StringBuilder text, decimal amount) =>
        Money(text.Append("Credit of "), amount).Append(": nothing to reconcile.");

    public override StringBuilder ReferenceFits(StringBuilder text, string evidence, in FitWords fit) =>
        AmountFit(AppendCapitalized(text, evidence).Append(" matches; "), fit).Append('.');

    public override StringBuilder ReferencePartial(StringBuilder text, string evidence, decimal amount, decimal discount, OpenItem item, decimal left, decimal outstanding)
    {
        Discount(Money(AppendCapitalized(text, evidence).Append(" matches; partial payment of "), amount), discount).Append(" toward ");
        Item(text, item).Append(": ");
        Money(text, left).Append(" of ");
        return Money(text, outstanding).Append(" still open.");
    }

    public override StringBuilder ReferenceExcess(StringBuilder text, string evidence, decimal amount, decimal discount, OpenItem item, decimal outstanding, decimal late, decimal remainder, decimal expectedLate)
    {
        Discount(Money(AppendCapitalized(text, evidence).Append(" matches; amount "), amount), discount).Append(" settles the ");
        Money(text, outstanding).Append(" open on ");
        Item(text, item);
        if (late > 0m)
        {
            Money(text.Append(", with "), late).Append(" of fine and interest");
        }

        if (remainder == 0m)
        {
            return (expectedLate > late
                ? Money(Money(text.Append("; expected fine and interest: "), expectedLate).Append(" ("), expectedLate - late).Append(" not paid)")
                : text).Append('.');
        }

        Money(text.Append("; unexplained excess of "), remainder).Append(" (expected fine and interest: ");
        return Money(text, expectedLate).Append(").");
    }

    public override StringBuilder ReferenceTogether(StringBuilder text, string evidence, IReadOnlyList<OpenItem> items, decimal amount, decimal late)
    {
        Items(AppendCapitalized(text, evidence).Append(" points to "), items).Append("; amount ");
        return Late(Money(text, amount).Append(" equals their open total"), late).Append('.');
    }

    public override StringBuilder PayerFits(StringBuilder text, in FitWords fit, string evidence, int ties)
    {
        Capitalize(AmountFit(text, fit), 0).Append(" and ").Append(evidence).Append(" matches");
        if (ties > 1)
        {
            text.Append("; ").Append((ties - 1).ToString(CultureInfo.InvariantCulture))
                .Append(ties == 2 ? " other charge of the same payer has" : " other charges of the same payer have")
                .Append(" the same evidence — applied to the one due first (art. 355 of the Brazilian Civil Code)");
        }

        return text.Append('.');
    }

    public override StringBuilder PayerSubset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence) =>
        Subset(text, amount, items, late, evidence).Append("; no other combination of this payer's charges gives the same amount.");

    public override StringBuilder SuggestReferencedItems(StringBuilder text, string evidence, IReadOnlyList<OpenItem> items, decimal amount, decimal sum, decimal late, LocalDate date)
    {
        Items(AppendCapitalized(text, evidence).Append(" points to "), items).Append("; the amount ");
        Money(text, amount).Append(" differs from their open total (");
        Money(text, sum);
        if (late > 0m)
        {
            Date(text.Append(") and from that total with fine and interest on "), date).Append(" (");
            Money(text, sum + late);
        }

        return text.Append(") — confirm the split.");
    }

    public override StringBuilder SuggestReferencedItem(StringBuilder text, string evidence, OpenItem item, in ExpectedAmount expected, decimal amount)
    {
        Item(AppendCapitalized(text, evidence).Append(" points to "), item).Append(", with ");
        Expected(text, expected, item).Append("; credit of ");
        return Money(text, amount).Append('.');
    }

    public override StringBuilder SuggestMaskedPayer(StringBuilder text, in FitWords fit, string evidence) =>
        Capitalize(AmountFit(text, fit), 0).Append(" and ").Append(evidence).Append(" matches, but the fragment fits more than one payer — confirm.");

    public override StringBuilder SuggestSubset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence, SubsetNote note) =>
        Subset(text, amount, items, late, evidence).Append(note switch
        {
            SubsetNote.Several => "; more than one combination is possible — confirm",
            SubsetNote.SearchStopped => "; the search for combinations stopped, others may exist — confirm",
            _ => string.Empty,
        }).Append('.');

    public override StringBuilder SuggestPayerItem(StringBuilder text, string evidence, OpenItem item, decimal amount, in ExpectedAmount expected)
    {
        Item(AppendCapitalized(text, evidence).Append(" matches "), item).Append(", but the amount ");
        Expected(Money(text, amount).Append(" differs from the "), expected, item);
        return amount >= expected.Total ? text.Append('.')
            : text.Append(expected.AtFace ? " (possibly a partial payment)." : "; possibly a partial payment.");
    }

    public override StringBuilder SuggestAmountDate(StringBuilder text, in FitWords fit, int daysAfterDue)
    {
        Capitalize(AmountFit(text, fit), 0).Append(", paid ");
        _ = daysAfterDue == 0 ? text.Append("on the due date")
            : daysAfterDue > 0 ? Days(text, daysAfterDue).Append(" after the due date")
            : Days(text, -daysAfterDue).Append(" before the due date");
        return text.Append("; no reference or payer CPF/CNPJ confirms it.");
    }

    public override StringBuilder DuplicateOfThisRun(StringBuilder text, decimal amount, string evidence, IReadOnlyList<OpenItem> items, string paidBy, LocalDate paidOn)
    {
        Money(text.Append("Possibly a duplicate payment: the amount "), amount).Append(" and ").Append(evidence).Append(" are those of transaction ")
            .Append(paidBy).Append(" (");
        Date(text, paidOn).Append("), which already settled ");
        _ = items.Count == 1 ? Item(text, items[0]) : Items(text, items);
        return text.Append(" in this run — check it, then refund or credit the customer; nothing was allocated.");
    }

    public override StringBuilder DuplicateOfSettled(StringBuilder text, decimal amount, string evidence, OpenItem item)
    {
        Item(text.Append("Possibly a duplicate payment: ").Append(evidence).Append(" matches "), item).Append(", already settled before this run, and the amount ");
        return Money(text, amount).Append(" is its face value — check it, then refund or credit the customer; nothing was allocated.");
    }

    public override StringBuilder ItemAlreadySettled(StringBuilder text, OpenItem item) =>
        Item(text.Append("The credit's reference points to "), item)
            .Append(", which is already settled; possibly a duplicate payment — check it, then refund or credit the customer.");

    public override StringBuilder NoCandidate(StringBuilder text, decimal amount, LocalDate date)
    {
        Money(text.Append("No open charge has the reference, the payer's CPF/CNPJ or the amount "), amount).Append(" on ");
        return Date(text, date).Append('.');
    }

    /// <summary>"amount R$ 150.00 equals the open amount of charge INV-2 (due 2026-11-05)…".</summary>
    private static StringBuilder AmountFit(StringBuilder text, in FitWords fit)
    {
        Discount(Money(text.Append("amount "), fit.Amount), fit.Discount).Append(" equals the open amount of ");
        Item(text, fit.Item);
        var quote = fit.Fit.Quote;
        switch (fit.Fit.Kind)
        {
            case FitKind.DeclaredLateCharges:
                Money(text.Append(", "), fit.Outstanding).Append(", plus ");
                return Money(text, fit.Fit.LateCharges).Append(" of interest and fine reported by the bank");
            case FitKind.ExpectedLateCharges:
                return LateQuote(Money(text.Append(", "), fit.Outstanding).Append(", plus "), quote);
            case FitKind.EarlyPaymentDiscount:
                Money(text.Append(", "), fit.Outstanding).Append(", less ");
                return Date(Money(text, fit.Early).Append(" of discount for payment by "), fit.Item.EarlyPaymentDiscount!.Until);
            case FitKind.WithinFeeTolerance:
                if (fit.Fit.LateCharges > 0m)
                {
                    LateQuote(Money(text.Append(", "), fit.Outstanding).Append(", plus "), quote);
                }

                Money(text.Append(", less "), fit.Fit.WrittenOff - fit.Discount).Append(" taken as a bank fee (tolerance ");
                return Money(text, fit.Tolerance).Append(')');
            default:
                return text;
        }
    }

    /// <summary>"Amount R$ 300.00 equals the open total of charges INV-1 and INV-2… and the payer's CPF matches".</summary>
    private static StringBuilder Subset(StringBuilder text, decimal amount, IReadOnlyList<OpenItem> items, decimal late, string evidence)
    {
        Money(text.Append("Amount "), amount).Append(" equals the open total of ");
        return Late(Items(text, items), late).Append(" and ").Append(evidence).Append(" matches");
    }

    /// <summary>"R$ 150.00 open", or "R$ 153.50 expected on 2026-11-20: R$ 150.00 open plus a fine of … and interest of … (15 days late)".</summary>
    private static StringBuilder Expected(StringBuilder text, in ExpectedAmount expected, OpenItem item)
    {
        if (expected.AtFace)
        {
            return Money(text, expected.Outstanding).Append(" open");
        }

        Date(Money(text, expected.Total).Append(" expected on "), expected.PaymentDate).Append(": ");
        Money(text, expected.Outstanding).Append(" open");
        return expected.Early > 0m
            ? Date(Money(text.Append(" less "), expected.Early).Append(" of discount for payment by "), item.EarlyPaymentDiscount!.Until)
            : LateQuote(text.Append(" plus "), expected.Quote);
    }

    private static StringBuilder LateQuote(StringBuilder text, LateChargeQuote quote)
    {
        Money(text.Append("a fine of "), quote.Fine).Append(" and interest of ");
        return Days(Money(text, quote.Interest).Append(" ("), quote.DaysLate).Append(" late)");
    }

    private static StringBuilder Late(StringBuilder text, decimal late) =>
        late > 0m ? Money(text.Append(", plus "), late).Append(" of fine and interest") : text;

    private static StringBuilder Discount(StringBuilder text, decimal discount) =>
        discount > 0m ? Money(text.Append(" plus "), discount).Append(" of discount/rebate") : text;

    /// <summary>"R$ 1,234.56".</summary>
    private static StringBuilder Money(StringBuilder text, decimal amount) =>
        text.Append(CultureInfo.InvariantCulture, $"R$ {amount:N2}");

    /// <summary>"2026-11-05" (NodaTime's ISO pattern).</summary>
    private static StringBuilder Date(StringBuilder text, LocalDate date) =>
        text.Append(date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>"charge INV-2 (due 2026-11-05)".</summary>
    private static StringBuilder Item(StringBuilder text, OpenItem item) =>
        Date(text.Append("charge ").Append(item.Id).Append(" (due "), item.DueDate).Append(')');

    /// <summary>"charge INV-1" / "charges INV-1, INV-2 and INV-3".</summary>
    private static StringBuilder Items(StringBuilder text, IReadOnlyList<OpenItem> items) => items.Count == 1
        ? text.Append("charge ").Append(items[0].Id)
        : text.Append("charges ").Append(string.Join(", ", items.Take(items.Count - 1).Select(i => i.Id))).Append(" and ").Append(items[^1].Id);

    /// <summary>"1 day" / "33 days".</summary>
    private static StringBuilder Days(StringBuilder text, int days) =>
        days == 1 ? text.Append("1 day") : text.Append(days.ToString(CultureInfo.InvariantCulture)).Append(" days");
}

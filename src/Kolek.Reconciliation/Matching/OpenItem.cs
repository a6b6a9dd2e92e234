using NodaTime;

namespace Kolek.Reconciliation.Matching;

/// <summary>A receivable still (partly) unpaid, as the matcher sees it: how much is owed, by whom, until when,
/// and the identifiers a bank line may carry to point at it.</summary>
/// <remarks>
/// The host builds open items from its own charges (boletos, PIX charges, invoices); Kolek.Reconciliation does not
/// depend on Kolek.Dunning. Instances are immutable and thread-safe.
/// </remarks>
public sealed record OpenItem
{
    /// <summary>Creates an open item whose whole face value is still owed.</summary>
    /// <param name="id">The host's id of the charge (e.g. <c>INV-1</c>).</param>
    /// <param name="customerId">The host's id of the customer who owes it.</param>
    /// <param name="amount">The face value, in the account's currency; it is both <see cref="OriginalAmount"/>
    /// and <see cref="Outstanding"/> until changed with <c>with</c>.</param>
    /// <param name="dueDate">The due date (vencimento) as written on the charge.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="customerId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public OpenItem(string id, string customerId, decimal amount, LocalDate dueDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Id = id;
        CustomerId = customerId;
        OriginalAmount = amount;
        Outstanding = amount;
        DueDate = dueDate;
    }

    /// <summary>The host's id of the charge.</summary>
    public string Id { get; }

    /// <summary>The host's id of the customer who owes it.</summary>
    public string CustomerId { get; }

    /// <summary>The face value when the charge was issued.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public decimal OriginalAmount
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    /// <summary>What is still owed on the principal, before any late charge; at most the matcher allocates this much.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public decimal Outstanding
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    /// <summary>The due date (vencimento) as written on the charge, before any business-day shift.</summary>
    public LocalDate DueDate { get; }

    /// <summary>The issue date, when known; a payment booked before it is not taken as evidence for this item.</summary>
    public LocalDate? IssueDate { get; init; }

    /// <summary>The payer's CPF/CNPJ values (bare characters; masks such as dots and dashes are ignored).</summary>
    public IReadOnlyList<string> PayerDocuments { get; init; } = [];

    /// <summary>The identifiers a bank line may carry for this item.</summary>
    public OpenItemReferences References { get; init; } = OpenItemReferences.None;

    /// <summary>The late-charge terms (multa and juros de mora) printed on the charge, or <see langword="null"/> for none.</summary>
    public OpenItemLateChargeTerms? LateCharges { get; init; }

    /// <summary>The discount for paying early (desconto de pontualidade) printed on the charge, or <see langword="null"/> for none.</summary>
    public OpenItemEarlyPaymentDiscount? EarlyPaymentDiscount { get; init; }

    /// <summary>Whether the debt is a consumer debt, whose fine is capped at 2% (Código de Defesa do Consumidor, art. 52 §1)
    /// and its interest at 1% a month (see <see cref="Matching.LateCharges"/>).</summary>
    public bool Consumer { get; init; }
}

/// <summary>The identifiers of an open item that a bank line may carry; each is <see langword="null"/> when absent.</summary>
/// <remarks>Comparisons ignore case, punctuation, spaces and leading zeros (<c>000123-4</c> equals <c>1234</c>).</remarks>
public sealed record OpenItemReferences
{
    /// <summary>No identifiers.</summary>
    public static OpenItemReferences None { get; } = new();

    /// <summary>The boleto's nosso número (without wallet or check-digit fields glued on).</summary>
    public string? NossoNumero { get; init; }

    /// <summary>The PIX charge's txid.</summary>
    public string? Txid { get; init; }

    /// <summary>The company's own document number (seu número / número do documento, e.g. the invoice number).</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The boleto's 47-digit linha digitável (or its 44-digit barcode), with or without punctuation.</summary>
    public string? LinhaDigitavel { get; init; }

    /// <summary>The end-to-end id of a PIX payment the host already tied to this item (e.g. from a PIX webhook).</summary>
    public string? EndToEndId { get; init; }
}

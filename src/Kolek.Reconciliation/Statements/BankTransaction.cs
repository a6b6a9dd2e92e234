using NodaTime;

namespace Kolek.Reconciliation.Statements;

/// <summary>One line of a bank file, as every reader reports it whatever the format.</summary>
/// <remarks>
/// Amounts are in Brazilian reais unless <see cref="Currency"/> names another currency; credits positive and debits negative. A bank occurrence that moves
/// no money (entry confirmed, rejected, written off, a balance pseudo-line) is a <see cref="TransactionKind.Event"/>
/// with <see cref="Amount"/> as written by the bank. Fields the format lacks are <see langword="null"/>.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed record BankTransaction
{
    /// <summary>Stable identity: the same on every import of the same line of the same file, different for different lines.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the line is a credit, a debit or an event that moves no money.</summary>
    public required TransactionKind Kind { get; init; }

    /// <summary>The bank's local booking date as written in the file (never shifted through UTC).</summary>
    public required LocalDate BookingDate { get; init; }

    /// <summary>The value (credit) date, when the file gives one apart from the booking date.</summary>
    public LocalDate? ValueDate { get; init; }

    /// <summary>The amount the payer paid (CNAB: valor pago); credits positive, debits negative.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The ISO 4217 code of <see cref="Amount"/> when the file states a currency other than the Brazilian real
    /// (camt <c>Amt/@Ccy</c>, MT940 <c>:60F:</c>); <see langword="null"/> for BRL, or when the file states none (CNAB,
    /// PIX and Brazilian OFX are in reais). The matcher leaves such credits aside (<c>MatchingOptions.Currency</c>).</summary>
    public string? Currency { get; init; }

    /// <summary>The amount that reached the account after bank fees, when the file says.</summary>
    public decimal? NetAmount { get; init; }

    /// <summary>The bank fee (tarifa) charged on this line, when the file says.</summary>
    public decimal? Fee { get; init; }

    /// <summary>Interest (juros de mora) included in <see cref="Amount"/>, when the file says.</summary>
    public decimal? Interest { get; init; }

    /// <summary>Late fine (multa) included in <see cref="Amount"/>, when the file says.</summary>
    public decimal? Fine { get; init; }

    /// <summary>Discount (desconto) granted by the bank, when the file says.</summary>
    public decimal? Discount { get; init; }

    /// <summary>Rebate (abatimento) granted by the bank, when the file says.</summary>
    public decimal? Rebate { get; init; }

    /// <summary>The bank occurrence (CNAB movement code, OFX TRNTYPE) with its meaning, when the file has one.</summary>
    public BankOccurrence? Occurrence { get; init; }

    /// <summary>Free text: OFX MEMO/NAME, CNAB payer name, PIX infoPagador.</summary>
    public string? Description { get; init; }

    /// <summary>The identifiers the line carries.</summary>
    public TransactionReferences References { get; init; } = TransactionReferences.None;

    /// <summary>Who paid, when the file says.</summary>
    public Payer? Payer { get; init; }

    /// <summary>Where the line was read from.</summary>
    public required SourceLocation Source { get; init; }
}

/// <summary>Whether a bank line moves money in, out, or not at all.</summary>
public enum TransactionKind
{
    /// <summary>Money in (a payment received).</summary>
    Credit = 1,

    /// <summary>Money out.</summary>
    Debit = 2,

    /// <summary>A bank occurrence that moves no money, or a line that must not count as one (balance pseudo-line, scheduled entry).</summary>
    Event = 3,
}

/// <summary>A bank occurrence code and its meaning in Portuguese, e.g. <c>06</c> "Liquidação".</summary>
/// <param name="Code">The code as the bank writes it.</param>
/// <param name="Description">Its meaning.</param>
public sealed record BankOccurrence(string Code, string Description);

/// <summary>The identifiers a bank line may carry; each is <see langword="null"/> when absent.</summary>
public sealed record TransactionReferences
{
    /// <summary>No identifiers.</summary>
    public static TransactionReferences None { get; } = new();

    /// <summary>OFX FITID.</summary>
    public string? Fitid { get; init; }

    /// <summary>The boleto's nosso número, without wallet, installment or check-digit fields glued on.</summary>
    public string? NossoNumero { get; init; }

    /// <summary>The company's own document number (seu número / número do documento).</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>PIX txid of the charge that was paid.</summary>
    public string? Txid { get; init; }

    /// <summary>PIX end-to-end id of the payment.</summary>
    public string? EndToEndId { get; init; }
}

/// <summary>The payer of a bank line.</summary>
/// <param name="Name">The payer's name, when known.</param>
/// <param name="Document">The payer's CPF or CNPJ as bare characters (no mask), when known.</param>
public sealed record Payer(string? Name, string? Document);

/// <summary>Where a transaction or a diagnostic comes from in its file.</summary>
/// <param name="Line">1-based line number in the file.</param>
public readonly record struct SourceLocation(int Line);

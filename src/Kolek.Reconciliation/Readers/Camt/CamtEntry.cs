using System.Xml.Linq;

namespace Kolek.Reconciliation.Readers.Camt;

/// <summary>One <c>Ntry</c> as read: the fields shared by all its transactions.</summary>
internal sealed record CamtEntry(
    XElement Element,
    int Line,
    decimal SignedAmount,
    string? Currency,
    bool Reversal,
    string Status,
    NodaTime.LocalDate BookingDate,
    NodaTime.LocalDate? ValueDate,
    string? Reference,
    Statements.BankOccurrence? Occurrence);

/// <summary>One transaction to emit from an entry: its signed amount and the <c>TxDtls</c> that describes it, if any.</summary>
internal sealed record CamtPart(decimal SignedAmount, XElement? Details);

using NodaTime;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>What one CNAB 400 detail or one CNAB 240 T+U pair says about a boleto, before it becomes a transaction.</summary>
internal sealed record CnabDetail
{
    public required int Line { get; init; }

    public required string OccurrenceCode { get; init; }

    public required string OccurrenceDescription { get; init; }

    public required bool IsSettlement { get; init; }

    public LocalDate? OccurrenceDate { get; init; }

    public LocalDate? CreditDate { get; init; }

    public decimal? FaceValue { get; init; }

    /// <summary>Valor pago (gross), as the payer paid it.</summary>
    public decimal? AmountPaid { get; init; }

    /// <summary>Valor líquido creditado, when the layout has it.</summary>
    public decimal? NetCredited { get; init; }

    public decimal? Fee { get; init; }

    public decimal? Interest { get; init; }

    public decimal? Fine { get; init; }

    public decimal? Discount { get; init; }

    public decimal? Rebate { get; init; }

    public string? NossoNumero { get; init; }

    public string? DocumentNumber { get; init; }

    public string? PayerName { get; init; }

    public string? PayerDocument { get; init; }
}

using System.Collections.Frozen;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Where one bank puts the fields of its CNAB 400 return file; read by the one generic engine in <see cref="Cnab400Reader"/>.</summary>
/// <remarks>Positions are 1-based inclusive, as in the banks' manuals. The defaults are the common layout that
/// Bradesco, Itaú, Santander and most banks share; each bank overrides what differs.</remarks>
internal sealed record Cnab400Layout
{
    public required string Bank { get; init; }

    public required string Name { get; init; }

    /// <summary>The record type of a detail (position 1): <c>1</c>, or <c>7</c> for BB CBR643.</summary>
    public char DetailType { get; init; } = '1';

    /// <summary>A record type the bank adds after a detail that Kolek recognises but does not read (Santander's PIX record 2).</summary>
    public char? ComplementType { get; init; }

    public required FrozenDictionary<string, string> Occurrences { get; init; }

    /// <summary>Occurrence codes that mean money was received (liquidação and its bank-specific equivalents).</summary>
    public required FrozenSet<string> Settlements { get; init; }

    public CnabSpan? HeaderAgreement { get; init; }

    public CnabSpan? HeaderBranch { get; init; }

    public CnabSpan? HeaderBranchDigit { get; init; }

    public CnabSpan? HeaderAccount { get; init; }

    public CnabSpan? HeaderAccountDigit { get; init; }

    /// <summary>The file's date (DDMMAA) in the header, used only when a detail has no readable date at all.</summary>
    public CnabSpan HeaderDate { get; init; } = new(95, 100);

    /// <summary>Branch in the detail, for banks whose header does not carry it (read from the first detail).</summary>
    public CnabSpan? DetailBranch { get; init; }

    public CnabSpan? DetailAccount { get; init; }

    public CnabSpan? DetailAccountDigit { get; init; }

    public required CnabSpan NossoNumero { get; init; }

    /// <summary>How many trailing characters of <see cref="NossoNumero"/> are its check digit, dropped from the reference.</summary>
    public int NossoNumeroCheckDigits { get; init; }

    public CnabSpan Occurrence { get; init; } = new(109, 110);

    public CnabSpan OccurrenceDate { get; init; } = new(111, 116);

    public CnabSpan? DocumentNumber { get; init; } = new(117, 126);

    public CnabSpan? FaceValue { get; init; } = new(153, 165);

    public CnabSpan? Fee { get; init; } = new(176, 188);

    public CnabSpan? Rebate { get; init; } = new(228, 240);

    public CnabSpan? Discount { get; init; } = new(241, 253);

    /// <summary>Valor pago; for Itaú the principal credited after the fee (see <see cref="AmountPaidIsNet"/>).</summary>
    public CnabSpan? AmountPaid { get; init; } = new(254, 266);

    /// <summary>Whether <see cref="AmountPaid"/> holds the net credited amount, the gross being net + fee (Itaú).</summary>
    public bool AmountPaidIsNet { get; init; }

    public CnabSpan? Interest { get; init; } = new(267, 279);

    public CnabSpan? Fine { get; init; }

    /// <summary>Valor líquido creditado / valor do lançamento, when the layout has one.</summary>
    public CnabSpan? NetCredited { get; init; }

    public CnabSpan? CreditDate { get; init; } = new(296, 301);

    public CnabDateFormat CreditDateFormat { get; init; } = CnabDateFormat.DayMonthYear2;

    public CnabSpan? PayerName { get; init; }
}

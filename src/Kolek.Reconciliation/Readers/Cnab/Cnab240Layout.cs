using System.Collections.Frozen;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Where a bank puts the fields of its CNAB 240 return (segments T and U); read by <see cref="Cnab240Reader"/>.</summary>
/// <remarks>The defaults are FEBRABAN 240 v08 (corpus <c>cnab240/spec</c>); Santander overrides its own T layout.</remarks>
internal sealed record Cnab240Layout
{
    public required string Name { get; init; }

    public FrozenDictionary<string, string> Occurrences { get; init; } = CnabOccurrenceTables.Febraban240;

    public FrozenSet<string> Settlements { get; init; } = Cnab240Layouts.FebrabanSettlements;

    public CnabSpan HeaderAgreement { get; init; } = new(33, 52);

    public CnabSpan HeaderBranch { get; init; } = new(53, 57);

    public CnabSpan HeaderBranchDigit { get; init; } = new(58, 58);

    public CnabSpan HeaderAccount { get; init; } = new(59, 70);

    public CnabSpan HeaderAccountDigit { get; init; } = new(71, 71);

    public CnabSpan HeaderDate { get; init; } = new(144, 151);

    public CnabSpan Movement { get; init; } = new(16, 17);

    public CnabSpan NossoNumero { get; init; } = new(38, 57);

    public CnabSpan DocumentNumber { get; init; } = new(59, 73);

    public CnabSpan FaceValue { get; init; } = new(82, 96);

    public CnabSpan PayerDocumentType { get; init; } = new(133, 133);

    public CnabSpan PayerDocument { get; init; } = new(134, 148);

    public CnabSpan PayerName { get; init; } = new(149, 188);

    public CnabSpan Fee { get; init; } = new(199, 213);

    public CnabSpan Interest { get; init; } = new(18, 32);

    public CnabSpan Discount { get; init; } = new(33, 47);

    public CnabSpan Rebate { get; init; } = new(48, 62);

    public CnabSpan AmountPaid { get; init; } = new(78, 92);

    public CnabSpan NetCredited { get; init; } = new(93, 107);

    public CnabSpan OccurrenceDate { get; init; } = new(138, 145);

    public CnabSpan CreditDate { get; init; } = new(146, 153);

    /// <summary>Whether the lot trailer's record count (18–23) leaves out the lot header and trailer (Santander counts details only).</summary>
    public bool LotCountIsDetailsOnly { get; init; }

    /// <summary>Whether the lot trailer's title totals (24–115) are the wallet's, not this file's, and so cannot be checked (Santander).</summary>
    public bool LotTotalsAreWallet { get; init; }
}

/// <summary>The CNAB 240 layouts Kolek knows, by the bank code in positions 1–3.</summary>
internal static class Cnab240Layouts
{
    /// <summary>Movement codes 06 (liquidação) and 17 (liquidação após baixa / título não registrado).</summary>
    public static readonly FrozenSet<string> FebrabanSettlements = new[] { "06", "17" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>FEBRABAN 240 T+U, used as is by BB, Caixa, Sicoob, Ailos, Sicredi, BTG and most banks.</summary>
    public static readonly Cnab240Layout Febraban = new() { Name = "FEBRABAN CNAB 240" };

    /// <summary>Santander's own segment T: nosso número 41–53, seu número 55–69, value 78–92, payer 128–183, fee 194–208.</summary>
    public static readonly Cnab240Layout Santander = Febraban with
    {
        Name = "Santander CNAB 240",
        HeaderAgreement = new(33, 47),
        HeaderBranch = new(33, 36),
        HeaderBranchDigit = new(37, 37),
        HeaderAccount = new(38, 46),
        HeaderAccountDigit = new(47, 47),
        NossoNumero = new(41, 53),
        DocumentNumber = new(55, 69),
        FaceValue = new(78, 92),
        PayerDocumentType = new(128, 128),
        PayerDocument = new(129, 143),
        PayerName = new(144, 183),
        Fee = new(194, 208),
        LotCountIsDetailsOnly = true,
        LotTotalsAreWallet = true,
    };

    /// <summary>Banks known to follow FEBRABAN T+U closely enough for the generic layout (no warning).</summary>
    private static readonly FrozenSet<string> s_febrabanBanks =
        new[] { "001", "004", "041", "070", "077", "085", "104", "133", "136", "208", "237", "341", "748", "756" }
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The layout for a bank code; null when the bank is not known (the caller then warns and uses FEBRABAN).</summary>
    public static Cnab240Layout? Find(string bank) =>
        bank == "033" ? Santander : s_febrabanBanks.Contains(bank) ? Febraban : null;
}

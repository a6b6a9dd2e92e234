namespace Kolek.Reconciliation.Matching;

/// <summary>The language of the explanations a <see cref="ReconciliationMatcher"/> writes for a finance clerk
/// (<see cref="TransactionMatch.Explanation"/>, <see cref="SuggestionCandidate.Explanation"/>,
/// <see cref="UnmatchedTransaction.Explanation"/>).</summary>
/// <remarks>Only the explanations change: rules, reasons, scores and allocations are the same in every language.</remarks>
public enum ExplanationLanguage
{
    /// <summary>Brazilian Portuguese (pt-BR): "Nosso número 123 confere; valor R$ 1.234,56 igual ao valor em aberto do
    /// título INV-2 (vencimento 05/11/2026).".</summary>
    PortugueseBrazil = 1,

    /// <summary>English (en): "Nosso número 123 matches; amount R$ 1,234.56 equals the open amount of charge INV-2
    /// (due 2026-11-05).". Brazilian terms (nosso número, txid, CPF, CNPJ) are kept; dates are ISO (yyyy-MM-dd).</summary>
    English = 2,
}

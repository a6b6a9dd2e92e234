using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Mt940;

/// <summary>SWIFT transaction type identification codes of <c>:61:</c> (<c>NTRF</c>, <c>NCHK</c>…) with their meaning.</summary>
internal static class Mt940TransactionTypes
{
    private static readonly Dictionary<string, string> s_codes = new(StringComparer.Ordinal)
    {
        ["TRF"] = "Transferência",
        ["CHK"] = "Cheque",
        ["MSC"] = "Diversos",
        ["CHG"] = "Tarifas",
        ["INT"] = "Juros",
        ["DDT"] = "Débito direto",
        ["STO"] = "Ordem permanente",
        ["COL"] = "Cobrança",
        ["BOE"] = "Letra de câmbio",
        ["CLR"] = "Compensação de cheques",
        ["DIV"] = "Dividendos",
        ["COM"] = "Comissão",
        ["DCR"] = "Crédito documentário",
        ["FEX"] = "Câmbio",
        ["LDP"] = "Empréstimo",
        ["RTI"] = "Devolução",
        ["BRF"] = "Corretagem",
        ["CMS"] = "Gestão de caixa",
        ["ECK"] = "Cheque eurocheque",
        ["EQA"] = "Ações",
        ["SEC"] = "Títulos",
        ["VDA"] = "Ajuste de data-valor",
    };

    /// <summary>The occurrence for a type code: its SWIFT meaning, or the bank's own code (<c>N192</c>) as such.</summary>
    public static BankOccurrence Describe(string typeCode) =>
        new(typeCode, s_codes.TryGetValue(typeCode[1..], out var meaning) ? meaning : "Código de transação do banco");
}

using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>The OFX <c>TRNTYPE</c> codes with their meaning in Portuguese.</summary>
internal static class OfxTransactionTypes
{
    private static readonly Dictionary<string, string> s_descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CREDIT"] = "Crédito",
        ["DEBIT"] = "Débito",
        ["INT"] = "Juros",
        ["DIV"] = "Dividendos",
        ["FEE"] = "Tarifa",
        ["SRVCHG"] = "Tarifa de serviço",
        ["DEP"] = "Depósito",
        ["ATM"] = "Caixa eletrônico",
        ["POS"] = "Compra no cartão (ponto de venda)",
        ["XFER"] = "Transferência",
        ["CHECK"] = "Cheque",
        ["PAYMENT"] = "Pagamento",
        ["CASH"] = "Saque em dinheiro",
        ["DIRECTDEP"] = "Depósito direto",
        ["DIRECTDEBIT"] = "Débito automático",
        ["REPEATPMT"] = "Pagamento recorrente",
        ["HOLD"] = "Bloqueio",
        ["OTHER"] = "Outros",
    };

    /// <summary>The occurrence for a TRNTYPE: the code upper-cased and its description ("Tipo desconhecido" when the code is not in OFX 1.x/2.x).</summary>
    public static BankOccurrence Describe(string code)
    {
        var normal = code.Trim().ToUpperInvariant();
        return new BankOccurrence(normal, s_descriptions.TryGetValue(normal, out var description) ? description : "Tipo desconhecido");
    }

    public static bool IsKnown(string code) => s_descriptions.ContainsKey(code.Trim());

    /// <summary>The sign of TRNAMT a TRNTYPE implies: 1 for the types that are only credits (CREDIT, DEP, DIRECTDEP, DIV),
    /// -1 for those that are only debits (DEBIT, FEE, SRVCHG, CHECK, CASH, DIRECTDEBIT, REPEATPMT), 0 for the types the
    /// OFX specification allows either way (INT, XFER, ATM, POS, PAYMENT on a card, HOLD, OTHER) and unknown ones.</summary>
    public static int ImpliedSign(string code) => code.Trim().ToUpperInvariant() switch
    {
        "CREDIT" or "DEP" or "DIRECTDEP" or "DIV" => 1,
        "DEBIT" or "FEE" or "SRVCHG" or "CHECK" or "CASH" or "DIRECTDEBIT" or "REPEATPMT" => -1,
        _ => 0,
    };
}

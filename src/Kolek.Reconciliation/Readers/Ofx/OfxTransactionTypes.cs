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
}

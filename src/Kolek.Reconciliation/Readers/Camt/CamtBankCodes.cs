using Kolek.Reconciliation.Statements;
using static Kolek.Reconciliation.Readers.Camt.CamtXml;

namespace Kolek.Reconciliation.Readers.Camt;

/// <summary>ISO 20022 bank transaction codes (<c>BkTxCd</c>) and entry statuses, with their meaning in Portuguese.</summary>
internal static class CamtBankCodes
{
    private static readonly Dictionary<string, string> s_families = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RCDT"] = "Transferência recebida",
        ["ICDT"] = "Transferência enviada",
        ["RDDT"] = "Débito direto recebido",
        ["IDDT"] = "Débito direto emitido",
        ["RCCN"] = "Pagamento com cartão recebido",
        ["ICCN"] = "Pagamento com cartão",
        ["RCHQ"] = "Cheque recebido",
        ["ICHQ"] = "Cheque emitido",
        ["CCRD"] = "Cartão de crédito",
        ["CNTR"] = "Operação no caixa",
        ["DRFT"] = "Saque bancário",
        ["MCRD"] = "Cartão",
        ["MDOP"] = "Operação diversa",
        ["LBOX"] = "Cobrança bancária",
        ["CASH"] = "Movimentação de caixa",
    };

    /// <summary>The entry's <c>BkTxCd</c> as <c>DOMAIN/FAMILY/SUBFAMILY</c> (or its proprietary code), or null when absent.</summary>
    public static BankOccurrence? Occurrence(System.Xml.Linq.XElement? code)
    {
        var domain = Text(code, "Domn", "Cd");
        var family = Text(code, "Domn", "Fmly", "Cd");
        var subFamily = Text(code, "Domn", "Fmly", "SubFmlyCd");
        if (domain is not null)
        {
            var text = string.Join('/', new[] { domain, family, subFamily }.Where(p => p is not null));
            var meaning = family is not null && s_families.TryGetValue(family, out var known) ? known : "Transação bancária ISO 20022";
            return new BankOccurrence(text, meaning);
        }

        return Text(code, "Prtry", "Cd") is { } proprietary ? new BankOccurrence(proprietary, "Código proprietário do banco") : null;
    }

    /// <summary>The occurrence of an entry that is not booked (<c>PDNG</c>, <c>INFO</c>, <c>FUTR</c>…), saying why it moves no money.</summary>
    public static BankOccurrence Status(string status) => new(status, status.ToUpperInvariant() switch
    {
        "PDNG" => "Lançamento pendente: ainda não contabilizado",
        "INFO" => "Lançamento apenas informativo: não contabilizado",
        "FUTR" => "Lançamento futuro: ainda não contabilizado",
        _ => "Lançamento com status desconhecido: não contabilizado",
    });
}

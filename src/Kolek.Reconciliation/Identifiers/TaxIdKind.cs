namespace Kolek.Reconciliation.Identifiers;

/// <summary>Which Brazilian tax id a <see cref="TaxId"/> holds.</summary>
public enum TaxIdKind
{
    /// <summary>A CPF (a person, 11 digits).</summary>
    Cpf = 1,

    /// <summary>A CNPJ (a company, 14 characters, possibly alphanumeric).</summary>
    Cnpj = 2,
}

namespace Kolek.Reconciliation.Statements;

/// <summary>The bank file formats Kolek reads.</summary>
public enum StatementFormat
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>OFX 1.x (SGML) or 2.x (XML).</summary>
    Ofx = 1,

    /// <summary>FEBRABAN CNAB 240 return file (retorno).</summary>
    Cnab240 = 2,

    /// <summary>CNAB 400 return file (retorno).</summary>
    Cnab400 = 3,

    /// <summary>ISO 20022 camt.053 statement.</summary>
    Camt053 = 4,

    /// <summary>ISO 20022 camt.054 notification.</summary>
    Camt054 = 5,

    /// <summary>SWIFT MT940.</summary>
    Mt940 = 6,

    /// <summary>PIX JSON from the Central Bank API (received-PIX lists, webhook callbacks, cob/cobv).</summary>
    Pix = 7,

    /// <summary>CSV export with a declared column mapping.</summary>
    Csv = 8,
}

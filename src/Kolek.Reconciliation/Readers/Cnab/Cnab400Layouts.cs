using System.Collections.Frozen;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>The CNAB 400 return layouts Kolek knows, by the bank code of the header (positions 77–79).</summary>
/// <remarks>
/// Sources: the <c>cnab_yaml</c> return layouts for Bradesco 237, Itaú 341 and BB 001 (corpus <c>cnab400/spec</c>),
/// the banks' published CNAB 400 manuals, and the positions the corpus files were checked against (corpus SOURCES.md).
/// </remarks>
internal static class Cnab400Layouts
{
    private static FrozenSet<string> Codes(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Bradesco 237: nosso número 71–82 is 11 digits + check digit (which may be <c>P</c>).</summary>
    public static readonly Cnab400Layout Bradesco = new()
    {
        Bank = "237",
        Name = "Bradesco",
        Occurrences = CnabOccurrenceTables.Bradesco,
        Settlements = Codes("06", "15", "17"),
        HeaderAgreement = new(27, 46),
        DetailBranch = new(25, 29),
        DetailAccount = new(30, 36),
        DetailAccountDigit = new(37, 37),
        NossoNumero = new(71, 82),
        NossoNumeroCheckDigits = 1,
    };

    /// <summary>Itaú 341: nosso número 63–70; 254–266 is the principal credited after the fee; payer name 325–354.</summary>
    public static readonly Cnab400Layout Itau = new()
    {
        Bank = "341",
        Name = "Itaú",
        Occurrences = CnabOccurrenceTables.Itau,
        Settlements = Codes("06", "07", "08"),
        HeaderAgreement = new(27, 38),
        HeaderBranch = new(27, 30),
        HeaderAccount = new(33, 37),
        HeaderAccountDigit = new(38, 38),
        NossoNumero = new(63, 70),
        AmountPaidIsNet = true,
        PayerName = new(325, 354),
    };

    /// <summary>Banco do Brasil CBR643 (convênio 7): detail type 7, nosso número 64–80 (convênio + sequence, no check digit).</summary>
    public static readonly Cnab400Layout BancoDoBrasil = new()
    {
        Bank = "001",
        Name = "Banco do Brasil (CBR643)",
        DetailType = '7',
        Occurrences = CnabOccurrenceTables.BancoDoBrasil,
        Settlements = Codes("05", "06", "07", "08", "15"),
        HeaderAgreement = new(150, 156),
        HeaderBranch = new(27, 30),
        HeaderBranchDigit = new(31, 31),
        HeaderAccount = new(32, 39),
        HeaderAccountDigit = new(40, 40),
        NossoNumero = new(64, 80),
        CreditDate = new(176, 181),
        Fee = new(182, 188),
        NetCredited = new(306, 318),
    };

    /// <summary>Unicred through BB (header bank 001, detail type 1): BB positions, nosso número 46–62.</summary>
    public static readonly Cnab400Layout UnicredViaBancoDoBrasil = BancoDoBrasil with
    {
        Name = "Unicred via Banco do Brasil",
        DetailType = '1',
        HeaderAgreement = new(27, 40),
        NossoNumero = new(46, 62),
        NetCredited = null,
    };

    /// <summary>Santander 033: nosso número 63–70, multa 280–292; record 2 carries PIX QR data (not read).</summary>
    public static readonly Cnab400Layout Santander = new()
    {
        Bank = "033",
        Name = "Santander",
        ComplementType = '2',
        Occurrences = CnabOccurrenceTables.Common400,
        Settlements = Codes("06", "07", "08", "17"),
        HeaderAgreement = new(27, 46),
        HeaderBranch = new(27, 30),
        HeaderAccount = new(31, 38),
        NossoNumero = new(63, 70),
        Fine = new(280, 292),
    };

    /// <summary>Sicredi 748: nosso número 48–62, credit date 329–336 as AAAAMMDD.</summary>
    public static readonly Cnab400Layout Sicredi = new()
    {
        Bank = "748",
        Name = "Sicredi",
        Occurrences = CnabOccurrenceTables.Common400,
        Settlements = Codes("06", "15", "17"),
        HeaderAgreement = new(27, 31),
        NossoNumero = new(48, 62),
        Fine = new(280, 292),
        CreditDate = new(329, 336),
        CreditDateFormat = CnabDateFormat.YearMonthDay4,
    };

    /// <summary>Banco do Nordeste 004: nosso número 63–69 + check digit 70.</summary>
    public static readonly Cnab400Layout Bnb = new()
    {
        Bank = "004",
        Name = "Banco do Nordeste",
        Occurrences = CnabOccurrenceTables.Common400,
        Settlements = Codes("06", "08", "17"),
        HeaderAgreement = new(27, 40),
        HeaderBranch = new(27, 30),
        HeaderAccount = new(33, 39),
        HeaderAccountDigit = new(40, 40),
        NossoNumero = new(63, 70),
        NossoNumeroCheckDigits = 1,
    };

    /// <summary>Banco Fibra 224: nosso número 63–73.</summary>
    public static readonly Cnab400Layout Fibra = new()
    {
        Bank = "224",
        Name = "Banco Fibra",
        Occurrences = CnabOccurrenceTables.Common400,
        Settlements = Codes("06", "08", "17"),
        HeaderAgreement = new(27, 46),
        NossoNumero = new(63, 73),
    };

    /// <summary>Banco Inter 077: its own short detail (occurrence 90–91, date 92–97, value 125–137, paid 160–172, credit 173–178).</summary>
    public static readonly Cnab400Layout Inter = new()
    {
        Bank = "077",
        Name = "Banco Inter",
        Occurrences = CnabOccurrenceTables.Inter,
        Settlements = Codes("06"),
        DetailBranch = new(24, 27),
        DetailAccount = new(28, 36),
        DetailAccountDigit = new(37, 37),
        NossoNumero = new(71, 81),
        Occurrence = new(90, 91),
        OccurrenceDate = new(92, 97),
        DocumentNumber = new(98, 107),
        FaceValue = new(125, 137),
        AmountPaid = new(160, 172),
        CreditDate = new(173, 178),
        Fee = null,
        Rebate = null,
        Discount = null,
        Interest = null,
    };

    /// <summary>The common layout, for banks Kolek does not know (read with a warning).</summary>
    public static readonly Cnab400Layout Generic = new()
    {
        Bank = "",
        Name = "generic CNAB 400",
        Occurrences = CnabOccurrenceTables.Common400,
        Settlements = Codes("06", "17"),
        HeaderAgreement = new(27, 46),
        NossoNumero = new(63, 70),
    };

    private static readonly Cnab400Layout[] s_all =
        [Bradesco, Itau, BancoDoBrasil, UnicredViaBancoDoBrasil, Santander, Sicredi, Bnb, Fibra, Inter];

    /// <summary>The layout for a bank code and the record type of its first detail; null when the bank is unknown.</summary>
    public static Cnab400Layout? Find(string bank, char? detailType)
    {
        var candidates = s_all.Where(l => l.Bank == bank).ToList();
        return candidates.FirstOrDefault(l => l.DetailType == detailType) ?? candidates.FirstOrDefault();
    }
}

using NodaTime;

namespace Kolek.Reconciliation.Readers.Mt940;

/// <summary>One tagged field (<c>:61:</c>, <c>:86:</c>…) with the line of its tag and its text lines, continuation lines included.</summary>
internal sealed record Mt940Field(string Tag, int Line, IReadOnlyList<string> Lines)
{
    public string Value => Lines[0];
}

/// <summary>A balance field (<c>:60F:</c>, <c>:62M:</c>…): signed amount, currency and date.</summary>
internal sealed record Mt940Balance(decimal Amount, string Currency, LocalDate Date, int Line);

/// <summary>A <c>:61:</c> statement line and the <c>:86:</c> information that follows it.</summary>
internal sealed class Mt940Entry(Mt940Field line)
{
    public Mt940Field Line { get; } = line;

    public List<Mt940Field> Information { get; } = [];
}

/// <summary>One statement (message) of an MT940 file: from <c>:20:</c> to its closing balance.</summary>
internal sealed class Mt940Statement(string? reference, int line)
{
    public string? Reference { get; } = reference;

    public int Line { get; } = line;

    public string? Account { get; set; }

    public string? Number { get; set; }

    public Mt940Balance? Opening { get; set; }

    public Mt940Balance? Closing { get; set; }

    public List<Mt940Entry> Entries { get; } = [];
}

/// <summary>The parts of a <c>:61:</c> line. <see cref="Amount"/> is unsigned; <see cref="Mark"/> gives its direction.</summary>
/// <param name="ValueDate">The value date (first six digits, YYMMDD).</param>
/// <param name="EntryDate">The entry (booking) date (optional MMDD, year taken from the value date with rollover).</param>
/// <param name="Mark">C, D, RC (reversal of a credit) or RD (reversal of a debit).</param>
/// <param name="FundsCode">The third letter of the currency code, when written.</param>
/// <param name="Amount">The amount, comma decimal in the file.</param>
/// <param name="TypeCode">The transaction type: N, F or S and three characters (<c>NTRF</c>, <c>N192</c>).</param>
/// <param name="CustomerReference">The account owner's reference (16 characters at most), e.g. <c>NONREF</c>.</param>
/// <param name="BankReference">The bank's reference after <c>//</c>, when written.</param>
/// <param name="Details">Text after the references and supplementary lines, when written.</param>
internal sealed record Mt940Line(
    LocalDate ValueDate,
    LocalDate? EntryDate,
    string Mark,
    char? FundsCode,
    decimal Amount,
    string TypeCode,
    string CustomerReference,
    string? BankReference,
    string? Details)
{
    /// <summary>Credits (C, RD) positive, debits (D, RC) negative.</summary>
    public decimal SignedAmount => Mark is "C" or "RD" ? Amount : -Amount;

    public bool IsReversal => Mark is "RC" or "RD";
}

using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>What one CNAB 400 detail or one CNAB 240 T+U pair says about a boleto, before it becomes a transaction.</summary>
/// <remarks>A struct handed to <see cref="CnabTransactionFactory.Create"/> by reference, or written in place into
/// <see cref="CnabTransactionFactory.NextDetail"/> (CNAB 240): it lives only while one record is read and the factory holds
/// it back. Settable, for that in-place write; its getters are read-only members, so an <see langword="in"/> parameter is
/// not copied to call them.</remarks>
internal record struct CnabDetail
{
    public required int Line { get; set; }

    /// <summary>The occurrence (code and meaning), shared by every record of the file with the same code.</summary>
    public required CnabOccurrence Occurrence { get; set; }

    public LocalDate? OccurrenceDate { get; set; }

    public LocalDate? CreditDate { get; set; }

    public decimal? FaceValue { get; set; }

    /// <summary>Valor pago (gross), as the payer paid it.</summary>
    public decimal? AmountPaid { get; set; }

    /// <summary>Valor líquido creditado, when the layout has it.</summary>
    public decimal? NetCredited { get; set; }

    public decimal? Fee { get; set; }

    public decimal? Interest { get; set; }

    public decimal? Fine { get; set; }

    public decimal? Discount { get; set; }

    public decimal? Rebate { get; set; }

    public string? NossoNumero { get; set; }

    public string? DocumentNumber { get; set; }

    public string? PayerName { get; set; }

    public string? PayerDocument { get; set; }
}

/// <summary>An occurrence code of one layout with its meaning and whether it is a settlement.</summary>
/// <param name="Value">The transaction's occurrence (code and description).</param>
/// <param name="IsSettlement">Whether the code means money was received (liquidação).</param>
internal sealed record CnabOccurrence(BankOccurrence Value, bool IsSettlement)
{
    public string Code => Value.Code;

    /// <summary>The code as UTF-8, for the id key written per record.</summary>
    public byte[] CodeUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Value.Code);
}

/// <summary>The occurrences met in one file, looked up by the two bytes of their code, so that the code, its meaning
/// and the <see cref="BankOccurrence"/> are made once per code and file, not once per record.</summary>
internal sealed class CnabOccurrences(IReadOnlyDictionary<string, string> meanings, IReadOnlySet<string> settlements)
{
    private readonly Dictionary<int, CnabOccurrence> _seen = [];

    /// <summary>The occurrences of the codes 00–99 met so far, indexed by their value: the usual codes, found without hashing.</summary>
    private readonly CnabOccurrence?[] _numbered = new CnabOccurrence?[100];

    /// <summary>The occurrence with the two-character code <paramref name="code"/> (trimmed, two non-blank bytes).</summary>
    public CnabOccurrence Get(ReadOnlySpan<byte> code)
    {
        var (tens, units) = ((uint)(code[0] - '0'), (uint)(code[1] - '0'));
        if (tens <= 9 && units <= 9)
        {
            var index = (int)((tens * 10) + units);
            return _numbered[index] ??= Find(code);
        }

        return Find(code);
    }

    private CnabOccurrence Find(ReadOnlySpan<byte> code)
    {
        var key = code[0] | (code[1] << 8);
        if (!_seen.TryGetValue(key, out var occurrence))
        {
            var text = CnabBytes.Text(code);
            occurrence = new CnabOccurrence(
                new BankOccurrence(text, meanings.GetValueOrDefault(text, "Ocorrência desconhecida")),
                settlements.Contains(text));
            _seen.Add(key, occurrence);
        }

        return occurrence;
    }
}

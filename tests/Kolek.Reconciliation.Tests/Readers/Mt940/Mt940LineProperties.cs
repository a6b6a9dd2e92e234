using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers.Mt940;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Mt940;

/// <summary>A generated <c>:61:</c> line: what is written and what must be read back.</summary>
public sealed record GeneratedLine(LocalDate ValueDate, LocalDate? EntryDate, string Mark, decimal Amount, string Type, string Reference, string? BankReference)
{
    public string Text =>
        ValueDate.ToString("yyMMdd", CultureInfo.InvariantCulture)
        + (EntryDate is { } e ? e.ToString("MMdd", CultureInfo.InvariantCulture) : string.Empty)
        + Mark
        + Amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')
        + Type
        + Reference
        + (BankReference is null ? string.Empty : "//" + BankReference);

    public override string ToString() => Text;
}

public static class Mt940Arbitraries
{
    public static Arbitrary<GeneratedLine> Lines()
    {
        var gen =
            from days in Gen.Choose(0, 365 * 40)
            from shift in Gen.Choose(-3, 3)
            from hasEntry in Gen.Elements(true, false)
            from mark in Gen.Elements("C", "D", "RC", "RD")
            from cents in Gen.Choose(1, int.MaxValue)
            from type in Gen.Elements("NTRF", "NMSC", "N192", "FCHK", "SSTO")
            from reference in Gen.Elements("NONREF", "INV-2026-001", "KREF+", "TFNr 40001 MSGID")
            from bank in Gen.Elements<string?>(null, "0724710333343453", "8327000090031789")
            let value = new LocalDate(1980, 1, 1).PlusDays(days)
            select new GeneratedLine(value, hasEntry ? value.PlusDays(shift) : null, mark, cents / 100m, type, reference, bank);
        return gen.ToArbitrary();
    }
}

public class Mt940LineProperties
{
    [Property(Arbitrary = [typeof(Mt940Arbitraries)], MaxTest = 300)]
    public bool Read_GeneratedStatementLine_RoundTrips(GeneratedLine line)
    {
        var file = $":20:REF\n:25:12345678\n:28C:1/1\n:61:{line.Text}\n:86:Pagamento teste\n-";

        var statement = Mt940Reader.Read("generated.sta", Encoding.ASCII.GetBytes(file));

        var t = statement.Transactions.Single();
        var credit = line.Mark is "C" or "RD";
        return t.Amount == (credit ? line.Amount : -line.Amount)
            && t.Kind == (credit ? TransactionKind.Credit : TransactionKind.Debit)
            && t.ValueDate == line.ValueDate
            && t.BookingDate == (line.EntryDate ?? line.ValueDate)
            && t.Occurrence?.Code == line.Type
            && t.References.DocumentNumber == (line.Reference == "NONREF" ? null : line.Reference)
            && t.References.Fitid == line.BankReference
            && t.Description == (line.Mark.StartsWith('R') ? "Estorno: Pagamento teste" : "Pagamento teste")
            && !statement.HasErrors;
    }
}

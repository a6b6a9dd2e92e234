using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

public class Cnab400BradescoRoundTripTests
{
    private sealed record GeneratedDetail(long NossoNumero, char CheckDigit, string Occurrence, LocalDate Date, long PaidCents, long FaceCents, long FeeCents);

    private static readonly string[] s_occurrences = ["02", "03", "06", "09", "10", "17", "28"];

    private static Gen<GeneratedDetail> DetailGen =>
        from nn in Gen.Choose(1, int.MaxValue).Select(n => (long)n * 7)
        from dv in Gen.Elements('0', '5', '9', 'P')
        from occurrence in Gen.Elements(s_occurrences)
        from days in Gen.Choose(0, 365 * 79)
        from paid in Gen.Choose(1, int.MaxValue)
        from face in Gen.Choose(0, int.MaxValue)
        from fee in Gen.Choose(0, 99_999)
        select new GeneratedDetail(nn % 100_000_000_000, dv, occurrence, new LocalDate(2000, 1, 1).PlusDays(days), paid, face, fee);

    private static string Cents(long cents) => cents.ToString("D13", CultureInfo.InvariantCulture);

    [Property(MaxTest = 200)]
    public Property Read_GeneratedBradescoFile_RoundTrips() =>
        Prop.ForAll(DetailGen.ListOf().Select(l => l.ToList()).ToArbitrary(), details =>
        {
            var file = BradescoFile.Build(details.Select(d => BradescoFile.Detail(
                d.NossoNumero.ToString("D11", CultureInfo.InvariantCulture),
                d.CheckDigit,
                d.Occurrence,
                d.Date.ToString("ddMMyy", CultureInfo.InvariantCulture),
                Cents(d.PaidCents),
                Cents(d.FaceCents),
                Cents(d.FeeCents),
                d.Date.PlusDays(2).ToString("ddMMyy", CultureInfo.InvariantCulture))));

            var statement = Cnab400Reader.Read("gen.ret", file);

            return !statement.HasErrors
                && statement.Transactions.Count == details.Count
                && statement.Transactions.Select(t => t.Id).Distinct().Count() == details.Count
                && details.Zip(statement.Transactions).All(p => Matches(p.First, p.Second));
        });

    private static bool Matches(GeneratedDetail d, BankTransaction t)
    {
        var settlement = d.Occurrence is "06" or "17";
        var nossoNumero = d.NossoNumero == 0 ? null : d.NossoNumero.ToString("D11", CultureInfo.InvariantCulture);
        return t.References.NossoNumero == nossoNumero
            && t.Occurrence!.Code == d.Occurrence
            && t.BookingDate == d.Date
            && t.ValueDate == d.Date.PlusDays(2)
            && t.Kind == (settlement ? TransactionKind.Credit : TransactionKind.Event)
            && t.Amount == (settlement ? d.PaidCents : d.FaceCents == 0 ? d.PaidCents : d.FaceCents) / 100m
            && t.Fee == d.FeeCents / 100m
            && (!settlement || t.NetAmount == (d.PaidCents - d.FeeCents) / 100m);
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Ofx;

/// <summary>A generated statement and the layout it is written in.</summary>
public sealed record GeneratedOfx(IReadOnlyList<SampleTransaction> Transactions, SampleLayout Layout)
{
    public override string ToString() => $"{Layout} [{string.Join("; ", Transactions)}]";
}

/// <summary>Realistic generators: 2-decimal non-zero amounts, real dates, accented memos with &amp;, &lt; and quotes.</summary>
public static class OfxArbitraries
{
    private static readonly string[] s_words =
    [
        "Pagamento", "Transferência", "recebida", "João", "Ação", "Café & Cia", "<Loja>", "Crédito", "Pix", "Débito",
        "Tarifa", "Conceição", "Nº 12", "\"Aspas\"", "açaí", "ÉÍÓÚ", "saldo", "3/12", "Ltda.",
    ];

    public static Arbitrary<GeneratedOfx> Statements()
    {
        var amount = Gen.Choose(-200_000_000, 200_000_000).Where(c => c != 0).Select(c => c / 100m);
        var date = Gen.Choose(0, 365 * 30).Select(d => new LocalDate(2000, 1, 1).PlusDays(d));
        var fitid = Gen.Choose(1, int.MaxValue).Select(n => n.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        var memo = Gen.ListOf(Gen.Elements(s_words)).Where(w => w.Count > 0).Select(w => string.Join(' ', w.Take(5)));
        var transaction =
            from a in amount
            from d in date
            from f in fitid
            from m in memo
            select new SampleTransaction(d, a, f, m, a > 0 ? "CREDIT" : "DEBIT");
        var layout =
            from xml in Gen.Elements(true, false)
            from comma in Gen.Elements(true, false)
            from thousands in Gen.Elements(true, false)
            from charset in Gen.Elements("UTF-8", "ISO-8859-1", "1252")
            from newline in Gen.Elements("\n", "\r\n", "\r")
            select new SampleLayout(xml, comma, thousands, charset, newline);
        var statement =
            from l in layout
            from ts in Gen.ListOf(transaction)
            select new GeneratedOfx(ts.Take(30).ToList(), l);
        return statement.ToArbitrary();
    }
}

public class OfxRoundTripProperties
{
    [Property(Arbitrary = [typeof(OfxArbitraries)], MaxTest = 200)]
    public bool Read_OfWrittenStatement_GivesBackDateAmountFitidAndMemo(GeneratedOfx sample)
    {
        var text = OfxSample.Text(sample.Transactions, sample.Layout);

        var statement = OfxSample.Read(text, OfxSample.EncodingOf(sample.Layout.Charset));

        return statement.Transactions.Count == sample.Transactions.Count
            && !statement.HasErrors
            && statement.Transactions.Zip(sample.Transactions).All(p =>
                p.First.BookingDate == p.Second.Date
                && p.First.Amount == p.Second.Amount
                && p.First.References.Fitid == p.Second.Fitid
                && p.First.Description == p.Second.Memo
                && p.First.Kind == (p.Second.Amount > 0 ? TransactionKind.Credit : TransactionKind.Debit));
    }

    [Property(Arbitrary = [typeof(OfxArbitraries)], MaxTest = 100)]
    public bool Read_SameStatementInAnotherLayout_GivesTheSameIds(GeneratedOfx sample)
    {
        var other = new SampleLayout(!sample.Layout.Xml, !sample.Layout.CommaDecimals, !sample.Layout.Thousands, "UTF-8", "\r\n");

        var first = OfxSample.Read(OfxSample.Text(sample.Transactions, sample.Layout), OfxSample.EncodingOf(sample.Layout.Charset));
        var second = OfxSample.Read(OfxSample.Text(sample.Transactions, other), OfxSample.EncodingOf("UTF-8"));

        return first.Transactions.Select(t => t.Id).SequenceEqual(second.Transactions.Select(t => t.Id))
            && first.Transactions.Select(t => t.Id).Distinct().Count() == first.Transactions.Count;
    }
}

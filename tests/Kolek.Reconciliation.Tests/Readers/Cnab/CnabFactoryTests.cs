using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kolek.Reconciliation.Readers.Cnab;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

/// <summary>The CNAB transaction factory's fast paths (the id key written by hand, each detail held back one record so
/// its id slot is loaded meanwhile) and the field overloads without a nullable span give what the plain ways gave.</summary>
public class CnabFactoryTests
{
    private static readonly CnabOccurrence s_settled = new(new BankOccurrence("06", "Liquidação"), IsSettlement: true);
    private static readonly CnabOccurrence s_other = new(new BankOccurrence("Ç2", "Código não numérico"), IsSettlement: false);

    /// <summary>The id is the XXH3 of bank|agreement|reference|code|yyyy-MM-dd|amount as <c>ToString("0.00")</c> writes
    /// it, in UTF-8: what the factory writes by hand (ASCII narrowing, digits of the amount) must hash the same text,
    /// for amounts of every scale and size and for references with and without non-ASCII characters.</summary>
    [Property(MaxTest = 300)]
    public Property Id_IsTheHashOfTheKeyText() =>
        Prop.ForAll(
            Gen.Choose(0, 2).SelectMany(scale => Gen.Choose(0, int.MaxValue).SelectMany(low => Gen.Choose(0, 3_000_000).Select(high => (scale, cents: ((long)high * int.MaxValue) + low)))).ToArbitrary(),
            Gen.Elements("12345678901", "000123", "Nº 77", "çãé-1", "", "ABC/2025").ToArbitrary(),
            (amount, reference) =>
            {
                var value = new decimal(amount.cents) / (amount.scale == 0 ? 1m : amount.scale == 1 ? 10m : 100m);
                var occurrence = reference.Length % 2 == 0 ? s_settled : s_other;
                var factory = new CnabTransactionFactory("237", "Convênio 9", null, new DiagnosticBag(), 0);
                var detail = new CnabDetail
                {
                    Line = 3,
                    Occurrence = occurrence,
                    OccurrenceDate = new LocalDate(2025, 4, 2),
                    FaceValue = value,
                    AmountPaid = value,
                    NossoNumero = reference.Length == 0 ? null : reference,
                };

                Assert.Null(factory.Create(detail));
                var transaction = factory.Flush()!;
                var key = string.Create(CultureInfo.InvariantCulture, $"237|Convênio 9|{reference}|{occurrence.Code}|2025-04-02|{transaction.Amount:0.00}");
                return transaction.Id == ContentHash.ShortId("cnab-", ContentHash.KeyHash(key));
            });

    /// <summary>The plausibility check compares whole cents when every amount is a usual one (scale 0–2) and decimals
    /// otherwise: either way a component is implausible exactly when it is more than ten times the larger of the face value
    /// and the amount paid, that larger one positive; amounts of other scales, signs and sizes take the decimal path.</summary>
    [Property(MaxTest = 1000)]
    public Property Plausibility_IsTheDecimalRule()
    {
        var amount = Gen.OneOf(
            Gen.Constant((decimal?)null),
            Gen.Choose(0, 2).SelectMany(scale => Gen.Choose(0, 100_000).Select(cents => (decimal?)new decimal(cents, 0, 0, false, (byte)scale))),
            Gen.Elements<decimal?>(0m, -0m, 0.00m, -1m, 0.001m, 1.005m, 99999999999999999.99m, 1e20m, 10m, 100m, 1000.0m, 10000m, 100000m, 1000000m));
        return Prop.ForAll(Gen.ArrayOf(amount, 6).ToArbitrary(), values =>
        {
            var bag = new DiagnosticBag();
            var factory = new CnabTransactionFactory("001", "1", new LocalDate(2025, 1, 1), bag, 0);
            factory.Create(new CnabDetail
            {
                Line = 1,
                Occurrence = s_other,
                FaceValue = values[0],
                AmountPaid = values[1],
                Fee = values[2],
                Interest = values[3],
                Fine = values[4],
                Discount = values[5],
            });
            var reference = Math.Max(values[0] ?? 0m, values[1] ?? 0m);
            var expected = new[] { ("valor_tarifa", values[2]), ("valor_juros", values[3]), ("valor_multa", values[4]), ("valor_desconto", values[5]) }
                .Where(c => reference > 0m && c.Item2 is { } v && v > reference * CnabTransactionFactory.ImplausibleFactor)
                .Select(c => c.Item1);
            return bag.ToList().Where(d => d.Code == "cnab.amount.implausible").Select(d => d.Field!).SequenceEqual(expected);
        });
    }

    /// <summary>The booking date's text is kept while it repeats: every key still has its own record's date, when dates
    /// repeat, change, come back, and fall outside the years 1000-9999 (written by the ISO pattern).</summary>
    [Fact]
    public void Id_KeyDateFollowsEachRecord_WhenDatesRepeatAndChange()
    {
        var factory = new CnabTransactionFactory("341", "7", null, new DiagnosticBag(), 0);
        LocalDate[] dates = [new(2025, 4, 2), new(2025, 4, 2), new(2025, 4, 3), new(2025, 4, 2), new(999, 12, 31), new(-5, 1, 1), new(2025, 4, 3)];
        var transactions = new List<BankTransaction>();
        for (var i = 0; i < dates.Length; i++)
        {
            if (factory.Create(new CnabDetail { Line = i + 1, Occurrence = s_settled, OccurrenceDate = dates[i], AmountPaid = 1m, NossoNumero = "9" }) is { } t)
            {
                transactions.Add(t);
            }
        }

        transactions.Add(factory.Flush()!);
        var expected = new StableIds("cnab-");
        Assert.Equal(
            dates.Select(d => expected.Next(Encoding.UTF8.GetBytes($"341|7|9|06|{NodaTime.Text.LocalDatePattern.Iso.Format(d)}|1.00"))),
            transactions.Select(t => t.Id));
    }

    [Fact]
    public void Create_HoldsEachDetailBackOneRecord_AndAnUnreadableOneReleasesTheHeldOneInOrder()
    {
        var bag = new DiagnosticBag();
        var factory = new CnabTransactionFactory("001", "123", fallbackDate: null, bag, 0);
        CnabDetail Detail(int line, LocalDate? date) => new() { Line = line, Occurrence = s_settled, OccurrenceDate = date, AmountPaid = 10m + line, FaceValue = 10m + line };

        Assert.Null(factory.Create(Detail(1, new LocalDate(2025, 1, 1))));
        var first = factory.Create(Detail(2, null)); // no date at all: reported, and the held line 1 comes out
        Assert.Equal(1, first?.Source.Line);
        Assert.Single(bag.ToList(), d => d.Code == "cnab.date.missing" && d.Line == 2);
        Assert.Null(factory.Create(Detail(3, new LocalDate(2025, 1, 3))));
        var second = factory.Create(Detail(4, new LocalDate(2025, 1, 3)));
        Assert.Equal((3, 13m), (second?.Source.Line, second?.Amount));
        var last = factory.Flush();
        Assert.Equal((4, 14m), (last?.Source.Line, last?.Amount));
        Assert.Null(factory.Flush());
    }

    [Fact]
    public void Create_RepeatedKeysAcrossTheHeldRecord_CountRepeatsInFileOrder()
    {
        var factory = new CnabTransactionFactory("001", "123", new LocalDate(2025, 1, 1), new DiagnosticBag(), 0);
        var detail = new CnabDetail { Line = 1, Occurrence = s_settled, AmountPaid = 5m, NossoNumero = "42" };
        var ids = new List<string>();
        foreach (var line in new[] { 1, 2, 3 })
        {
            if (factory.Create(detail with { Line = line }) is { } t)
            {
                ids.Add(t.Id);
            }
        }

        ids.Add(factory.Flush()!.Id);

        var expected = new StableIds("cnab-");
        var key = Encoding.UTF8.GetBytes("001|123|42|06|2025-01-01|5.00");
        Assert.Equal([expected.Next(key), expected.Next(key), expected.Next(key)], ids);
    }

    /// <summary>The CNAB 240 layouts call the overloads that take a <see cref="CnabSpan"/>, the CNAB 400 ones those that
    /// take a nullable: both must read and report every kind of field alike.</summary>
    [Theory]
    [InlineData("0000000012345")]
    [InlineData("0000000012300")]
    [InlineData("             ")]
    [InlineData("      1234500")]
    [InlineData("00000001234X5")]
    [InlineData("0000000000000")]
    [InlineData("12345678901234567890")]
    [InlineData("1")]
    public void Money_WithOrWithoutNullableSpan_SameValueAndDiagnostics(string raw)
    {
        var bytes = Encoding.Latin1.GetBytes(raw);
        var span = new CnabSpan(1, raw.Length);
        var (plainBag, nullableBag) = (new DiagnosticBag(), new DiagnosticBag());
        var plain = new CnabFieldReader(bytes, 1, plainBag);
        var nullable = new CnabFieldReader(bytes, 1, nullableBag);

        var value = plain.Money(span, "valor", required: true);
        Assert.Equal(value?.ToString(CultureInfo.InvariantCulture), nullable.Money((CnabSpan?)span, "valor", required: true)?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(plain.Failed, nullable.Failed);
        Assert.Equal(plainBag.ToList(), nullableBag.ToList());
        Assert.Equal(plain.Digits(span), nullable.Digits((CnabSpan?)span));
        var reported = nullableBag.ToList().Count;
        Assert.Null(nullable.Money(null, "valor", required: true));
        Assert.Equal(reported, nullableBag.ToList().Count);
    }
}

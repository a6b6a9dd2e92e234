using System.Globalization;
using Kolek.Reconciliation.Matching;
using Kolek.Reconciliation.Statements;
using NodaTime;

namespace Kolek.Benchmarks.Data;

/// <summary>A deterministic (fixed seed) portfolio of open items and a day of bank credits against it.</summary>
/// <remarks>
/// <para>Items: about five per customer, half of the customers people (CPF, consumer debts) and half companies (CNPJ);
/// amounts from R$ 30 to R$ 5 000, due dates spread over twelve months of 2025, issued 30 days before; every item has a
/// Bradesco nosso número and a document number, two in five a PIX txid, and 2% fine plus 1% a month interest.</para>
/// <para>Credits, each paying items not touched by another credit:</para>
/// <list type="bullet">
/// <item>30% CNAB liquidations naming the nosso número (a fifth of them late, with the bank's declared interest);</item>
/// <item>20% PIX payments naming the txid, with the payer's document;</item>
/// <item>15% PIX/TED payments with the payer's CPF/CNPJ and the exact amount only (a tenth of them showing a masked
/// CPF fragment in the description, as Nubank statements do);</item>
/// <item>5% payments of two or three items of one payer together;</item>
/// <item>10% partial payments naming the nosso número;</item>
/// <item>10% credits naming a txid in the description only;</item>
/// <item>10% unknown credits: a payer no item has, an amount no item costs.</item>
/// </list>
/// </remarks>
internal sealed class ReconciliationData
{
    private static readonly LocalDate s_firstDue = new(2025, 1, 1);
    private static readonly OpenItemLateChargeTerms s_terms = new(2m, 1m);

    private ReconciliationData(IReadOnlyList<OpenItem> items, IReadOnlyList<BankTransaction> credits)
    {
        Items = items;
        Credits = credits;
    }

    public IReadOnlyList<OpenItem> Items { get; }

    public IReadOnlyList<BankTransaction> Credits { get; }

    public static ReconciliationData Generate(int creditCount, int itemCount, int seed = 20250101)
    {
        var random = new Random(seed);
        var customerCount = Math.Max(1, itemCount / 5);
        var documents = new string[customerCount];
        for (var c = 0; c < customerCount; c++)
        {
            documents[c] = c % 2 == 0 ? Cpf(100_000_000 + (c * 37L)) : Cnpj(10_000_000 + (c * 13L));
        }

        var items = new OpenItem[itemCount];
        var itemsOfCustomer = new List<int>[customerCount];
        for (var i = 0; i < itemCount; i++)
        {
            var customer = random.Next(customerCount);
            (itemsOfCustomer[customer] ??= []).Add(i);
            var due = s_firstDue.PlusDays(random.Next(365));
            var amount = random.Next(3_000, 500_000) / 100m;
            items[i] = new OpenItem(Invariant($"INV-{i:D7}"), Invariant($"C{customer:D6}"), amount, due)
            {
                IssueDate = due.PlusDays(-30),
                PayerDocuments = [documents[customer]],
                Consumer = customer % 2 == 0,
                LateCharges = s_terms,
                References = new OpenItemReferences
                {
                    NossoNumero = Invariant($"{9_000_000_000L + i:D11}"),
                    DocumentNumber = Invariant($"NF{i:D7}"),
                    Txid = i % 5 < 2 ? Txid(random) : null,
                },
            };
        }

        // Items are consumed in a shuffled order so that each credit pays items nobody else pays.
        var order = Enumerable.Range(0, itemCount).ToArray();
        random.Shuffle(order);
        var next = 0;
        var used = new bool[itemCount];
        int Take()
        {
            while (used[order[next]])
            {
                next++;
            }

            used[order[next]] = true;
            return order[next];
        }

        var credits = new List<BankTransaction>(creditCount);
        for (var k = 0; k < creditCount; k++)
        {
            var id = Invariant($"T{k:D7}");
            var roll = random.Next(100);
            credits.Add(roll switch
            {
                < 30 => NossoNumeroPayment(id, items[Take()], random),
                < 50 => TxidPayment(id, items, Take, random),
                < 65 => PayerPayment(id, items[Take()], random),
                < 70 => SeveralItemsPayment(id, items, itemsOfCustomer, Take, used, random),
                < 80 => PartialPayment(id, items[Take()], random),
                < 90 => MemoTxidPayment(id, items, Take, random),
                _ => UnknownCredit(id, random),
            });
        }

        return new ReconciliationData(items, credits);
    }

    private static BankTransaction NossoNumeroPayment(string id, OpenItem item, Random random)
    {
        var late = random.Next(5) == 0;
        var date = late ? item.DueDate.PlusDays(random.Next(5, 40)) : item.DueDate.PlusDays(-random.Next(0, 10));
        var interest = late ? LateCharges.ComputeFor(item, date).Total : 0m;
        return Credit(id, date, item.Outstanding + interest, "LIQUIDACAO COBRANCA") with
        {
            Interest = interest > 0m ? interest : null,
            References = new TransactionReferences { NossoNumero = item.References.NossoNumero, DocumentNumber = item.References.DocumentNumber },
        };
    }

    private static BankTransaction TxidPayment(string id, OpenItem[] items, Func<int> take, Random random)
    {
        var item = TakeWithTxid(items, take);
        var document = item.PayerDocuments[0];
        return Credit(id, item.DueDate.PlusDays(-random.Next(0, 5)), item.Outstanding, "PIX RECEBIDO") with
        {
            References = new TransactionReferences { Txid = item.References.Txid, EndToEndId = "E" + Txid(random) },
            Payer = new Payer("CLIENTE", Formatted(document)),
        };
    }

    private static BankTransaction PayerPayment(string id, OpenItem item, Random random)
    {
        var document = item.PayerDocuments[0];
        var date = item.DueDate.PlusDays(random.Next(-3, 4));
        if (document.Length == 11 && random.Next(10) == 0)
        {
            // Nubank style: "Transferência recebida pelo Pix - NOME - •••.456.789-•• - BANCO".
            var masked = "•••." + document[3..6] + "." + document[6..9] + "-••";
            return Credit(id, date, item.Outstanding, "Transferência recebida pelo Pix - CLIENTE - " + masked + " - BCO DO BRASIL");
        }

        return Credit(id, date, item.Outstanding, "PIX RECEBIDO - CLIENTE") with { Payer = new Payer("CLIENTE", Formatted(document)) };
    }

    private static BankTransaction SeveralItemsPayment(
        string id, OpenItem[] items, List<int>[] itemsOfCustomer, Func<int> take, bool[] used, Random random)
    {
        var first = take();
        var customer = int.Parse(items[first].CustomerId.AsSpan(1), CultureInfo.InvariantCulture);
        var together = new List<int> { first };
        foreach (var other in itemsOfCustomer[customer])
        {
            if (together.Count < 2 + random.Next(2) && !used[other])
            {
                used[other] = true;
                together.Add(other);
            }
        }

        var latest = together.Max(i => items[i].DueDate);
        var amount = together.Sum(i => items[i].Outstanding);
        return Credit(id, latest.PlusDays(-1), amount, "TED RECEBIDA") with
        {
            Payer = new Payer("CLIENTE", Formatted(items[first].PayerDocuments[0])),
        };
    }

    private static BankTransaction PartialPayment(string id, OpenItem item, Random random)
    {
        var part = Math.Round(item.Outstanding * random.Next(20, 90) / 100m, 2);
        return Credit(id, item.DueDate, part, "LIQUIDACAO COBRANCA") with
        {
            References = new TransactionReferences { NossoNumero = item.References.NossoNumero },
        };
    }

    private static BankTransaction MemoTxidPayment(string id, OpenItem[] items, Func<int> take, Random random)
    {
        var item = TakeWithTxid(items, take);
        return Credit(id, item.DueDate.PlusDays(-random.Next(0, 3)), item.Outstanding, "PIX QR " + item.References.Txid + " RECEBIDO");
    }

    private static BankTransaction UnknownCredit(string id, Random random) =>
        Credit(id, s_firstDue.PlusDays(random.Next(365)), random.Next(1_000, 900_000) / 100m, "TED RECEBIDA - TERCEIRO") with
        {
            Payer = new Payer("TERCEIRO", Cpf(900_000_000 + random.Next(90_000_000))),
        };

    private static OpenItem TakeWithTxid(OpenItem[] items, Func<int> take)
    {
        // Items without a txid taken here stay unpaid; that is fine for a realistic portfolio.
        while (true)
        {
            var item = items[take()];
            if (item.References.Txid is not null)
            {
                return item;
            }
        }
    }

    private static BankTransaction Credit(string id, LocalDate date, decimal amount, string description) => new()
    {
        Id = id,
        Kind = TransactionKind.Credit,
        BookingDate = date,
        Amount = amount,
        Description = description,
        Source = new SourceLocation(1),
    };

    private static string Txid(Random random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(32, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    /// <summary>A CPF with valid check digits from a 9-digit base.</summary>
    public static string Cpf(long base9)
    {
        var digits = Invariant($"{base9 % 1_000_000_000:D9}");
        digits += CheckDigit(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
        return digits + CheckDigit(digits, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    }

    /// <summary>A CNPJ (head office 0001) with valid check digits from an 8-digit base.</summary>
    public static string Cnpj(long base8)
    {
        var digits = Invariant($"{base8 % 100_000_000:D8}0001");
        digits += CheckDigit(digits, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
        return digits + CheckDigit(digits, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    }

    private static char CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var rest = sum % 11;
        return (char)('0' + (rest < 2 ? 0 : 11 - rest));
    }

    private static string Formatted(string document) => document.Length == 11
        ? Invariant($"{document[..3]}.{document[3..6]}.{document[6..9]}-{document[9..]}")
        : Invariant($"{document[..2]}.{document[2..5]}.{document[5..8]}/{document[8..12]}-{document[12..]}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

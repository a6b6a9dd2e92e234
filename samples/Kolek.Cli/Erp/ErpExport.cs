using System.Globalization;
using Kolek.Dunning.Charges;
using Kolek.Reconciliation.Matching;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Cli.Erp;

/// <summary>Reads the ERP export files of CLI.md (CHARGES.csv, CUSTOMERS.csv) into the dunning model.</summary>
public static class ErpExport
{
    private static readonly string[] s_chargeColumns = ["id", "customer_id", "amount", "issue_date", "due_date", "status"];
    private static readonly string[] s_customerColumns = ["id", "name"];
    private static readonly string[] s_itemColumns =
        ["id", "customer_id", "payer_document", "amount", "due_date", "nosso_numero", "txid", "document_number"];

    /// <summary>Reads CUSTOMERS.csv; a row that cannot be read is rejected with its line and column, a customer id given twice too.</summary>
    public static ErpRows<Customer> LoadCustomers(string path) =>
        Unique(CsvTable.Load(path, s_customerColumns), row => new Customer
        {
            Id = row.Required("id"),
            Name = row.Required("name"),
            Document = Digits(row["document"]),
            Email = row["email"],
            Phone = row["phone"],
            WhatsApp = row["whatsapp"],
            Consumer = Bool(row, "consumer"),
            Segment = row["segment"],
            TimeZone = Zone(row),
            OptOut = (row["opt_out"] ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
        }, c => c.Id);

    /// <summary>Reads CHARGES.csv; a row that cannot be read or contradicts itself is rejected with its line and column, a
    /// charge id given twice too (the later line).</summary>
    public static ErpRows<Charge> LoadCharges(string path) =>
        Unique(CsvTable.Load(path, s_chargeColumns), row => Consistent(row, new Charge
        {
            Id = row.Required("id"),
            CustomerId = row.Required("customer_id"),
            Amount = Money(row, "amount") ?? throw row.Error("amount", "is empty"),
            IssueDate = Date(row, "issue_date") ?? throw row.Error("issue_date", "is empty"),
            DueDate = Date(row, "due_date") ?? throw row.Error("due_date", "is empty"),
            Status = Status(row),
            PaidAmount = Money(row, "paid_amount") ?? 0m,
            NossoNumero = row["nosso_numero"],
            Txid = row["txid"],
            LinhaDigitavel = row["linha_digitavel"],
            PixCopiaECola = row["pix_copia_e_cola"],
            PaidDate = Date(row, "paid_date"),
        }), c => c.Id);

    /// <summary>A charge whose values contradict each other is an input error on its line, never read as something else.</summary>
    private static Charge Consistent(CsvRow row, Charge c) =>
        c.Amount <= 0m ? throw row.Error("amount", $"has '{row["amount"]}'; a charge's amount must be positive")
        : c.PaidAmount < 0m || c.PaidAmount > c.Amount ? throw row.Error("paid_amount", $"has '{row["paid_amount"]}'; it must be between 0 and the amount {c.Amount.ToString(CultureInfo.InvariantCulture)}")
        : c.DueDate < c.IssueDate ? throw row.Error("due_date", $"has '{row["due_date"]}', before the issue date '{row["issue_date"]}'")
        : c.PaidDate < c.IssueDate ? throw row.Error("paid_date", $"has '{row["paid_date"]}', before the issue date '{row["issue_date"]}'")
        : c;

    /// <summary>
    /// Reads the open items of <c>kolek reconcile</c> (ITEMS.csv): <c>id,customer_id,payer_document,amount,due_date,
    /// nosso_numero,txid,document_number</c>, optionally <c>issue_date,consumer,fine_percent,interest_percent_month</c>
    /// (and <c>outstanding</c>, <c>linha_digitavel</c>, <c>end_to_end_id</c>, and an early-payment discount as
    /// <c>discount_amount,discount_until</c>, both or neither); <c>payer_document</c> may list several
    /// documents separated by <c>|</c>. A row that cannot be read is rejected with its line and column, an item id given
    /// twice too (the later line).
    /// </summary>
    public static ErpRows<OpenItem> LoadOpenItems(string path) =>
        Unique(CsvTable.Load(path, s_itemColumns), row =>
        {
            var amount = NonNegative(row, "amount") ?? throw row.Error("amount", "is empty");
            var fine = Percent(row, "fine_percent");
            var interest = Percent(row, "interest_percent_month");
            var (discount, discountUntil) = (NonNegative(row, "discount_amount"), Date(row, "discount_until"));
            if ((discount is null) != (discountUntil is null))
            {
                throw row.Error(discount is null ? "discount_amount" : "discount_until", "is empty while the other early-payment discount column is filled");
            }

            var (dueDate, issueDate, outstanding) = (Date(row, "due_date") ?? throw row.Error("due_date", "is empty"), Date(row, "issue_date"),
                NonNegative(row, "outstanding") ?? amount);
            // Values that contradict each other reject the row (docs/cli.md), as in CHARGES.csv.
            if (amount == 0m)
            {
                throw row.Error("amount", $"has '{row["amount"]}'; an item's amount must be positive");
            }

            if (dueDate < issueDate)
            {
                throw row.Error("due_date", $"has '{row["due_date"]}', before the issue date '{row["issue_date"]}'");
            }

            if (outstanding > amount)
            {
                throw row.Error("outstanding", $"has '{row["outstanding"]}'; it must be between 0 and the amount {amount.ToString(CultureInfo.InvariantCulture)}");
            }

            return new OpenItem(row.Required("id"), row.Required("customer_id"), amount, dueDate)
            {
                Outstanding = outstanding,
                IssueDate = issueDate,
                PayerDocuments = (row["payer_document"] ?? "").Split('|').Select(Digits).Where(d => d.Length > 0).ToList(),
                Consumer = Bool(row, "consumer"),
                References = new OpenItemReferences
                {
                    NossoNumero = row["nosso_numero"],
                    Txid = row["txid"],
                    DocumentNumber = row["document_number"],
                    LinhaDigitavel = row["linha_digitavel"],
                    EndToEndId = row["end_to_end_id"],
                },
                LateCharges = fine is null && interest is null ? null : new OpenItemLateChargeTerms(fine ?? 0m, interest ?? 0m),
                EarlyPaymentDiscount = discount is { } off && discountUntil is { } until ? new OpenItemEarlyPaymentDiscount(off, until) : null,
            };
        }, i => i.Id);

    /// <summary>Joins charges to their customers; a charge whose customer is unknown gets a bare customer record (no name,
    /// no contact), which <paramref name="unknown"/> is told about once per customer id, with the first charge naming it.</summary>
    public static IReadOnlyList<CustomerCharge> Join(IEnumerable<Charge> charges, IEnumerable<Customer> customers, Action<string, string>? unknown = null)
    {
        var byId = customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var bare = new Dictionary<string, Customer>(StringComparer.Ordinal);
        return charges.Select(c =>
        {
            if (byId.TryGetValue(c.CustomerId, out var customer))
            {
                return new CustomerCharge(c, customer);
            }

            if (!bare.TryGetValue(c.CustomerId, out customer))
            {
                bare.Add(c.CustomerId, customer = new Customer { Id = c.CustomerId });
                unknown?.Invoke(c.CustomerId, c.Id);
            }

            return new CustomerCharge(c, customer);
        }).ToList();
    }

    /// <summary>The contract's name of a charge status (<c>open</c>, <c>paid</c>…).</summary>
    public static string StatusName(ChargeStatus status) => status.ToString().ToLowerInvariant();

    private static ChargeStatus Status(CsvRow row) => row.Required("status").ToLowerInvariant() switch
    {
        "open" => ChargeStatus.Open,
        "paid" => ChargeStatus.Paid,
        "cancelled" => ChargeStatus.Cancelled,
        "disputed" => ChargeStatus.Disputed,
        "agreement" => ChargeStatus.Agreement,
        var other => throw row.Error("status", $"has '{other}'; expected open, paid, cancelled, disputed or agreement"),
    };

    private static ErpRows<T> Unique<T>(CsvTable table, Func<CsvRow, T> read, Func<T, string> id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<T>();
        var rejected = new List<CsvException>();
        foreach (var row in table.Rows)
        {
            try
            {
                if (row.Problem is { } problem)
                {
                    throw problem;
                }

                var value = read(row);
                if (!seen.Add(id(value)))
                {
                    throw row.Error("id", $"repeats '{id(value)}', already given on an earlier line");
                }

                list.Add(value);
            }
            catch (CsvException e)
            {
                rejected.Add(e);
            }
        }

        return new ErpRows<T>(list, rejected) { NotUtf8 = table.NotUtf8 };
    }

    private static decimal? NonNegative(CsvRow row, string column)
    {
        var value = Money(row, column);
        return value < 0m ? throw row.Error(column, $"has '{row[column]}'; it cannot be negative") : value;
    }

    /// <summary>A percentage from 0 to 100, as the ruler's late charges (<c>ruler.late_charges.out_of_range</c>).</summary>
    private static decimal? Percent(CsvRow row, string column)
    {
        var value = NonNegative(row, column);
        return value > 100m ? throw row.Error(column, $"has '{row[column]}'; a percentage must be between 0 and 100") : value;
    }

    private static decimal? Money(CsvRow row, string column) =>
        row[column] is not { } text ? null
        : decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
        : throw row.Error(column, $"has '{text}', not an amount like 1234.56");

    private static LocalDate? Date(CsvRow row, string column) =>
        row[column] is not { } text ? null
        : LocalDatePattern.Iso.Parse(text) is { Success: true } r ? r.Value
        : throw row.Error(column, $"has '{text}', not a date like 2026-12-03");

    private static bool Bool(CsvRow row, string column) => row[column]?.ToLowerInvariant() switch
    {
        null or "false" or "0" or "no" or "nao" or "não" => false,
        "true" or "1" or "yes" or "sim" => true,
        var other => throw row.Error(column, $"has '{other}'; expected true or false"),
    };

    private static DateTimeZone? Zone(CsvRow row) =>
        row["time_zone"] is not { } id ? null
        : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw row.Error("time_zone", $"has '{id}', not a tz database zone id");

    private static string Digits(string? text) => text is null ? "" : new string(text.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}

/// <summary>The rows of an ERP export file that were read, and those rejected (each with its file, line and column).</summary>
/// <typeparam name="T">What a row becomes.</typeparam>
/// <param name="Rows">The rows read, in file order.</param>
/// <param name="Rejected">The rows that could not be used, in file order; nothing of them was read.</param>
public sealed record ErpRows<T>(IReadOnlyList<T> Rows, IReadOnlyList<CsvException> Rejected)
{
    /// <summary>When the file was not UTF-8 and was read as Windows-1252, the warning saying so (see <see cref="CsvTable.NotUtf8"/>).</summary>
    public CsvException? NotUtf8 { get; init; }

    /// <summary>The rows, for a file that must be entirely valid (the bundled demo data): the first rejected row is thrown.</summary>
    public IReadOnlyList<T> AllOrThrow() => Rejected.Count > 0 ? throw Rejected[0] : Rows;
}

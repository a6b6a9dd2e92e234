using System.Globalization;
using Kolek.Reconciliation.Matching;
using NodaTime.Text;

namespace Kolek.Cli.Storage;

/// <summary>
/// The reconciliation ledger on SQLite: a transaction is recorded once (primary key + ON CONFLICT DO NOTHING),
/// together with the payments it made, in one database transaction.
/// </summary>
public sealed class SqliteReconciliationLedger(SqliteDatabase db) : IReconciliationLedger
{
    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(ReconciliationLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var tx = db.Connection.BeginTransaction();
        var recordedAt = InstantPattern.ExtendedIso.Format(entry.RecordedAt);
        var inserted = db.Execute(
            """
            INSERT INTO reconciliation_ledger (transaction_id, recorded_at, rule, remainder, confidence, explanation)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5) ON CONFLICT DO NOTHING
            """,
            entry.TransactionId, recordedAt, entry.Rule, Text(entry.Remainder), entry.Confidence, entry.Explanation) == 1;
        if (inserted)
        {
            foreach (var a in entry.Allocations)
            {
                db.Execute(
                    "INSERT INTO payment (transaction_id, charge_id, amount, late_charges, written_off, paid_on) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)",
                    entry.TransactionId, a.ItemId, Text(a.Amount), Text(a.LateCharges), Text(a.WrittenOff), recordedAt);
            }
        }

        tx.Commit();
        return ValueTask.FromResult(inserted);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlySet<string>> FindRecordedAsync(IEnumerable<string> transactionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionIds);
        var wanted = transactionIds.ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        using var reader = db.Command("SELECT transaction_id FROM reconciliation_ledger").ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (wanted.Contains(id))
            {
                found.Add(id);
            }
        }

        return ValueTask.FromResult<IReadOnlySet<string>>(found);
    }

    /// <summary>Every payment recorded, per charge: the principal settled (amount − late charges + written off) and when the last one was recorded.</summary>
    public IReadOnlyDictionary<string, SettledPayment> SettledByCharge()
    {
        var settled = new Dictionary<string, SettledPayment>(StringComparer.Ordinal);
        using var reader = db.Command("SELECT charge_id, amount, late_charges, written_off, paid_on FROM payment").ExecuteReader();
        while (reader.Read())
        {
            var principal = Parse(reader.GetString(1)) - Parse(reader.GetString(2)) + Parse(reader.GetString(3));
            var at = InstantPattern.ExtendedIso.Parse(reader.GetString(4)).Value;
            settled[reader.GetString(0)] = settled.TryGetValue(reader.GetString(0), out var sofar)
                ? new SettledPayment(sofar.Principal + principal, at > sofar.LastRecordedAt ? at : sofar.LastRecordedAt)
                : new SettledPayment(principal, at);
        }

        return settled;
    }

    /// <summary>Every entry with its allocations, ordered by transaction id.</summary>
    public IReadOnlyList<ReconciliationLedgerEntry> Entries()
    {
        var allocations = new Dictionary<string, List<Allocation>>(StringComparer.Ordinal);
        using (var reader = db.Command("SELECT transaction_id, charge_id, amount, late_charges, written_off FROM payment ORDER BY transaction_id, charge_id").ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!allocations.TryGetValue(id, out var list))
                {
                    allocations[id] = list = [];
                }

                list.Add(new Allocation(reader.GetString(1), Parse(reader.GetString(2)), Parse(reader.GetString(3)), Parse(reader.GetString(4))));
            }
        }

        var entries = new List<ReconciliationLedgerEntry>();
        using var rows = db.Command(
            "SELECT transaction_id, recorded_at, rule, remainder, confidence, explanation FROM reconciliation_ledger ORDER BY transaction_id").ExecuteReader();
        while (rows.Read())
        {
            var id = rows.GetString(0);
            entries.Add(new ReconciliationLedgerEntry(id, InstantPattern.ExtendedIso.Parse(rows.GetString(1)).Value, rows.GetString(2),
                allocations.GetValueOrDefault(id) ?? [])
            {
                Remainder = Parse(rows.GetString(3)),
                Confidence = rows.GetDouble(4),
                Explanation = rows.IsDBNull(5) ? null : rows.GetString(5),
            });
        }

        return entries;
    }

    /// <summary>How many transactions the ledger holds.</summary>
    public int Count() => Convert.ToInt32(db.Command("SELECT COUNT(*) FROM reconciliation_ledger").ExecuteScalar(), CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);
}

/// <summary>The payments recorded for one charge.</summary>
/// <param name="Principal">The principal settled, in BRL.</param>
/// <param name="LastRecordedAt">When the latest of them was recorded.</param>
public sealed record SettledPayment(decimal Principal, NodaTime.Instant LastRecordedAt);

using Microsoft.Data.Sqlite;

namespace Kolek.Cli.Storage;

/// <summary>
/// The demo's embedded state: one SQLite file holding the dunning journal, the reconciliation ledger and the
/// payments applied to charges. Every guarantee comes from the database (primary keys, INSERT … ON CONFLICT,
/// transactions), as it would on PostgreSQL; nothing relies on an in-process lock.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const string Schema = """
        PRAGMA busy_timeout = 10000;
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS dunning_journal (
            charge_id TEXT NOT NULL, step_id TEXT NOT NULL, channel TEXT NOT NULL,
            claim_id TEXT NOT NULL, message_id TEXT NOT NULL, customer_id TEXT NOT NULL,
            attempt INTEGER NOT NULL, claimed_at TEXT NOT NULL,
            outcome_kind INTEGER NULL, outcome_at TEXT NULL, provider_message_id TEXT NULL,
            reason TEXT NULL, retry_not_before TEXT NULL,
            recipient TEXT NULL, delivery_status INTEGER NULL, delivery_at TEXT NULL, delivery_reason TEXT NULL,
            PRIMARY KEY (charge_id, step_id, channel));
        CREATE TABLE IF NOT EXISTS reconciliation_ledger (
            transaction_id TEXT NOT NULL PRIMARY KEY, recorded_at TEXT NOT NULL, rule TEXT NOT NULL,
            remainder TEXT NOT NULL DEFAULT '0', confidence REAL NOT NULL DEFAULT 1, explanation TEXT NULL);
        CREATE TABLE IF NOT EXISTS payment (
            transaction_id TEXT NOT NULL, charge_id TEXT NOT NULL, amount TEXT NOT NULL,
            late_charges TEXT NOT NULL, written_off TEXT NOT NULL, paid_on TEXT NOT NULL,
            PRIMARY KEY (transaction_id, charge_id));
        """;

    /// <summary>Opens (creating if needed) the database file; a file that cannot be opened or is not a Kolek database is a usage error.</summary>
    public SqliteDatabase(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        Connection = new SqliteConnection(builder.ToString());
        try
        {
            Connection.Open();
            Execute(Schema);
            Migrate();
        }
        catch (SqliteException e)
        {
            Connection.Dispose();
            throw new CommandLine.UsageException($"Cannot use '{path}' as the state database: {e.Message}");
        }
    }

    /// <summary>Adds the columns later versions introduced to a database an earlier version created, and the indexes.</summary>
    private void Migrate()
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = Command("SELECT name FROM pragma_table_info('dunning_journal')").ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        foreach (var (name, type) in new[] { ("recipient", "TEXT"), ("delivery_status", "INTEGER"), ("delivery_at", "TEXT"), ("delivery_reason", "TEXT") })
        {
            if (!columns.Contains(name))
            {
                Execute($"ALTER TABLE dunning_journal ADD COLUMN {name} {type} NULL");
            }
        }

        Execute("""
            CREATE INDEX IF NOT EXISTS dunning_journal_provider_message ON dunning_journal (provider_message_id);
            CREATE INDEX IF NOT EXISTS dunning_journal_message ON dunning_journal (message_id);
            """);
    }

    /// <summary>The latest instant recorded in the journal or the ledger (ISO-8601 text), or null when both are empty.</summary>
    public string? LatestActivity() =>
        Command("SELECT MAX(t) FROM (SELECT MAX(claimed_at) AS t FROM dunning_journal UNION ALL SELECT MAX(recorded_at) FROM reconciliation_ledger)")
            .ExecuteScalar() as string;

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Runs a statement with positional parameters <c>$p0</c>, <c>$p1</c>…; returns the rows changed.</summary>
    public int Execute(string sql, params object?[] parameters) => Command(sql, parameters).ExecuteNonQuery();

    /// <summary>Creates a command with positional parameters <c>$p0</c>, <c>$p1</c>….</summary>
    public SqliteCommand Command(string sql, params object?[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters[i] ?? DBNull.Value);
        }

        return command;
    }

    /// <inheritdoc />
    public void Dispose() => Connection.Dispose();
}

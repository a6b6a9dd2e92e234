using System.Globalization;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Counts the lines read in a currency other than BRL, to report each such currency once per file.</summary>
/// <remarks>A foreign amount is kept as written, its code in <see cref="Statements.BankTransaction.Currency"/>; this
/// warning tells the host once per file.</remarks>
internal sealed class CurrencyTally
{
    private readonly SortedDictionary<string, (int FirstLine, int Count)> _foreign = new(StringComparer.Ordinal);

    /// <summary>The currency code as <see cref="Statements.BankTransaction.Currency"/> holds it: trimmed and upper-case,
    /// <see langword="null"/> for BRL and for a missing currency.</summary>
    public static string? Foreign(string? currency) =>
        string.IsNullOrWhiteSpace(currency) || string.Equals(currency.Trim(), "BRL", StringComparison.OrdinalIgnoreCase)
            ? null
            : currency.Trim().ToUpperInvariant();

    /// <summary>Notes one line in <paramref name="currency"/>; BRL and a missing currency are not noted.</summary>
    public void Add(string? currency, int line)
    {
        if (Foreign(currency) is not { } key)
        {
            return;
        }

        _foreign[key] = _foreign.TryGetValue(key, out var seen) ? (seen.FirstLine, seen.Count + 1) : (line, 1);
    }

    /// <summary>Adds one warning <c>{prefix}.currency.foreign</c> per foreign currency, at the line of its first use.</summary>
    public void Report(DiagnosticBag diagnostics, string prefix, string field)
    {
        foreach (var (currency, (line, count)) in _foreign)
        {
            diagnostics.Warning(line, field, prefix + ".currency.foreign", string.Create(CultureInfo.InvariantCulture,
                $"{count} lançamento(s) em {currency}, não em BRL: valores mantidos como escritos, na moeda {currency}; a conciliação os deixa de lado (moeda estrangeira)."));
        }
    }
}

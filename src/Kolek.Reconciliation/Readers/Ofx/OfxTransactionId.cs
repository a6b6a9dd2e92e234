using System.Globalization;
using Kolek.Reconciliation.Readers.Internal;
using NodaTime;

namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Builds the stable <see cref="Statements.BankTransaction.Id"/> of an OFX line.</summary>
/// <remarks>
/// <para>The id is <c>ofx-</c> followed by the first 16 lower-case hex digits of the SHA-256 of the UTF-8 text
/// <c>bank|account|fitid|yyyy-MM-dd|amount</c> (plus <c>|#n</c> for the n-th repeat, see below), where:</para>
/// <list type="bullet">
/// <item><c>bank</c> and <c>account</c> are BANKID and ACCTID reduced to upper-case letters and digits without
/// leading zeros (so <c>001</c> = <c>1</c> and <c>455000-5</c> = <c>4550005</c>); the branch is left out because
/// banks write it with and without check digit from one export to the next;</item>
/// <item><c>fitid</c> is the trimmed FITID (when it is missing, the trimmed description takes its place);</item>
/// <item>the date is the booking date as written and the amount is written invariantly with at least two
/// decimals, so <c>-33.3</c> and <c>-33,30</c> agree.</item>
/// </list>
/// <para>Neither the line number, the memo padding, the encoding nor the line endings take part, so the same line
/// keeps its id in a re-encoded copy and in any other export that overlaps it. When one file holds several lines
/// identical in all these parts (a bank that repeats a FITID), the second gets <c>|#1</c>, the third <c>|#2</c>
/// and so on, in file order; the first keeps the plain form. A bank that reuses a FITID for a different line
/// (Nubank's reversal, another amount or day) yields a different id because the amount or date differs.</para>
/// </remarks>
internal static class OfxTransactionId
{
    public static string AccountKey(string? bank, string? account) => Internal.NaturalKey.Code(bank) + "|" + Internal.NaturalKey.Code(account);

    public static string NaturalKey(string accountKey, string fitidOrText, LocalDate date, decimal amount) =>
        string.Join('|', accountKey, fitidOrText, Internal.NaturalKey.Date(date), Internal.NaturalKey.Amount(amount));
}

using System.Globalization;
using Kolek.Reconciliation.Readers.Internal;

namespace Kolek.Reconciliation.Readers.Cnab;

/// <summary>Checks a CNAB 240 file against the totals its trailers state, as the records stream by.</summary>
/// <remarks>
/// <para>Lot trailer (type 5): the number of records of the lot (18–23, lot header and trailer included; Santander counts
/// only the details) and the titles in collection (24–29 with their face-value total 30–46 for cobrança simples, and
/// the vinculada, caucionada and descontada pairs up to 115), against the T segments of the lot and the sum of their
/// face values (valor nominal do título). File trailer (type 9): the number of lots (18–23) and of records (24–29).</para>
/// <para>A count or total that is blank or all zeros is not filled in (most banks leave the title totals zero in a
/// return) and is not checked. Santander's title totals are the wallet's, not this file's (65 titles against the 2 of
/// its corpus file), so they are not checked. A mismatch is a <c>cnab240.trailer.mismatch</c> warning at the trailer's
/// line, naming the field, both figures and what may be missing: the records were all read regardless.</para>
/// </remarks>
internal sealed class Cnab240Totals(Cnab240Layout layout, DiagnosticBag diagnostics)
{
    private int _records;
    private int _lots;
    private int _lotRecords;
    private int _lotTitles;
    private Int128 _lotFaceCents;
    private bool _faceUnreadable;

    /// <summary>The face value, in cents, of the last T segment counted by <see cref="Add"/>, when its field was read as
    /// all digits (<see cref="CnabBytes.TryWholeNumber"/>, what <see cref="CnabFieldReader.Money(CnabSpan, string, bool)"/>
    /// tries first); null otherwise. The reader takes it with the T segment instead of reading the field again.</summary>
    public long? TitleFaceCents { get; private set; }

    /// <summary>Counts a record after the file header.</summary>
    /// <param name="line">The fitted record.</param>
    /// <param name="number">Its line number, for reports.</param>
    public void Add(ReadOnlySpan<byte> line, int number)
    {
        _records++;
        switch (line[7])
        {
            case (byte)'1':
                _lots++;
                _lotRecords = 1;
                _lotTitles = 0;
                _lotFaceCents = 0;
                _faceUnreadable = false;
                break;
            case (byte)'3':
                _lotRecords++;
                if (line[13] == (byte)'T')
                {
                    _lotTitles++;
                    var face = Slice(line, layout.FaceValue);
                    if (TryNumber(face, out var cents))
                    {
                        _lotFaceCents += cents;
                        TitleFaceCents = face.Length <= 18 ? cents : null;
                    }
                    else
                    {
                        _faceUnreadable = true;
                        TitleFaceCents = null;
                    }
                }

                break;
            case (byte)'5':
                CheckLot(line, number, _lotRecords + 1);
                break;
            case (byte)'9':
                Check(line, number, new CnabSpan(18, 23), "quantidade_lotes", _lots, "lotes");
                Check(line, number, new CnabSpan(24, 29), "quantidade_registros", _records + 1, "registros no arquivo (header e trailer incluídos)");
                break;
            default:
                break;
        }
    }

    private void CheckLot(ReadOnlySpan<byte> trailer, int number, int lotRecords)
    {
        Check(trailer, number, new CnabSpan(18, 23), "quantidade_registros_lote", layout.LotCountIsDetailsOnly ? lotRecords - 2 : lotRecords,
            layout.LotCountIsDetailsOnly ? "registros de detalhe no lote" : "registros no lote (header e trailer do lote incluídos)");
        if (layout.LotTotalsAreWallet)
        {
            return;
        }

        var titles = 0L;
        var cents = 0L;
        var filled = false;
        for (var start = 24; start < 116; start += 23)
        {
            if (TryNumber(Slice(trailer, new CnabSpan(start, start + 5)), out var q) && TryNumber(Slice(trailer, new CnabSpan(start + 6, start + 22)), out var v))
            {
                titles += q;
                cents += v;
                filled |= q != 0 || v != 0;
            }
        }

        if (!filled)
        {
            return;
        }

        if (titles != _lotTitles)
        {
            Report(number, "quantidade_titulos", titles.ToString(CultureInfo.InvariantCulture), _lotTitles.ToString(CultureInfo.InvariantCulture), "títulos (segmentos T) no lote");
        }

        var stated = cents / 100m;
        var faceTotal = (decimal)_lotFaceCents / 100m;
        if (!_faceUnreadable && stated != faceTotal)
        {
            Report(number, "valor_total_titulos", NaturalKey.Amount(stated), NaturalKey.Amount(faceTotal), "de valor nominal somado dos títulos do lote");
        }
    }

    private void Check(ReadOnlySpan<byte> trailer, int number, CnabSpan span, string field, int actual, string what)
    {
        if (TryNumber(Slice(trailer, span), out var stated) && stated != 0 && stated != actual)
        {
            Report(number, field, stated.ToString(CultureInfo.InvariantCulture), actual.ToString(CultureInfo.InvariantCulture), what);
        }
    }

    private void Report(int line, string field, string stated, string actual, string what) =>
        diagnostics.Warning(line, field, "cnab240.trailer.mismatch",
            $"O trailer declara {stated}, mas o arquivo tem {actual} {what}: pode faltar ou sobrar registro; os registros foram lidos assim mesmo.");

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> line, CnabSpan span) => line.Slice(span.Start - 1, span.Length);

    /// <summary>The value of an all-digits field, as <c>long.TryParse</c> with <see cref="NumberStyles.None"/> reads it.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> digits, out long value) =>
        digits.Length <= 18
            ? CnabBytes.TryWholeNumber(digits, out value)
            : long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

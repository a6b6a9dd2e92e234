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
    private decimal _lotFaceTotal;
    private bool _faceUnreadable;

    /// <summary>Counts a record after the file header.</summary>
    public void Add(CnabLine line)
    {
        _records++;
        switch (line.At(8))
        {
            case '1':
                _lots++;
                _lotRecords = 1;
                _lotTitles = 0;
                _lotFaceTotal = 0m;
                _faceUnreadable = false;
                break;
            case '3':
                _lotRecords++;
                if (line.At(14) == 'T')
                {
                    _lotTitles++;
                    if (TryNumber(line.Slice(layout.FaceValue), out var cents))
                    {
                        _lotFaceTotal += cents / 100m;
                    }
                    else
                    {
                        _faceUnreadable = true;
                    }
                }

                break;
            case '5':
                CheckLot(line, _lotRecords + 1);
                break;
            case '9':
                Check(line, new CnabSpan(18, 23), "quantidade_lotes", _lots, "lotes");
                Check(line, new CnabSpan(24, 29), "quantidade_registros", _records + 1, "registros no arquivo (header e trailer incluídos)");
                break;
            default:
                break;
        }
    }

    private void CheckLot(CnabLine trailer, int lotRecords)
    {
        Check(trailer, new CnabSpan(18, 23), "quantidade_registros_lote", layout.LotCountIsDetailsOnly ? lotRecords - 2 : lotRecords,
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
            if (TryNumber(trailer.Slice(new CnabSpan(start, start + 5)), out var q) && TryNumber(trailer.Slice(new CnabSpan(start + 6, start + 22)), out var v))
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
            Report(trailer, "quantidade_titulos", titles.ToString(CultureInfo.InvariantCulture), _lotTitles.ToString(CultureInfo.InvariantCulture), "títulos (segmentos T) no lote");
        }

        var stated = cents / 100m;
        if (!_faceUnreadable && stated != _lotFaceTotal)
        {
            Report(trailer, "valor_total_titulos", NaturalKey.Amount(stated), NaturalKey.Amount(_lotFaceTotal), "de valor nominal somado dos títulos do lote");
        }
    }

    private void Check(CnabLine trailer, CnabSpan span, string field, int actual, string what)
    {
        if (TryNumber(trailer.Slice(span), out var stated) && stated != 0 && stated != actual)
        {
            Report(trailer, field, stated.ToString(CultureInfo.InvariantCulture), actual.ToString(CultureInfo.InvariantCulture), what);
        }
    }

    private void Report(CnabLine trailer, string field, string stated, string actual, string what) =>
        diagnostics.Warning(trailer.Number, field, "cnab240.trailer.mismatch",
            $"O trailer declara {stated}, mas o arquivo tem {actual} {what}: pode faltar ou sobrar registro; os registros foram lidos assim mesmo.");

    private static bool TryNumber(ReadOnlySpan<char> digits, out long value) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

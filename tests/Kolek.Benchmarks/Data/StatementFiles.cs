using System.Globalization;
using System.Text;
using NodaTime;

namespace Kolek.Benchmarks.Data;

/// <summary>Deterministic (fixed seed) bank files of any size: an OFX 1.02 SGML statement and a Bradesco CNAB 400 return.</summary>
internal static class StatementFiles
{
    private static readonly LocalDate s_start = new(2025, 1, 2);

    /// <summary>An OFX 1.02 (SGML, CHARSET 1252) statement with <paramref name="count"/> transactions: PIX credits with
    /// the payer's CPF in the memo, boleto liquidations and debits, over three months.</summary>
    public static byte[] Ofx(int count, int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder(count * 220);
        text.Append("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\n")
            .Append("COMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n")
            .Append("<OFX>\r\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250401120000[-3:BRT]<LANGUAGE>POR</SONRS></SIGNONMSGSRSV1>\r\n")
            .Append("<BANKMSGSRSV1>\r\n<STMTTRNRS>\r\n<TRNUID>1\r\n<STMTRS>\r\n<CURDEF>BRL\r\n")
            .Append("<BANKACCTFROM>\r\n<BANKID>0237\r\n<BRANCHID>1234\r\n<ACCTID>56789-0\r\n<ACCTTYPE>CHECKING\r\n</BANKACCTFROM>\r\n")
            .Append("<BANKTRANLIST>\r\n<DTSTART>20250102000000[-3:BRT]\r\n<DTEND>20250401235959[-3:BRT]\r\n");
        var balance = 0m;
        for (var k = 0; k < count; k++)
        {
            var date = s_start.PlusDays(k * 90 / count);
            var amount = random.Next(1_000, 500_000) / 100m;
            var (type, memo) = (k % 10) switch
            {
                < 5 => ("CREDIT", "PIX RECEBIDO - CLIENTE " + Inv(k % 997) + " - " + ReconciliationData.Cpf(100_000_000 + k)),
                < 8 => ("CREDIT", "LIQUIDACAO DE COBRANCA NOSSO NUMERO " + Inv(9_000_000_000L + k)),
                _ => ("DEBIT", "PAGTO FORNECEDOR " + Inv(k % 311)),
            };
            if (type == "DEBIT")
            {
                amount = -amount;
            }

            balance += amount;
            text.Append("<STMTTRN>\r\n<TRNTYPE>").Append(type)
                .Append("\r\n<DTPOSTED>").Append(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append("120000[-3:BRT]")
                .Append("\r\n<TRNAMT>").Append(amount.ToString("0.00", CultureInfo.InvariantCulture))
                .Append("\r\n<FITID>").Append(Inv(20_250_000_000_000L + k))
                .Append("\r\n<MEMO>").Append(memo)
                .Append("\r\n</STMTTRN>\r\n");
        }

        text.Append("</BANKTRANLIST>\r\n<LEDGERBAL>\r\n<BALAMT>").Append(balance.ToString("0.00", CultureInfo.InvariantCulture))
            .Append("\r\n<DTASOF>20250401\r\n</LEDGERBAL>\r\n</STMTRS>\r\n</STMTTRNRS>\r\n</BANKMSGSRSV1>\r\n</OFX>\r\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>A Bradesco (237) CNAB 400 return with <paramref name="count"/> details: liquidations (occurrence 06),
    /// a tenth of them late with interest, and entry confirmations (02), at the positions of
    /// corpus/cnab400/spec/237-bradesco-retorno-*.yml.</summary>
    public static byte[] Cnab400Bradesco(int count, int seed = 11)
    {
        var random = new Random(seed);
        var text = new StringBuilder((count + 2) * 402);
        var line = new char[400];
        Record(text, line, (1, "02RETORNO01COBRANCA       "), (27, "00000000000004466911"), (47, "EMPRESA TESTE".PadRight(30)),
            (77, "237BRADESCO       "), (95, "020425"), (395, "000001"));
        for (var k = 0; k < count; k++)
        {
            var date = s_start.PlusDays(k * 90 / count).ToString("ddMMyy", CultureInfo.InvariantCulture);
            var face = random.Next(3_000, 500_000);
            var late = k % 10 == 0 ? face / 50 : 0;
            var nossoNumero = Inv(10_000_000_000L + k);
            Record(text, line,
                (1, "102"), (4, "11222333000181"), (18, "0000090142000123456"), (63, "00000000"),
                (71, nossoNumero + "0"), (108, "9"), (109, k % 20 == 19 ? "02" : "06"), (111, date),
                (117, ("NF" + Inv(k)).PadRight(10)), (127, "000000000" + nossoNumero), (147, date),
                (153, Cents(face)), (176, Cents(195)), (254, Cents(face + late)), (267, Cents(late)), (296, date),
                (395, Inv(k + 2).PadLeft(6, '0')));
        }

        Record(text, line, (1, "9201237"), (395, Inv(count + 2).PadLeft(6, '0')));
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    private static void Record(StringBuilder text, char[] line, params (int Position, string Text)[] fields)
    {
        Array.Fill(line, ' ');
        foreach (var (position, value) in fields)
        {
            value.CopyTo(0, line, position - 1, value.Length);
        }

        text.Append(line).Append("\r\n");
    }

    private static string Cents(int cents) => Inv(cents).PadLeft(13, '0');

    private static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);
}

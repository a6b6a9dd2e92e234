using System.Globalization;
using System.Text;
using NodaTime;

namespace Kolek.Benchmarks.Data;

/// <summary>Deterministic (fixed seed) bank files of any size: an OFX 1.02 SGML statement, a Bradesco CNAB 400 return and
/// a Banco do Brasil (FEBRABAN) CNAB 240 return. Each is written to a <see cref="TextWriter"/> (Latin-1), so a file of a
/// gigabyte can be generated straight to disk; the byte-array forms are for small files.</summary>
/// <remarks>Shared with Kolek.Reconciliation.Tests (linked source), which reads generated files as a property.</remarks>
internal static partial class StatementFiles
{
    /// <summary>The file as Latin-1 bytes.</summary>
    public static byte[] Bytes(Action<TextWriter> write)
    {
        var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, Encoding.Latin1, 64 * 1024, leaveOpen: true))
        {
            write(writer);
        }

        return memory.ToArray();
    }

    private static readonly LocalDate s_start = new(2025, 1, 2);

    /// <summary>An OFX 1.02 (SGML, CHARSET 1252) statement with <paramref name="count"/> transactions: PIX credits with
    /// the payer's CPF in the memo, boleto liquidations and debits, over three months.</summary>
    public static byte[] Ofx(int count, int seed = 7) => Bytes(w => WriteOfx(w, count, seed));

    /// <summary>Writes the OFX of <see cref="Ofx"/> (CRLF line ends).</summary>
    public static void WriteOfx(TextWriter text, int count, int seed = 7)
    {
        var random = new Random(seed);
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
                < 5 => ("CREDIT", "PIX RECEBIDO - CLIENTE " + Inv(k % 997) + " - " + Cpf(100_000_000 + k)),
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
    }

    /// <summary>A Bradesco (237) CNAB 400 return with <paramref name="count"/> details: liquidations (occurrence 06),
    /// a tenth of them late with interest, and entry confirmations (02), at the positions of
    /// corpus/cnab400/spec/237-bradesco-retorno-*.yml.</summary>
    public static byte[] Cnab400Bradesco(int count, int seed = 11) => Bytes(w => WriteCnab400Bradesco(w, count, seed));

    /// <summary>Writes the CNAB 400 of <see cref="Cnab400Bradesco"/>; <paramref name="newline"/> ends every record.</summary>
    public static void WriteCnab400Bradesco(TextWriter text, int count, int seed = 11, string newline = "\r\n")
    {
        var random = new Random(seed);
        var line = new char[400];
        Record(text, line, newline, (1, "02RETORNO01COBRANCA       "), (27, "00000000000004466911"), (47, "EMPRESA TESTE".PadRight(30)),
            (77, "237BRADESCO       "), (95, "020425"), (395, "000001"));
        for (var k = 0; k < count; k++)
        {
            var date = s_start.PlusDays(k * 90 / count).ToString("ddMMyy", CultureInfo.InvariantCulture);
            var face = random.Next(3_000, 500_000);
            var late = k % 10 == 0 ? face / 50 : 0;
            var nossoNumero = Inv(10_000_000_000L + k);
            Record(text, line, newline,
                (1, "102"), (4, "11222333000181"), (18, "0000090142000123456"), (63, "00000000"),
                (71, nossoNumero + "0"), (108, "9"), (109, k % 20 == 19 ? "02" : "06"), (111, date),
                (117, ("NF" + Inv(k)).PadRight(10)), (127, "000000000" + nossoNumero), (147, date),
                (153, Cents(face)), (176, Cents(195)), (254, Cents(face + late)), (267, Cents(late)), (296, date),
                (395, Inv((k + 2) % 1_000_000).PadLeft(6, '0')));
        }

        Record(text, line, newline, (1, "9201237"), (395, Inv((count + 2) % 1_000_000).PadLeft(6, '0')));
    }

    /// <summary>A Banco do Brasil (001, FEBRABAN layout) CNAB 240 return with <paramref name="count"/> T+U pairs in one lot:
    /// liquidations (06) with fee and, for a tenth, interest, and entry confirmations (02); trailers with the counts and
    /// the face-value total the readers check.</summary>
    public static byte[] Cnab240(int count, int seed = 13) => Bytes(w => WriteCnab240(w, count, seed));

    /// <summary>Writes the CNAB 240 of <see cref="Cnab240"/>; <paramref name="newline"/> ends every record.</summary>
    public static void WriteCnab240(TextWriter text, int count, int seed = 13, string newline = "\r\n")
    {
        var random = new Random(seed);
        var line = new char[240];
        var faceTotal = 0L;
        Record(text, line, newline, (1, "00100000"), (33, "000123456".PadRight(20)), (53, "012340"), (59, "000000056789"), (71, "0"),
            (73, "EMPRESA TESTE".PadRight(30)), (103, "BANCO DO BRASIL"), (143, "2"), (144, "02042025"));
        Record(text, line, newline, (1, "00100011T01"), (14, " 040 "));
        for (var k = 0; k < count; k++)
        {
            var date = s_start.PlusDays(k * 90 / count).ToString("ddMMyyyy", CultureInfo.InvariantCulture);
            var face = random.Next(3_000, 500_000);
            faceTotal += face;
            var late = k % 10 == 0 ? face / 50 : 0;
            var code = k % 20 == 19 ? "02" : "06";
            var sequence = Inv(((2 * k) + 1) % 100_000).PadLeft(5, '0');
            Record(text, line, newline, (1, "00100013"), (9, sequence), (14, "T"), (16, code), (18, "012340000000567890"),
                (38, Inv(1_234_567_000_000L + k).PadLeft(17, '0').PadRight(20)), (58, "1"), (59, ("NF" + Inv(k)).PadRight(15)),
                (74, date), (82, Money15(face)), (133, "1"), (134, Cpf(100_000_000 + k).PadLeft(15, '0')),
                (149, ("CLIENTE " + Inv(k % 997)).PadRight(40)), (199, Money15(195)));
            Record(text, line, newline, (1, "00100013"), (9, Inv(((2 * k) + 2) % 100_000).PadLeft(5, '0')), (14, "U"), (16, code),
                (18, Money15(late)), (33, Money15(0)), (48, Money15(0)), (63, Money15(0)),
                (78, Money15(code == "06" ? face + late : 0)), (93, Money15(code == "06" ? face + late - 195 : 0)),
                (138, date), (146, code == "06" ? date : "00000000"));
        }

        // Counts past the six digits of the field wrap (a file that big is synthetic; the reader then warns, rightly).
        Record(text, line, newline, (1, "00100015"), (18, Inv(((2 * count) + 2) % 1_000_000).PadLeft(6, '0')), (24, Inv(count % 1_000_000).PadLeft(6, '0')),
            (30, Inv(faceTotal % 100_000_000_000_000_000).PadLeft(17, '0')));
        Record(text, line, newline, (1, "00199999"), (18, "000001"), (24, Inv(((2 * count) + 4) % 1_000_000).PadLeft(6, '0')));
    }

    /// <summary>A CPF with valid check digits from a 9-digit base.</summary>
    public static string Cpf(long base9)
    {
        var digits = (base9 % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        digits += CheckDigit(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
        return digits + CheckDigit(digits, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
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

    private static void Record(TextWriter text, char[] line, string newline, params (int Position, string Text)[] fields)
    {
        Array.Fill(line, ' ');
        foreach (var (position, value) in fields)
        {
            value.CopyTo(0, line, position - 1, value.Length);
        }

        text.Write(line);
        text.Write(newline);
    }

    private static TextWriter Append(this TextWriter text, string value)
    {
        text.Write(value);
        return text;
    }

    private static string Cents(int cents) => Inv(cents).PadLeft(13, '0');

    private static string Money15(long cents) => Inv(cents).PadLeft(15, '0');

    private static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);
}

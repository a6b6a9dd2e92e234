using System.Text;

namespace Kolek.Reconciliation.Tests.Readers.Cnab;

/// <summary>Writes Bradesco 237 CNAB 400 return files from the positions of corpus/cnab400/spec/237-bradesco-retorno-*.yml.</summary>
internal static class BradescoFile
{
    public static string Header() =>
        Place(new string(' ', 400), (1, "02RETORNO01COBRANCA       "), (27, "00000000000004466911"), (47, "EMPRESA TESTE".PadRight(30)),
            (77, "237BRADESCO       "), (95, "110412"), (395, "000001"));

    /// <summary>A detail (type 1) with nosso número 71–82 (11 digits + check digit) and the common amount positions.</summary>
    public static string Detail(
        string nossoNumero11,
        char checkDigit,
        string occurrence,
        string occurrenceDate,
        string paid,
        string face = "0000000000500",
        string fee = "0000000000000",
        string creditDate = "      ",
        string document = "DOC1      ") =>
        Place(
            new string(' ', 400),
            (1, "1"),
            (2, "0211222333000181"),
            (18, "0000090142000123456"),
            (63, "00000000"),
            (71, nossoNumero11 + checkDigit),
            (108, "9"),
            (109, occurrence),
            (111, occurrenceDate),
            (117, document),
            (127, "000000000" + nossoNumero11),
            (147, "000000"),
            (153, face),
            (176, fee),
            (254, paid),
            (296, creditDate),
            (395, "000002"));

    public static byte[] Build(IEnumerable<string> details)
    {
        var records = new List<string> { Header() };
        records.AddRange(details);
        records.Add(Place(new string(' ', 400), (1, "9201237"), (395, "999999")));
        return Encoding.Latin1.GetBytes(string.Join("\r\n", records) + "\r\n");
    }

    private static string Place(string blank, params (int Position, string Text)[] fields)
    {
        var chars = blank.ToCharArray();
        foreach (var (position, text) in fields)
        {
            text.CopyTo(0, chars, position - 1, text.Length);
        }

        return new string(chars);
    }
}

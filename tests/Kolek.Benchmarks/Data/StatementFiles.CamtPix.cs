using System.Globalization;

namespace Kolek.Benchmarks.Data;

/// <summary>Generated camt.053 and BACEN PIX JSON files (ASCII, so the Latin-1 writer writes valid UTF-8).</summary>
internal static partial class StatementFiles
{
    /// <summary>How many entries one generated camt statement (<c>Stmt</c>) holds before the next begins.</summary>
    private const int CamtEntriesPerStatement = 5_000;

    /// <summary>A camt.053.001.08 document with <paramref name="count"/> entries.</summary>
    public static byte[] Camt053(int count, int seed = 17) => Bytes(w => WriteCamt053(w, count, seed));

    /// <summary>Writes a camt.053.001.08 document with <paramref name="count"/> entries, in statements of 5,000: booked PIX
    /// and boleto credits (every seventh a batch of three TxDtls), debits, and a pending entry in a thousand (an event, with its warning); each statement's
    /// opening balance plus its booked entries equals its closing balance, so a correct read reports only the pending entries.</summary>
    public static void WriteCamt053(TextWriter text, int count, int seed = 17, string newline = "\n")
    {
        var random = new Random(seed);
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").Append(newline)
            .Append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">").Append(newline)
            .Append("<BkToCstmrStmt><GrpHdr><MsgId>KOLEK-BENCH</MsgId><CreDtTm>2025-04-01T12:00:00-03:00</CreDtTm></GrpHdr>").Append(newline);
        var balance = 1_000_000m;
        for (var first = 0; first < count || first == 0; first += CamtEntriesPerStatement)
        {
            var entries = new List<(decimal Amount, bool Booked)>();
            for (var k = first; k < Math.Min(count, first + CamtEntriesPerStatement); k++)
            {
                var amount = random.Next(1_000, 500_000) / 100m;
                entries.Add((k % 10 == 9 ? -amount : amount, k % 1000 != 999));
            }

            var closing = balance + entries.Where(e => e.Booked).Sum(e => e.Amount);
            text.Append("<Stmt><Id>S").Append(Inv(first)).Append("</Id>").Append(newline)
                .Append("<Acct><Id><Othr><Id>0001-56789-0</Id></Othr></Id><Svcr><FinInstnId><BICFI>BRASBRRJ</BICFI></FinInstnId></Svcr></Acct>").Append(newline);
            Balance(text, "OPBD", balance, newline);
            Balance(text, "CLBD", closing, newline);
            for (var i = 0; i < entries.Count; i++)
            {
                CamtEntry(text, first + i, entries[i].Amount, entries[i].Booked, newline);
            }

            text.Append("</Stmt>").Append(newline);
            balance = closing;
        }

        text.Append("</BkToCstmrStmt>").Append(newline).Append("</Document>").Append(newline);
    }

    private static void Balance(TextWriter text, string code, decimal amount, string newline) =>
        text.Append("<Bal><Tp><CdOrPrtry><Cd>").Append(code).Append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"BRL\">")
            .Append(Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture)).Append("</Amt><CdtDbtInd>")
            .Append(amount < 0 ? "DBIT" : "CRDT").Append("</CdtDbtInd><Dt><Dt>2025-04-01</Dt></Dt></Bal>").Append(newline);

    private static void CamtEntry(TextWriter text, int k, decimal amount, bool booked, string newline)
    {
        var date = s_start.PlusDays(k % 90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        text.Append("<Ntry><NtryRef>").Append(Inv(k)).Append("</NtryRef><Amt Ccy=\"BRL\">")
            .Append(Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture)).Append("</Amt>").Append(newline)
            .Append("<CdtDbtInd>").Append(amount < 0 ? "DBIT" : "CRDT").Append("</CdtDbtInd><Sts><Cd>").Append(booked ? "BOOK" : "PDNG")
            .Append("</Cd></Sts><BookgDt><Dt>").Append(date).Append("</Dt></BookgDt><ValDt><Dt>").Append(date).Append("</Dt></ValDt>").Append(newline)
            .Append("<AcctSvcrRef>ASR").Append(Inv(k)).Append("</AcctSvcrRef>")
            .Append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>").Append(newline)
            .Append("<NtryDtls>");
        var parts = amount > 0 && k % 7 == 0 ? 3 : 1;
        if (parts > 1)
        {
            text.Append("<Btch><NbOfTxs>3</NbOfTxs></Btch>");
        }

        var cents = (long)(Math.Abs(amount) * 100);
        for (var p = 0; p < parts; p++)
        {
            var part = parts == 1 ? cents : p < 2 ? cents / 3 : cents - (2 * (cents / 3));
            text.Append(newline).Append("<TxDtls><Refs><EndToEndId>E00000000").Append(Inv(202_504_011_200L)).Append(Inv(k).PadLeft(9, '0')).Append(Inv(p))
                .Append("</EndToEndId><TxId>T").Append(Inv(k)).Append("-").Append(Inv(p)).Append("</TxId></Refs>")
                .Append("<Amt Ccy=\"BRL\">").Append((part / 100m).ToString("0.00", CultureInfo.InvariantCulture)).Append("</Amt>").Append(newline)
                .Append("<RltdPties><Dbtr><Pty><Nm>CLIENTE ").Append(Inv(k % 997)).Append("</Nm><Id><PrvtId><Othr><Id>")
                .Append(Cpf(100_000_000 + k)).Append("</Id></Othr></PrvtId></Id></Pty></Dbtr></RltdPties>").Append(newline)
                .Append("<RmtInf><Ustrd>PIX RECEBIDO - FATURA ").Append(Inv(k)).Append("</Ustrd></RmtInf></TxDtls>");
        }

        text.Append("</NtryDtls></Ntry>").Append(newline);
    }

    /// <summary>A received-PIX list with <paramref name="count"/> pix.</summary>
    public static byte[] PixList(int count, int seed = 19) => Bytes(w => WritePixList(w, count, seed));

    /// <summary>Writes a BACEN received-PIX list (<c>GET /pix</c>) with <paramref name="count"/> pix, indented as the API
    /// samples are: every pix has its endToEndId (32 characters), txid, valor, horario and pagador; one in twenty has a
    /// refund (<c>devolucoes</c>). The pagination states the count, so a correct read reports nothing.</summary>
    public static void WritePixList(TextWriter text, int count, int seed = 19, string newline = "\n")
    {
        var random = new Random(seed);
        text.Append("{").Append(newline).Append("  \"parametros\": {").Append(newline)
            .Append("    \"inicio\": \"2025-01-02T00:00:00Z\",").Append(newline).Append("    \"fim\": \"2025-04-01T23:59:59Z\",").Append(newline)
            .Append("    \"paginacao\": { \"paginaAtual\": 0, \"itensPorPagina\": ").Append(Inv(count))
            .Append(", \"quantidadeDePaginas\": 1, \"quantidadeTotalDeItens\": ").Append(Inv(count)).Append(" }").Append(newline)
            .Append("  },").Append(newline).Append("  \"pix\": [");
        for (var k = 0; k < count; k++)
        {
            var amount = (random.Next(1_000, 500_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var when = s_start.PlusDays(k % 90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + Inv(10 + (k % 12)) + ":15:00.000-03:00";
            var e2e = "E18236120" + "20250102" + Inv(k).PadLeft(15, '0');
            text.Append(k == 0 ? "" : ",").Append(newline)
                .Append("    {").Append(newline)
                .Append("      \"endToEndId\": \"").Append(e2e).Append("\",").Append(newline)
                .Append("      \"txid\": \"KOLEK").Append(Inv(k).PadLeft(21, '0')).Append("\",").Append(newline)
                .Append("      \"valor\": \"").Append(amount).Append("\",").Append(newline)
                .Append("      \"horario\": \"").Append(when).Append("\",").Append(newline)
                .Append("      \"pagador\": { \"cpf\": \"").Append(Cpf(100_000_000 + k)).Append("\", \"nome\": \"CLIENTE ").Append(Inv(k % 997)).Append("\" },").Append(newline);
            if (k % 20 == 19)
            {
                text.Append("      \"devolucoes\": [").Append(newline)
                    .Append("        { \"id\": \"D").Append(Inv(k)).Append("\", \"rtrId\": \"D18236120").Append("20250103").Append(Inv(k).PadLeft(15, '0'))
                    .Append("\", \"valor\": \"1.00\", \"horario\": { \"solicitacao\": \"").Append(when).Append("\" }, \"status\": \"DEVOLVIDO\" }").Append(newline)
                    .Append("      ],").Append(newline);
            }

            text.Append("      \"infoPagador\": \"FATURA ").Append(Inv(k)).Append("\"").Append(newline).Append("    }");
        }

        text.Append(newline).Append("  ]").Append(newline).Append("}").Append(newline);
    }
}

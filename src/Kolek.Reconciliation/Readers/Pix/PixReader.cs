using System.Globalization;
using System.Text.Json;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Statements;
using NodaTime;
using NodaTime.Text;

namespace Kolek.Reconciliation.Readers.Pix;

/// <summary>Reads PIX JSON from the Central Bank's API Pix 2.x into a <see cref="BankStatement"/>.</summary>
/// <remarks>
/// <para>Accepted documents: the received-PIX list (<c>GET /pix</c>: <c>{ "parametros", "pix": [...] }</c>), the webhook
/// body (<c>{ "pix": [...] }</c>), a <c>cob</c>/<c>cobv</c> response (its <c>pix</c> array when CONCLUIDA), a list of
/// cobs (<c>{ "cobs": [...] }</c>) and a single devolução response. Each pix is a <see cref="TransactionKind.Credit"/> of
/// <c>valor</c> with id <c>pix-&lt;endToEndId&gt;</c>; the payer is <c>pagador</c>, or the cob's <c>devedor</c> when the pix
/// carries none.</para>
/// <para>Dates: PIX runs 24/7, so a payment has no bank business date; <see cref="BankTransaction.BookingDate"/> is the
/// <c>horario</c> instant converted to the local date in America/Sao_Paulo (the date a Brazilian statement shows).</para>
/// <para>Devoluções (refunds): a devolução whose status is DEVOLVIDO or EM_PROCESSAMENTO is a
/// <see cref="TransactionKind.Debit"/> of −valor with id <c>pix-&lt;rtrId&gt;</c>. EM_PROCESSAMENTO is counted because the
/// receiver's PSP has already accepted the refund and reserved the money (it is no longer the receiver's to apply to a
/// charge); NAO_REALIZADO is an <see cref="TransactionKind.Event"/> that moves no money. A <c>devolucoes</c> object
/// instead of an array (seen in BACEN's own webhook example) is read as a one-element array.</para>
/// <para>Never throws on content: malformed JSON is a <c>pix.json.invalid</c> diagnostic with its line; a cob with no pix
/// (ATIVA) is a warning, not an error. Thread-safe: the class is stateless.</para>
/// </remarks>
public static class PixReader
{
    private static readonly DateTimeZone s_saoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private static readonly JsonDocumentOptions s_documentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonReaderOptions s_readerOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Whether <paramref name="content"/> looks like API Pix JSON: a JSON object mentioning <c>endToEndId</c>, <c>txid</c> or <c>rtrId</c>.</summary>
    /// <param name="content">The file's bytes; never the file name.</param>
    /// <returns><see langword="true"/> when the content is a JSON object, or a root array of pix, with PIX fields.</returns>
    public static bool CanRead(ReadOnlySpan<byte> content)
    {
        var body = Body(content).TrimStart(" \t\r\n"u8);
        return body.Length > 0 && body[0] is (byte)'{' or (byte)'['
            && (body.IndexOf("\"endToEndId\""u8) >= 0 || body.IndexOf("\"txid\""u8) >= 0 || body.IndexOf("\"rtrId\""u8) >= 0);
    }

    /// <summary>Reads PIX JSON; never throws on content.</summary>
    /// <param name="path">The file's name or path, only for reports.</param>
    /// <param name="content">The file's bytes (UTF-8, a BOM is tolerated).</param>
    /// <returns>Every pix as a credit, every devolução as a debit or event, and a diagnostic for every part not read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static BankStatement Read(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        return StreamedStatement.ReadAll(path, content, StatementFormat.Pix, Stream);
    }

    /// <summary>Reads the file one element of its <c>pix</c> (or <c>cobs</c>) array at a time. A pass ahead checks the
    /// UTF-8 and the JSON (a damaged file gives its error and no transaction, as a whole-document parse would), counts the
    /// array for the pagination check and keeps the document's other, small, properties (<c>parametros</c>, a cob's
    /// <c>txid</c> and <c>devedor</c>…); a document of another shape (a single devolução or cob, both arrays, a repeated
    /// array) is small and read whole.</summary>
    internal static IEnumerable<BankTransaction> Stream(StreamedStatement output)
    {
        output.Format = StatementFormat.Pix;
        var context = new PixReadContext();
        output.WholeDiagnostics = context.Diagnostics;
        var input = TwoPassInput.Open(output);
        var repair = !Utf8Check.IsValid(input, context);
        PixShape? shape;
        using (var ahead = Utf8Check.Body(input.Ahead(), repair))
        {
            shape = PixShape.Scan(ahead, output.ChunkSize, s_readerOptions, context);
        }

        using var body = Utf8Check.Body(input.Main(), repair);
        if (shape is null)
        {
            yield break;
        }

        if (shape.ArrayName is null)
        {
            ReadWhole(body, context);
            foreach (var transaction in context.Transactions)
            {
                yield return transaction;
            }

            yield break;
        }

        using var skeleton = shape.Skeleton(s_documentOptions);
        var root = skeleton.RootElement;
        context.Lines = shape.Lines;
        CheckPagination(root, shape.Count, context);
        var cursor = new JsonCursor(body, output.ChunkSize, s_readerOptions);
        while (cursor.Read() && !(cursor.Depth == 1 && cursor.PropertyName == shape.ArrayName))
        {
        }

        cursor.Read();
        var cob = IsCob(root) ? root : (JsonElement?)null;
        for (var index = 0; cursor.Read() && cursor.Depth == 2; index++)
        {
            var line = cursor.Line;
            cursor.Pin();
            cursor.SkipValue();
            var bytes = cursor.TakePinned();
            var path = $"$.{shape.ArrayName}[{Index(index)}]";
            context.Lines = JsonLineMap.Build(bytes.Span, s_readerOptions, path, line);
            using (var item = JsonDocument.Parse(bytes, s_documentOptions))
            {
                if (shape.ArrayName == "pix")
                {
                    ReadPix(item.RootElement, path, cob, context);
                }
                else
                {
                    ReadCob(item.RootElement, path, context);
                }
            }

            foreach (var transaction in context.Transactions)
            {
                yield return transaction;
            }

            context.Transactions.Clear();
        }
    }

    /// <summary>A document of a shape not streamed, read as one tree (it is small: a devolução, a cob, a webhook of a few pix).</summary>
    private static void ReadWhole(Stream body, PixReadContext context)
    {
        using var all = new MemoryStream();
        body.CopyTo(all);
        var bytes = all.GetBuffer().AsMemory(0, (int)all.Length);
        using var document = JsonDocument.Parse(bytes, s_documentOptions);
        context.Lines = JsonLineMap.Build(bytes.Span, s_readerOptions);
        ReadDocument(document.RootElement, context);
    }

    private static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> content) => content.StartsWith(Bom) ? content[Bom.Length..] : content;

    /// <summary>Reports malformed JSON (<c>pix.json.invalid</c>): nothing of the file is read.</summary>
    internal static void ReportInvalidJson(JsonException e, PixReadContext context) =>
        context.Error((int?)e.LineNumber + 1, e.Path, "pix.json.invalid", string.Create(CultureInfo.InvariantCulture,
            $"O arquivo não é um JSON válido (erro na linha {e.LineNumber + 1}, posição {e.BytePositionInLine + 1}); nada foi lido."));

    private static void ReadDocument(JsonElement root, PixReadContext context)
    {
        if (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().Any(e => Text(e, "endToEndId") is not null))
        {
            ReadPixList(root, "$", null, context);
            return;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            context.Warning(1, "$", "pix.document.no_payments", "O JSON não é um objeto da API Pix nem uma lista de pix; não traz pagamento recebido.");
            return;
        }

        var found = false;
        if (root.TryGetProperty("pix", out var pix))
        {
            found = true;
            CheckPagination(root, pix.ValueKind == JsonValueKind.Array ? pix.GetArrayLength() : 1, context);
            ReadPixList(pix, "$.pix", IsCob(root) ? root : null, context);
        }

        if (root.TryGetProperty("cobs", out var cobs) && cobs.ValueKind == JsonValueKind.Array)
        {
            found = true;
            CheckPagination(root, cobs.GetArrayLength(), context);
            var index = 0;
            foreach (var cob in cobs.EnumerateArray())
            {
                ReadCob(cob, $"$.cobs[{Index(index++)}]", context);
            }
        }

        if (!found && root.TryGetProperty("rtrId", out _))
        {
            found = true;
            _ = ReadDevolucao(root, "$", null, null, context);
        }

        if (!found && IsCob(root))
        {
            found = true;
            ReportUnpaidCob(root, "$", context);
        }

        if (!found)
        {
            context.Warning(1, "$", "pix.document.no_payments",
                "O JSON não tem pix, cobs nem devolução; não traz pagamento recebido (por exemplo, um pedido de cob ou um payload de QR).");
        }
    }

    private static void ReadCob(JsonElement cob, string cobPath, PixReadContext context)
    {
        if (cob.ValueKind == JsonValueKind.Object && cob.TryGetProperty("pix", out var cobPix))
        {
            ReadPixList(cobPix, cobPath + ".pix", cob, context);
        }
        else
        {
            ReportUnpaidCob(cob, cobPath, context);
        }
    }

    private static bool IsCob(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("txid", out _) && element.TryGetProperty("status", out _);

    private static void ReportUnpaidCob(JsonElement cob, string path, PixReadContext context) =>
        context.Warning(context.LineOf(path), "pix", "pix.cob.unpaid",
            $"Cobrança (cob) {Text(cob, "txid") ?? "?"} com status {Text(cob, "status") ?? "?"} não tem pix: nada foi recebido por ela.");

    private static void CheckPagination(JsonElement root, int count, PixReadContext context)
    {
        if (!root.TryGetProperty("parametros", out var parameters)
            || parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("paginacao", out var paging)
            || paging.ValueKind != JsonValueKind.Object
            || !paging.TryGetProperty("quantidadeTotalDeItens", out var totalElement)
            || !totalElement.TryGetInt32(out var total))
        {
            return;
        }

        var pages = paging.TryGetProperty("quantidadeDePaginas", out var p) && p.TryGetInt32(out var n) ? n : 1;
        if (pages <= 1 && total != count)
        {
            context.Warning(context.LineOf("$.parametros.paginacao"), "quantidadeTotalDeItens", "pix.pagination.mismatch",
                $"A paginação informa {Index(total)} item(ns) no total, mas a página traz {Index(count)}; todos os itens presentes foram lidos.");
        }
    }

    private static void ReadPixList(JsonElement list, string path, JsonElement? cob, PixReadContext context)
    {
        var index = 0;
        foreach (var item in Items(list))
        {
            var itemPath = list.ValueKind == JsonValueKind.Array ? $"{path}[{Index(index++)}]" : path;
            ReadPix(item, itemPath, cob, context);
        }
    }

    /// <summary>The elements of an array, or the element itself when a single object stands where an array belongs.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray(),
        JsonValueKind.Object => [element],
        _ => [],
    };

    private static void ReadPix(JsonElement pix, string path, JsonElement? cob, PixReadContext context)
    {
        var line = context.LineOf(path);
        if (pix.ValueKind != JsonValueKind.Object)
        {
            context.Error(line, path, "pix.item.invalid", "Um item de pix não é um objeto JSON; não foi lido.");
            return;
        }

        var endToEndId = Text(pix, "endToEndId");
        if (endToEndId is null)
        {
            context.Error(line, "endToEndId", "pix.endtoendid.missing", "Um pix sem endToEndId; não foi lido.");
            return;
        }

        if (endToEndId.Length != 32)
        {
            context.Warning(line, "endToEndId", "pix.endtoendid.length",
                $"endToEndId '{endToEndId}' tem {Index(endToEndId.Length)} caracteres, não 32; mantido como está.");
        }

        var amount = Amount(pix, line, context);
        var date = LocalDateOf(pix.TryGetProperty("horario", out var h) ? h : default, line, "horario", context);
        if (amount is null || date is null)
        {
            context.Error(line, amount is null ? "valor" : "horario", "pix.item.unreadable", $"O pix {endToEndId} não foi lido.");
            return;
        }

        var txid = Text(pix, "txid") ?? (cob is { } c ? Text(c, "txid") : null);
        if (context.TryClaim($"pix-{endToEndId}", line))
        {
            context.Transactions.Add(new BankTransaction
            {
                Id = $"pix-{endToEndId}",
                Kind = TransactionKind.Credit,
                BookingDate = date.Value,
                Amount = amount.Value,
                Description = Text(pix, "infoPagador"),
                References = new TransactionReferences { EndToEndId = endToEndId, Txid = txid },
                Payer = PayerOf(pix, "pagador") ?? (cob is { } debtor ? PayerOf(debtor, "devedor") : null),
                Source = new SourceLocation(line ?? 1),
            });
            WarnCashHandedBack(pix, endToEndId, amount.Value, line, context);
        }

        if (pix.TryGetProperty("devolucoes", out var devolucoes))
        {
            var (index, returned) = (0, 0m);
            foreach (var devolucao in Items(devolucoes))
            {
                var devolucaoPath = devolucoes.ValueKind == JsonValueKind.Array ? $"{path}.devolucoes[{Index(index++)}]" : $"{path}.devolucoes";
                returned += ReadDevolucao(devolucao, devolucaoPath, endToEndId, txid, context);
            }

            if (returned > amount.Value)
            {
                context.Warning(line, "devolucoes", "pix.devolucao.exceeds", string.Create(CultureInfo.InvariantCulture,
                    $"As devoluções do pix {endToEndId} somam {returned:0.00#}, mais que o valor dele ({amount.Value:0.00#}); todas foram lidas, confira."));
            }
        }
    }

    /// <summary>
    /// Pix Saque and Pix Troco: part of the pix was cash the receiver handed back (<c>componentesValor.saque</c> or
    /// <c>.troco</c>). The transaction's amount stays what the account received (the statement's totals hold); a warning
    /// says how much of it is cash and how much pays charges, so a person reviewing the remainder knows why.
    /// </summary>
    private static void WarnCashHandedBack(JsonElement pix, string endToEndId, decimal amount, int? line, PixReadContext context)
    {
        if (!pix.TryGetProperty("componentesValor", out var parts) || parts.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var cash = 0m;
        foreach (var name in (ReadOnlySpan<string>)["saque", "troco"])
        {
            if (parts.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object
                && part.TryGetProperty("valor", out var valor) && valor.ValueKind == JsonValueKind.String
                && decimal.TryParse(valor.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                cash += value;
            }
        }

        if (cash > 0m)
        {
            context.Warning(line, "componentesValor", "pix.saque-troco", string.Create(CultureInfo.InvariantCulture,
                $"O pix {endToEndId} inclui {cash:0.00#} de saque/troco entregue em espécie; só {amount - cash:0.00#} paga cobranças (o lançamento mantém o valor creditado, {amount:0.00#})."));
        }
    }

    /// <summary>Reads one devolução; returns the amount it moved (realised or in process), 0 when it moved nothing or was not read.</summary>
    private static decimal ReadDevolucao(JsonElement devolucao, string path, string? endToEndId, string? txid, PixReadContext context)
    {
        var line = context.LineOf(path);
        if (devolucao.ValueKind != JsonValueKind.Object)
        {
            context.Error(line, path, "pix.devolucao.invalid", "Uma devolução não é um objeto JSON; não foi lida.");
            return 0m;
        }

        var rtrId = Text(devolucao, "rtrId");
        var ownId = Text(devolucao, "id");
        var status = Text(devolucao, "status") ?? "DESCONHECIDO";
        var amount = Amount(devolucao, line, context);
        var horario = devolucao.TryGetProperty("horario", out var h) && h.ValueKind == JsonValueKind.Object
            ? (h.TryGetProperty("liquidacao", out var settled) ? settled : h.TryGetProperty("solicitacao", out var requested) ? requested : default)
            : default;
        var date = LocalDateOf(horario, line, "horario", context);
        if (amount is null || date is null || (rtrId is null && (endToEndId is null || ownId is null)))
        {
            context.Error(line, "devolucoes", "pix.devolucao.unreadable",
                $"Devolução {rtrId ?? ownId ?? "?"} sem valor, horario ou id legível; não foi lida.");
            return 0m;
        }

        var id = rtrId is not null ? $"pix-{rtrId}" : $"pix-{endToEndId}-dev-{ownId}";
        var moved = status is "DEVOLVIDO" or "EM_PROCESSAMENTO";
        if (!context.TryClaim(id, line))
        {
            return 0m;
        }

        context.Transactions.Add(new BankTransaction
        {
            Id = id,
            Kind = moved ? TransactionKind.Debit : TransactionKind.Event,
            BookingDate = date.Value,
            Amount = moved ? -amount.Value : amount.Value,
            Occurrence = new BankOccurrence(status, status switch
            {
                "DEVOLVIDO" => "Devolução Pix realizada",
                "EM_PROCESSAMENTO" => "Devolução Pix em processamento",
                "NAO_REALIZADO" => "Devolução Pix não realizada",
                _ => "Devolução Pix com status desconhecido",
            }),
            Description = endToEndId is null ? "Devolução Pix" : $"Devolução do Pix {endToEndId}",
            References = new TransactionReferences { EndToEndId = rtrId, Txid = txid },
            Source = new SourceLocation(line ?? 1),
        });
        return moved ? amount.Value : 0m;
    }

    private static decimal? Amount(JsonElement element, int? line, PixReadContext context)
    {
        if (!element.TryGetProperty("valor", out var valor))
        {
            context.Error(line, "valor", "pix.amount.missing", "Falta o campo valor.");
            return null;
        }

        if (valor.ValueKind == JsonValueKind.String
            && decimal.TryParse(valor.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        if (valor.ValueKind == JsonValueKind.Number && valor.TryGetDecimal(out var number) && number >= 0)
        {
            context.Warning(line, "valor", "pix.amount.number", "valor é um número JSON, não a string que a API define; lido como está.");
            return number;
        }

        context.Error(line, "valor", "pix.amount.invalid", $"valor '{valor.GetRawText()}' não é um valor decimal.");
        return null;
    }

    private static LocalDate? LocalDateOf(JsonElement horario, int? line, string field, PixReadContext context)
    {
        var raw = horario.ValueKind == JsonValueKind.String ? horario.GetString() : null;
        if (raw is not null)
        {
            var result = OffsetDateTimePattern.ExtendedIso.Parse(raw);
            if (result.Success)
            {
                return result.Value.ToInstant().InZone(s_saoPaulo).Date;
            }

            var local = LocalDateTimePattern.ExtendedIso.Parse(raw);
            if (local.Success)
            {
                context.Warning(line, field, "pix.date.no_offset", $"{field} '{raw}' sem deslocamento UTC; lido como hora local de São Paulo.");
                return local.Value.Date;
            }
        }

        context.Error(line, field, "pix.date.invalid", $"{field} '{(raw ?? horario.ToString())}' não é um instante ISO-8601.");
        return null;
    }

    private static Payer? PayerOf(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var who) || who.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = Text(who, "nome");
        var document = Text(who, "cpf") ?? Text(who, "cnpj");
        document = document is null ? null : new string(document.Where(char.IsAsciiLetterOrDigit).ToArray());
        return name is null && document is null ? null : new Payer(name, document);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text.Trim()
            : null;

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);
}

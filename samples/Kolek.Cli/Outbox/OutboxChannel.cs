using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kolek.Channels;

namespace Kolek.Cli.Outbox;

/// <summary>
/// A channel that "sends" by writing each message to a folder: <c>.eml</c> (RFC 5322, one text/plain part) for
/// e-mail, <c>.json</c> for WhatsApp and SMS. The demo's stand-in for a provider; like a real provider it honours the
/// idempotency key: a key it has already written is accepted again without writing a second file.
/// </summary>
/// <remarks>
/// Because it deduplicates and can tell whether it holds a message, it declares
/// <see cref="IMessageChannel.DeduplicatesByIdempotencyKey"/> and implements <see cref="IMessageLookup"/>: a message left in
/// doubt by a crash is settled exactly (recorded as sent when its file exists, written otherwise).
/// </remarks>
public sealed class OutboxChannel(string name, ChannelKind kind, string folder, string from, Func<DateTimeOffset> now) : IMessageChannel, IMessageLookup
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public ChannelKind Kind { get; } = kind;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public bool DeduplicatesByIdempotencyKey => true;

    /// <inheritdoc />
    public ValueTask<string?> FindAcceptedAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var found = Directory.Exists(folder)
            && Directory.EnumerateFiles(folder, $"*-{idempotencyKey}{Extension}").Any(f => !f.EndsWith(".tmp", StringComparison.Ordinal));
        return ValueTask.FromResult(found ? "outbox-" + idempotencyKey : null);
    }

    /// <inheritdoc />
    public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return await WriteAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A provider outage, in outbox terms: report it as a transient failure so a later run retries the message
            // (channels report expected failures as results; they throw only for programmer errors).
            return SendResult.TransientFailure($"cannot write to the outbox {folder}: {e.Message}", TimeSpan.Zero); // retry on the next run
        }
    }

    private async Task<SendResult> WriteAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var providerId = "outbox-" + message.IdempotencyKey;
        var m = message.Metadata;
        var path = Path.Combine(folder, $"{m.StepId}-{Name}-{m.CustomerId}-{message.IdempotencyKey}{Extension}");
        if (File.Exists(path))
        {
            return SendResult.Accepted(providerId);
        }

        var content = Kind == ChannelKind.Email ? Eml(message, providerId) : JsonSerializer.Serialize(new
        {
            id = providerId,
            idempotencyKey = message.IdempotencyKey,
            channel = Name,
            to = message.Recipient.Value,
            text = message.TextBody,
            template = message.Template is { } t ? new { name = t.Name, language = t.Language, parameters = t.PositionalParameters, namedParameters = t.NamedParameters } : null,
            customerId = m.CustomerId,
            chargeIds = m.ChargeIds,
            stepId = m.StepId,
            createdAt = now().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        }, s_json);

        // Write then rename, so a crash never leaves a half-written message that looks sent.
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
        return SendResult.Accepted(providerId);
    }

    private string Extension => Kind == ChannelKind.Email ? ".eml" : ".json";

    private string Eml(OutboundMessage message, string providerId)
    {
        var date = now();
        var offset = date.Offset;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"Message-ID: <{providerId}@kolek.demo>\r\n");
        b.Append(CultureInfo.InvariantCulture, $"Date: {date:ddd, dd MMM yyyy HH:mm:ss} {(offset < TimeSpan.Zero ? '-' : '+')}{offset.Duration():hhmm}\r\n");
        b.Append(CultureInfo.InvariantCulture, $"From: {from}\r\n");
        b.Append(CultureInfo.InvariantCulture, $"To: {message.Recipient.Value}\r\n");
        b.Append(CultureInfo.InvariantCulture, $"Subject: {EncodedWord(message.Subject ?? "")}\r\n");
        b.Append(CultureInfo.InvariantCulture, $"X-Kolek-Idempotency-Key: {message.IdempotencyKey}\r\n");
        b.Append(CultureInfo.InvariantCulture, $"X-Kolek-Charges: {string.Join(",", message.Metadata.ChargeIds)}\r\n");
        b.Append("MIME-Version: 1.0\r\n");
        b.Append("Content-Type: text/plain; charset=utf-8\r\n");
        b.Append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        b.Append(message.TextBody.ReplaceLineEndings("\r\n"));
        b.Append("\r\n");
        return b.ToString();
    }

    private static string EncodedWord(string text) =>
        text.All(c => c < 128) ? text : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}

using System.Security.Cryptography;
using System.Text;

namespace Kolek.Channels;

/// <summary>Builds <see cref="OutboundMessage.IdempotencyKey"/>s that are the same on every run for the same (charges, step, channel).</summary>
public static class MessageIdempotency
{
    /// <summary>Creates the idempotency key of a message.</summary>
    /// <param name="chargeIds">The charges the message covers; order and duplicates do not matter.</param>
    /// <param name="stepId">The ruler step.</param>
    /// <param name="channel">The channel name.</param>
    /// <returns>
    /// <c>kolek-</c> followed by 32 lower-case hex digits: the first 128 bits of the SHA-256 of the sorted, distinct
    /// charge ids, the step and the channel, each length-prefixed so no two inputs collide by concatenation. Short,
    /// ASCII and free of separators, so it fits every provider's idempotency header.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="chargeIds"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no charge id, or an argument is empty.</exception>
    public static string CreateKey(IEnumerable<string> chargeIds, string stepId, string channel)
    {
        ArgumentNullException.ThrowIfNull(chargeIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var ids = chargeIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one non-empty charge id is needed.", nameof(chargeIds));
        }

        var text = new StringBuilder();
        foreach (var part in ids.Append("\0step").Append(stepId).Append("\0channel").Append(channel))
        {
            text.Append(part.Length).Append(':').Append(part).Append(';');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "kolek-" + Convert.ToHexStringLower(hash, 0, 16);
    }
}

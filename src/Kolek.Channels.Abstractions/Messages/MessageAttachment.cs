namespace Kolek.Channels;

/// <summary>A file sent with a message.</summary>
/// <remarks><threadsafety>Immutable as long as nobody writes to the memory behind <see cref="Content"/>.</threadsafety></remarks>
public sealed record MessageAttachment
{
    /// <summary>Initializes a new attachment.</summary>
    /// <param name="fileName">The file name shown to the recipient, for example <c>boleto-C-1.pdf</c>.</param>
    /// <param name="mediaType">The MIME media type, for example <c>application/pdf</c>.</param>
    /// <param name="content">The file's bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> or <paramref name="mediaType"/> is empty, or <paramref name="mediaType"/> has no '/'.</exception>
    public MessageAttachment(string fileName, string mediaType, ReadOnlyMemory<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        if (!mediaType.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{mediaType}' is not a media type such as application/pdf.", nameof(mediaType));
        }

        FileName = fileName;
        MediaType = mediaType;
        Content = content;
    }

    /// <summary>Gets the file name shown to the recipient.</summary>
    public string FileName { get; }

    /// <summary>Gets the MIME media type.</summary>
    public string MediaType { get; }

    /// <summary>Gets the file's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }
}

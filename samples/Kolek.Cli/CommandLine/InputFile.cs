using System.Globalization;
using System.Text;

namespace Kolek.Cli.CommandLine;

/// <summary>Opens the files named on the command line; a file that cannot be opened is a usage error (exit 2).</summary>
public static class InputFile
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes.</summary>
    public static byte[] ReadBytes(string path) => Open(path, File.ReadAllBytes);

    /// <summary>The file's text, as <see cref="ReadText(string, out int?)"/>; a file read as Windows-1252 is told on stderr.</summary>
    public static string ReadText(string path)
    {
        var text = ReadText(path, out var line);
        if (line is { } l)
        {
            Console.Error.WriteLine($"kolek: warning input.encoding at '{path}:{l.ToString(CultureInfo.InvariantCulture)}': {NotUtf8Message(path, l)}");
        }

        return text;
    }

    /// <summary>
    /// The file's text: UTF-8 (a byte-order mark is skipped). A file that is not valid UTF-8 (an ERP or Excel export saved
    /// as "CSV" on a Portuguese Windows is Windows-1252) is read as Windows-1252 instead, and <paramref name="notUtf8Line"/>
    /// is the line of its first byte that is not UTF-8; decoding it as UTF-8 would put U+FFFD in names sent to customers.
    /// </summary>
    public static string ReadText(string path, out int? notUtf8Line)
    {
        var bytes = ReadBytes(path);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            notUtf8Line = null;
            return s_strictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            var lenient = Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
            notUtf8Line = 1 + lenient.AsSpan(0, lenient.IndexOf('\uFFFD', StringComparison.Ordinal)).Count('\n');
            var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
            return windows1252.GetString(bytes, start, bytes.Length - start);
        }
    }

    /// <summary>The warning for a file read as Windows-1252.</summary>
    public static string NotUtf8Message(string path, int line) => string.Create(CultureInfo.InvariantCulture,
        $"'{Path.GetFileName(path)}' is not UTF-8 (line {line} has a byte that is not); it was read as Windows-1252, the encoding of Excel's \"CSV\" on Windows in Portuguese. Check its accented names, and export it as UTF-8 (\"CSV UTF-8\") to remove this warning.");

    private static T Open<T>(string path, Func<string, T> read)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"Cannot open '{path}': it is a folder, not a file.");
        }

        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot open '{path}': {e.Message}");
        }
    }
}

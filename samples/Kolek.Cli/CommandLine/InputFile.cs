using System.Text;

namespace Kolek.Cli.CommandLine;

/// <summary>Opens the files named on the command line; a file that cannot be opened is a usage error (exit 2).</summary>
public static class InputFile
{
    /// <summary>The file's bytes.</summary>
    public static byte[] ReadBytes(string path) => Open(path, File.ReadAllBytes);

    /// <summary>The file's text, UTF-8 (a byte-order mark is honoured).</summary>
    public static string ReadText(string path) => Open(path, p => File.ReadAllText(p, Encoding.UTF8));

    private static T Open<T>(string path, Func<string, T> read)
    {
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

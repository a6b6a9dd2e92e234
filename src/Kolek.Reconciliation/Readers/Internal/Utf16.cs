using System.Text;
using Kolek.Reconciliation.Statements;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Files re-saved as UTF-16 ("Unicode" in Windows tools): recognised by their byte-order mark and read as UTF-8.</summary>
/// <remarks>Every format Kolek reads is ASCII-structured, so the readers work on UTF-8 bytes; a UTF-16 file is transcoded
/// once, its lines unchanged (line numbers in diagnostics still point into the file).</remarks>
internal static class Utf16
{
    /// <summary>The UTF-16 encoding named by the file's byte-order mark, or <see langword="null"/> when it has none.</summary>
    public static Encoding? Of(ReadOnlySpan<byte> content) =>
        content.Length < 2 ? null
        : content[0] == 0xFF && content[1] == 0xFE && !(content.Length >= 4 && content[2] == 0 && content[3] == 0) ? Encoding.Unicode
        : content[0] == 0xFE && content[1] == 0xFF ? Encoding.BigEndianUnicode
        : null;

    /// <summary>The content after its byte-order mark, as UTF-8 without one; an odd last byte or a lone surrogate becomes U+FFFD.</summary>
    public static byte[] ToUtf8(ReadOnlySpan<byte> content, Encoding utf16) =>
        Encoding.UTF8.GetBytes(utf16.GetString(content[2..]));

    /// <summary>The warning that says the file was converted.</summary>
    public static StatementDiagnostic Diagnostic(Encoding utf16) => new(null, null, DiagnosticSeverity.Warning, "statement.encoding.utf16",
        $"O arquivo está em {(utf16 == Encoding.Unicode ? "UTF-16 LE" : "UTF-16 BE")} (salvo como “Unicode”); foi lido convertido para UTF-8, com o mesmo texto.");
}

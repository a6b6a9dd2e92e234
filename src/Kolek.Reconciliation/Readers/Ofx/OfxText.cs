namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Line arithmetic shared by the decoder and the tokenizer: CR, LF and CRLF each end one line.</summary>
internal static class OfxText
{
    /// <summary>The 1-based line of the character at <paramref name="index"/>.</summary>
    public static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>The lines of <paramref name="text"/> with their 1-based numbers.</summary>
    public static IEnumerable<(string Line, int Number)> Lines(string text)
    {
        var number = 1;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                yield return (text[start..i], number++);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return (text[start..], number);
        }
    }
}

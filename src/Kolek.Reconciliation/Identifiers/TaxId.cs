using System.Diagnostics.CodeAnalysis;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>A payer's tax id: either a <see cref="Identifiers.Cpf"/> or a <see cref="Identifiers.Cnpj"/>.</summary>
/// <remarks>
/// <para>
/// <see cref="Parse"/> decides by the number of letters and digits in the text: 11 is read as a CPF, 14 as a CNPJ; the
/// text must then be bare or masked as that document is (see <see cref="Identifiers.Cpf"/> and <see cref="Identifiers.Cnpj"/>).
/// </para>
/// <para><c>default(TaxId)</c> has no <see cref="Kind"/> and a <see langword="null"/> <see cref="Value"/>; it is not a valid tax id.</para>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public readonly record struct TaxId
{
    private TaxId(TaxIdKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets which document this is.</summary>
    public TaxIdKind Kind { get; }

    /// <summary>Gets the bare characters (11 digits for a CPF, 14 upper-case characters for a CNPJ).</summary>
    public string Value { get; }

    /// <summary>Gets the masked form (<c>123.456.789-09</c> or <c>12.345.678/0001-95</c>).</summary>
    public string Formatted => Kind switch
    {
        TaxIdKind.Cpf => AsCpf().Formatted,
        TaxIdKind.Cnpj => AsCnpj().Formatted,
        _ => string.Empty,
    };

    /// <summary>Creates a tax id holding a CPF.</summary>
    /// <param name="cpf">The CPF.</param>
    /// <returns>The tax id.</returns>
    public static TaxId FromCpf(Cpf cpf) => new(TaxIdKind.Cpf, cpf.Value);

    /// <summary>Creates a tax id holding a CNPJ.</summary>
    /// <param name="cnpj">The CNPJ.</param>
    /// <returns>The tax id.</returns>
    public static TaxId FromCnpj(Cnpj cnpj) => new(TaxIdKind.Cnpj, cnpj.Value);

    /// <summary>Converts a CPF into a tax id.</summary>
    /// <param name="cpf">The CPF.</param>
    public static implicit operator TaxId(Cpf cpf) => FromCpf(cpf);

    /// <summary>Converts a CNPJ into a tax id.</summary>
    /// <param name="cnpj">The CNPJ.</param>
    public static implicit operator TaxId(Cnpj cnpj) => FromCnpj(cnpj);

    /// <summary>Parses a CPF or a CNPJ, bare or masked.</summary>
    /// <param name="text">The document as typed.</param>
    /// <returns>The tax id, or why the text is not one (the CPF or CNPJ codes, or <c>taxid.empty</c> / <c>taxid.format</c>).</returns>
    public static IdentifierParseResult<TaxId> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdentifierParseResult<TaxId>.Fail("taxid.empty", "the CPF/CNPJ is empty");
        }

        switch (text.Count(char.IsAsciiLetterOrDigit))
        {
            case Cpf.Length:
                var cpf = Cpf.Parse(text);
                return cpf.Success ? IdentifierParseResult<TaxId>.Ok(cpf.Value) : IdentifierParseResult<TaxId>.Fail(cpf.ErrorCode, cpf.Error);
            case Cnpj.Length:
                var cnpj = Cnpj.Parse(text);
                return cnpj.Success ? IdentifierParseResult<TaxId>.Ok(cnpj.Value) : IdentifierParseResult<TaxId>.Fail(cnpj.ErrorCode, cnpj.Error);
            default:
                return IdentifierParseResult<TaxId>.Fail(
                    "taxid.format", $"'{text.Trim()}' is neither a CPF (11 digits) nor a CNPJ (14 characters)");
        }
    }

    /// <summary>Parses a CPF or a CNPJ, reporting only whether it is valid.</summary>
    /// <param name="text">The document as typed.</param>
    /// <param name="taxId">The tax id when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid CPF or CNPJ.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TaxId taxId) => Parse(text).TryGetValue(out taxId);

    /// <summary>Gets the CPF this tax id holds.</summary>
    /// <returns>The CPF.</returns>
    /// <exception cref="InvalidOperationException">The tax id is not a CPF.</exception>
    public Cpf AsCpf() => Kind == TaxIdKind.Cpf
        ? Cpf.Parse(Value).Value
        : throw new InvalidOperationException($"The tax id is a {Kind}, not a CPF.");

    /// <summary>Gets the CNPJ this tax id holds.</summary>
    /// <returns>The CNPJ.</returns>
    /// <exception cref="InvalidOperationException">The tax id is not a CNPJ.</exception>
    public Cnpj AsCnpj() => Kind == TaxIdKind.Cnpj
        ? Cnpj.Parse(Value).Value
        : throw new InvalidOperationException($"The tax id is a {Kind}, not a CNPJ.");

    /// <summary>Returns the masked form.</summary>
    /// <returns><see cref="Formatted"/>.</returns>
    public override string ToString() => Formatted;
}

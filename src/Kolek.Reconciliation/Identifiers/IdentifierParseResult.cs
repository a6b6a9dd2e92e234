using System.Diagnostics.CodeAnalysis;

namespace Kolek.Reconciliation.Identifiers;

/// <summary>The result of parsing a payment identifier (CPF, CNPJ, boleto, PIX BR Code…): the value, or why the input was rejected.</summary>
/// <typeparam name="T">The parsed value type.</typeparam>
/// <remarks>
/// Invalid identifiers are an expected outcome (they are typed by people or read from bank files), so parsing never
/// throws for them: check <see cref="Success"/> or use <see cref="TryGetValue"/>. <see cref="ErrorCode"/> is stable
/// (for tests and localisation); <see cref="Error"/> is a readable English sentence that may change.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed class IdentifierParseResult<T>
{
    private readonly T _value;

    private IdentifierParseResult(T value, string? errorCode, string? error)
    {
        _value = value;
        ErrorCode = errorCode;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the input was valid.</summary>
    [MemberNotNullWhen(false, nameof(Error), nameof(ErrorCode))]
    public bool Success => Error is null;

    /// <summary>Gets the parsed value.</summary>
    /// <exception cref="InvalidOperationException">The input was invalid; the message is <see cref="Error"/>.</exception>
    public T Value => Success ? _value : throw new InvalidOperationException(Error);

    /// <summary>Gets a stable code for the reason the input was rejected (for example <c>cpf.check_digits</c>); <see langword="null"/> on success.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets why the input was rejected; <see langword="null"/> on success.</summary>
    public string? Error { get; }

    /// <summary>Gets the parsed value when the input was valid.</summary>
    /// <param name="value">The parsed value, or <see langword="default"/> when invalid.</param>
    /// <returns><see langword="true"/> when the input was valid.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Success;
    }

    /// <summary>Returns a description of the result.</summary>
    /// <returns>The value, or the error code and message.</returns>
    public override string ToString() => Success ? _value?.ToString() ?? string.Empty : $"invalid ({ErrorCode}): {Error}";

    internal static IdentifierParseResult<T> Ok(T value) => new(value, null, null);

    internal static IdentifierParseResult<T> Fail(string code, string error) => new(default!, code, error);
}

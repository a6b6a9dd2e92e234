using System.Diagnostics.CodeAnalysis;

namespace Kolek.Channels;

/// <summary>The result of parsing a contact (e-mail address or phone number): the value, or why the input was rejected.</summary>
/// <typeparam name="T">The parsed value type.</typeparam>
/// <remarks>
/// Invalid contact data is an expected outcome (customer records are typed by people), so parsing never throws for it;
/// check <see cref="Success"/> or use <see cref="TryGetValue"/>.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed class ContactParseResult<T>
    where T : struct
{
    private readonly T _value;

    private ContactParseResult(T value, string? error, string? note)
    {
        _value = value;
        Error = error;
        Note = note;
    }

    /// <summary>Gets a value indicating whether the input was valid.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>Gets the parsed value.</summary>
    /// <exception cref="InvalidOperationException">The input was invalid; the message is <see cref="Error"/>.</exception>
    public T Value => Success ? _value : throw new InvalidOperationException(Error);

    /// <summary>Gets why the input was rejected; <see langword="null"/> on success.</summary>
    public string? Error { get; }

    /// <summary>Gets a remark about a normalisation applied to a valid input (for example a ninth digit added to a legacy mobile number); otherwise <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>Gets the parsed value when the input was valid.</summary>
    /// <param name="value">The parsed value, or <see langword="default"/> when invalid.</param>
    /// <returns><see langword="true"/> when the input was valid.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return Success;
    }

    /// <summary>Returns a description of the result.</summary>
    /// <returns>The value, or the error.</returns>
    public override string ToString() => Success ? _value.ToString() ?? string.Empty : "invalid: " + Error;

    internal static ContactParseResult<T> Ok(T value, string? note = null) => new(value, null, note);

    internal static ContactParseResult<T> Fail(string error) => new(default, error, null);
}

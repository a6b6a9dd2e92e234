namespace Kolek.Reconciliation.Readers.Ofx;

/// <summary>Settings of <see cref="OfxReader"/>.</summary>
/// <remarks>Instances are immutable and thread-safe; build a changed copy with a <c>with</c> expression.</remarks>
public sealed record OfxReaderOptions
{
    /// <summary>
    /// The built-in balance pseudo-line patterns: <c>SALDO DO DIA</c>, <c>SALDO ANTERIOR</c>, <c>SALDO DIA</c>,
    /// <c>SALDO FINAL</c>, <c>SALDO BLOQUEADO</c> and the spaced-out <c>S A L D O</c>.
    /// </summary>
    /// <remarks>
    /// Each pattern is anchored at the start of the text and ends on a word boundary, so it matches the whole
    /// phrase a bank writes on a balance line ("SALDO DO DIA", "SALDO ANTERIOR 01/06") and never the bare word
    /// <c>SALDO</c> inside a real movement such as "Transferência de saldo NuInvest".
    /// </remarks>
    public static IReadOnlyList<string> DefaultBalanceLinePatterns { get; } =
    [
        @"^\s*SALDO\s+DO\s+DIA\b",
        @"^\s*SALDO\s+ANTERIOR\b",
        @"^\s*SALDO\s+DIA\b",
        @"^\s*SALDO\s+FINAL\b",
        @"^\s*SALDO\s+BLOQUEADO\b",
        @"^\s*S\s+A\s+L\s+D\s+O\b",
    ];

    /// <summary>The options used when none are given.</summary>
    /// <remarks>Declared after <see cref="DefaultBalanceLinePatterns"/> on purpose: static initialisers run in text order.</remarks>
    public static OfxReaderOptions Default { get; } = new();

    /// <summary>
    /// Regular expressions (matched case-insensitively and culture-invariantly against the trimmed <c>MEMO</c>
    /// and <c>NAME</c>) that mark a <c>STMTTRN</c> as a balance pseudo-line: such a line is reported as a
    /// <see cref="Statements.TransactionKind.Event"/> with an <c>ofx.transaction.balance-line</c> warning.
    /// </summary>
    /// <value>The default value is <see cref="DefaultBalanceLinePatterns"/>.</value>
    /// <remarks>A pattern that is not a valid regular expression is skipped and reported as an
    /// <c>ofx.options.pattern-invalid</c> error diagnostic on every statement read with these options.</remarks>
    public IReadOnlyList<string> BalanceLinePatterns { get; init; } = DefaultBalanceLinePatterns;
}

namespace Kolek.Reconciliation.Statements;

/// <summary>The account a statement belongs to, as the file identifies it; any part may be unknown.</summary>
/// <param name="Bank">The bank code as written (e.g. <c>341</c>, <c>0237</c>).</param>
/// <param name="Branch">The branch (agência), with its check digit when the file gives one.</param>
/// <param name="Number">The account number, with its check digit when the file gives one.</param>
public sealed record BankAccount(string? Bank, string? Branch, string? Number);

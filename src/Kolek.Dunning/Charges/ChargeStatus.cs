namespace Kolek.Dunning.Charges;

/// <summary>Where a charge stands, as the host's receivables system reports it.</summary>
/// <remarks>Only <see cref="Open"/> charges are collected; every other status stops the ruler for the charge.</remarks>
public enum ChargeStatus
{
    /// <summary>Issued and not (fully) paid: the ruler collects its outstanding balance.</summary>
    Open = 1,

    /// <summary>Paid (liquidado): nothing more is sent.</summary>
    Paid = 2,

    /// <summary>Cancelled (baixado) by the company: nothing more is sent.</summary>
    Cancelled = 3,

    /// <summary>Contested by the customer: collection pauses until the dispute is settled.</summary>
    Disputed = 4,

    /// <summary>Replaced by a payment agreement (acordo / renegociação): the agreement's own charges are collected instead.</summary>
    Agreement = 5,
}

namespace Kolek.Dunning.Analytics;

/// <summary>Where a charge stands on a given date, as portfolio analytics sees it (see <see cref="PortfolioAnalytics.Standing"/>).</summary>
/// <remarks>
/// Unlike <see cref="Charges.ChargeStatus"/>, which is what the host's receivables system records, a state is derived:
/// it also tells an open charge that is past its (business-day adjusted) due date from one that is not, and a partially
/// paid charge from an untouched one. <see cref="Open"/>, <see cref="Late"/> and <see cref="PartiallyPaid"/> are the
/// <em>open items</em> that aging counts. There is no zero member.
/// </remarks>
public enum ChargeState
{
    /// <summary>Nothing paid yet and not late: the as-of date is on or before the adjusted due date (<c>"open"</c>).</summary>
    Open = 1,

    /// <summary>Nothing paid yet and late: the as-of date is after the adjusted due date (<c>"late"</c>).</summary>
    Late = 2,

    /// <summary>Part of the principal received and a balance still owed, late or not (<c>"partially-paid"</c>).</summary>
    PartiallyPaid = 3,

    /// <summary>Settled: the host marked it paid, or nothing is outstanding (<c>"paid"</c>).</summary>
    Paid = 4,

    /// <summary>Cancelled (baixado) by the company (<c>"cancelled"</c>).</summary>
    Cancelled = 5,

    /// <summary>Contested by the customer; collection paused (<c>"disputed"</c>).</summary>
    Disputed = 6,

    /// <summary>Replaced by a payment agreement (acordo) (<c>"agreement"</c>).</summary>
    Agreement = 7,
}

namespace Kolek.Reconciliation.Identifiers;

/// <summary>The BR Code's point of initiation method (field 01).</summary>
public enum PixInitiationMethod
{
    /// <summary><c>11</c>: a static code that may be paid more than once.</summary>
    Static = 11,

    /// <summary><c>12</c>: a dynamic code meant to be paid once.</summary>
    Dynamic = 12,
}

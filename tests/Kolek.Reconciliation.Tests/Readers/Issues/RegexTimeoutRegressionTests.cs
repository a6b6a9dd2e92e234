using System.Text.RegularExpressions;
using Kolek.Reconciliation.Readers.Internal;
using Kolek.Reconciliation.Readers.Ofx;

namespace Kolek.Reconciliation.Tests.Readers.Issues;

/// <summary>A whole-file read of a 47 MiB generated OFX at load average 25 threw RegexMatchTimeoutException from the
/// CPF/CNPJ scan of a 60-character MEMO (a one-second wall-clock timeout hit by scheduling, not by the pattern). The
/// readers' own patterns are linear and must run without a timeout, so that a read never throws.</summary>
public class RegexTimeoutRegressionTests
{
    [Fact]
    public void ReadersOwnPatterns_HaveNoMatchTimeout()
    {
        Assert.Equal(Regex.InfiniteMatchTimeout, TaxIdScanner.Formatted().MatchTimeout);
        Assert.Equal(Regex.InfiniteMatchTimeout, TaxIdScanner.Bare().MatchTimeout);
        Assert.Equal(Regex.InfiniteMatchTimeout, OfxDate.SuffixPattern().MatchTimeout);
    }
}

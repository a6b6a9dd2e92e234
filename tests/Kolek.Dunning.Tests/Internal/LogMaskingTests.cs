using Kolek.Dunning.Internal;

namespace Kolek.Dunning.Tests.Internal;

/// <summary>Free text bound for logs loses e-mail addresses, phones, CPFs and CNPJs, and keeps the rest.</summary>
public sealed class LogMaskingTests
{
    [Theory]
    [InlineData("bounce from maria.souza@dominio.com.br (550)", "bounce from m***@d***.com.br (550)")]
    [InlineData("customer 123.456.789-09", "customer ***.456.***-**")]
    [InlineData("customer 12345678909", "customer 123******09")]
    [InlineData("CNPJ 11.222.333/0001-81 and 12.ABC.345/01DE-35", "CNPJ **.***.***/0001-** and **.***.***/01DE-**")]
    [InlineData("number +55 (11) 98765-4334 unknown", "number +55 (1*) *****-**34 unknown")]
    [InlineData("due 2026-03-16, retry in 15 minutes, charge NF-1008", "due 2026-03-16, retry in 15 minutes, charge NF-1008")]
    [InlineData("", "")]
    public void Text_MasksPersonalDataOnly(string text, string masked) => Assert.Equal(masked, LogMasking.Text(text));
}

using System.Text;

namespace Kolek.Reconciliation.Identifiers.Internal;

/// <summary>CRC16-CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), as the BR Code uses.</summary>
internal static class Crc16Ccitt
{
    /// <summary>The CRC of the UTF-8 bytes of <paramref name="text"/>, as 4 upper-case hexadecimal digits.</summary>
    public static string Of(string text)
    {
        var crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }

            crc &= 0xFFFF;
        }

        return crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }
}

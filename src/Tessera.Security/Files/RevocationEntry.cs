using System.Numerics;

namespace Tessera.Security.Files;

/// <summary>One entry of a CRL: the serial number of a revoked certificate and when it was revoked.</summary>
public sealed record RevocationEntry(BigInteger SerialNumber, DateTimeOffset RevocationDate)
{
    /// <summary>The serial in upper-case hex, as <c>openssl crl -text</c> and <c>openssl x509 -serial</c> print it.</summary>
    public string SerialNumberHex => SerialNumber.ToString("X", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0') is { Length: > 0 } hex ? hex : "0";
}

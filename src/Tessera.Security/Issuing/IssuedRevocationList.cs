using System.Numerics;
using System.Security.Cryptography;

namespace Tessera.Security.Issuing;

/// <summary>A signed X.509 v2 CRL, as DER and as the PEM that <c>tlsCRLFile</c> and <c>openssl -CRLfile</c> read.</summary>
public sealed record IssuedRevocationList(
    ReadOnlyMemory<byte> Der,
    BigInteger CrlNumber,
    DateTimeOffset ThisUpdate,
    DateTimeOffset NextUpdate)
{
    public string Pem => PemEncoding.WriteString("X509 CRL", Der.Span);
}

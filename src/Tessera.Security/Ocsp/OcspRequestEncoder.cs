using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Ocsp;
using BcX509Extension = Org.BouncyCastle.Asn1.X509.X509Extension;
using BcX509Extensions = Org.BouncyCastle.Asn1.X509.X509Extensions;

namespace Tessera.Security.Ocsp;

/// <summary>The DER OCSPRequest for one certificate, as POSTed with Content-Type application/ocsp-request.</summary>
public static class OcspRequestEncoder
{
    /// <summary>
    /// An unsigned request with one SHA-1 CertID. The nonce is optional (RFC 6960 "MAY"): PyMongo sends
    /// none, and RFC 5019 responders serving pre-produced answers ignore it.
    /// </summary>
    public static byte[] Encode(X509Certificate2 certificate, X509Certificate2 issuer, ReadOnlySpan<byte> nonce = default) =>
        Encode(OcspCertificateId.For(certificate, issuer), nonce);

    public static byte[] Encode(OcspCertificateId id, ReadOnlySpan<byte> nonce = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var generator = new OcspReqGenerator();
        generator.AddRequest(id.ToBouncyCastle());
        if (!nonce.IsEmpty)
        {
            // RFC 8954: the nonce is an OCTET STRING, itself wrapped in the extension's extnValue OCTET STRING.
            var value = new DerOctetString(new DerOctetString(nonce.ToArray()).GetEncoded());
            generator.SetRequestExtensions(new BcX509Extensions(
                new Dictionary<DerObjectIdentifier, BcX509Extension> { [OcspObjectIdentifiers.PkixOcspNonce] = new BcX509Extension(false, value) }));
        }

        return generator.Generate().GetEncoded();
    }
}

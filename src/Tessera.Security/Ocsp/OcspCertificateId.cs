using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using BcCertificateId = Org.BouncyCastle.Ocsp.CertificateID;

namespace Tessera.Security.Ocsp;

/// <summary>
/// The CertID that names one certificate in OCSP (RFC 6960 §4.1.1): hashes of the issuer's name and key
/// and the certificate's serial. SHA-1, because RFC 5019 responders, OpenSSL and every driver use it and
/// responders match on the exact bytes. Also the cache key.
/// </summary>
public sealed record OcspCertificateId(string HashAlgorithmOid, string IssuerNameHash, string IssuerKeyHash, string SerialNumber)
{
    public const string Sha1Oid = "1.3.14.3.2.26";

    public static OcspCertificateId For(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        // The key hash covers the subjectPublicKey BIT STRING's contents, not the whole SubjectPublicKeyInfo.
        var nameHash = SHA1.HashData(issuer.SubjectName.RawData);
        var keyHash = SHA1.HashData(issuer.PublicKey.EncodedKeyValue.RawData);
        return new OcspCertificateId(Sha1Oid, Convert.ToHexString(nameHash), Convert.ToHexString(keyHash), certificate.SerialNumber.TrimStart('0'));
    }

    internal static OcspCertificateId From(BcCertificateId id) => new(
        id.HashAlgOid,
        Convert.ToHexString(id.GetIssuerNameHash()),
        Convert.ToHexString(id.GetIssuerKeyHash()),
        id.SerialNumber.ToString(16).ToUpperInvariant().TrimStart('0'));

    internal BcCertificateId ToBouncyCastle() => new(new CertID(
        new AlgorithmIdentifier(new DerObjectIdentifier(HashAlgorithmOid), DerNull.Instance),
        new DerOctetString(Convert.FromHexString(IssuerNameHash)),
        new DerOctetString(Convert.FromHexString(IssuerKeyHash)),
        new DerInteger(new BigInteger(SerialNumber.Length == 0 ? "0" : SerialNumber, 16))));

    public override string ToString() => $"serial {SerialNumber} (issuer name hash {IssuerNameHash}, key hash {IssuerKeyHash})";
}

using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using BcCrl = Org.BouncyCastle.X509.X509Crl;

namespace Tessera.Security.Files;

/// <summary>
/// One certificate revocation list, read from a CRL file. It speaks BCL types only; BouncyCastle
/// parses and verifies it underneath because .NET has no CRL reader.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly BcCrl crl;
    private readonly HashSet<System.Numerics.BigInteger> revokedSerials;

    internal CertificateRevocationList(BcCrl crl, string filePath)
    {
        this.crl = crl;
        FilePath = filePath;
        Issuer = new X500DistinguishedName(crl.IssuerDN.GetEncoded());
        ThisUpdate = Utc(crl.ThisUpdate);
        NextUpdate = crl.NextUpdate is { } next ? Utc(next) : null;
        RevokedCertificates = (crl.GetRevokedCertificates() ?? new HashSet<Org.BouncyCastle.X509.X509CrlEntry>())
            .Select(entry => new RevocationEntry(ToBcl(entry.SerialNumber), Utc(entry.RevocationDate)))
            .OrderBy(entry => entry.SerialNumber)
            .ToList();
        revokedSerials = RevokedCertificates.Select(entry => entry.SerialNumber).ToHashSet();
        RawData = crl.GetEncoded();
    }

    /// <summary>The file the CRL was read from, for messages.</summary>
    public string FilePath { get; }

    /// <summary>The CA that issued (and signed) the CRL.</summary>
    public X500DistinguishedName Issuer { get; }

    /// <summary>When the CRL was issued.</summary>
    public DateTimeOffset ThisUpdate { get; }

    /// <summary>When the next CRL is due; past it, OpenSSL refuses the CRL ("CRL has expired").</summary>
    public DateTimeOffset? NextUpdate { get; }

    /// <summary>The revoked certificates, by serial number.</summary>
    public IReadOnlyList<RevocationEntry> RevokedCertificates { get; }

    /// <summary>The CRL's DER encoding.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>
    /// True when the certificate was issued by this CRL's issuer and its serial number is listed.
    /// A serial alone is not enough: serials are unique only per issuer.
    /// </summary>
    public bool IsRevoked(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return SameName(certificate.IssuerName, crl.IssuerDN) &&
            revokedSerials.Contains(new System.Numerics.BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));
    }

    /// <summary>
    /// Checks that the CRL can be trusted for certificates of <paramref name="issuerCertificate"/> at
    /// <paramref name="now"/>: same issuer name, a signature by that issuer's key, and a validity
    /// window around now. These are the checks OpenSSL makes, with its words in the messages.
    /// </summary>
    /// <exception cref="CertificateFileException">The CRL cannot be used; the kind says which check failed.</exception>
    public void Check(X509Certificate2 issuerCertificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issuerCertificate);
        var named = $"The CRL in '{FilePath}' (issuer '{Issuer.Name}')";

        if (!SameName(issuerCertificate.SubjectName, crl.IssuerDN))
        {
            throw new CertificateFileException(CertificateFileError.RevocationListIssuerMismatch, FilePath,
                $"{named} is not a CRL of '{issuerCertificate.Subject}': the issuer names differ; give tlsCRLFile the CRL published by that CA (openssl ca -gencrl with its configuration).");
        }

        try
        {
            crl.Verify(PublicKeyFactory.CreateKey(issuerCertificate.PublicKey.ExportSubjectPublicKeyInfo()));
        }
        catch (Exception e) when (e is InvalidKeyException or SignatureException or CrlException or ArgumentException or InvalidOperationException)
        {
            throw new CertificateFileException(CertificateFileError.RevocationListSignatureInvalid, FilePath,
                $"{named} was not signed by '{issuerCertificate.Subject}' (CRL signature failure): a CA with the same name but another key made it, or the file was altered; generate the CRL again with the key of the CA in tlsCAFile.", e);
        }

        if (ThisUpdate > now)
        {
            throw new CertificateFileException(CertificateFileError.RevocationListNotYetValid, FilePath,
                $"{named}: CRL is not yet valid (thisUpdate {ThisUpdate:u}, now {now.ToUniversalTime():u}); check this machine's clock, or the clock of the machine that generated the CRL.");
        }

        if (NextUpdate is { } nextUpdate && nextUpdate < now)
        {
            throw new CertificateFileException(CertificateFileError.RevocationListExpired, FilePath,
                $"{named}: CRL has expired (nextUpdate {nextUpdate:u}, now {now.ToUniversalTime():u}); publish a fresh CRL (openssl ca -gencrl) and replace the file given to tlsCRLFile.");
        }
    }

    private static bool SameName(X500DistinguishedName name, X509Name crlName) =>
        X509Name.GetInstance(name.RawData).Equivalent(crlName, inOrder: true);

    private static System.Numerics.BigInteger ToBcl(Org.BouncyCastle.Math.BigInteger serial) =>
        new(serial.ToByteArray(), isUnsigned: false, isBigEndian: true);

    private static DateTimeOffset Utc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

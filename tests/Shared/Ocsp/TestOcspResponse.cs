using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Tessera.Testing.Ocsp;

/// <summary>
/// The content of one signed OCSP response, with every field a test may need to get wrong. Built with
/// BouncyCastle so that the responses are independent of the code under test.
/// </summary>
public sealed record TestOcspResponse
{
    /// <summary>Signs the response: the CA itself or a delegated responder; must hold its private key.</summary>
    public required X509Certificate2 Signer { get; init; }

    public TestOcspAnswer Status { get; init; } = TestOcspAnswer.Good;

    public DateTimeOffset RevocationTime { get; init; } = DateTimeOffset.UtcNow.AddDays(-1);

    /// <summary>A CRLReason number; null leaves the reason out.</summary>
    public int? RevocationReason { get; init; } = CrlReason.KeyCompromise;

    /// <summary>Defaults to one minute ago.</summary>
    public DateTimeOffset? ThisUpdate { get; init; }

    /// <summary>Defaults to one day after thisUpdate; see <see cref="OmitNextUpdate"/>.</summary>
    public DateTimeOffset? NextUpdate { get; init; }

    public bool OmitNextUpdate { get; init; }

    /// <summary>Whose name goes into the ResponderID; defaults to <see cref="Signer"/> (a lie when set otherwise).</summary>
    public X509Certificate2? ClaimedResponder { get; init; }

    /// <summary>Names the responder by the SHA-1 hash of its key (byKey, as Let's Encrypt does) instead of by its subject (byName, as openssl does).</summary>
    public bool ResponderIdByKey { get; init; }

    /// <summary>Puts the signer's certificate in the response's certs, as a delegated responder must.</summary>
    public bool IncludeSignerCertificate { get; init; } = true;

    /// <summary>DER of a response for the given CertIDs (each answered with <see cref="Status"/>) with the request's nonce echoed.</summary>
    public byte[] Build(IEnumerable<CertificateID> ids, byte[]? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var thisUpdate = ThisUpdate ?? DateTimeOffset.UtcNow.AddMinutes(-1);
        DateTimeOffset? nextUpdate = OmitNextUpdate ? null : NextUpdate ?? thisUpdate.AddDays(1);
        var claimed = new X509CertificateParser().ReadCertificate((ClaimedResponder ?? Signer).RawData);
        var responderId = ResponderIdByKey ? new RespID(claimed.GetPublicKey()) : new RespID(claimed.SubjectDN);
        var generator = new BasicOcspRespGenerator(responderId);
        foreach (var id in ids)
        {
            generator.AddResponse(id, CertificateStatus(), thisUpdate.UtcDateTime, nextUpdate?.UtcDateTime, null);
        }

        if (nonce is not null)
        {
            var value = new DerOctetString(new DerOctetString(nonce).GetEncoded());
            generator.SetResponseExtensions(new X509Extensions(
                new Dictionary<DerObjectIdentifier, Org.BouncyCastle.Asn1.X509.X509Extension>
                {
                    [OcspObjectIdentifiers.PkixOcspNonce] = new Org.BouncyCastle.Asn1.X509.X509Extension(false, value),
                }));
        }

        var signer = new X509CertificateParser().ReadCertificate(Signer.RawData);
        var chain = IncludeSignerCertificate ? new[] { signer } : null;
        var basic = generator.Generate(SignatureFactory(), chain, DateTime.UtcNow);
        return new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic).GetEncoded();
    }

    /// <summary>A response for one certificate, as the CA's responder would answer a request about it.</summary>
    public byte[] BuildFor(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        var bcIssuer = new X509CertificateParser().ReadCertificate(issuer.RawData);
        var serial = new Org.BouncyCastle.Math.BigInteger(1, certificate.SerialNumberBytes.ToArray());
        return Build([new CertificateID(CertificateID.DigestSha1, bcIssuer, serial)]);
    }

    private CertificateStatus? CertificateStatus() => Status switch
    {
        TestOcspAnswer.Good => Org.BouncyCastle.Ocsp.CertificateStatus.Good,
        TestOcspAnswer.Revoked => new RevokedStatus(RevocationTime.UtcDateTime, RevocationReason ?? -1),
        TestOcspAnswer.Unknown => new UnknownStatus(),
        _ => throw new InvalidOperationException($"{Status} is not a certificate status; the responder handles it before signing."),
    };

    private Asn1SignatureFactory SignatureFactory()
    {
        var (algorithm, pkcs8) = Signer.GetECDsaPrivateKey() is { } ecdsa
            ? ("SHA256WITHECDSA", Export(ecdsa))
            : ("SHA256WITHRSA", Export(Signer.GetRSAPrivateKey() ?? throw new InvalidOperationException($"{Signer.Subject} has no RSA or ECDSA private key to sign OCSP responses with.")));
        AsymmetricKeyParameter key = PrivateKeyFactory.CreateKey(pkcs8);
        return new Asn1SignatureFactory(algorithm, key);
    }

    private static byte[] Export(System.Security.Cryptography.AsymmetricAlgorithm key)
    {
        using (key)
        {
            return key.ExportPkcs8PrivateKey();
        }
    }
}

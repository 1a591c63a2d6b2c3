using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Tessera.Security.Ocsp;

/// <summary>
/// Checks an OCSP response for one certificate as RFC 6960 §3.2 asks: successful status, a
/// SingleResponse for the certificate's CertID, a signature by the issuer or by a delegated responder
/// the issuer signed with id-kp-OCSPSigning, and a current validity window.
/// </summary>
public sealed class OcspResponseVerifier
{
    /// <summary>
    /// How far in the future thisUpdate may be: responders and clients disagree by seconds. Not applied
    /// to nextUpdate, which the OCSP driver spec allows no tolerance after.
    /// </summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time;
    private readonly TimeSpan _clockSkew;

    public OcspResponseVerifier(TimeProvider? time = null, TimeSpan? clockSkew = null)
    {
        _time = time ?? TimeProvider.System;
        _clockSkew = clockSkew ?? DefaultClockSkew;
    }

    /// <summary>
    /// The verified answer, or <see cref="OcspVerificationException"/> naming the check that failed.
    /// <paramref name="expectedNonce"/> is the request's nonce: a response carrying a different one is
    /// refused, one carrying none is accepted (RFC 5019 responders never echo it).
    /// </summary>
    public OcspVerifiedResponse Verify(ReadOnlyMemory<byte> response, X509Certificate2 certificate, X509Certificate2 issuer, ReadOnlySpan<byte> expectedNonce = default)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        var basic = Decode(response);
        var bcIssuer = new X509CertificateParser().ReadCertificate(issuer.RawData);
        var id = OcspCertificateId.For(certificate, issuer);
        var single = FindSingle(basic, id, bcIssuer, certificate);
        VerifySigner(basic, bcIssuer, issuer);
        CheckNonce(basic, expectedNonce);
        return Conclude(single, id, response);
    }

    private static BasicOcspResp Decode(ReadOnlyMemory<byte> response)
    {
        OcspResp decoded;
        object? body;
        try
        {
            decoded = new OcspResp(response.ToArray());
            if (decoded.Status != OcspRespStatus.Successful)
            {
                throw new OcspVerificationException(
                    OcspVerificationFailure.Unsuccessful,
                    $"The OCSP responder answered '{StatusName(decoded.Status)}' ({decoded.Status}) instead of a status: it has no answer for this request.");
            }

            body = decoded.GetResponseObject();
        }
        catch (Exception e) when (e is not OcspVerificationException)
        {
            throw new OcspVerificationException(
                OcspVerificationFailure.Malformed,
                $"The OCSP response is not a DER OCSPResponse ({e.Message}); check that the URL is an OCSP responder.");
        }

        return body as BasicOcspResp ?? throw new OcspVerificationException(
            OcspVerificationFailure.Malformed,
            "The OCSP response is not of type id-pkix-ocsp-basic, the only type RFC 6960 requires clients to understand.");
    }

    private static SingleResp FindSingle(BasicOcspResp basic, OcspCertificateId id, BcCertificate bcIssuer, X509Certificate2 certificate)
    {
        // Matching by issuer and serial rather than by CertID bytes accepts responders that hash with SHA-256.
        var serial = new Org.BouncyCastle.Math.BigInteger(1, certificate.SerialNumberBytes.Span.ToArray());
        foreach (var single in basic.Responses)
        {
            var candidate = single.GetCertID();
            if (candidate.SerialNumber.Equals(serial) && candidate.MatchesIssuer(bcIssuer))
            {
                return single;
            }
        }

        var answered = string.Join("; ", basic.Responses.Select(s => OcspCertificateId.From(s.GetCertID()).ToString()));
        throw new OcspVerificationException(
            OcspVerificationFailure.WrongCertificate,
            $"The OCSP response has no answer for {certificate.Subject} ({id}); it answers for {answered}. The responder was asked about another certificate or issuer.");
    }

    private void VerifySigner(BasicOcspResp basic, BcCertificate bcIssuer, X509Certificate2 issuer)
    {
        var responderId = basic.ResponderId.ToAsn1Object();
        if (Identifies(responderId, bcIssuer))
        {
            if (!VerifiesWith(basic, bcIssuer))
            {
                throw new OcspVerificationException(
                    OcspVerificationFailure.BadSignature,
                    $"The OCSP response names the issuer {issuer.Subject} as its signer but its signature does not verify with the issuer's key.");
            }

            return;
        }

        var delegates = basic.GetCerts().Where(c => Identifies(responderId, c)).ToList();
        if (delegates.Count == 0)
        {
            throw new OcspVerificationException(
                OcspVerificationFailure.UnauthorizedResponder,
                $"The OCSP response is signed by {Describe(responderId)}, which is not the issuer {issuer.Subject} and whose certificate the response does not include.");
        }

        var responder = delegates[0];
        var problem = DelegateProblem(responder, bcIssuer);
        if (problem is not null)
        {
            throw new OcspVerificationException(
                OcspVerificationFailure.UnauthorizedResponder,
                $"The OCSP response is signed by {responder.SubjectDN}, which is not authorised to answer for {issuer.Subject}: {problem}.");
        }

        if (!VerifiesWith(basic, responder))
        {
            throw new OcspVerificationException(
                OcspVerificationFailure.BadSignature,
                $"The OCSP response's signature does not verify with the key of its delegated responder {responder.SubjectDN}.");
        }
    }

    /// <summary>RFC 6960 §4.2.2.2: a delegate is issued directly by the CA and carries id-kp-OCSPSigning.</summary>
    private string? DelegateProblem(BcCertificate responder, BcCertificate bcIssuer)
    {
        if (!responder.IssuerDN.Equivalent(bcIssuer.SubjectDN))
        {
            return $"it was issued by {responder.IssuerDN}, not by the certificate's issuer";
        }

        try
        {
            responder.Verify(bcIssuer.GetPublicKey());
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SignatureException)
        {
            return "its certificate is not signed by the issuer's key";
        }

        var purposes = responder.GetExtendedKeyUsage();
        if (purposes is null || !purposes.Contains(new DerObjectIdentifier(KeyPurposeOcspSigning)))
        {
            return $"its certificate lacks the extended key usage id-kp-OCSPSigning ({KeyPurposeOcspSigning}); reissue it with that EKU";
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (now < responder.NotBefore || now > responder.NotAfter)
        {
            return $"its certificate is valid only from {responder.NotBefore:O} to {responder.NotAfter:O}";
        }

        return null;
    }

    private const string KeyPurposeOcspSigning = "1.3.6.1.5.5.7.3.9";

    private static bool Identifies(ResponderID responderId, BcCertificate certificate)
    {
        if (responderId.Name is { } name)
        {
            return name.Equivalent(certificate.SubjectDN);
        }

        var keyHash = responderId.GetKeyHash();
        var publicKeyBits = certificate.CertificateStructure.SubjectPublicKeyInfo.PublicKey.GetBytes();
        return keyHash is not null && keyHash.AsSpan().SequenceEqual(System.Security.Cryptography.SHA1.HashData(publicKeyBits));
    }

    private static bool VerifiesWith(BasicOcspResp basic, BcCertificate signer)
    {
        try
        {
            return basic.Verify(signer.GetPublicKey());
        }
        catch (OcspException)
        {
            return false;
        }
    }

    private static void CheckNonce(BasicOcspResp basic, ReadOnlySpan<byte> expectedNonce)
    {
        var value = basic.GetExtensionValue(OcspObjectIdentifiers.PkixOcspNonce);
        if (expectedNonce.IsEmpty || value is null)
        {
            return;
        }

        var octets = Asn1Object.FromByteArray(value.GetOctets()) as Asn1OctetString;
        if (octets is null || !octets.GetOctets().AsSpan().SequenceEqual(expectedNonce))
        {
            throw new OcspVerificationException(
                OcspVerificationFailure.NonceMismatch,
                "The OCSP response carries a nonce other than the request's: it answers another request.");
        }
    }

    private OcspVerifiedResponse Conclude(SingleResp single, OcspCertificateId id, ReadOnlyMemory<byte> der)
    {
        var now = _time.GetUtcNow();
        var thisUpdate = new DateTimeOffset(DateTime.SpecifyKind(single.ThisUpdate, DateTimeKind.Utc));
        DateTimeOffset? nextUpdate = single.NextUpdate is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null;
        if (thisUpdate > now + _clockSkew)
        {
            throw new OcspVerificationException(
                OcspVerificationFailure.NotYetValid,
                $"The OCSP response's thisUpdate {thisUpdate:O} is in the future (now {now:O}); check the clocks of this machine and of the responder.");
        }

        if (nextUpdate is { } expiry && expiry <= now)
        {
            throw new OcspVerificationException(
                OcspVerificationFailure.Expired,
                $"The OCSP response expired at its nextUpdate {expiry:O} (now {now:O}); the responder serves a stale answer.");
        }

        return single.GetCertStatus() switch
        {
            null => new OcspVerifiedResponse(id, OcspCertificateStatus.Good, thisUpdate, nextUpdate, null, null, der),
            RevokedStatus revoked => new OcspVerifiedResponse(
                id,
                OcspCertificateStatus.Revoked,
                thisUpdate,
                nextUpdate,
                new DateTimeOffset(DateTime.SpecifyKind(revoked.RevocationTime, DateTimeKind.Utc)),
                revoked.HasRevocationReason ? (OcspRevocationReason)revoked.RevocationReason : null,
                der),
            _ => new OcspVerifiedResponse(id, OcspCertificateStatus.Unknown, thisUpdate, nextUpdate, null, null, der),
        };
    }

    private static string Describe(ResponderID responderId) =>
        responderId.Name is { } name ? name.ToString() : $"the key with SHA-1 hash {Convert.ToHexString(responderId.GetKeyHash() ?? [])}";

    private static string StatusName(int status) => status switch
    {
        OcspRespStatus.MalformedRequest => "malformedRequest",
        OcspRespStatus.InternalError => "internalError",
        OcspRespStatus.TryLater => "tryLater",
        OcspRespStatus.SigRequired => "sigRequired",
        OcspRespStatus.Unauthorized => "unauthorized",
        _ => "unknown status",
    };
}

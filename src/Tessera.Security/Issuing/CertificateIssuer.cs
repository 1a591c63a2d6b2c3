using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>
/// Issues certificates for a MongoDB deployment from an <see cref="IssueRequest"/>: a new key pair,
/// the profile's extensions, a random serial and a SHA-256 signature. The result carries its private key.
/// </summary>
/// <remarks>
/// Signing goes through <see cref="CertificateRequest.Create(X500DistinguishedName, X509SignatureGenerator, DateTimeOffset, DateTimeOffset, ReadOnlySpan{byte})"/>
/// rather than the overload taking the issuer certificate, because that one refuses validity outside
/// the issuer's and issuers without keyCertSign: tests need exactly such certificates (an expired leaf
/// under a fresh CA), and openssl verify is the judge of validity, not the issuer.
/// </remarks>
public sealed class CertificateIssuer
{
    private readonly TimeProvider _time;

    public CertificateIssuer(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Issues a certificate signed with its own new key (a root CA, or a self-signed leaf for tests).</summary>
    public X509Certificate2 IssueSelfSigned(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var key = CreateKey(request.KeyAlgorithm);
        var publicKey = new PublicKey(key);
        var subjectKeyId = new X509SubjectKeyIdentifierExtension(publicKey, critical: false);
        var authorityKeyId = X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(subjectKeyId);
        var generator = key is ECDsa ecdsa
            ? X509SignatureGenerator.CreateForECDsa(ecdsa)
            : X509SignatureGenerator.CreateForRSA((RSA)key, RSASignaturePadding.Pkcs1);

        using var unkeyed = Sign(request, publicKey, subjectKeyId, authorityKeyId, request.Subject, generator);
        return AttachKey(unkeyed, key);
    }

    /// <summary>Issues a certificate signed by <paramref name="issuer"/>, which must hold its private key.</summary>
    public X509Certificate2 Issue(IssueRequest request, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(issuer);
        var (generator, issuerKey) = SignatureGenerators.ForIssuer(issuer);
        using (issuerKey)
        {
            using var key = CreateKey(request.KeyAlgorithm);
            var publicKey = new PublicKey(key);
            var subjectKeyId = new X509SubjectKeyIdentifierExtension(publicKey, critical: false);
            using var unkeyed = Sign(request, publicKey, subjectKeyId, AuthorityKeyIdentifier.Of(issuer), issuer.SubjectName, generator);
            return AttachKey(unkeyed, key);
        }
    }

    private X509Certificate2 Sign(
        IssueRequest request,
        PublicKey publicKey,
        X509SubjectKeyIdentifierExtension subjectKeyId,
        X509AuthorityKeyIdentifierExtension authorityKeyId,
        X500DistinguishedName issuerName,
        X509SignatureGenerator generator)
    {
        var (notBefore, notAfter) = Validity(request);
        var certificateRequest = new CertificateRequest(request.Subject, publicKey, HashAlgorithmName.SHA256);
        foreach (var extension in CertificateExtensionSet.For(request, subjectKeyId, authorityKeyId))
        {
            certificateRequest.CertificateExtensions.Add(extension);
        }

        return certificateRequest.Create(issuerName, generator, notBefore, notAfter, SerialNumber.CreateRandom());
    }

    /// <summary>The validity period: the request's dates, else the profile's defaults.</summary>
    private (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity(IssueRequest request)
    {
        var now = _time.GetUtcNow();
        var days = request.ValidityDays ?? CertificateProfileDefaults.ValidityDays(request.Profile);
        if (days <= 0 && request.NotAfter is null)
        {
            throw new ArgumentException($"ValidityDays must be positive, not {days}.", nameof(request));
        }

        var notBefore = X509Time.TruncateToSeconds(request.NotBefore ?? now - CertificateProfileDefaults.NotBeforeBackdate);
        var notAfter = X509Time.TruncateToSeconds(request.NotAfter ?? now.AddDays(days));
        if (notAfter <= notBefore)
        {
            throw new ArgumentException(
                $"The certificate would never be valid: notAfter {notAfter:O} is not after notBefore {notBefore:O}.",
                nameof(request));
        }

        return (notBefore, notAfter);
    }

    private static AsymmetricAlgorithm CreateKey(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        KeyAlgorithm.Rsa2048 => RSA.Create(2048),
        KeyAlgorithm.Rsa4096 => RSA.Create(4096),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm."),
    };

    private static X509Certificate2 AttachKey(X509Certificate2 certificate, AsymmetricAlgorithm key) => key switch
    {
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.GetType(), "Unknown key type."),
    };
}

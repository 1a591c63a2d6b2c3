using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>Builds CRLs signed by a CA, with a CRL number and an authority key identifier.</summary>
public sealed class RevocationListIssuer
{
    /// <summary>A month: long enough that a test deployment never sees its CRL go stale.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    private readonly TimeProvider _time;

    public RevocationListIssuer(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Issues a CRL signed by <paramref name="ca"/>, which must hold its private key.</summary>
    /// <remarks>
    /// The overload of <see cref="CertificateRevocationListBuilder"/> taking a signature generator is used
    /// so that ECDSA and RSA CAs sign the same way as for certificates, and so that the AKI is the CA's
    /// SKI (or its issuer and serial when it has none) exactly as in the leaves it issued.
    /// </remarks>
    public IssuedRevocationList Issue(RevocationListRequest request, X509Certificate2 ca)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ca);

        var thisUpdate = X509Time.TruncateToSeconds(request.ThisUpdate ?? _time.GetUtcNow() - TimeSpan.FromHours(1));
        var nextUpdate = X509Time.TruncateToSeconds(request.NextUpdate ?? thisUpdate + DefaultLifetime);
        if (nextUpdate <= thisUpdate)
        {
            throw new ArgumentException(
                $"The CRL's nextUpdate {nextUpdate:O} must be after its thisUpdate {thisUpdate:O}.", nameof(request));
        }

        var crlNumber = request.CrlNumber ?? new BigInteger(thisUpdate.ToUnixTimeSeconds());
        if (crlNumber.Sign < 0)
        {
            throw new ArgumentException("The CRL number must not be negative (RFC 5280 §5.2.3).", nameof(request));
        }

        var builder = new CertificateRevocationListBuilder();
        foreach (var entry in request.Revoked)
        {
            builder.AddEntry(entry.SerialNumber.Span, entry.RevokedAt ?? thisUpdate, entry.Reason);
        }

        var authorityKeyId = AuthorityKeyIdentifier.Of(ca);

        var (generator, key) = SignatureGenerators.ForIssuer(ca);
        using (key)
        {
            var der = builder.Build(ca.SubjectName, generator, crlNumber, nextUpdate, HashAlgorithmName.SHA256, authorityKeyId, thisUpdate);
            return new IssuedRevocationList(der, crlNumber, thisUpdate, nextUpdate);
        }
    }
}

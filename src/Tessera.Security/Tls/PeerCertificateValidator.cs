using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Files;

namespace Tessera.Security.Tls;

/// <summary>
/// Validates a peer's certificate the way mongod's OpenSSL set-up does: trust only the given CA file (never the
/// system store), validity now, the required purpose (clientAuth for clients: a certificate whose EKU lacks it is
/// refused, one without EKU is fine), and, when CRLs are configured, revocation of every certificate below the root
/// (OpenSSL's CRL_CHECK_ALL: a missing CRL is itself a failure), or of the leaf only with
/// <see cref="RevocationScope.LeafOnly"/> (CRL_CHECK_LEAF, what the drivers do with tlsCRLFile).
/// </summary>
public sealed class PeerCertificateValidator
{
    private readonly X509Certificate2Collection _authorities;
    private readonly IReadOnlyList<CertificateRevocationList> _revocationLists;
    private readonly string _purpose;
    private readonly TimeProvider _time;
    private readonly RevocationScope _revocationScope;

    public PeerCertificateValidator(
        X509Certificate2Collection trustedAuthorities,
        IReadOnlyList<CertificateRevocationList>? revocationLists = null,
        string purpose = CertificateFacts.ClientAuth,
        TimeProvider? time = null,
        RevocationScope revocationScope = RevocationScope.AllButRoot)
    {
        ArgumentNullException.ThrowIfNull(trustedAuthorities);
        _authorities = trustedAuthorities;

        _revocationLists = revocationLists ?? [];
        _purpose = purpose;
        _time = time ?? TimeProvider.System;
        _revocationScope = revocationScope;
    }

    /// <param name="certificate">The peer's leaf certificate.</param>
    /// <param name="presentedChain">The other certificates the peer sent (its intermediates).</param>
    public PeerVerdict Validate(X509Certificate2 certificate, X509Certificate2Collection? presentedChain = null) =>
        Validate(certificate, presentedChain, out _);

    /// <param name="certificate">The peer's leaf certificate.</param>
    /// <param name="presentedChain">The other certificates the peer sent (its intermediates).</param>
    /// <param name="issuer">The certificate that issued the leaf in the chain that was built (a copy), e.g. for OCSP; null when none was found.</param>
    public PeerVerdict Validate(X509Certificate2 certificate, X509Certificate2Collection? presentedChain, out X509Certificate2? issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        issuer = null;
        var now = _time.GetUtcNow();
        using var chain = new X509Chain();
        var policy = CaFileTrust.Policy(_authorities, presentedChain);
        chain.ChainPolicy = policy;
        policy.VerificationTime = now.UtcDateTime;
        policy.ApplicationPolicy.Add(new Oid(_purpose));
        if (!chain.Build(certificate))
        {
            return Failure(certificate, chain, now);
        }

        issuer = chain.ChainElements.Count > 1 ? X509CertificateLoader.LoadCertificate(chain.ChainElements[1].Certificate.RawData) : null;

        return _revocationLists.Count == 0 ? PeerVerdict.Valid : CheckRevocation(chain, now);
    }

    private static PeerVerdict Failure(X509Certificate2 certificate, X509Chain chain, DateTimeOffset now)
    {
        var status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if ((status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            return CaFileTrust.IsSelfIssued(certificate)
                ? new PeerVerdict(PeerFailure.UnknownIssuer, "self-signed certificate")
                : new PeerVerdict(PeerFailure.UnknownIssuer, "unable to get local issuer certificate");
        }

        if ((status & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            var expired = chain.ChainElements.Any(e => e.Certificate.NotAfter.ToUniversalTime() < now.UtcDateTime);
            return expired
                ? new PeerVerdict(PeerFailure.Expired, "certificate has expired")
                : new PeerVerdict(PeerFailure.NotYetValid, "certificate is not yet valid");
        }

        if ((status & X509ChainStatusFlags.NotValidForUsage) != 0)
        {
            return new PeerVerdict(PeerFailure.WrongPurpose, "unsuitable certificate purpose");
        }

        var reasons = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct();
        return new PeerVerdict(PeerFailure.Other, "certificate verify failed: " + string.Join("; ", reasons));
    }

    private PeerVerdict CheckRevocation(X509Chain chain, DateTimeOffset now)
    {
        // Every certificate but the trust anchor must be covered by a valid CRL of its issuer. A file may hold
        // several CRLs of one issuer (a newer one appended to an older one): any valid one listing the
        // certificate revokes it, so an older CRL can never hide a newer revocation.
        var covered = _revocationScope == RevocationScope.LeafOnly ? Math.Min(1, chain.ChainElements.Count - 1) : chain.ChainElements.Count - 1;
        for (var i = 0; i < covered; i++)
        {
            var subject = chain.ChainElements[i].Certificate;
            var issuer = chain.ChainElements[i + 1].Certificate;
            var candidates = _revocationLists.Where(c => c.Issuer.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData)).ToArray();
            if (candidates.Length == 0)
            {
                return new PeerVerdict(PeerFailure.RevocationListUnavailable, "unable to get certificate CRL");
            }

            var valid = new List<CertificateRevocationList>();
            string? problem = null;
            foreach (var crl in candidates)
            {
                problem = Problem(crl, issuer, now);
                if (problem is null)
                {
                    valid.Add(crl);
                }
            }

            if (valid.Count == 0)
            {
                return new PeerVerdict(PeerFailure.RevocationListUnavailable, problem!);
            }

            if (valid.Any(crl => crl.IsRevoked(subject)))
            {
                return new PeerVerdict(PeerFailure.Revoked, "certificate revoked");
            }
        }

        return PeerVerdict.Valid;
    }

    // OpenSSL's words for a CRL it cannot use.
    private static string? Problem(CertificateRevocationList crl, X509Certificate2 issuer, DateTimeOffset now)
    {
        try
        {
            crl.Check(issuer, now);
            return null;
        }
        catch (CertificateFileException e)
        {
            return e.Error switch
            {
                CertificateFileError.RevocationListExpired => "CRL has expired",
                CertificateFileError.RevocationListNotYetValid => "CRL is not yet valid",
                _ => "CRL signature failure",
            };
        }
    }
}

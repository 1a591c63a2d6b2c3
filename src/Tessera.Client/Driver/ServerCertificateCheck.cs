using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Files;
using Tessera.Security.Tls;

namespace Tessera.Client.Driver;

/// <summary>
/// The server-certificate check the URI's TLS options ask for, as a <see cref="RemoteCertificateValidationCallback"/>
/// for MongoDB.Driver's <c>SslSettings</c>. In order:
/// <list type="number">
/// <item>tlsAllowInvalidCertificates: anything is accepted (as PyMongo's CERT_NONE, which also skips the name check).</item>
/// <item>The host name, unless tlsAllowInvalidHostnames, by <see cref="HostNameMatcher"/> (SAN first, CN only without SAN).
/// The host is the SslStream's target host when the driver's sender exposes it; otherwise (not seen with MongoDB.Driver
/// 3.14) the certificate must match any one of the URI's hosts, which is weaker when a seed list names several.</item>
/// <item>The chain: with tlsCAFile only its CAs are trusted (never the system store, offline, no downloads), with the
/// purpose serverAuth; without it, the system store's verdict as the driver's SslStream computed it.</item>
/// <item>tlsCRLFile: the leaf must be covered by a valid, unexpired CRL of its issuer and not listed (CRL_CHECK_LEAF).</item>
/// </list>
/// A refusal throws <see cref="AuthenticationException"/> with the reason, so that it reaches the driver's error.
/// </summary>
internal sealed class ServerCertificateCheck
{
    private readonly TlsSettings _tls;
    private readonly IReadOnlyList<string> _hosts;
    private readonly X509Certificate2Collection? _authorities;
    private readonly IReadOnlyList<CertificateRevocationList>? _revocationLists;

    public ServerCertificateCheck(TlsSettings tls, IReadOnlyList<string> hosts)
    {
        _tls = tls;
        _hosts = hosts;
        _authorities = tls.CAFile is null ? null : CertificateAuthorityFile.Load(tls.CAFile);
        _revocationLists = tls.CrlFile is null ? null : RevocationListFile.Load(tls.CrlFile);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_tls.AllowInvalidCertificates)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            throw Refused("the server sent no certificate");
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (!_tls.AllowInvalidHostnames)
        {
            CheckHostName(sender, leaf);
        }

        var verdict = _authorities is not null
            ? new PeerCertificateValidator(_authorities, _revocationLists, CertificateFacts.ServerAuth, revocationScope: RevocationScope.LeafOnly)
                .Validate(leaf, chain?.ChainPolicy.ExtraStore)
            : SystemVerdict(leaf, chain, errors);
        if (!verdict.IsValid)
        {
            throw Refused($"certificate verify failed: {verdict.Reason} ({leaf.Subject})");
        }

        return true;
    }

    private void CheckHostName(object sender, X509Certificate2 leaf)
    {
        var facts = CertificateFacts.Of(leaf);
        var targets = sender is SslStream { TargetHostName.Length: > 0 } stream ? [stream.TargetHostName] : _hosts;
        if (!targets.Any(host => HostNameMatcher.Match(facts, host) is HostNameMatch.SubjectAlternativeName or HostNameMatch.CommonNameOnly))
        {
            throw Refused(
                $"hostname mismatch: the certificate is for {HostNameMatcher.Describe(facts)}, not {string.Join(" or ", targets)} " +
                "(connect by a name in the certificate, or set tlsAllowInvalidHostnames=true to skip this check)");
        }
    }

    private PeerVerdict SystemVerdict(X509Certificate2 leaf, X509Chain? chain, SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 || chain is null || chain.ChainElements.Count == 0)
        {
            return new PeerVerdict(PeerFailure.UnknownIssuer, "the system trust store does not trust it (give the CA with tlsCAFile)");
        }

        if (_revocationLists is null)
        {
            return PeerVerdict.Valid;
        }

        // The system store chose the root; check the CRLs against that same chain.
        var found = new X509Certificate2Collection();
        foreach (var element in chain.ChainElements.Skip(1))
        {
            found.Add(element.Certificate);
        }

        return new PeerCertificateValidator(found, _revocationLists, CertificateFacts.ServerAuth, revocationScope: RevocationScope.LeafOnly)
            .Validate(leaf, chain.ChainPolicy.ExtraStore);
    }

    private static AuthenticationException Refused(string reason) =>
        new($"Tessera.Client refused the server's TLS certificate: {reason}.");
}

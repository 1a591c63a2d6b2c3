using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Files;
using Tessera.Security.Tls;

namespace Tessera.Client.Tls;

/// <summary>
/// The server-certificate check the URI's TLS options ask for, shared by <see cref="Connection.TesseraConnection"/> and
/// MongoDB.Driver's validation callback (<see cref="Driver.DriverSettings"/>). In order, stopping at the first failure:
/// <list type="number">
/// <item>tlsAllowInvalidCertificates: nothing is checked (as PyMongo's CERT_NONE, which also skips the name check).</item>
/// <item>Trust: with tlsCAFile only its CAs (never the system store, offline, no downloads), with the purpose serverAuth;
/// without it, the system store's verdict as SslStream computed it.</item>
/// <item>The host name, unless tlsAllowInvalidHostnames, by <see cref="HostNameMatcher"/> (SAN first, CN only without SAN).</item>
/// <item>tlsCRLFile: the leaf must be covered by a valid, unexpired CRL of its issuer and not listed (CRL_CHECK_LEAF).</item>
/// <item>OCSP: the hook, <see cref="OcspCheck"/>; nothing yet.</item>
/// </list>
/// The CA and CRL files are loaded once, when the check is made, so a bad file is a configuration error up front.
/// </summary>
public sealed class ServerCertificateCheck
{
    private readonly TlsSettings _tls;
    private readonly X509Certificate2Collection? _authorities;
    private readonly IReadOnlyList<CertificateRevocationList>? _revocationLists;
    private readonly TimeProvider _time;

    /// <exception cref="CertificateFileException">tlsCAFile or tlsCRLFile cannot be used.</exception>
    public ServerCertificateCheck(TlsSettings tls, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(tls);
        _tls = tls;
        _time = time ?? TimeProvider.System;
        _authorities = tls.CAFile is null ? null : CertificateAuthorityFile.Load(tls.CAFile);
        _revocationLists = tls.CrlFile is null ? null : RevocationListFile.Load(tls.CrlFile);
    }

    /// <summary>Judges the certificate a server presented, with the arguments of a <see cref="RemoteCertificateValidationCallback"/>.</summary>
    /// <param name="hosts">The host connected to; with several (a driver that does not say which seed), any one may match.</param>
    /// <param name="certificate">The server's leaf certificate, as the callback received it.</param>
    /// <param name="chain">The chain SslStream built; its ExtraStore holds the intermediates the server sent.</param>
    /// <param name="errors">SslStream's verdict, used only without tlsCAFile (the system store's trust).</param>
    public ServerCertificateReport Evaluate(IReadOnlyList<string> hosts, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        // Copies: SslStream disposes its certificates with the stream, and the report outlives the handshake.
        var leaf = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var others = new X509Certificate2Collection();
        foreach (var other in chain?.ChainPolicy.ExtraStore ?? [])
        {
            if (leaf is null || !other.RawData.AsSpan().SequenceEqual(leaf.RawData))
            {
                others.Add(X509CertificateLoader.LoadCertificate(other.RawData));
            }
        }

        IReadOnlyList<X509Certificate2> presented = leaf is null ? [] : [leaf, .. others];
        var explain = new TlsFailureExplanations(_tls, _time);

        if (_tls.AllowInvalidCertificates)
        {
            var skipped = CertificateCheckResult.Skipped("tlsAllowInvalidCertificates=true: any certificate is accepted");
            return new ServerCertificateReport(presented, skipped, skipped, skipped, skipped);
        }

        if (leaf is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return Stop(presented, CertificateCheckResult.Failed(explain.NoCertificate()));
        }

        var trust = _authorities is not null
            ? Verdict(new PeerCertificateValidator(_authorities, null, CertificateFacts.ServerAuth, _time).Validate(leaf, others), leaf, presented, explain,
                $"chains to a CA in tlsCAFile={_tls.CAFile}")
            : SystemTrust(leaf, presented, chain, errors, explain);
        if (trust.Status == CheckStatus.Failed)
        {
            return Stop(presented, trust);
        }

        var hostName = _tls.AllowInvalidHostnames
            ? CertificateCheckResult.Skipped("tlsAllowInvalidHostnames=true")
            : HostName(leaf, hosts, explain);
        if (hostName.Status == CheckStatus.Failed)
        {
            return new ServerCertificateReport(presented, trust, hostName, CertificateCheckResult.NotRun, CertificateCheckResult.NotRun);
        }

        var revocation = Revocation(leaf, presented, chain, explain);
        var ocsp = revocation.Status == CheckStatus.Failed ? CertificateCheckResult.NotRun : OcspCheck.Check(leaf, _tls);
        return new ServerCertificateReport(presented, trust, hostName, revocation, ocsp);
    }

    private static ServerCertificateReport Stop(IReadOnlyList<X509Certificate2> presented, CertificateCheckResult trust) =>
        new(presented, trust, CertificateCheckResult.NotRun, CertificateCheckResult.NotRun, CertificateCheckResult.NotRun);

    private CertificateCheckResult Verdict(PeerVerdict verdict, X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, TlsFailureExplanations explain, string passed) =>
        verdict.IsValid ? CertificateCheckResult.Passed(passed) : CertificateCheckResult.Failed(explain.Refused(verdict, leaf, presented, _authorities));

    private CertificateCheckResult SystemTrust(
        X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, X509Chain? chain, SslPolicyErrors errors, TlsFailureExplanations explain)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0 && chain is { ChainElements.Count: > 0 })
        {
            return CertificateCheckResult.Passed("chains to a CA of the system trust store (no tlsCAFile)");
        }

        // SslStream's chain says why; an untrusted root is the common case (a private CA without tlsCAFile).
        var status = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.NoError;
        var verdict = status switch
        {
            _ when (status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0 || status == X509ChainStatusFlags.NoError =>
                new PeerVerdict(PeerFailure.UnknownIssuer, "the system trust store does not trust it"),
            _ when (status & X509ChainStatusFlags.NotTimeValid) != 0 => leaf.NotBefore.ToUniversalTime() > _time.GetUtcNow().UtcDateTime
                ? new PeerVerdict(PeerFailure.NotYetValid, "certificate is not yet valid")
                : new PeerVerdict(PeerFailure.Expired, "certificate has expired"),
            _ when (status & X509ChainStatusFlags.NotValidForUsage) != 0 => new PeerVerdict(PeerFailure.WrongPurpose, "unsuitable certificate purpose"),
            _ => new PeerVerdict(PeerFailure.Other, string.Join("; ", chain!.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct())),
        };
        var chainCertificates = new X509Certificate2Collection();
        for (var i = 0; i < (chain?.ChainElements.Count ?? 0); i++)
        {
            chainCertificates.Add(X509CertificateLoader.LoadCertificate(chain!.ChainElements[i].Certificate.RawData));
        }

        return CertificateCheckResult.Failed(explain.Refused(verdict, leaf, presented, chainCertificates));
    }

    private static CertificateCheckResult HostName(X509Certificate2 leaf, IReadOnlyList<string> hosts, TlsFailureExplanations explain)
    {
        var facts = CertificateFacts.Of(leaf);
        foreach (var host in hosts)
        {
            switch (HostNameMatcher.Match(facts, host))
            {
                case HostNameMatch.SubjectAlternativeName:
                    return CertificateCheckResult.Passed($"{host} is in the certificate's SAN");
                case HostNameMatch.CommonNameOnly:
                    return CertificateCheckResult.Passed($"{host} matches the certificate's CN (it has no SAN; matching by CN is deprecated)");
            }
        }

        return CertificateCheckResult.Failed(explain.HostNameMismatch(facts, hosts));
    }

    private CertificateCheckResult Revocation(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, X509Chain? chain, TlsFailureExplanations explain)
    {
        if (_revocationLists is null)
        {
            return CertificateCheckResult.Skipped("no tlsCRLFile");
        }

        var others = new X509Certificate2Collection();
        others.AddRange(presented.Skip(1).ToArray());

        // Without tlsCAFile the system store chose the root; the CRLs are checked against that same chain.
        var authorities = _authorities;
        if (authorities is null)
        {
            authorities = [];
            foreach (var element in chain!.ChainElements.Skip(1))
            {
                authorities.Add(element.Certificate);
            }
        }

        var verdict = new PeerCertificateValidator(authorities, _revocationLists, CertificateFacts.ServerAuth, _time, RevocationScope.LeafOnly).Validate(leaf, others);
        return verdict.IsValid
            ? CertificateCheckResult.Passed($"not revoked (tlsCRLFile={_tls.CrlFile})")
            : CertificateCheckResult.Failed(explain.Refused(verdict, leaf, presented, authorities));
    }
}

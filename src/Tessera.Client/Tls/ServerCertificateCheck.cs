using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Files;
using Tessera.Security.Tls;

namespace Tessera.Client.Tls;

/// <summary>
/// The server-certificate check the URI's TLS options ask for, made once per client and used by every connection of
/// <see cref="Connection.TesseraConnection"/> and of MongoDB.Driver (<see cref="Driver.DriverSettings"/>), inside the
/// TLS handshake (<see cref="ServerCertificateJudge"/>). In order, stopping at the first failure:
/// <list type="number">
/// <item>tlsAllowInvalidCertificates: nothing is checked (as PyMongo's CERT_NONE, which also skips the name check and OCSP).</item>
/// <item>Trust: with tlsCAFile only its CAs (never the system store, offline, no downloads), with the purpose serverAuth;
/// without it, the system trust store.</item>
/// <item>The host name, unless tlsAllowInvalidHostnames, by <see cref="HostNameMatcher"/> (SAN first, CN only without SAN).</item>
/// <item>tlsCRLFile: the leaf must be covered by a valid, unexpired CRL of its issuer and not listed (CRL_CHECK_LEAF).</item>
/// <item>OCSP (<see cref="Tls.OcspCheck"/>), unless tlsCRLFile is used instead: the two are never used together.</item>
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
    /// <exception cref="ClientConfigurationException">tlsCRLFile with OCSP checking on.</exception>
    public ServerCertificateCheck(TlsSettings tls, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (tls.CrlFile is not null && tls.ChecksOcsp)
        {
            // PyMongo: "tlsCRLFile cannot be used with PyOpenSSL" (its OCSP back-end); its docs: "Certificate revocation
            // lists and OCSP cannot be used together."
            throw new ClientConfigurationException(
                $"tlsCRLFile cannot be used with OCSP: certificate revocation lists and OCSP cannot be used together (tlsCRLFile={tls.CrlFile}). "
                + "Remove tlsCRLFile to let OCSP check the server's certificate, or turn OCSP off in code (TlsOptions { Ocsp = false }) to check it against the CRL file.");
        }

        _tls = tls;
        _time = time ?? TimeProvider.System;
        _authorities = tls.CAFile is null ? null : CertificateAuthorityFile.Load(tls.CAFile);
        _revocationLists = tls.CrlFile is null ? null : RevocationListFile.Load(tls.CrlFile);
        Ocsp = tls.ChecksOcsp ? new OcspCheck(!tls.DisableOcspEndpointCheck, _time) : null;
    }

    /// <summary>The settings the check was made from.</summary>
    public TlsSettings Settings => _tls;

    /// <summary>The client's OCSP check and cache; null when OCSP is off.</summary>
    public OcspCheck? Ocsp { get; }

    /// <summary>
    /// Judges the certificate a server presented: trust, host name and tlsCRLFile. OCSP is left <see cref="CertificateCheckResult.NotRun"/>
    /// for <see cref="ServerCertificateJudge"/>, which has the stapled response.
    /// </summary>
    /// <param name="hosts">The host connected to; with several (a driver that does not say which seed), any one may match.</param>
    /// <param name="leaf">The server's leaf certificate; null when it sent none.</param>
    /// <param name="others">The other certificates the server sent (its intermediates).</param>
    public ServerCertificateReport Evaluate(IReadOnlyList<string> hosts, X509Certificate2? leaf, X509Certificate2Collection others)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(others);
        IReadOnlyList<X509Certificate2> presented = leaf is null ? [] : [leaf, .. others];
        var explain = new TlsFailureExplanations(_tls, _time);

        if (_tls.AllowInvalidCertificates)
        {
            var skipped = CertificateCheckResult.Skipped("tlsAllowInvalidCertificates=true: any certificate is accepted");
            return new ServerCertificateReport(presented, skipped, skipped, skipped, CertificateCheckResult.Skipped("tlsAllowInvalidCertificates=true: OCSP is off"));
        }

        if (leaf is null)
        {
            return Stop(presented, CertificateCheckResult.Failed(explain.NoCertificate()));
        }

        X509Certificate2? issuer;
        X509Certificate2Collection authorities;
        CertificateCheckResult trust;
        if (_authorities is not null)
        {
            authorities = _authorities;
            var verdict = new PeerCertificateValidator(_authorities, null, CertificateFacts.ServerAuth, _time).Validate(leaf, others, out issuer);
            trust = Verdict(verdict, leaf, presented, explain, $"chains to a CA in tlsCAFile={_tls.CAFile}");
        }
        else
        {
            trust = SystemTrust(leaf, others, presented, explain, out var above);
            authorities = above ?? [];
            issuer = authorities.Count > 0 ? authorities[0] : null;
        }

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

        var revocation = Revocation(leaf, presented, authorities, explain);
        var ocsp = Ocsp is null && revocation.Status != CheckStatus.Failed ? OcspOff() : CertificateCheckResult.NotRun;
        return new ServerCertificateReport(presented, trust, hostName, revocation, ocsp) { Issuer = issuer };
    }

    private CertificateCheckResult OcspOff() => CertificateCheckResult.Skipped(
        _tls.DisableCertificateRevocationCheck ? "tlsDisableCertificateRevocationCheck=true: OCSP is off"
        : _tls.CrlFile is not null ? "off: revocation is checked with tlsCRLFile (CRL and OCSP are never used together)"
        : "off (TlsOptions.Ocsp = false)");

    private static ServerCertificateReport Stop(IReadOnlyList<X509Certificate2> presented, CertificateCheckResult trust) =>
        new(presented, trust, CertificateCheckResult.NotRun, CertificateCheckResult.NotRun, CertificateCheckResult.NotRun);

    private CertificateCheckResult Verdict(PeerVerdict verdict, X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, TlsFailureExplanations explain, string passed) =>
        verdict.IsValid ? CertificateCheckResult.Passed(passed) : CertificateCheckResult.Failed(explain.Refused(verdict, leaf, presented, _authorities));

    private CertificateCheckResult SystemTrust(
        X509Certificate2 leaf, X509Certificate2Collection others, IReadOnlyList<X509Certificate2> presented, TlsFailureExplanations explain, out X509Certificate2Collection? chainAbove)
    {
        chainAbove = null;
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // revocation is tlsCRLFile's or OCSP's
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(CertificateFacts.ServerAuth));
        chain.ChainPolicy.ExtraStore.AddRange(others);
        if (chain.Build(leaf))
        {
            // The certificates above the leaf, issuer first: its CRL (tlsCRLFile) and OCSP are checked against them.
            chainAbove = [];
            foreach (var element in chain.ChainElements.Skip(1))
            {
                chainAbove.Add(X509CertificateLoader.LoadCertificate(element.Certificate.RawData));
            }

            return CertificateCheckResult.Passed("chains to a CA of the system trust store (no tlsCAFile)");
        }

        // The chain says why; an untrusted root is the common case (a private CA without tlsCAFile).
        var status = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        var verdict = status switch
        {
            _ when (status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0 || status == X509ChainStatusFlags.NoError =>
                new PeerVerdict(PeerFailure.UnknownIssuer, "the system trust store does not trust it"),
            _ when (status & X509ChainStatusFlags.NotTimeValid) != 0 => leaf.NotBefore.ToUniversalTime() > _time.GetUtcNow().UtcDateTime
                ? new PeerVerdict(PeerFailure.NotYetValid, "certificate is not yet valid")
                : new PeerVerdict(PeerFailure.Expired, "certificate has expired"),
            _ when (status & X509ChainStatusFlags.NotValidForUsage) != 0 => new PeerVerdict(PeerFailure.WrongPurpose, "unsuitable certificate purpose"),
            _ => new PeerVerdict(PeerFailure.Other, string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct())),
        };
        var chainCertificates = new X509Certificate2Collection();
        foreach (var element in chain.ChainElements)
        {
            chainCertificates.Add(X509CertificateLoader.LoadCertificate(element.Certificate.RawData));
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

    private CertificateCheckResult Revocation(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, X509Certificate2Collection authorities, TlsFailureExplanations explain)
    {
        if (_revocationLists is null)
        {
            return CertificateCheckResult.Skipped("no tlsCRLFile");
        }

        var others = new X509Certificate2Collection();
        others.AddRange(presented.Skip(1).ToArray());

        // Without tlsCAFile the system store chose the root; the CRLs are checked against that same chain.
        var verdict = new PeerCertificateValidator(authorities, _revocationLists, CertificateFacts.ServerAuth, _time, RevocationScope.LeafOnly).Validate(leaf, others);
        return verdict.IsValid
            ? CertificateCheckResult.Passed($"not revoked (tlsCRLFile={_tls.CrlFile})")
            : CertificateCheckResult.Failed(explain.Refused(verdict, leaf, presented, authorities));
    }
}

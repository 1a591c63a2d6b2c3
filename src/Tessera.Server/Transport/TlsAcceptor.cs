using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Names;
using Tessera.Security.Tls;
using Tessera.Server.Authentication;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;

namespace Tessera.Server.Transport;

/// <summary>
/// Runs the server side of a TLS handshake and decides, inside it, whether the client's certificate is admitted.
/// The decision is made on every handshake, resumed or not, so a certificate refused once is refused on every
/// connection that reuses its TLS session. Handshakes run off the accept loop, are capped in number and time.
/// </summary>
public sealed class TlsAcceptor : IDisposable
{
    private readonly ServerSetup _setup;
    private readonly ServerLog _log;
    private readonly SslStreamCertificateContext _certificate;
    private readonly PeerCertificateValidator? _validator;
    private readonly SemaphoreSlim _handshakeSlots;
    private readonly X509Name _serverSubject;
    private readonly X509ChainPolicy _chainPolicy;

    public TlsAcceptor(ServerSetup setup, ServerLog log)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var certificate = setup.ServerCertificate ?? throw new ArgumentException("TLS needs tlsCertificateKeyFile.", nameof(setup));
        _setup = setup;
        _log = log;
        // Built once: the chain the server sends, without fetching anything (offline).
        _certificate = SslStreamCertificateContext.Create(certificate.Certificate, certificate.Intermediates, offline: true);
        _validator = setup.CertificateAuthorities is { } authorities
            ? new PeerCertificateValidator(authorities, setup.RevocationLists)
            : null;
        _handshakeSlots = new SemaphoreSlim(setup.MaxHandshakesInFlight);
        _chainPolicy = CaFileTrust.Policy(setup.CertificateAuthorities ?? []);
        _serverSubject = X509Name.FromCertificateSubject(certificate.Certificate);
    }

    /// <summary>Completes the handshake and returns the TLS stream with the peer's identity, or null when refused.</summary>
    public async Task<(SslStream Stream, PeerIdentity Peer)?> AcceptAsync(Stream transport, string connectionName, string remote, CancellationToken cancellationToken)
    {
        if (!await _handshakeSlots.WaitAsync(_setup.HandshakeTimeout, cancellationToken).ConfigureAwait(false))
        {
            _log.Warning(LogComponents.Network, 22988, connectionName, "Too many TLS handshakes in flight; ending connection", ("remote", remote));
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_setup.HandshakeTimeout);

        var decision = new PeerDecision();
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
        try
        {
            var options = new SslServerAuthenticationOptions
            {
                ServerCertificateContext = _certificate,
                ClientCertificateRequired = _validator is not null,
                EnabledSslProtocols = _setup.EnabledProtocols,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                // SslStream builds its own chain before calling us: with its defaults it would fetch issuers from
                // the URLs an unvalidated client certificate names (and block a thread doing it). Offline, CA-only.
                CertificateChainPolicy = _chainPolicy.Clone(),
                AllowRenegotiation = false,
                RemoteCertificateValidationCallback = (_, certificate, chain, _) => decision.Decide(this, certificate, chain),
            };
            await ssl.AuthenticateAsServerAsync(options, timeout.Token).ConfigureAwait(false);
            if ((_setup.LoggedProtocols & ssl.SslProtocol) != 0)
            {
                _log.Info(LogComponents.Network, 23218, connectionName, "Accepted connection with TLS",
                    ("tlsVersion", TlsVersionName(ssl.SslProtocol)), ("remoteHost", remote));
            }

            return (ssl, decision.Identity(this, connectionName, remote));
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or PeerRejectedException)
        {
            try
            {
                LogRefusal(decision, e, connectionName, remote);
            }
            finally
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
            }

            return null;
        }
        finally
        {
            _handshakeSlots.Release();
        }
    }

    public void Dispose() => _handshakeSlots.Dispose();

    // mongod's names in log 23218 and serverStatus' transportSecurity.
    private static string TlsVersionName(System.Security.Authentication.SslProtocols protocol) => protocol switch
    {
        System.Security.Authentication.SslProtocols.Tls13 => "1.3",
        System.Security.Authentication.SslProtocols.Tls12 => "1.2",
        _ => "unknown",
    };

    private void LogRefusal(PeerDecision decision, Exception e, string connectionName, string remote)
    {
        var reason = decision.Verdict switch
        {
            { Failure: PeerFailure.NoCertificate } => "no SSL certificate provided by peer; connection rejected",
            { IsValid: false } verdict => "SSL peer certificate validation failed: " + verdict.Reason,
            _ => e is OperationCanceledException ? "SSL handshake timed out" : "SSL handshake failed: " + e.Message,
        };
        if (decision.Verdict is { Failure: PeerFailure.NoCertificate })
        {
            _log.Error(LogComponents.Network, 23255, connectionName, "No SSL certificate provided by peer; connection rejected", ("remote", remote));
        }
        else if (decision.Verdict is { IsValid: false })
        {
            _log.Error(LogComponents.Network, 23256, connectionName, "SSL peer certificate validation failed",
                ("error", reason), ("remote", remote), ("peerSubject", decision.Certificate is { } refused ? X509Name.Describe(refused.SubjectName) : null));
        }

        _log.Info(LogComponents.Network, 22988, connectionName, "Error receiving request from client. Ending connection from remote",
            ("error", new Dictionary<string, object> { ["code"] = 141, ["codeName"] = "SSLHandshakeFailed", ["errmsg"] = reason }), ("remote", remote));
    }

    /// <summary>The verdict on one handshake's certificate: made in the callback, read after the handshake.</summary>
    private sealed class PeerDecision
    {
        public PeerVerdict? Verdict { get; private set; }

        public X509Certificate2? Certificate { get; private set; }

        public bool AdmittedInvalid { get; private set; }

        public bool Decide(TlsAcceptor acceptor, X509Certificate? certificate, X509Chain? chain)
        {
            if (acceptor._validator is null)
            {
                return true; // no CA file: no client certificate requested, none validated (mongod 7.x)
            }

            if (certificate is null)
            {
                Verdict = new PeerVerdict(PeerFailure.NoCertificate, "no SSL certificate provided by peer");
                return acceptor._setup.AllowConnectionsWithoutCertificates;
            }

            // Our own copy: SslStream disposes the certificate it passed in once the handshake fails.
            Certificate = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            Verdict = acceptor._validator.Validate(Certificate, chain?.ChainPolicy.ExtraStore);
            if (Verdict.IsValid)
            {
                return true;
            }

            AdmittedInvalid = acceptor._setup.AllowInvalidCertificates;
            return AdmittedInvalid;
        }

        public PeerIdentity Identity(TlsAcceptor acceptor, string connectionName, string remote)
        {
            var log = acceptor._log;
            if (Verdict is { Failure: PeerFailure.NoCertificate })
            {
                if (acceptor._setup.SuppressNoCertificateWarning)
                {
                    return PeerIdentity.None;
                }

                log.Warning(LogComponents.Network, 23234, connectionName, "No SSL certificate provided by peer", ("remote", remote));
                return PeerIdentity.None;
            }

            if (AdmittedInvalid)
            {
                // tlsAllowInvalidCertificates: the connection is allowed, but with no subject, so no X.509 login.
                log.Warning(LogComponents.Network, 23235, connectionName, "SSL peer certificate validation failed", ("reason", Verdict!.Reason), ("remote", remote));
                return PeerIdentity.None;
            }

            if (acceptor._validator is not null && Verdict is null)
            {
                // Fail closed: a handshake whose certificate was never judged (a resumed session whose callback did
                // not run) must not be admitted on the strength of an earlier one.
                throw new PeerRejectedException("the client certificate was not validated on this handshake");
            }

            return Certificate is null ? PeerIdentity.None : acceptor.Describe(Certificate, connectionName);
        }
    }

    private PeerIdentity Describe(X509Certificate2 certificate, string connectionName)
    {
        X509Name subject;
        IReadOnlyList<MongoRole>? roles;
        string? membership;
        try
        {
            subject = X509Name.FromCertificateSubject(certificate);
            roles = MongoCertificateExtensions.ReadMongoRoles(certificate);
            membership = MongoCertificateExtensions.ReadClusterMembership(certificate);
        }
        catch (Exception e) when (e is NameNormalizationException or MalformedMongoExtensionException or FormatException)
        {
            // mongod fails peer-certificate parsing here, and the connection with it.
            _log.Error(LogComponents.Network, 23256, connectionName, "SSL peer certificate validation failed", ("error", e.Message));
            throw new PeerRejectedException(e.Message);
        }

        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (_setup.ExpirationWarningThresholdDays > 0 && notAfter < DateTimeOffset.UtcNow.AddDays(_setup.ExpirationWarningThresholdDays))
        {
            _log.Warning(LogComponents.Network, 23222, connectionName, "Peer certificate expiration information",
                ("peerSubjectName", subject.ToString()), ("days", (int)(notAfter - DateTimeOffset.UtcNow).TotalDays));
        }

        if (subject.Equals(_serverSubject))
        {
            _log.Warning(LogComponents.Network, 23236, connectionName, "Client connecting with server's own TLS certificate");
        }

        return new PeerIdentity(subject, roles, membership, certificate);
    }
}

/// <summary>A peer certificate refused after the handshake (its subject or extensions cannot be read).</summary>
internal sealed class PeerRejectedException : Exception
{
    public PeerRejectedException(string message)
        : base(message)
    {
    }

    public PeerRejectedException()
    {
    }

    public PeerRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

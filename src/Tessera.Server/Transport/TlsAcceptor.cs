using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Names;
using Tessera.Security.Tls;
using Tessera.Server.Authentication;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Tls;
using Tessera.Tls.Server;

namespace Tessera.Server.Transport;

/// <summary>
/// Runs the server side of a TLS handshake (through OpenSSL, <see cref="TlsStream"/>) and decides, inside it,
/// whether the client's certificate is admitted: a refused certificate ends the handshake with the TLS alert that
/// names the reason (unknown CA, certificate expired, certificate revoked, bad certificate). OpenSSL caches a
/// session only after an admitted handshake, and a resumed session's certificate is judged again before the
/// connection is used, so a refused certificate is refused on every connection. Handshakes run off the accept
/// loop and are capped in number and time.
/// </summary>
public sealed class TlsAcceptor : IDisposable
{
    private readonly ServerSetup _setup;
    private readonly ServerLog _log;
    private readonly ServerTlsContext _context;
    private readonly PeerCertificateValidator? _validator;
    private readonly SemaphoreSlim _handshakeSlots;
    private readonly X509Name _serverSubject;

    /// <param name="setup">The server's TLS material and switches.</param>
    /// <param name="log">Where refusals and accepted connections are logged.</param>
    /// <param name="staples">The OCSP response to staple for the server's certificate; null staples nothing (ocspEnabled=false, no responder).</param>
    public TlsAcceptor(ServerSetup setup, ServerLog log, IStapledResponseSource? staples = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var certificate = setup.ServerCertificate ?? throw new ArgumentException("TLS needs tlsCertificateKeyFile.", nameof(setup));
        _setup = setup;
        _log = log;
        _validator = setup.CertificateAuthorities is { } authorities
            ? new PeerCertificateValidator(authorities, setup.RevocationLists)
            : null;
        var clientCertificates = _validator is null ? ClientCertificateMode.NotRequested
            : setup.AllowConnectionsWithoutCertificates ? ClientCertificateMode.Optional
            : ClientCertificateMode.Required;
        _context = new ServerTlsContext(certificate, setup.EnabledProtocols, clientCertificates, staples);
        _handshakeSlots = new SemaphoreSlim(setup.MaxHandshakesInFlight);
        _serverSubject = X509Name.FromCertificateSubject(certificate.Certificate);
    }

    /// <summary>Completes the handshake and returns the TLS stream with the peer's identity, or null when refused.</summary>
    public async Task<(Stream Stream, PeerIdentity Peer)?> AcceptAsync(Stream transport, string connectionName, string remote, CancellationToken cancellationToken)
    {
        if (!await _handshakeSlots.WaitAsync(_setup.HandshakeTimeout, cancellationToken).ConfigureAwait(false))
        {
            _log.Warning(LogComponents.Network, 22988, connectionName, "Too many TLS handshakes in flight; ending connection", ("remote", remote));
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_setup.HandshakeTimeout);

        var decision = new PeerDecision(this, connectionName);
        var tls = _context.Accept(transport, decision);
        try
        {
            await tls.HandshakeAsync(timeout.Token).ConfigureAwait(false);
            decision.Complete(tls);
            if ((_setup.LoggedProtocols & tls.Protocol) != 0)
            {
                _log.Info(LogComponents.Network, 23218, connectionName, "Accepted connection with TLS",
                    ("tlsVersion", TlsVersionName(tls.Protocol)), ("remoteHost", remote));
            }

            return (tls, decision.Identity(remote));
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or PeerRejectedException or System.Security.Cryptography.CryptographicException)
        {
            try
            {
                LogRefusal(decision, e, connectionName, remote);
            }
            finally
            {
                await tls.DisposeAsync().ConfigureAwait(false);
            }

            return null;
        }
        finally
        {
            _handshakeSlots.Release();
        }
    }

    public void Dispose()
    {
        _handshakeSlots.Dispose();
        _context.Dispose();
    }

    // mongod's names in log 23218 and serverStatus' transportSecurity.
    private static string TlsVersionName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "1.3",
        SslProtocols.Tls12 => "1.2",
        _ => "unknown",
    };

    private void LogRefusal(PeerDecision decision, Exception e, string connectionName, string remote)
    {
        if (e is TlsHandshakeException { PeerSentNoCertificate: true })
        {
            decision.NoCertificate();
        }

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

    /// <summary>The verdict on one connection's certificate: made in OpenSSL's callback (or, for a resumed session, right after the handshake).</summary>
    private sealed class PeerDecision : IPeerCertificateJudge
    {
        private readonly TlsAcceptor _acceptor;
        private readonly string _connectionName;
        private PeerIdentity? _identity;

        public PeerDecision(TlsAcceptor acceptor, string connectionName)
        {
            _acceptor = acceptor;
            _connectionName = connectionName;
        }

        public PeerVerdict? Verdict { get; private set; }

        public X509Certificate2? Certificate { get; private set; }

        public bool AdmittedInvalid { get; private set; }

        public PeerFailure Judge(X509Certificate2 certificate, X509Certificate2Collection presentedChain)
        {
            if (_acceptor._validator is not { } validator)
            {
                return PeerFailure.Other; // a certificate that was never asked for is not judged, so not admitted
            }

            Certificate = certificate;
            Verdict = validator.Validate(certificate, presentedChain);
            if (Verdict.IsValid)
            {
                try
                {
                    _identity = _acceptor.Describe(certificate, _connectionName);
                }
                catch (PeerRejectedException e)
                {
                    Verdict = new PeerVerdict(PeerFailure.Other, e.Message); // mongod refuses a peer it cannot name
                }
            }

            AdmittedInvalid = !Verdict.IsValid && _acceptor._setup.AllowInvalidCertificates;
            return Verdict.IsValid || AdmittedInvalid ? PeerFailure.None : Verdict.Failure;
        }

        public void NoCertificate() => Verdict = new PeerVerdict(PeerFailure.NoCertificate, "no SSL certificate provided by peer");

        /// <summary>
        /// After the handshake: a resumed session sent no certificate, so the one it carries is judged again now
        /// (same rules, same clock); a client that sent none is recorded as such.
        /// </summary>
        public void Complete(TlsStream tls)
        {
            if (_acceptor._validator is null || Verdict is not null)
            {
                return;
            }

            var certificate = tls.PeerCertificate();
            if (certificate is null)
            {
                NoCertificate(); // OpenSSL already refused this when a certificate is required
                return;
            }

            if (!tls.SessionResumed || Judge(certificate, tls.PeerChain()) != PeerFailure.None)
            {
                throw new PeerRejectedException(Verdict?.Reason ?? "the client certificate was not judged on this handshake");
            }
        }

        public PeerIdentity Identity(string remote)
        {
            var log = _acceptor._log;
            if (Verdict is { Failure: PeerFailure.NoCertificate })
            {
                if (!_acceptor._setup.SuppressNoCertificateWarning)
                {
                    log.Warning(LogComponents.Network, 23234, _connectionName, "No SSL certificate provided by peer", ("remote", remote));
                }

                return PeerIdentity.None;
            }

            if (AdmittedInvalid)
            {
                // tlsAllowInvalidCertificates: the connection is allowed, but with no subject, so no X.509 login.
                log.Warning(LogComponents.Network, 23235, _connectionName, "SSL peer certificate validation failed", ("reason", Verdict!.Reason), ("remote", remote));
                return PeerIdentity.None;
            }

            return _identity ?? PeerIdentity.None;
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

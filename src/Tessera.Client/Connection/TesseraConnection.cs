using System.Net.Sockets;
using System.Security.Authentication;
using MongoDB.Bson;
using Tessera.Client.Tls;
using Tessera.Security.Files;
using Tessera.Tls;
using Tessera.Wire;

namespace Tessera.Client.Connection;

/// <summary>
/// One connection to one server, opened as a driver opens it: DNS, TCP, TLS (the URI's options, checked by
/// <see cref="ServerCertificateCheck"/>), hello with speculative MONGODB-X509, the <c>authenticate</c> fallback on
/// $external, then commands as OP_MSG. No pool, no server discovery, no retries: a small, explicit connection for tools
/// and tests. Not thread-safe for opening; commands are sent one at a time.
/// </summary>
public sealed class TesseraConnection : IAsyncDisposable
{
    private const int DefaultConnectTimeoutMS = 10_000;

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly CommandChannel _channel;
    private readonly TimeSpan? _socketTimeout;
    private bool _broken;

    private TesseraConnection(ServerAddress server, Socket socket, Stream stream, TimeSpan? socketTimeout)
    {
        Server = server;
        _socket = socket;
        _stream = stream;
        _socketTimeout = socketTimeout;
        _channel = new CommandChannel(stream);
    }

    public ServerAddress Server { get; }

    /// <summary>The TLS version, or null without TLS.</summary>
    public SslProtocols? TlsProtocol => (_stream as TlsStream)?.Protocol;

    /// <summary>The server's reply to hello.</summary>
    public BsonDocument Hello { get; private set; } = [];

    /// <summary>The $external user logged in as, or null without a credential.</summary>
    public string? AuthenticatedUser { get; private set; }

    /// <summary>True when the login happened inside hello (speculativeAuthenticate), without an authenticate command.</summary>
    public bool AuthenticatedSpeculatively { get; private set; }

    /// <summary>Opens a connection to the first host of <paramref name="uri"/>.</summary>
    /// <exception cref="InvalidUriException">The URI is malformed.</exception>
    /// <exception cref="ClientConfigurationException">The options break a rule, or ask for what this connection does not do.</exception>
    /// <exception cref="CertificateFileException">A TLS file cannot be used.</exception>
    /// <exception cref="ConnectionFailedException">The server cannot be reached or its TLS refused; <see cref="ConnectionFailedException.Kind"/> says why.</exception>
    /// <exception cref="ServerCommandException">hello or the login failed on the server (e.g. 18 AuthenticationFailed).</exception>
    public static Task<TesseraConnection> OpenAsync(string uri, CancellationToken cancellationToken = default) =>
        OpenAsync(ConnectionString.Parse(uri), null, cancellationToken);

    /// <inheritdoc cref="OpenAsync(string, CancellationToken)"/>
    public static async Task<TesseraConnection> OpenAsync(ConnectionString uri, ConnectionOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var observer = options?.Observer ?? SilentObserver.Instance;
        var server = options?.Server ?? uri.Hosts[0];
        CheckSupported(uri, server);
        var tls = options?.TlsOptions is { } overrides ? uri.Tls.OverriddenBy(overrides).Resolve() : uri.TlsSettings;
        var credential = X509CredentialOf(uri);

        // Files first: a bad CA, CRL or key file is a configuration error, before any network traffic.
        var check = tls.Enabled ? new ServerCertificateCheck(tls) : null;
        var clientCertificate = tls.Enabled ? ClientCertificate.Load(tls) : null;
        X509Login? login = null;
        if (credential is not null)
        {
            login = clientCertificate is null
                ? throw new ClientConfigurationException("MONGODB-X509 needs a client certificate: give it with tlsCertificateKeyFile=/path/to/client.pem (certificate and key in one file).")
                : new X509Login(credential, clientCertificate);
        }

        // As in the URI options spec: connectTimeoutMS defaults to 10 s, and 0 means no limit for either option.
        var connectTimeout = uri.Options.GetInt32(UriOptionNames.ConnectTimeoutMS) switch
        {
            null => TimeSpan.FromMilliseconds(DefaultConnectTimeoutMS),
            0 => Timeout.InfiniteTimeSpan,
            var ms => TimeSpan.FromMilliseconds(ms.Value),
        };
        var socketTimeout = uri.Options.GetInt32(UriOptionNames.SocketTimeoutMS) is > 0 and var socketMs ? TimeSpan.FromMilliseconds(socketMs) : (TimeSpan?)null;

        var addresses = await NetworkConnector.ResolveAsync(server, observer, cancellationToken).ConfigureAwait(false);
        var socket = await NetworkConnector.ConnectAsync(server, addresses, connectTimeout, observer, cancellationToken).ConfigureAwait(false);
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        TlsHandshake? handshake = null;
        try
        {
            if (check is not null)
            {
                handshake = new TlsHandshake(server, tls, check, clientCertificate);
                stream = await handshake.RunAsync(stream, connectTimeout, observer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                observer.StepSkipped(ConnectionStep.TlsHandshake, "tls is off in the URI");
            }
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
            throw;
        }

        var connection = new TesseraConnection(server, socket, stream, socketTimeout);
        try
        {
            var speculative = options?.SpeculativeAuthentication ?? true;
            await connection.HandshakeAsync(uri, login, speculative, handshake, connectTimeout, observer, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="command"/> on <paramref name="database"/> and returns the reply.</summary>
    /// <exception cref="ServerCommandException">The reply has ok: 0; the exception carries code, codeName and errmsg.</exception>
    /// <exception cref="ConnectionFailedException">The connection was closed, timed out (socketTimeoutMS) or sent garbage.</exception>
    public async Task<BsonDocument> RunCommandAsync(string database, BsonDocument command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentNullException.ThrowIfNull(command);
        if (command.ElementCount == 0)
        {
            throw new ArgumentException("A command needs at least its name as the first field.", nameof(command));
        }

        if (_broken)
        {
            throw new ConnectionFailedException(Server.ToString(), new ConnectionFailure(
                ConnectionFailureKind.ConnectionClosed, ConnectionStep.Command,
                "this connection failed earlier (closed, timed out or garbled), so its next reply could belong to an older request",
                "open a new connection"));
        }

        var body = new BsonDocument(command.Elements.Where(e => e.Name != "$db")) { { "$db", database } };
        var reply = await SendAsync(body, ConnectionStep.Command, _socketTimeout, null, cancellationToken).ConfigureAwait(false);
        return reply.GetValue("ok", 0).ToDouble() == 1 ? reply : throw new ServerCommandException(command.GetElement(0).Name, reply);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }

    private async Task HandshakeAsync(
        ConnectionString uri, X509Login? login, bool speculative, TlsHandshake? tls, TimeSpan timeout, IConnectionObserver observer, CancellationToken cancellationToken)
    {
        var hello = HelloCommand.Create(uri.Options.GetString(UriOptionNames.AppName), speculative ? login?.Command() : null);
        Hello = await SendAsync(hello, ConnectionStep.Hello, timeout, tls, cancellationToken).ConfigureAwait(false);
        if (Hello.GetValue("ok", 0).ToDouble() != 1)
        {
            throw new ServerCommandException("hello", Hello);
        }

        observer.StepPassed(ConnectionStep.Hello, $"maxWireVersion {Hello.GetValue("maxWireVersion", 0)}" + (Hello.Contains("isWritablePrimary") ? $", isWritablePrimary {Hello["isWritablePrimary"]}" : ""));
        if (login is null)
        {
            observer.StepSkipped(ConnectionStep.Login, "no authMechanism=MONGODB-X509 in the URI");
            return;
        }

        if (speculative && X509Login.SpeculativeUser(Hello) is { } user)
        {
            AuthenticatedUser = user;
            AuthenticatedSpeculatively = true;
            observer.StepPassed(ConnectionStep.Login, $"as {user} (speculativeAuthenticate in hello)");
            return;
        }

        var command = login.Command();
        command.Add("$db", AuthMechanisms.ExternalSource);
        var reply = await SendAsync(command, ConnectionStep.Login, timeout, tls, cancellationToken).ConfigureAwait(false);
        if (reply.GetValue("ok", 0).ToDouble() != 1)
        {
            throw new ServerCommandException("authenticate", reply, login.FixFor(reply.GetValue("code", 0).ToInt32()));
        }

        AuthenticatedUser = reply.GetValue("user", "").ToString();
        observer.StepPassed(ConnectionStep.Login, $"as {AuthenticatedUser} (authenticate on $external)");
    }

    private async Task<BsonDocument> SendAsync(BsonDocument command, ConnectionStep step, TimeSpan? timeout, TlsHandshake? tls, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }

        try
        {
            return await _channel.SendAsync(command, deadline.Token).ConfigureAwait(false) ?? throw Closed(step, tls, null);
        }
        catch (Exception e) when (e is IOException or SocketException or WireProtocolException or ConnectionFailedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Like the drivers, never reuse a connection whose request and reply may have come apart.
            _broken = true;
            throw Failure(e, step, timeout, tls);
        }
    }

    private ConnectionFailedException Failure(Exception e, ConnectionStep step, TimeSpan? timeout, TlsHandshake? tls) => e switch
    {
        ConnectionFailedException failed => failed,
        IOException or SocketException => Closed(step, tls, e),
        WireProtocolException => new ConnectionFailedException(Server.ToString(), new ConnectionFailure(
            ConnectionFailureKind.ProtocolError, step,
            $"the server's answer is not a MongoDB reply: {e.Message}",
            "check that the host and port are a MongoDB server's"), e),
        _ => new ConnectionFailedException(Server.ToString(), new ConnectionFailure(
            ConnectionFailureKind.Timeout, step,
            $"no reply within {(long)timeout!.Value.TotalMilliseconds} ms",
            step == ConnectionStep.Command ? "raise socketTimeoutMS, or find out why the server is slow" : "raise connectTimeoutMS, or find out why the server is slow"), e),
    };

    // The first reply of a TLS 1.3 connection is where a refused client certificate shows: Tessera's alert, or mongod's close.
    private ConnectionFailedException Closed(ConnectionStep step, TlsHandshake? tls, Exception? cause)
    {
        var failure = step == ConnectionStep.Hello && tls is not null
            ? tls.ClosedAfterHandshake(step, cause)
            : new ConnectionFailure(ConnectionFailureKind.ConnectionClosed, step,
                $"the server closed the connection{(cause is null ? "" : $" ({cause.Message})")}",
                _stream is TlsStream
                    ? "read the server's log for the reason, and open a new connection"
                    : "read the server's log for the reason; a server with --tlsMode requireTLS closes plain-text connections: add tls=true");
        return new ConnectionFailedException(Server.ToString(), failure, cause);
    }

    private static void CheckSupported(ConnectionString uri, ServerAddress server)
    {
        if (uri.IsSrv)
        {
            throw new ClientConfigurationException("TesseraConnection does not look up mongodb+srv:// records: give the hosts with mongodb:// (or use MongoDB.Driver with DriverSettings.FromConnectionString).");
        }

        if (server.Kind == HostKind.UnixSocket)
        {
            throw new ClientConfigurationException($"TesseraConnection connects over TCP only, not to the Unix socket {server.Host}: give host:port.");
        }
    }

    private static X509Credential? X509CredentialOf(ConnectionString uri) => ClientCredential.FromConnectionString(uri) switch
    {
        null => null,
        { Mechanism: AuthMechanisms.X509 } x509 => X509Credential.Create(x509.UserName),
        { Mechanism: var mechanism } => throw new ClientConfigurationException(
            $"TesseraConnection logs in with MONGODB-X509 only, not {mechanism ?? "a user name and password (SCRAM)"}: set authMechanism=MONGODB-X509 and tlsCertificateKeyFile, without a password."),
    };
}

using System.Net;
using System.Net.Sockets;
using MongoDB.Bson;
using Tessera.Server.Authentication;
using Tessera.Server.Commands;
using Tessera.Server.Configuration;
using Tessera.Server.Logging;
using Tessera.Wire;

namespace Tessera.Server.Transport;

/// <summary>
/// One client connection from accept to close: tells TLS from plaintext, applies tlsMode, runs the handshake,
/// then reads requests and writes replies. Whatever the client sends, only this connection ends.
/// </summary>
internal sealed class ClientConnection
{
    private const string HttpReply =
        "HTTP/1.0 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 85\r\n\r\n"
        + "It looks like you are trying to access MongoDB over HTTP on the native driver port.\r\n";

    private readonly ServerContext _server;
    private readonly TlsAcceptor? _tls;
    private readonly Socket _socket;
    private readonly long _id;
    private readonly string _remote;

    public ClientConnection(ServerContext server, TlsAcceptor? tls, Socket socket, long id)
    {
        _server = server;
        _tls = tls;
        _socket = socket;
        _id = id;
        _remote = socket.RemoteEndPoint?.ToString() ?? "unknown";
    }

    private string Name => $"conn{_id}";

    private ServerLog Log => _server.Log;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var network = new NetworkStream(_socket, ownsSocket: true);
        try
        {
            var header = new byte[MessageHeader.Size];
            using (var firstBytes = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                firstBytes.CancelAfter(_server.Setup.HandshakeTimeout);
                if (await ReadHeaderAsync(network, header, firstBytes.Token).ConfigureAwait(false) is false)
                {
                    return; // closed before saying anything
                }
            }

            switch (TransportSniffer.Classify(header))
            {
                case TransportKind.Http:
                    await network.WriteAsync(System.Text.Encoding.ASCII.GetBytes(HttpReply), cancellationToken).ConfigureAwait(false);
                    return;
                case TransportKind.Tls:
                    await ServeTlsAsync(network, header, cancellationToken).ConfigureAwait(false);
                    return;
                default:
                    await ServePlaintextAsync(network, header, cancellationToken).ConfigureAwait(false);
                    return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server is stopping: nothing to tell anyone.
        }
    }

    private async Task ServeTlsAsync(NetworkStream network, byte[] header, CancellationToken cancellationToken)
    {
        if (_tls is null)
        {
            EndWith("SSL handshake received but server is started without SSL support");
            return;
        }

        if (TransportSniffer.ClientHelloVersion(header) is { Major: 3, Minor: 1 or 2 } version && !ProtocolEnabled(version.Minor))
        {
            // mongod's pre-handshake check: a fatal protocol_version alert, in the version the ClientHello asked for.
            await network.WriteAsync(new byte[] { 0x15, 3, version.Minor, 0, 2, 2, 70 }, cancellationToken).ConfigureAwait(false);
            EndWith("SSL handshake failed, as client requested disabled protocol");
            return;
        }

        var accepted = await _tls.AcceptAsync(new PrefixedStream(header, network), Name, _remote, cancellationToken).ConfigureAwait(false);
        if (accepted is not { } tls)
        {
            return;
        }

        await using (tls.Stream.ConfigureAwait(false))
        {
            await ServeAsync(tls.Stream, ReadOnlyMemory<byte>.Empty, isTls: true, tls.Peer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ServePlaintextAsync(NetworkStream network, byte[] header, CancellationToken cancellationToken)
    {
        switch (_server.Setup.TlsMode)
        {
            case TlsMode.RequireTls:
                EndWith("The server is configured to only allow SSL connections");
                return;
            case TlsMode.PreferTls when !_server.Setup.DisableNonTlsConnectionLogging:
                Log.Info(LogComponents.Network, 23838, Name, "SSL mode is set to 'preferred' and connection to remote is not using SSL.", ("remote", _remote));
                break;
        }

        await ServeAsync(network, header, isTls: false, PeerIdentity.None, cancellationToken).ConfigureAwait(false);
    }

    private async Task ServeAsync(Stream stream, ReadOnlyMemory<byte> alreadyRead, bool isTls, PeerIdentity peer, CancellationToken cancellationToken)
    {
        var isLoopback = _socket.RemoteEndPoint is IPEndPoint endpoint && IPAddress.IsLoopback(endpoint.Address);
        var connection = new ConnectionState(_id, _remote, isLoopback, isTls, peer);
        var reader = new MessageReader(stream, alreadyRead);
        var writer = new MessageWriter(stream);
        while (!cancellationToken.IsCancellationRequested)
        {
            ReceivedMessage? request;
            try
            {
                request = await reader.ReadRequestAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (WireProtocolException e)
            {
                EndWith(e.Message, code: 17, codeName: "ProtocolError");
                return;
            }

            if (request is null)
            {
                return;
            }

            var reply = Dispatch(connection, request.Message);
            if (connection.ReplyDelay > TimeSpan.Zero)
            {
                await Task.Delay(connection.ReplyDelay, cancellationToken).ConfigureAwait(false);
                connection.ReplyDelay = TimeSpan.Zero;
            }

            if (request.Message is OpMsg { MoreToCome: true })
            {
                continue; // the client asked for no reply (w: 0)
            }

            await writer.WriteReplyAsync(request, reply, cancellationToken).ConfigureAwait(false);
        }
    }

    private BsonDocument Dispatch(ConnectionState connection, WireMessage message)
    {
        try
        {
            return message switch
            {
                OpMsg msg => CommandDispatcher.Run(_server, connection, msg.ToCommandDocument(), msg.Body),
                OpQuery query => LegacyQuery.Run(_server, connection, query),
                _ => CommandDispatcher.ErrorReply(ErrorCode.ProtocolError, $"Unsupported message {message.OpCode}"),
            };
        }
        catch (WireProtocolException e)
        {
            return CommandDispatcher.ErrorReply(ErrorCode.ProtocolError, e.Message);
        }
    }

    private bool ProtocolEnabled(byte minor) => minor switch
    {
#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are named only to honour an operator's tlsDisabledProtocols=none.
        1 => (_server.Setup.EnabledProtocols & System.Security.Authentication.SslProtocols.Tls) != 0,
        2 => (_server.Setup.EnabledProtocols & System.Security.Authentication.SslProtocols.Tls11) != 0,
#pragma warning restore SYSLIB0039
        _ => true,
    };

    private void EndWith(string reason, int code = 141, string codeName = "SSLHandshakeFailed") =>
        Log.Info(LogComponents.Network, 22988, Name, "Error receiving request from client. Ending connection from remote",
            ("error", new Dictionary<string, object> { ["code"] = code, ["codeName"] = codeName, ["errmsg"] = reason }), ("remote", _remote));

    private static async Task<bool> ReadHeaderAsync(Stream stream, byte[] header, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < header.Length)
        {
            var n = await stream.ReadAsync(header.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}

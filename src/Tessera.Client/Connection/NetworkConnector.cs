using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tessera.Client.Connection;

/// <summary>The steps before TLS: the host's addresses from DNS, then a TCP connection to the first that answers.</summary>
internal static class NetworkConnector
{
    public static async Task<IPAddress[]> ResolveAsync(ServerAddress server, IConnectionObserver observer, CancellationToken cancellationToken)
    {
        var host = server.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal))
        {
            observer.StepSkipped(ConnectionStep.Resolve, $"{host} is an address");
            return [literal];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                throw NotFound(server, null);
            }

            observer.StepPassed(ConnectionStep.Resolve, string.Join(", ", addresses.Select(a => a.ToString())));
            return addresses;
        }
        catch (SocketException e)
        {
            throw NotFound(server, e);
        }
    }

    public static async Task<Socket> ConnectAsync(ServerAddress server, IPAddress[] addresses, TimeSpan timeout, IConnectionObserver observer, CancellationToken cancellationToken)
    {
        var refused = new List<IPAddress>();
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, server.EffectivePort), deadline.Token).ConfigureAwait(false);
                observer.StepPassed(ConnectionStep.Tcp, $"connected to {new IPEndPoint(address, server.EffectivePort)}");
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
                if (e.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    refused.Add(address);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new ConnectionFailedException(server.ToString(), new ConnectionFailure(
                    ConnectionFailureKind.Timeout, ConnectionStep.Tcp,
                    $"no answer from {address}:{server.EffectivePort} within connectTimeoutMS={Milliseconds(timeout)}",
                    "check that the server runs and that no firewall drops the packets, or raise connectTimeoutMS in the URI"));
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        var failure = refused.Count == addresses.Length
            ? new ConnectionFailure(
                ConnectionFailureKind.ConnectionRefused, ConnectionStep.Tcp,
                $"connection refused: nothing is listening on {server} ({string.Join(", ", addresses.Select(a => a.ToString()))})",
                "start the server, or fix the host and port in the URI (the default port is 27017; a server with --bind_ip listens only on those addresses)")
            : new ConnectionFailure(
                ConnectionFailureKind.NetworkError, ConnectionStep.Tcp,
                $"could not connect to {server}: {last?.Message}",
                "check the network route to the server and its firewall");
        throw new ConnectionFailedException(server.ToString(), failure, last);
    }

    private static ConnectionFailedException NotFound(ServerAddress server, SocketException? cause) => new(
        server.ToString(),
        new ConnectionFailure(
            ConnectionFailureKind.HostNotFound, ConnectionStep.Resolve,
            $"the host name '{server.Host}' has no address in DNS{(cause is null ? "" : $" ({cause.Message})")}",
            "check the host in the URI for typos, or add it to DNS or /etc/hosts"),
        cause);

    private static string Milliseconds(TimeSpan timeout) => ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Ocsp;

namespace Tessera.Testing.Ocsp;

/// <summary>
/// A real OCSP responder over HTTP/1.0 on 127.0.0.1 and a free port, answering every POSTed request with
/// <see cref="Response"/> for the CertIDs it was asked about (or garbage, or nothing). Minimal HTTP on a
/// TcpListener rather than HttpListener, because port 0 gives a free port without a race.
/// </summary>
public sealed class TestOcspResponder : IAsyncDisposable
{
    private static readonly byte[] GarbageBody = Encoding.ASCII.GetBytes("this is not an OCSP response");

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requestCount;

    private TestOcspResponder(TestOcspResponse response)
    {
        Response = response;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ocsp");
        _loop = Task.Run(AcceptAsync);
    }

    public static TestOcspResponder Start(TestOcspResponse response) => new(response);

    public Uri Url { get; }

    /// <summary>What the next requests get; may be changed while running.</summary>
    public TestOcspResponse Response { get; set; }

    /// <summary>Requests received, so that tests can tell a cache hit from a query.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestBodyAsync(stream).ConfigureAwait(false);
                Interlocked.Increment(ref _requestCount);
                var response = Response;
                if (response.Status == TestOcspAnswer.Hang)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                    return;
                }

                var body = response.Status == TestOcspAnswer.Garbage ? GarbageBody : Answer(response, request);
                var head = Encoding.ASCII.GetBytes(
                    $"HTTP/1.0 200 OK\r\nContent-Type: application/ocsp-response\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the responder stops: nothing to answer.
            }
        }
    }

    private static byte[] Answer(TestOcspResponse response, byte[] requestDer)
    {
        var request = new OcspReq(requestDer);
        var ids = request.GetRequestList().Select(r => r.GetCertID()).ToList();
        var nonceValue = request.GetExtensionValue(OcspObjectIdentifiers.PkixOcspNonce);
        var nonce = nonceValue is null ? null : ((Asn1OctetString)Asn1Object.FromByteArray(nonceValue.GetOctets())).GetOctets();
        return response.Build(ids, nonce);
    }

    /// <summary>Reads the header up to the blank line and then Content-Length bytes of body.</summary>
    private async Task<byte[]> ReadRequestBodyAsync(NetworkStream stream)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (header.Count < 4 || !(header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0 || header.Count > 16 * 1024)
            {
                throw new IOException("The HTTP request header ended early or is too long.");
            }

            header.Add(one[0]);
        }

        var lengthLine = Encoding.ASCII.GetString(header.ToArray())
            .Split("\r\n")
            .FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            ?? throw new IOException("The OCSP request has no Content-Length.");
        var body = new byte[int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body, _stop.Token).ConfigureAwait(false);
        return body;
    }
}

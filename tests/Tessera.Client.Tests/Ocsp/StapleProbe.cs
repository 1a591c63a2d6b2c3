using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Ocsp;
using Tessera.Security.Tls;
using Tessera.Tls.Client;

namespace Tessera.Client.Tests.Ocsp;

/// <summary>
/// What the server staples, seen by a TLS handshake that asks for a staple and accepts anything: the harness's own check
/// that a "staples" server really staples and a "does not staple" server does not, independent of the clients under test.
/// </summary>
internal static class StapleProbe
{
    /// <summary>"none", or the status the stapled response gives ("good", "revoked", "unknown"; "unreadable" if it is no OCSP response).</summary>
    public static async Task<string> StapledStatusAsync(int port)
    {
        using var context = new ClientTlsContext(null);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var recorder = new StapleRecorder();
        await using var tls = context.Connect(tcp.GetStream(), "localhost", recorder, requestStaple: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await tls.HandshakeAsync(timeout.Token);
        return recorder.Staple is { } staple ? StatusOf(staple) : "none";
    }

    /// <summary>Asks until the server staples something or <paramref name="limit"/> passes; the last answer.</summary>
    public static async Task<string> WaitForStapleAsync(int port, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var status = await StapledStatusAsync(port);
            if (status != "none" || DateTime.UtcNow >= deadline)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }

    private static string StatusOf(byte[] der)
    {
        try
        {
            var basic = (BasicOcspResp)new OcspResp(der).GetResponseObject();
            return basic.Responses[0].GetCertStatus() switch
            {
                null => "good",
                RevokedStatus => "revoked",
                _ => "unknown",
            };
        }
        catch (Exception e) when (e is OcspException or IOException or InvalidCastException or NullReferenceException or IndexOutOfRangeException or ArgumentException)
        {
            return "unreadable";
        }
    }

    private sealed class StapleRecorder : IServerCertificateJudge
    {
        public byte[]? Staple { get; private set; }

        public PeerFailure Judge(X509Certificate2 certificate, X509Certificate2Collection presentedChain) => PeerFailure.None;

        public bool AcceptStatus(byte[]? stapledResponse)
        {
            Staple = stapledResponse;
            return true;
        }
    }
}

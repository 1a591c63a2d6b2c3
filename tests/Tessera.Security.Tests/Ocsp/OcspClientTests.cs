using System.Net;
using System.Net.Sockets;
using Tessera.Security.Issuing;
using Tessera.Security.Ocsp;
using Tessera.Testing.Ocsp;

namespace Tessera.Security.Tests.Ocsp;

public sealed class OcspClientTests : IDisposable
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    [InlineData(KeyAlgorithm.Rsa2048)]
    public async Task A_good_answer_is_verified(KeyAlgorithm key)
    {
        using var pki = new OcspTestPki(key);
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = pki.Ca });

        var result = await new OcspClient(_http).QueryAsync(responder.Url, pki.Leaf, pki.Ca);

        Assert.Equal(OcspCertificateStatus.Good, result.Response?.Status);
        Assert.Null(result.SoftFailure);
        Assert.False(result.IsRevoked);
    }

    [Fact]
    public async Task A_revoked_answer_from_a_delegated_responder_is_a_hard_revoked()
    {
        using var pki = new OcspTestPki();
        using var delegated = OcspTestPki.Responder(pki.Ca, ocspSigning: true, KeyAlgorithm.Rsa2048);
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = delegated, Status = TestOcspAnswer.Revoked });

        var result = await new OcspClient(_http).QueryAsync(responder.Url, pki.Leaf, pki.Ca);

        Assert.True(result.IsRevoked, result.FailureMessage);
        Assert.Null(result.SoftFailure);
    }

    [Fact]
    public async Task Garbage_is_a_soft_failure_not_a_revocation()
    {
        using var pki = new OcspTestPki();
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = pki.Ca, Status = TestOcspAnswer.Garbage });

        var result = await new OcspClient(_http).QueryAsync(responder.Url, pki.Leaf, pki.Ca);

        Assert.Equal(OcspSoftFailure.InvalidResponse, result.SoftFailure);
        Assert.False(result.IsRevoked);
        Assert.Contains(responder.Url.ToString(), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Malformed", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_signed_by_a_stranger_is_a_soft_failure()
    {
        using var pki = new OcspTestPki();
        using var stranger = Tessera.Security.Tests.Issuing.TestPki.RootCa(name: "CN=Stranger");
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = stranger, Status = TestOcspAnswer.Revoked });

        var result = await new OcspClient(_http).QueryAsync(responder.Url, pki.Leaf, pki.Ca);

        Assert.Equal(OcspSoftFailure.InvalidResponse, result.SoftFailure);
        Assert.False(result.IsRevoked);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        using var pki = new OcspTestPki();
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/ocsp");

        var result = await new OcspClient(_http, timeout: TimeSpan.FromSeconds(5)).QueryAsync(url, pki.Leaf, pki.Ca);

        Assert.Equal(OcspSoftFailure.Unreachable, result.SoftFailure);
        Assert.Contains(url.ToString(), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_responder_that_never_answers_times_out()
    {
        using var pki = new OcspTestPki();
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = pki.Ca, Status = TestOcspAnswer.Hang });

        var result = await new OcspClient(_http, timeout: ShortTimeout).QueryAsync(responder.Url, pki.Leaf, pki.Ca);

        Assert.Equal(OcspSoftFailure.Timeout, result.SoftFailure);
        Assert.Equal(1, responder.RequestCount);
        Assert.Contains("0.5 s", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conclusive_answer_is_cached_and_an_unknown_one_is_not()
    {
        using var pki = new OcspTestPki();
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = pki.Ca, Status = TestOcspAnswer.Unknown });
        var client = new OcspClient(_http, cache: new OcspResponseCache());

        await client.QueryAsync(responder.Url, pki.Leaf, pki.Ca);
        responder.Response = responder.Response with { Status = TestOcspAnswer.Good };
        var good = await client.QueryAsync(responder.Url, pki.Leaf, pki.Ca);
        responder.Response = responder.Response with { Status = TestOcspAnswer.Revoked };
        var cached = await client.QueryAsync(responder.Url, pki.Leaf, pki.Ca);

        Assert.Equal(OcspCertificateStatus.Good, good.Response?.Status);
        Assert.Equal(OcspCertificateStatus.Good, cached.Response?.Status);
        Assert.Equal(2, responder.RequestCount);
    }

    /// <summary>A loopback port nothing listens on: bound, read, and released again.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

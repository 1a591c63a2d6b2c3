using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Connection;
using Tessera.Client.Tls;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Testing.Ocsp;

namespace Tessera.Client.Tests.Tls;

/// <summary>
/// <see cref="OcspCheck"/>'s rules (PyMongo's, client-behavior.md §3.5) against a real OCSP responder on loopback: the
/// staple decides when there is one, Must-Staple needs one, the responders are asked otherwise, with soft fail.
/// </summary>
public sealed class OcspCheckTests : IDisposable
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(700);

    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _delegate;

    public OcspCheckTests()
    {
        _ca = new CertificateIssuer().IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=OCSP Test CA,O=Acme") });
        _delegate = new CertificateIssuer().Issue(new IssueRequest
        {
            Profile = CertificateProfile.Client,
            Subject = Dn("CN=OCSP Responder,O=Acme"),
            ExtendedKeyUsageOverride = [ExtendedKeyUsageOids.OcspSigning],
        }, _ca);
    }

    public void Dispose()
    {
        _delegate.Dispose();
        _ca.Dispose();
    }

    [Theory]
    [InlineData(TestOcspAnswer.Good, CheckStatus.Passed)]
    [InlineData(TestOcspAnswer.Unknown, CheckStatus.Passed)] // PyMongo accepts a stapled unknown
    [InlineData(TestOcspAnswer.Revoked, CheckStatus.Failed)]
    public void AStapledResponseDecides(TestOcspAnswer answer, CheckStatus expected)
    {
        using var server = Server(new Uri("http://127.0.0.1:1/ocsp"));
        var staple = new TestOcspResponse { Signer = _ca, Status = answer }.BuildFor(server, _ca);
        var result = new OcspCheck(endpointCheck: true).Stapled(server, _ca, staple)!;
        Assert.Equal(expected, result.Status);
        if (expected == CheckStatus.Failed)
        {
            Assert.Equal(ConnectionFailureKind.OcspRevoked, result.Failure!.Kind);
            Assert.Contains("OCSP: the server's certificate 'CN=db.example.net,O=Acme'", result.Detail, StringComparison.Ordinal);
            Assert.Contains("is revoked", result.Detail, StringComparison.Ordinal);
            Assert.Contains("says the OCSP response the server stapled", result.Detail, StringComparison.Ordinal);
            Assert.Contains("replace the revoked certificate", result.Failure.Fix, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AStapleFromADelegatedResponderIsAccepted()
    {
        using var server = Server(null);
        var staple = new TestOcspResponse { Signer = _delegate, Status = TestOcspAnswer.Good }.BuildFor(server, _ca);
        Assert.Equal(CheckStatus.Passed, new OcspCheck(endpointCheck: true).Stapled(server, _ca, staple)!.Status);
    }

    [Fact]
    public void AStapleSignedByAnotherKeyOrForAnotherCertificateFails()
    {
        using var server = Server(null);
        using var other = Server(null);
        using var impostor = new CertificateIssuer().IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=OCSP Test CA,O=Acme") });
        var check = new OcspCheck(endpointCheck: true);

        var forged = check.Stapled(server, _ca, new TestOcspResponse { Signer = impostor }.BuildFor(server, impostor))!;
        Assert.Equal(ConnectionFailureKind.OcspResponseInvalid, forged.Failure!.Kind);
        Assert.Contains("the response the server stapled", forged.Detail, StringComparison.Ordinal);

        var misfiled = check.Stapled(server, _ca, new TestOcspResponse { Signer = _ca }.BuildFor(other, _ca))!;
        Assert.Equal(ConnectionFailureKind.OcspResponseInvalid, misfiled.Failure!.Kind);

        var garbage = check.Stapled(server, _ca, [1, 2, 3])!;
        Assert.Equal(ConnectionFailureKind.OcspResponseInvalid, garbage.Failure!.Kind);
    }

    [Fact]
    public void AMustStapleCertificateWithoutAStapleFailsEvenWithoutEndpointChecks()
    {
        using var server = Server(new Uri("http://127.0.0.1:1/ocsp"), mustStaple: true);
        foreach (var endpointCheck in new[] { true, false })
        {
            var result = new OcspCheck(endpointCheck).Stapled(server, _ca, null)!;
            Assert.Equal(ConnectionFailureKind.OcspStapleMissing, result.Failure!.Kind);
            Assert.Contains("is Must-Staple", result.Detail, StringComparison.Ordinal);
            Assert.Contains("ocspEnabled", result.Failure.Fix, StringComparison.Ordinal);
            Assert.Contains("http://127.0.0.1:1/ocsp", result.Failure.Fix, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithoutAStapleOrResponderOrWithEndpointChecksOffTheConnectionGoesOn()
    {
        using var noResponder = Server(null);
        var none = new OcspCheck(endpointCheck: true).Stapled(noResponder, _ca, null)!;
        Assert.Equal(CheckStatus.Skipped, none.Status);
        Assert.Contains("names no OCSP responder", none.Detail, StringComparison.Ordinal);

        using var withResponder = Server(new Uri("http://127.0.0.1:1/ocsp"));
        var off = new OcspCheck(endpointCheck: false).Stapled(withResponder, _ca, null)!;
        Assert.Equal(CheckStatus.Skipped, off.Status);
        Assert.Contains("tlsDisableOCSPEndpointCheck=true", off.Detail, StringComparison.Ordinal);

        // With a responder and the check on, the question is left to the responders.
        Assert.Null(new OcspCheck(endpointCheck: true).Stapled(withResponder, _ca, null));
    }

    [Theory]
    [InlineData(TestOcspAnswer.Good, CheckStatus.Passed)]
    [InlineData(TestOcspAnswer.Revoked, CheckStatus.Failed)]
    [InlineData(TestOcspAnswer.Unknown, CheckStatus.Skipped)]
    [InlineData(TestOcspAnswer.Garbage, CheckStatus.Skipped)]
    [InlineData(TestOcspAnswer.Hang, CheckStatus.Skipped)]
    public async Task TheResponderIsAskedWithoutAStapleAndSoftFailsUnlessItAnswers(TestOcspAnswer answer, CheckStatus expected)
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _delegate, Status = answer });
        using var server = Server(responder.Url);
        var result = await new OcspCheck(endpointCheck: true, timeout: ShortTimeout).FromRespondersAsync(server, _ca, CancellationToken.None);
        Assert.Equal(expected, result.Status);
        Assert.Contains(expected switch
        {
            CheckStatus.Passed => $"good, says the OCSP responder {responder.Url}",
            CheckStatus.Failed => $"says the OCSP responder {responder.Url}",
            _ => "soft fail",
        }, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableResponderSoftFailsNamingIt()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/ocsp");
        using var server = Server(url);
        var result = await new OcspCheck(endpointCheck: true, timeout: ShortTimeout).FromRespondersAsync(server, _ca, CancellationToken.None);
        Assert.Equal(CheckStatus.Skipped, result.Status);
        Assert.Contains(url.ToString(), result.Detail, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConclusiveAnswersAreCachedPerClientUntilNextUpdate()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _ca, Status = TestOcspAnswer.Revoked });
        using var server = Server(responder.Url);
        var check = new OcspCheck(endpointCheck: true, timeout: ShortTimeout);
        Assert.Equal(CheckStatus.Failed, (await check.FromRespondersAsync(server, _ca, CancellationToken.None)).Status);
        Assert.Equal(CheckStatus.Failed, (await check.FromRespondersAsync(server, _ca, CancellationToken.None)).Status);
        Assert.Equal(1, responder.RequestCount);

        // Another client has its own cache and asks again.
        Assert.Equal(CheckStatus.Failed, (await new OcspCheck(endpointCheck: true).FromRespondersAsync(server, _ca, CancellationToken.None)).Status);
        Assert.Equal(2, responder.RequestCount);
    }

    [Fact]
    public async Task AStapledAnswerFillsTheCacheTheRespondersUseLater()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _ca, Status = TestOcspAnswer.Good });
        using var server = Server(responder.Url);
        var check = new OcspCheck(endpointCheck: true);
        check.Stapled(server, _ca, new TestOcspResponse { Signer = _ca, Status = TestOcspAnswer.Revoked }.BuildFor(server, _ca));
        Assert.Equal(CheckStatus.Failed, (await check.FromRespondersAsync(server, _ca, CancellationToken.None)).Status);
        Assert.Equal(0, responder.RequestCount);
    }

    private X509Certificate2 Server(Uri? responder, bool mustStaple = false) => new CertificateIssuer().Issue(new IssueRequest
    {
        Profile = CertificateProfile.Server,
        Subject = Dn("CN=db.example.net,O=Acme"),
        Hosts = ["db.example.net"],
        OcspResponderUrl = responder,
        MustStaple = mustStaple,
    }, _ca);

    private static X500DistinguishedName Dn(string subject) => DistinguishedNameParser.Parse(subject).ToX500DistinguishedName();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

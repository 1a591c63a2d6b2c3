using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Testing;
using Tessera.Testing.Ocsp;

namespace Tessera.Cli.Tests.Doctor;

/// <summary>
/// `tessera doctor`'s ocsp step against `tessera serve` whose certificate names a test OCSP responder: the status it
/// shows (stapled or not, good, revoked, unknown, responder unreachable) and, for revoked, the cause and fix.
/// </summary>
public sealed class DoctorOcspTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public DoctorOcspTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task A_good_answer_from_the_responder_passes()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = Ca(), Status = TestOcspAnswer.Good });
        await using var server = await NotStapling(responder.Url);
        var result = Doctor(server);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"ok      good, says the OCSP responder {responder.Url}", Step(result, "ocsp"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stapled_answer_is_shown_as_stapled_and_the_responder_is_not_asked_by_the_client()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = Ca(), Status = TestOcspAnswer.Good });
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", ServerNaming(responder.Url));
        Assert.NotNull(await server.WaitForLogAsync(577163, "good")); // the server fetched its staple (in the background)
        var asked = responder.RequestCount;
        var result = Doctor(server);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ok      good, says the OCSP response the server stapled", Step(result, "ocsp"), StringComparison.Ordinal);
        Assert.Equal(asked, responder.RequestCount);
    }

    [Fact]
    public async Task A_revoked_answer_fails_with_the_cause_and_the_fix()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = Ca(), Status = TestOcspAnswer.Revoked });
        await using var server = await NotStapling(responder.Url);
        var result = Doctor(server);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAILED", Step(result, "ocsp"), StringComparison.Ordinal);
        Assert.Contains($"is revoked since", result.Output, StringComparison.Ordinal);
        Assert.Contains($"says the OCSP responder {responder.Url}", result.Output, StringComparison.Ordinal);
        Assert.Contains("fix:   the server's operator must replace the revoked certificate", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("  hello ", result.Output, StringComparison.Ordinal); // nothing is sent to a revoked server
    }

    [Fact]
    public async Task An_unknown_answer_or_an_unreachable_responder_is_a_soft_fail_that_says_so()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = Ca(), Status = TestOcspAnswer.Unknown });
        await using (var server = await NotStapling(responder.Url))
        {
            var unknown = Doctor(server);
            Assert.True(unknown.ExitCode == 0, unknown.ToString());
            Assert.Contains("skipped no stapled response and no conclusive answer", Step(unknown, "ocsp"), StringComparison.Ordinal);
            Assert.Contains("status unknown", Step(unknown, "ocsp"), StringComparison.Ordinal);
        }

        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/ocsp");
        await using (var server = await NotStapling(closed))
        {
            var unreachable = Doctor(server);
            Assert.True(unreachable.ExitCode == 0, unreachable.ToString());
            Assert.Contains($"The OCSP responder {closed} cannot be reached", Step(unreachable, "ocsp"), StringComparison.Ordinal);
            Assert.Contains("soft fail", Step(unreachable, "ocsp"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_tlsCRLFile_the_CRL_is_checked_instead_of_OCSP()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = Ca(), Status = TestOcspAnswer.Revoked });
        await using var server = await NotStapling(responder.Url);
        var result = Doctor(server, $"tlsCRLFile={_pki.CrlFile}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ok      not revoked", Step(result, "revocation"), StringComparison.Ordinal);
        Assert.Contains("skipped off: revocation is checked with tlsCRLFile", Step(result, "ocsp"), StringComparison.Ordinal);
        Assert.Equal(0, responder.RequestCount);
    }

    private Task<ServeProcess> NotStapling(Uri responder) =>
        ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", ServerNaming(responder), "--setParameter", "ocspEnabled=false");

    // A server certificate of the test PKI's CA whose AIA names the responder.
    private string ServerNaming(Uri responder)
    {
        using var ca = Ca();
        using var certificate = new CertificateIssuer().Issue(new IssueRequest
        {
            Profile = CertificateProfile.Member,
            Subject = DistinguishedNameParser.Parse("CN=localhost,OU=Cluster,O=Acme").ToX500DistinguishedName(),
            Hosts = ["localhost", "127.0.0.1"],
            OcspResponderUrl = responder,
        }, ca);
        var path = Path.Combine(_pki.Directory, $"ocsp-server-{Guid.NewGuid():N}.pem");
        CertificateFileWriter.WriteCombined(path, certificate, null);
        return path;
    }

    private X509Certificate2 Ca() =>
        CertificateKeyFile.Load(_pki.CaFile, Path.Combine(Path.GetDirectoryName(_pki.CaFile)!, "ca.key"), null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;

    private CommandResult Doctor(ServeProcess server, string options = "") =>
        TesseraProcess.Run(_pki.Directory, "doctor",
            $"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&authMechanism=MONGODB-X509"
            + (options.Length > 0 ? "&" + options : ""));

    private static string Step(CommandResult result, string step) =>
        result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("  " + step + " ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no '{step}' line in:\n{result}");

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

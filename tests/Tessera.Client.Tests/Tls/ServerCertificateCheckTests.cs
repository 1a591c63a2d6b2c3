using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Connection;
using Tessera.Client.Tls;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Testing;

namespace Tessera.Client.Tests.Tls;

/// <summary>
/// The failure classes no running server can show (a server refuses to start with its own certificate expired or not
/// yet valid), and the rules around them, judged by <see cref="ServerCertificateCheck"/> directly with a chosen clock.
/// </summary>
public sealed class ServerCertificateCheckTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public ServerCertificateCheckTests(TestPki pki) => _pki = pki;

    [Fact]
    public void AfterItsNotAfterTheServersOwnCertificateIsExpired()
    {
        using var server = Leaf(_pki.ServerFile);
        var report = Check(At(server.NotAfter.AddDays(1))).Evaluate(["localhost"], server, []);
        var failure = Assert.IsType<ConnectionFailure>(report.Failure);
        Assert.Equal(ConnectionFailureKind.CertificateExpired, failure.Kind);
        Assert.Contains("certificate has expired: the server's certificate expired on", failure.Cause, StringComparison.Ordinal);
        Assert.Contains("renew the server's certificate", failure.Fix, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NotRun, report.HostName.Status);
    }

    [Fact]
    public void BeforeItsNotBeforeTheCertificateIsNotYetValidAndTheClockIsBlamed()
    {
        using var server = Leaf(_pki.ServerFile);
        var failure = Check(At(server.NotBefore.AddDays(-1))).Evaluate(["localhost"], server, []).Failure!;
        Assert.Equal(ConnectionFailureKind.CertificateNotYetValid, failure.Kind);
        Assert.Contains("clocks", failure.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTlsCAFileThePrivateCaIsUnknownToTheSystemStore()
    {
        using var server = Leaf(_pki.ServerFile);
        var failure = new ServerCertificateCheck(new TlsSettings { Enabled = true }).Evaluate(["localhost"], server, []).Failure!;
        Assert.Equal(ConnectionFailureKind.UnknownIssuer, failure.Kind);
        Assert.Contains("tlsCAFile", failure.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AClientCertificatePresentedByAServerHasTheWrongPurpose()
    {
        using var client = Leaf(_pki.Alice);
        var failure = Check().Evaluate(["localhost"], client, []).Failure!;
        Assert.Equal(ConnectionFailureKind.WrongPurpose, failure.Kind);
        Assert.Contains("serverAuth", failure.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCertificateAtAllIsRefused()
    {
        var failure = Check().Evaluate(["localhost"], null, []).Failure!;
        Assert.Equal(ConnectionFailureKind.NoServerCertificate, failure.Kind);
    }

    [Fact]
    public void TlsAllowInvalidCertificatesSkipsEveryCheckIncludingTheHostName()
    {
        using var foreign = Leaf(_pki.ForeignServer);
        var report = new ServerCertificateCheck(Settings() with { AllowInvalidCertificates = true }).Evaluate(["elsewhere.test"], foreign, []);
        Assert.True(report.Accepted);
        Assert.All(new[] { report.Trust, report.HostName, report.Revocation, report.Ocsp }, r => Assert.Equal(CheckStatus.Skipped, r.Status));
    }

    [Fact]
    public void WithoutASanTheCnMatchesAndTheReportSaysItIsDeprecated()
    {
        using var ca = CertificateKeyFile.Load(_pki.CaFile, Path.Combine(Path.GetDirectoryName(_pki.CaFile)!, "ca.key"), null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;
        using var cnOnly = new CertificateIssuer().Issue(new IssueRequest
        {
            Profile = CertificateProfile.Server,
            Subject = DistinguishedNameParser.Parse("CN=localhost,O=Acme").ToX500DistinguishedName(),
            OmitSubjectAlternativeName = true,
        }, ca);
        var report = Check().Evaluate(["localhost"], cnOnly, []);
        Assert.True(report.Accepted);
        Assert.Contains("CN", report.HostName.Detail, StringComparison.Ordinal);
        Assert.Contains("deprecated", report.HostName.Detail, StringComparison.Ordinal);
        Assert.Equal(ConnectionFailureKind.HostNameMismatch, Check().Evaluate(["127.0.0.1"], cnOnly, []).Failure!.Kind);
    }

    [Fact]
    public void OcspIsLeftToTheHandshakeWhenOnAndSaidOffOtherwise()
    {
        using var server = Leaf(_pki.ServerFile);
        var on = Check().Evaluate(["localhost"], server, []);
        Assert.True(on.Accepted);
        Assert.Equal(CheckStatus.NotRun, on.Ocsp.Status); // the judge fills it in with the staple
        Assert.NotNull(on.Issuer);
        Assert.Equal(X509Name.Describe(on.Issuer!.SubjectName), X509Name.Describe(server.IssuerName));

        var off = new ServerCertificateCheck(Settings() with { Ocsp = false }).Evaluate(["localhost"], server, []);
        Assert.Equal(CheckStatus.Skipped, off.Ocsp.Status);
        Assert.Contains("Ocsp = false", off.Ocsp.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsCrlFileWithOcspIsRefusedWithPyMongosWordsAndTheFix()
    {
        var error = Assert.Throws<ClientConfigurationException>(() => new ServerCertificateCheck(Settings() with { CrlFile = _pki.CrlFile }));
        Assert.Contains("certificate revocation lists and OCSP cannot be used together", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ocsp = false", error.Message, StringComparison.Ordinal);

        using var server = Leaf(_pki.ServerFile);
        var report = new ServerCertificateCheck(Settings() with { CrlFile = _pki.CrlFile, Ocsp = false }).Evaluate(["localhost"], server, []);
        Assert.Equal(CheckStatus.Passed, report.Revocation.Status);
        Assert.Contains("tlsCRLFile", report.Ocsp.Detail, StringComparison.Ordinal);
    }

    private TlsSettings Settings() => new() { Enabled = true, CAFile = _pki.CaFile };

    private ServerCertificateCheck Check(TimeProvider? time = null) => new(Settings(), time);

    private static X509Certificate2 Leaf(string file) => CertificateKeyFile.Load(file, null).Certificate;

    private static TimeProvider At(DateTime time) => new FixedTime(new DateTimeOffset(time.ToUniversalTime()));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
